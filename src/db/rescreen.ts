/**
 * Re-screening in D1: who is affected by a rule change (index ranges over members.screened_key, never a walk over
 * everyone), a chunk's reads in one round trip and its writes in one transaction, runs and their steps, the
 * eligibility changes for the organizer's list. Raw D1 statements, because each step reports D1's own
 * rows_read/rows_written, and rows travel as one JSON parameter (`json_each`) so that no statement binds more
 * than a handful of the 100 parameters D1 allows, whatever the chunk's size.
 */
import type { MemberScope } from "../auth/access";
import type { Status } from "../engine/types";
import type { EnrollmentState } from "../members/enrollment";
import { RESCREEN_TASK_KINDS } from "../members/enums";
import type { ChangeKind, ResultRow } from "../members/changes";

/** D1's counts for a set of statements. */
export interface Cost {
  rows_read: number;
  rows_written: number;
}

const costOf = (results: readonly D1Result[]): Cost => {
  let rows_read = 0;
  let rows_written = 0;
  for (const r of results) {
    rows_read += r.meta.rows_read ?? 0;
    rows_written += r.meta.rows_written ?? 0;
  }
  return { rows_read, rows_written };
};

/** The purposes of her current consent (the latest not withdrawn). */
const CURRENT_PURPOSES = "(SELECT c.purposes FROM consents c WHERE c.member_id = m.id AND c.withdrawn_on IS NULL ORDER BY c.recorded_at DESC LIMIT 1)";
/** Her current consent includes screening: the only members ever re-screened. */
const SCREENING_CONSENT = `${CURRENT_PURPOSES} LIKE '%"screening"%'`;
/** A member with a latest screening but no key (screened before keys existed, or by a writer that set none). */
const SCREENED_WITHOUT_KEY = "m.screened_key IS NULL AND EXISTS (SELECT 1 FROM screening_results r WHERE r.member_id = m.id AND r.latest = 1)";

/**
 * The index ranges of members to look at, in scan order: those without a key, then keys below and above the key
 * of what is in force (`affected`); or everyone screened (`all`, for a full re-screening on request).
 */
export type ScanScope = "affected" | "all";
export interface ScanCursor {
  range: number;
  key: string | null;
  id: string;
}

function rangeSql(scope: ScanScope, range: number): string | undefined {
  if (range === 0) return SCREENED_WITHOUT_KEY;
  if (scope === "affected") return range === 1 ? "m.screened_key < ?2" : range === 2 ? "m.screened_key > ?2" : undefined;
  return range === 1 ? "m.screened_key >= ''" : undefined;
}

/**
 * The statement of one range of a scan. Parameters: ?1 network, ?2 the key in force, ?3 and ?4 the cursor (key,
 * id), ?5 the page size.
 */
export function scanSql(scope: ScanScope, range: number): string | undefined {
  const where = rangeSql(scope, range);
  if (!where) return undefined;
  return range === 0
    ? `SELECT m.id, m.screened_key AS k FROM members m WHERE m.network_id = ?1 AND ${where} AND m.id > ?4 AND ${SCREENING_CONSENT} ORDER BY m.id LIMIT ?5`
    : `SELECT m.id, m.screened_key AS k FROM members m WHERE m.network_id = ?1 AND ${where} AND (m.screened_key, m.id) > (?3, ?4) AND ${SCREENING_CONSENT} ORDER BY m.screened_key, m.id LIMIT ?5`;
}

/**
 * Up to `limit` members of the network, after `cursor`, whose screening is out of date (`affected`: her key is not
 * the key in force) and whose consent covers screening. Each range is walked along the index
 * members(network_id, screened_key, id).
 */
