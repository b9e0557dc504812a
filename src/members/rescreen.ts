/**
 * Re-screening when the rules change: noticing (per country, is what members' latest screenings used still what
 * is in force?), scanning a network for the affected members in pages, re-screening a chunk of them with her
 * stored facts unchanged, and the forecast of a dated change before its date. The queue and cron handlers
 * (src/jobs/) only call these; the decisions themselves are pure (src/members/changes.ts).
 *
 * A run: noticing starts it and queues its first scan page; each scan page queues chunks of member ids (and the
 * next page); each chunk re-screens its members and writes only what changed. Every step is idempotent, so a
 * message delivered twice changes nothing the second time.
 */
import { newId } from "../auth/password";
import type { MemberScope } from "../auth/access";
import * as q from "../db/rescreen";
import type { Evaluation, Facts, Status } from "../engine/types";
import { evaluateFor, explainChange, type ChangeExplained } from "../present/changes";
import { getEngine, getPack } from "../rules/registry";
import type { CompiledPack } from "../engine/compile";
import { addDays, coveredBy, type EnrollmentState } from "./enrollment";
import { changeKind, diffResults, inForceKey, resultRowsOf, RESCREEN_FOLLOW_UP_DAYS, schemesChanging, screeningKey, type Change, type ChangeKind, type ResultRow } from "./changes";
import type { RescreenJob } from "../jobs/types";

/** Members re-screened per chunk (one queue message): well under D1's limits and 10 ms of CPU. */
export const CHUNK_SIZE = 100;
/** Affected members read per scan page (each page queues its chunks). */
export const SCAN_PAGE = 1000;
/** A run not finished after this long no longer stops a new one for the same change from starting. */
const RUN_STALE_MS = 6 * 60 * 60 * 1000;

export interface Jobs {
  d1: D1Database;
  /** Sends jobs to the queue (many at once). */
  send: (jobs: RescreenJob[]) => Promise<void>;
  now: () => Date;
  /** Members per chunk (default CHUNK_SIZE). */
  chunkSize?: number;
}

export type Trigger = "cron" | "request" | "all";

/** A monotonic clock for the compute between D1 round trips (the Worker's clock stands still while it computes). */
const clock = () => performance.now();

/**
 * Random ids (as `newId`: 16 random bytes, base64url) drawn from one buffer filled 64 ids at a time: a chunk needs
 * hundreds, and a call to the random source per id was most of a chunk's compute.
 */
function idSource(): () => string {
  let bytes = new Uint8Array(0);
  let at = 0;
  return () => {
    if (at >= bytes.length) {
      bytes = crypto.getRandomValues(new Uint8Array(16 * 64));
      at = 0;
    }
    let s = "";
    for (let i = at; i < at + 16; i++) s += String.fromCharCode(bytes[i]!);
    at += 16;
    return btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  };
}

/**
 * Compares, for each network, what is in force on `date` with what its members' latest screenings used, and starts
 * a run for each network with affected members (queueing its first scan page). Records each country's rules as
 * processed. `scope: "all"` re-screens every screened member (after an engine fix, say), not only the affected.
 */
export async function noticeRuleChanges(jobs: Jobs, date: string, trigger: Trigger, scope: q.ScanScope = "affected", only?: (country: string) => boolean): Promise<string[]> {
  const networks = await q.networksByCountry(jobs.d1);
  const countries = [...new Set(networks.map((n) => n.country))].filter((cc) => getPack(cc) && (!only || only(cc)));
  const started: string[] = [];
  for (const cc of countries) {
    const pack = getPack(cc)!;
    const key = inForceKey(pack, date);
    for (const network of networks.filter((n) => n.country === cc)) {
      if (!(await q.anyAffected(jobs.d1, network.id, key, scope))) continue;
      const now = jobs.now();
      const id = await q.startRun(jobs.d1, { id: newId(), network_id: network.id, country: cc, date, trigger, pack_hash: pack.hash, in_force_key: key, started_at: now.toISOString() }, new Date(now.getTime() - RUN_STALE_MS).toISOString());
      if (!id) continue;
      await jobs.send([{ kind: "rescreen", step: "scan", run_id: id, network_id: network.id, country: cc, date, scope, page: 0, cursor: null }]);
      started.push(id);
    }
    if (trigger !== "all") await q.recordRulesState(jobs.d1, { country: cc, pack_hash: pack.hash, in_force_key: key, processed_on: date }, jobs.now().toISOString(), false);
  }
  return started;
}