export async function scanPage(d1: D1Database, networkId: string, key: string, scope: ScanScope, cursor: ScanCursor | null, limit: number): Promise<{ ids: string[]; next: ScanCursor | null; cost: Cost }> {
  const ids: string[] = [];
  const cost: Cost = { rows_read: 0, rows_written: 0 };
  let range = cursor?.range ?? 0;
  let after: ScanCursor | null = cursor;
  for (;;) {
    const sql = scanSql(scope, range);
    if (!sql) return { ids, next: null, cost };
    const want = limit - ids.length;
    const res = await d1
      .prepare(sql)
      .bind(networkId, key, after?.key ?? "", after?.id ?? "", want)
      .all<{ id: string; k: string | null }>();
    cost.rows_read += res.meta.rows_read ?? 0;
    for (const r of res.results) ids.push(r.id);
    const last = res.results.at(-1);
    if (res.results.length === want && last) return { ids, next: { range, key: last.k, id: last.id }, cost };
    range += 1;
    after = null;
  }
}

/** Whether any member of the network is affected (one short walk of the same ranges). */
export async function anyAffected(d1: D1Database, networkId: string, key: string, scope: ScanScope): Promise<boolean> {
  return (await scanPage(d1, networkId, key, scope, null, 1)).ids.length > 0;
}

// ---- runs ---------------------------------------------------------------------------------------------------------

export interface RunRow {
  id: string;
  network_id: string;
  country: string;
  date: string;
  trigger: string;
  pack_hash: string;
  in_force_key: string;
  members: number;
  chunks: number;
  pages: number;
  scanned: number;
  started_at: string;
  finished_at: string | null;
}

/**
 * Starts a run unless one for the same network, rules and date is still going (started within `staleAfterMs`):
 * the cron and the first request after a deploy may notice the same change at once. Answers the run's id, or
 * undefined when one is already going.
 */
export async function startRun(d1: D1Database, run: Omit<RunRow, "members" | "chunks" | "pages" | "scanned" | "finished_at">, staleBefore: string): Promise<string | undefined> {
  const res = await d1
    .prepare(
      "INSERT INTO rescreen_runs (id, network_id, country, date, trigger, pack_hash, in_force_key, started_at) SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8 WHERE NOT EXISTS (SELECT 1 FROM rescreen_runs WHERE network_id = ?2 AND in_force_key = ?7 AND date = ?4 AND finished_at IS NULL AND started_at > ?9)",
    )
    .bind(run.id, run.network_id, run.country, run.date, run.trigger, run.pack_hash, run.in_force_key, run.started_at, staleBefore)
    .run();
  return (res.meta.changes ?? 0) > 0 ? run.id : undefined;
}

export async function runOf(d1: D1Database, id: string): Promise<RunRow | null> {
  return d1.prepare("SELECT * FROM rescreen_runs WHERE id = ?").bind(id).first<RunRow>();
}

/**
 * Records a scan page as done — once: the update names the page it follows, so a page delivered twice advances
 * the run once — and closes the run if the scan is over and every chunk is done.
 */
export async function recordScanPage(d1: D1Database, p: { run_id: string; page: number; members: number; chunks: number; scanned: boolean; cost: Cost; compute_ms: number; now: string }): Promise<boolean> {
  const [advanced] = await d1.batch([
    d1.prepare("UPDATE rescreen_runs SET pages = pages + 1, members = members + ?1, chunks = chunks + ?2, scanned = ?3 WHERE id = ?4 AND pages = ?5").bind(p.members, p.chunks, p.scanned ? 1 : 0, p.run_id, p.page),
    d1
      .prepare("INSERT OR IGNORE INTO rescreen_steps (run_id, step, n, members, changed, rows_read, rows_written, compute_ms, done_at) VALUES (?1, 'scan', ?2, ?3, ?3, ?4, ?5, ?6, ?7)")
      .bind(p.run_id, p.page, p.members, p.cost.rows_read, p.cost.rows_written, p.compute_ms, p.now),
    finishRun(d1, p.run_id, p.now),
  ]);
  return (advanced!.meta.changes ?? 0) > 0;
}