/**
 * The first request an isolate serves each day: for each country with networks, whether its rules (the pack's hash
 * and the versions in force today) differ from those last processed — a deploy with new rules, or a dated version
 * that came into force — and if so, notice the change at once rather than at the next cron. One small read; of
 * several isolates seeing new rules at once, one acts.
 */
export async function noticeIfRulesChanged(jobs: Jobs, date: string): Promise<string[]> {
  const [states, networks] = await Promise.all([q.rulesStates(jobs.d1), q.networksByCountry(jobs.d1)]);
  const changed: string[] = [];
  for (const cc of new Set(networks.map((n) => n.country))) {
    const pack = getPack(cc);
    if (!pack) continue;
    const key = inForceKey(pack, date);
    const s = states.find((x) => x.country === cc);
    if (s && s.pack_hash === pack.hash && s.in_force_key === key) continue;
    if (await q.recordRulesState(jobs.d1, { country: cc, pack_hash: pack.hash, in_force_key: key, processed_on: date }, jobs.now().toISOString(), true)) changed.push(cc);
  }
  if (!changed.length) return [];
  return noticeRuleChanges(jobs, date, "request", "affected", (cc) => changed.includes(cc));
}

/** A job from the queue. */
export async function runRescreenJob(jobs: Jobs, job: RescreenJob, today: string): Promise<void> {
  if (job.step === "scan") await scanStep(jobs, job);
  else await membersStep(jobs, job, today);
}

/** One page of the scan: queue the affected members in chunks, then the next page (or close the scan). */
async function scanStep(jobs: Jobs, job: Extract<RescreenJob, { step: "scan" }>): Promise<void> {
  let t = clock();
  const run = await q.runOf(jobs.d1, job.run_id);
  // A page already counted (a second delivery) queues nothing again.
  if (!run || run.pages > job.page) return;
  let compute = clock() - t;
  const page = await q.scanPage(jobs.d1, job.network_id, run.in_force_key, job.scope, job.cursor, SCAN_PAGE);
  t = clock();
  const size = Math.max(1, jobs.chunkSize ?? CHUNK_SIZE);
  const perPage = Math.ceil(SCAN_PAGE / size);
  const chunks: RescreenJob[] = [];
  for (let i = 0; i < page.ids.length; i += size) {
    chunks.push({ kind: "rescreen", step: "members", run_id: job.run_id, network_id: job.network_id, country: job.country, date: job.date, n: job.page * perPage + i / size, member_ids: page.ids.slice(i, i + size) });
  }
  if (page.next) chunks.push({ ...job, page: job.page + 1, cursor: page.next });
  compute += clock() - t;
  if (chunks.length) await jobs.send(chunks);
  await q.recordScanPage(jobs.d1, { run_id: job.run_id, page: job.page, members: page.ids.length, chunks: Math.ceil(page.ids.length / size), scanned: !page.next, cost: page.cost, compute_ms: compute, now: jobs.now().toISOString() });
}

/**
 * Re-screens a chunk of members: her stored facts unchanged, covered_by from her enrollments, the engine on the
 * run's date (or today, if the message comes later). Writes a new screening only for a member whose outcome
 * changed (a status, the failed or unknown criteria, or a version used), with her eligibility changes and their
 * follow-ups in her cluster; never moves an enrollment. A member erased, without consent to screening, or never
 * screened is left alone.
 */
async function membersStep(jobs: Jobs, job: Extract<RescreenJob, { step: "members" }>, today: string): Promise<void> {
  const engine = getEngine(job.country);
  if (!engine) throw new Error(`no rules for country ${job.country}`);
  const date = job.date > today ? job.date : today;
  const read = await q.readChunk(jobs.d1, job.network_id, job.member_ids);
  const t = clock();
  const now = jobs.now().toISOString();
  const w = planChunk(engine, read.members, job, date, now);
  const compute = clock() - t;
  const written = await q.writeChunk(jobs.d1, w);
  await q.recordChunk(jobs.d1, {
    run_id: job.run_id,
    network_id: job.network_id,
    n: job.n,
    members: job.member_ids.length,
    changed: written.written,
    cost: { rows_read: read.cost.rows_read + written.cost.rows_read, rows_written: written.cost.rows_written },
    compute_ms: compute,
    now,
  });
}