const finishRun = (d1: D1Database, runId: string, now: string) =>
  d1
    .prepare("UPDATE rescreen_runs SET finished_at = ?2 WHERE id = ?1 AND finished_at IS NULL AND scanned = 1 AND chunks <= (SELECT count(*) FROM rescreen_steps WHERE run_id = ?1 AND step = 'members')")
    .bind(runId, now);

// ---- a chunk of members -------------------------------------------------------------------------------------------

export interface ChunkMember {
  id: string;
  cluster_id: string;
  lang: string;
  facts: string;
  /** When her record last changed: a new screening is written only if it has not changed since (her facts are copied in SQL). */
  updated_at: string;
  screened_key: string | null;
  /** JSON purposes of her current consent, if any. */
  purposes: string | null;
  /** Her latest screening: its id and rows. */
  screening_id: string | null;
  results: ResultRow[];
  enrollments: { scheme: string; state: EnrollmentState }[];
}

/**
 * Everything a chunk needs in one statement, one row per member (in the network): her facts, consent, her latest
 * screening's rows and her enrollments as JSON. A row per member rather than per result keeps the D1 client's own
 * work small (it converts every row it returns, in the Worker's CPU time). Each by primary key or the member's
 * index; `+m.network_id` keeps the planner from walking the network's index instead of looking up the chunk's ids.
 */
export async function readChunk(d1: D1Database, networkId: string, memberIds: readonly string[]): Promise<{ members: ChunkMember[]; cost: Cost }> {
  const res = await d1
    .prepare(
      `SELECT m.id, m.cluster_id, m.lang, m.facts, m.updated_at, m.screened_key, ${CURRENT_PURPOSES} AS purposes, (SELECT r.screening_id FROM screening_results r WHERE r.member_id = m.id AND r.latest = 1 LIMIT 1) AS screening_id, (SELECT json_group_array(json_array(r.scheme, r.status, r.rule_version, r.version_hash, r.failed, r.unknown)) FROM screening_results r WHERE r.member_id = m.id AND r.latest = 1) AS results, (SELECT json_group_array(json_array(e.scheme, e.state)) FROM enrollments e WHERE e.member_id = m.id) AS enrollments FROM members m WHERE m.id IN (SELECT value FROM json_each(?1)) AND +m.network_id = ?2`,
    )
    .bind(JSON.stringify(memberIds), networkId)
    .all<{ id: string; cluster_id: string; lang: string; facts: string; updated_at: string; screened_key: string | null; purposes: string | null; screening_id: string | null; results: string; enrollments: string }>();
  const members = res.results.map(({ id, cluster_id, lang, facts, updated_at, screened_key, purposes, screening_id, results, enrollments }) => {
    const rows = JSON.parse(results) as [string, Status, string, string, string, string][];
    return {
      id,
      cluster_id,
      lang,
      facts,
      updated_at,
      screened_key,
      purposes,
      screening_id,
      results: rows.map(([scheme, status, rule_version, version_hash, failed, unknown]) => ({ scheme, status, rule_version, version_hash, failed, unknown })),
      enrollments: (JSON.parse(enrollments) as [string, EnrollmentState][]).map(([scheme, state]) => ({ scheme, state })),
    };
  });
  return { members, cost: costOf([res]) };
}

/**
 * What a chunk writes, each list one statement's JSON parameter, as arrays (no repeated keys: the parameters
 * travel through the D1 client as JSON, in the Worker's CPU time).
 */
export interface ChunkWrite {
  network_id: string;
  country: string;
  date: string;
  rules_version: string;
  run_id: string;
  now: string;
  /**
   * New screenings: [new id, member, the screening read as her latest (a guard), lang, covered_by as the workspace
   * knows it (JSON, or null to keep hers), her record's updated_at as read (a guard)]. The facts used are hers, copied
   * in SQL with covered_by set: they need not travel back.
   */
  screenings: [string, string, string, string, string | null, string][];
  /** Their rows: [screening, member, scheme, status, failed, unknown]; the version and hash by scheme in `versions`. */
  results: [string, string, string, string, string, string][];
  /** The versions the new screenings used, by scheme: [rule version, hash]. */
  versions: Record<string, [string, string]>;
  /**
   * Eligibility changes: [id, screening, member, cluster, scheme, from, to, from version, to version, from hash,
   * to hash, kind, causes, task id, task kind, due on].
   */
  changes: [string, string, string, string, string, Status | null, Status | null, string | null, string | null, string | null, string | null, ChangeKind, string, string | null, string | null, string | null][];
  /** New keys: [member, key, new screening (or null: only the key was missing), the key read (the guard)]. */
  keys: [string, string, string | null, string | null][];
}

const a = (i: number) => `json_extract(j.value, '$[${i}]')`;
/**
 * The guard of the first write: the screening read as her latest still is (nobody screened her meanwhile, she was
 * not erased), and her record has not changed since it was read.
 */
const STILL_LATEST = `EXISTS (SELECT 1 FROM screening_results r WHERE r.screening_id = ${a(2)} AND r.latest = 1)`;
/** The guard of the others: her new screening was written (by this statement's batch, just before). */
const written = (i: number) => `EXISTS (SELECT 1 FROM screenings s WHERE s.id = ${a(i)})`;
const RESCREEN_KINDS = RESCREEN_TASK_KINDS.map((k) => `'${k}'`).join(", ");

/**
 * Writes a chunk's re-screenings in one transaction. A member's new screening is written only if the screening
 * read as her latest still is — a message delivered twice, or a member screened or erased meanwhile, writes
 * nothing — and the rest of hers only if her new screening was written. Follow-ups a new change supersedes (an
 * open "no longer eligible" when she qualifies again) are cancelled. Answers how many screenings were written and
 * D1's counts.
 */