/**
 * What a chunk writes, decided without I/O: each member with consent to screening and a screening is evaluated on
 * `date` with her stored facts (covered_by from her enrollments); a member whose outcome changed gets a new
 * screening, her changes and their follow-ups; one whose outcome did not change, at most her missing key.
 */
export function planChunk(engine: CompiledPack, members: readonly q.ChunkMember[], job: { network_id: string; country: string; run_id: string }, date: string, now: string): q.ChunkWrite {
  const w: q.ChunkWrite = { network_id: job.network_id, country: job.country, date, rules_version: engine.pack.hash, run_id: job.run_id, now, screenings: [], results: [], versions: {}, changes: [], keys: [] };
  const id = idSource();
  for (const m of members) {
    if (!m.purposes?.includes('"screening"') || !m.screening_id) continue;
    const used = JSON.parse(m.facts) as Facts;
    const covered = m.enrollments.length || used.covered_by !== undefined ? coveredBy(used.covered_by as string[] | null | undefined, m.enrollments) : undefined;
    if (covered) used.covered_by = covered;
    const rows = resultRowsOf(engine.evaluate(used, { date, lang: m.lang }));
    const diff = diffResults(m.results, rows, m.enrollments);
    const key = screeningKey(rows);
    if (!diff.changed) {
      if (m.screened_key !== key) w.keys.push([m.id, key, null, m.screened_key]);
      continue;
    }
    const s = id();
    w.screenings.push([s, m.id, m.screening_id, m.lang, covered ? JSON.stringify(covered) : null, m.updated_at]);
    for (const r of rows) {
      w.results.push([s, m.id, r.scheme, r.status, r.failed, r.unknown]);
      w.versions[r.scheme] ??= [r.rule_version, r.version_hash];
    }
    for (const c of diff.changes) {
      const task = c.task ? ([id(), c.task, addDays(date, RESCREEN_FOLLOW_UP_DAYS[c.task])] as const) : undefined;
      w.changes.push([id(), s, m.id, m.cluster_id, c.scheme, c.from, c.to, c.from_rule_version, c.to_rule_version, c.from_hash, c.to_hash, changeKind(c.from, c.to), JSON.stringify(c.causes), task?.[0] ?? null, task?.[1] ?? null, task?.[2] ?? null]);
    }
    w.keys.push([m.id, key, s, null]);
  }
  return w;
}

// ---- forecast -----------------------------------------------------------------------------------------------------

export interface ForecastItem extends ChangeExplained {
  member: { id: string; name: string; member_no: string; cluster_id: string };
  /** The change, with the follow-up it would open (`task`); reasons rendered by the engine for the date. */
  change: Change;
}

export interface Forecast {
  today: string;
  date: string;
  /** Schemes whose version in force differs between today and the date. */
  schemes: string[];
  /** Members looked at (her consent covers screening). */
  members: number;
  /** Changes by kind (all of them), and the first `limit` changes themselves. */
  counts: { gain: number; loss: number; needs_info: number; other: number };
  items: ForecastItem[];
}

/**
 * What the rules in force on `date` would change for the scope's members, compared with the rules in force today:
 * each member's stored facts (covered_by from her enrollments) evaluated by the engine on both dates, the
 * schemes whose version differs compared with the same diff the re-screening uses. Nothing is written.
 */
export async function forecast(d1: D1Database, scope: NonNullable<MemberScope>, country: string, today: string, date: string, lang: string, limit = 500): Promise<Forecast> {
  const engine = getEngine(country)!;
  const schemes = new Set(schemesChanging(engine.pack, today, date));
  const out: Forecast = { today, date, schemes: [...schemes], members: 0, counts: { gain: 0, loss: 0, needs_info: 0, other: 0 }, items: [] };
  if (!schemes.size) return out;
  const only = (rows: ResultRow[]) => rows.filter((r) => schemes.has(r.scheme));
  let after = "";
  for (;;) {
    const page = await q.forecastPage(d1, scope, after, 1000);
    const used = page.rows.map((m) => {
      const facts = JSON.parse(m.facts) as Facts;
      const enrollments = (JSON.parse(m.enrollments) as [string, EnrollmentState][]).map(([scheme, state]) => ({ scheme, state }));
      const u: Facts = { ...facts };
      if (enrollments.length || u.covered_by !== undefined) u.covered_by = coveredBy(u.covered_by as string[] | null | undefined, enrollments);
      return { m, u, enrollments };
    });
    // All of a page on today's rules, then all on the date's: the engine keeps the versions in force of the last date.
    const now = used.map(({ u, m }) => only(resultRowsOf(engine.evaluate(u, { date: today, lang: m.lang }))));
    for (const [i, { m, u, enrollments }] of used.entries()) {
      const evaluation = engine.evaluate(u, { date, lang });
      const diff = diffResults(now[i]!, only(resultRowsOf(evaluation)), enrollments);
      for (const change of diff.changes) {
        out.counts[changeKind(change.from, change.to)] += 1;
        if (out.items.length >= limit) continue;
        const ids = { scheme: change.scheme, from_status: change.from, to_status: change.to, from_rule_version: change.from_rule_version, to_rule_version: change.to_rule_version, causes: change.causes };
        out.items.push({ member: { id: m.id, name: m.name, member_no: m.member_no, cluster_id: m.cluster_id }, change, ...explainChange(engine.pack, ids, evaluation, lang) });
      }
    }
    out.members += page.rows.length;
    if (page.rows.length < 1000) break;
    after = page.rows.at(-1)!.id;
  }
  return out;
}