export async function writeChunk(d1: D1Database, w: ChunkWrite): Promise<{ written: number; cost: Cost }> {
  const stmts: D1PreparedStatement[] = [];
  if (w.screenings.length) {
    stmts.push(
      d1
        .prepare(
          `INSERT INTO screenings (id, member_id, network_id, country, date, lang, facts, rules_version, recorded_by, recorded_at, cause, run_id) SELECT ${a(0)}, ${a(1)}, ?1, ?2, ?3, ${a(3)}, CASE WHEN ${a(4)} IS NULL THEN m.facts ELSE json_set(m.facts, '$.covered_by', json(${a(4)})) END, ?4, 'system', ?5, 'rule_change', ?6 FROM json_each(?7) j JOIN members m ON m.id = ${a(1)} WHERE ${STILL_LATEST} AND m.updated_at = ${a(5)}`,
        )
        .bind(w.network_id, w.country, w.date, w.rules_version, w.now, w.run_id, JSON.stringify(w.screenings)),
      d1
        .prepare(
          `INSERT INTO screening_results (screening_id, member_id, scheme, status, rule_version, version_hash, failed, unknown, latest) SELECT ${a(0)}, ${a(1)}, ${a(2)}, ${a(3)}, json_extract(?2, '$.' || ${a(2)} || '[0]'), json_extract(?2, '$.' || ${a(2)} || '[1]'), ${a(4)}, ${a(5)}, 1 FROM json_each(?1) j WHERE ${written(0)}`,
        )
        .bind(JSON.stringify(w.results), JSON.stringify(w.versions)),
    );
  }
  if (w.changes.length) {
    const tasks = w.changes.filter((c) => c[13]).map((c) => [c[13], c[2], c[3], c[4], c[14], c[15], c[1]]);
    stmts.push(
      d1
        .prepare(`UPDATE tasks SET status = 'cancelled', done_at = ?1 WHERE status = 'open' AND kind IN (${RESCREEN_KINDS}) AND id IN (SELECT t.id FROM json_each(?2) j JOIN tasks t ON t.member_id = ${a(0)} AND t.scheme = ${a(1)} WHERE ${written(2)})`)
        .bind(w.now, JSON.stringify(w.changes.map((c) => [c[2], c[4], c[1]]))),
    );
    if (tasks.length) {
      stmts.push(
        d1
          .prepare(`INSERT INTO tasks (id, member_id, network_id, cluster_id, scheme, kind, due_on, status, created_at) SELECT ${a(0)}, ${a(1)}, ?1, ${a(2)}, ${a(3)}, ${a(4)}, ${a(5)}, 'open', ?2 FROM json_each(?3) j WHERE ${written(6)}`)
          .bind(w.network_id, w.now, JSON.stringify(tasks)),
      );
    }
    stmts.push(
      d1
        .prepare(
          `INSERT INTO eligibility_changes (id, member_id, network_id, cluster_id, scheme, from_status, to_status, from_rule_version, to_rule_version, from_hash, to_hash, kind, causes, detected_on, screening_id, run_id, task_id, task_kind, created_at) SELECT ${a(0)}, ${a(2)}, ?1, ${a(3)}, ${a(4)}, ${a(5)}, ${a(6)}, ${a(7)}, ${a(8)}, ${a(9)}, ${a(10)}, ${a(11)}, ${a(12)}, ?2, ${a(1)}, ?3, ${a(13)}, ${a(14)}, ?4 FROM json_each(?5) j WHERE ${written(1)}`,
        )
        .bind(w.network_id, w.date, w.run_id, w.now, JSON.stringify(w.changes)),
    );
  }
  if (w.screenings.length) {
    // The old rows stop being the latest where the new screening was written (their screening stays, as history).
    stmts.push(
      d1
        .prepare(`UPDATE screening_results SET latest = 0 WHERE latest = 1 AND screening_id IN (SELECT ${a(0)} FROM json_each(?1) j WHERE ${written(1)})`)
        .bind(JSON.stringify(w.screenings.map((x) => [x[2], x[0]]))),
    );
  }
  if (w.keys.length) {
    stmts.push(
      d1
        .prepare(`UPDATE members SET screened_key = ${a(1)} FROM json_each(?1) j WHERE members.id = ${a(0)} AND (CASE WHEN ${a(2)} IS NULL THEN members.screened_key IS ${a(3)} ELSE ${written(2)} END)`)
        .bind(JSON.stringify(w.keys)),
    );
  }
  if (!stmts.length) return { written: 0, cost: { rows_read: 0, rows_written: 0 } };
  const results = await d1.batch(stmts);
  return { written: w.screenings.length ? (results[0]!.meta.changes ?? 0) : 0, cost: costOf(results) };
}

/**
 * Records a chunk as done, once (with an audit entry naming the run when it wrote anything: ids only), and closes
 * the run when it was the last.
 */
export async function recordChunk(d1: D1Database, p: { run_id: string; network_id: string; n: number; members: number; changed: number; cost: Cost; compute_ms: number; now: string }): Promise<void> {
  const stmts = [];
  if (p.changed) {
    stmts.push(
      d1
        .prepare("INSERT INTO audit_log (at, network_id, actor_id, action, entity_type, entity_id, fields) SELECT ?1, ?2, NULL, 'screening.rescreen', 'rescreen_run', ?3, ?4 WHERE NOT EXISTS (SELECT 1 FROM rescreen_steps WHERE run_id = ?3 AND step = 'members' AND n = ?5)")
        .bind(p.now, p.network_id, p.run_id, JSON.stringify(["screenings", "screening_results", "eligibility_changes", "tasks"]), p.n),
    );
  }
  stmts.push(
    d1
      .prepare("INSERT OR IGNORE INTO rescreen_steps (run_id, step, n, members, changed, rows_read, rows_written, compute_ms, done_at) VALUES (?1, 'members', ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
      .bind(p.run_id, p.n, p.members, p.changed, p.cost.rows_read, p.cost.rows_written, p.compute_ms, p.now),
    finishRun(d1, p.run_id, p.now),
  );
  await d1.batch(stmts);
}

// ---- the rules as last processed ------------------------------------------------------------------------------------

export interface RulesStateRow {
  country: string;
  pack_hash: string;
  in_force_key: string;
  processed_on: string;
}

export async function rulesStates(d1: D1Database): Promise<RulesStateRow[]> {
  return (await d1.prepare("SELECT country, pack_hash, in_force_key, processed_on FROM rules_state").all<RulesStateRow>()).results;
}

/**
 * Records the rules of a country as processed on `date`. With `onlyIfChanged`, only if they differ from what is
 * recorded (or nothing is): answers whether it wrote, so that of several isolates noticing the same new rules at
 * once, one acts.
 */
export async function recordRulesState(d1: D1Database, s: RulesStateRow, now: string, onlyIfChanged: boolean): Promise<boolean> {
  const res = await d1
    .prepare(
      `INSERT INTO rules_state (country, pack_hash, in_force_key, processed_on, updated_at) VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (country) DO UPDATE SET pack_hash = excluded.pack_hash, in_force_key = excluded.in_force_key, processed_on = excluded.processed_on, updated_at = excluded.updated_at${onlyIfChanged ? " WHERE rules_state.pack_hash <> excluded.pack_hash OR rules_state.in_force_key <> excluded.in_force_key" : ""}`,
    )
    .bind(s.country, s.pack_hash, s.in_force_key, s.processed_on, now)
    .run();
  return (res.meta.changes ?? 0) > 0;
}

export async function networksByCountry(d1: D1Database): Promise<{ id: string; country: string }[]> {
  return (await d1.prepare("SELECT id, country FROM networks ORDER BY id").all<{ id: string; country: string }>()).results;
}

// ---- the organizer's list of changes --------------------------------------------------------------------------------

export interface ChangeRow {
  id: string;
  member_id: string;
  name: string;
  member_no: string;
  cluster_id: string;
  scheme: string;
  from_status: Status | null;
  to_status: Status | null;
  from_rule_version: string | null;
  to_rule_version: string | null;
  from_hash: string | null;
  to_hash: string | null;
  kind: ChangeKind;
  causes: string;
  detected_on: string;
  task_id: string | null;
  task_kind: string | null;
  /** The facts and date of the screening that found the change: its reasons are rendered from them. */
  facts: string;
  screening_date: string;
}

export interface ChangeQuery {
  since: string;
  cluster?: string;
  scheme?: string;
  kind?: ChangeKind;
  /** Keyset cursor: the last row's detected_on and id (newest first). */
  before?: { detected_on: string; id: string };
  limit: number;
}

/**
 * The eligibility changes in the scope since a date, newest first, a page at a time; of one kind, or all. Walks
 * the index (network or cluster, kind, detected_on, id) for one kind.
 */
export async function listChanges(d1: D1Database, scope: NonNullable<MemberScope>, q: ChangeQuery): Promise<{ rows: ChangeRow[]; more: boolean }> {
  // Parameters: ?1 network, ?2 clusters (JSON), ?3 since, ?4 cluster, ?5 scheme, ?6 kind, ?7 ?8 cursor, ?9 limit.
  const conds = [scope.clusters === "all" ? "ch.network_id = ?1" : "ch.network_id = ?1 AND ch.cluster_id IN (SELECT value FROM json_each(?2))", "ch.detected_on >= ?3"];
  if (q.cluster) conds.push("ch.cluster_id = ?4");
  if (q.scheme) conds.push("ch.scheme = ?5");
  if (q.kind) conds.push("ch.kind = ?6");
  if (q.before) conds.push("(ch.detected_on, ch.id) < (?7, ?8)");
  const res = await d1
    .prepare(
      `SELECT ch.id, ch.member_id, m.name, m.member_no, ch.cluster_id, ch.scheme, ch.from_status, ch.to_status, ch.from_rule_version, ch.to_rule_version, ch.from_hash, ch.to_hash, ch.kind, ch.causes, ch.detected_on, ch.task_id, ch.task_kind, s.facts, s.date AS screening_date FROM eligibility_changes ch JOIN members m ON m.id = ch.member_id JOIN screenings s ON s.id = ch.screening_id WHERE ${conds.join(" AND ")} ORDER BY ch.detected_on DESC, ch.id DESC LIMIT ?9`,
    )
    .bind(scope.network_id, scope.clusters === "all" ? null : JSON.stringify(scope.clusters), q.since, q.cluster ?? null, q.scheme ?? null, q.kind ?? null, q.before?.detected_on ?? null, q.before?.id ?? null, q.limit + 1)
    .all<ChangeRow>();
  return { rows: res.results.slice(0, q.limit), more: res.results.length > q.limit };
}

/** How many changes of each kind per scheme in the scope since a date (for the list's summary). */
export async function countChanges(d1: D1Database, scope: NonNullable<MemberScope>, since: string, cluster?: string): Promise<{ scheme: string; kind: ChangeKind; n: number }[]> {
  const where = scope.clusters === "all" ? "ch.network_id = ?1" : "ch.network_id = ?1 AND ch.cluster_id IN (SELECT value FROM json_each(?2))";
  return (
    await d1
      .prepare(`SELECT ch.scheme, ch.kind, count(*) AS n FROM eligibility_changes ch WHERE ${where} AND ch.detected_on >= ?3 AND (?4 IS NULL OR ch.cluster_id = ?4) GROUP BY ch.scheme, ch.kind`)
      .bind(scope.network_id, scope.clusters === "all" ? null : JSON.stringify(scope.clusters), since, cluster ?? null)
      .all<{ scheme: string; kind: ChangeKind; n: number }>()
  ).results;
}

/** The network's latest runs with their progress (chunks done). */
export async function latestRuns(d1: D1Database, networkId: string, limit = 3): Promise<(RunRow & { chunks_done: number })[]> {
  return (
    await d1
      .prepare("SELECT r.*, (SELECT count(*) FROM rescreen_steps s WHERE s.run_id = r.id AND s.step = 'members') AS chunks_done FROM rescreen_runs r WHERE r.network_id = ?1 ORDER BY r.started_at DESC LIMIT ?2")
      .bind(networkId, limit)
      .all<RunRow & { chunks_done: number }>()
  ).results;
}

export interface ForecastMember {
  id: string;
  name: string;
  member_no: string;
  cluster_id: string;
  lang: string;
  facts: string;
  /** JSON array of [scheme, state] pairs. */
  enrollments: string;
}

/** A page of the scope's members whose consent covers screening, with facts and enrollments (for a forecast). */
export async function forecastPage(d1: D1Database, scope: NonNullable<MemberScope>, after: string, limit: number): Promise<{ rows: ForecastMember[]; cost: Cost }> {
  const where = scope.clusters === "all" ? "m.network_id = ?1" : "m.network_id = ?1 AND m.cluster_id IN (SELECT value FROM json_each(?2))";
  const res = await d1
    .prepare(
      `SELECT m.id, m.name, m.member_no, m.cluster_id, m.lang, m.facts, (SELECT json_group_array(json_array(e.scheme, e.state)) FROM enrollments e WHERE e.member_id = m.id) AS enrollments FROM members m WHERE ${where} AND m.id > ?3 AND ${SCREENING_CONSENT} ORDER BY m.id LIMIT ?4`,
    )
    .bind(scope.network_id, scope.clusters === "all" ? null : JSON.stringify(scope.clusters), after, limit)
    .all<ForecastMember>();
  return { rows: res.results, cost: costOf([res]) };
}