// ---- the organizer's list of changes ------------------------------------------------------------------------------

export interface ChangeItem extends ChangeExplained {
  id: string;
  member: { id: string; name: string; member_no: string; cluster_id: string };
  scheme: string;
  from_status: Status | null;
  to_status: Status | null;
  from_rule_version: string | null;
  to_rule_version: string | null;
  from_hash: string | null;
  to_hash: string | null;
  kind: ChangeKind;
  detected_on: string;
  task: { id: string; kind: string } | null;
}

export interface ChangeCounts {
  scheme: string;
  gain: number;
  loss: number;
  needs_info: number;
  other: number;
}

/**
 * The eligibility changes in the scope since a date, newest first (of one kind, or all), each explained in `lang`:
 * reasons rendered by the engine from the facts and date of the screening that found it.
 */
export async function listChangesFor(d1: D1Database, scope: NonNullable<MemberScope>, country: string, lang: string, query: q.ChangeQuery) {
  const engine = getEngine(country)!;
  const page = await q.listChanges(d1, scope, query);
  const evaluations = new Map<string, Evaluation>();
  const items: ChangeItem[] = page.rows.map((r) => {
    const key = `${r.screening_date}|${r.facts}`;
    let evaluation = evaluations.get(key);
    if (!evaluation) evaluations.set(key, (evaluation = evaluateFor(engine, JSON.parse(r.facts) as Facts, r.screening_date, lang)));
    const causes = JSON.parse(r.causes) as string[];
    return {
      id: r.id,
      member: { id: r.member_id, name: r.name, member_no: r.member_no, cluster_id: r.cluster_id },
      scheme: r.scheme,
      from_status: r.from_status,
      to_status: r.to_status,
      from_rule_version: r.from_rule_version,
      to_rule_version: r.to_rule_version,
      from_hash: r.from_hash,
      to_hash: r.to_hash,
      kind: r.kind,
      detected_on: r.detected_on,
      task: r.task_id && r.task_kind ? { id: r.task_id, kind: r.task_kind } : null,
      ...explainChange(engine.pack, { ...r, causes }, evaluation, lang),
    };
  });
  const last = page.rows.at(-1);
  return { items, next: page.more && last ? { detected_on: last.detected_on, id: last.id } : undefined };
}

/** The network's latest re-screening runs, with their progress. */
export async function rescreenRuns(d1: D1Database, networkId: string) {
  return (await q.latestRuns(d1, networkId)).map((r) => ({ id: r.id, date: r.date, trigger: r.trigger, members: r.members, chunks: r.chunks, chunks_done: r.chunks_done, scanned: Boolean(r.scanned), started_at: r.started_at, finished_at: r.finished_at }));
}

/** How many changes of each kind per scheme in the scope since a date, and the network's latest runs. */
export async function changeSummary(d1: D1Database, scope: NonNullable<MemberScope>, since: string, cluster?: string) {
  const [counted, runs] = await Promise.all([q.countChanges(d1, scope, since, cluster), rescreenRuns(d1, scope.network_id)]);
  const counts = new Map<string, ChangeCounts>();
  for (const c of counted) {
    let entry = counts.get(c.scheme);
    if (!entry) counts.set(c.scheme, (entry = { scheme: c.scheme, gain: 0, loss: 0, needs_info: 0, other: 0 }));
    entry[c.kind] += c.n;
  }
  return { counts: [...counts.values()].sort((a, b) => a.scheme.localeCompare(b.scheme)), runs };
}
