/**
 * The member registry in D1: members scoped by network and clusters, consents, screenings, enrollments with their
 * events and follow-ups, erasure and the audit log. Every read of a member takes the caller's scope, so that a
 * member outside it does not exist for her (the route answers 404). Each function takes the drizzle database
 * first. Writes that belong together go in one D1 batch (one transaction).
 */
import { and, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { MemberScope } from "../auth/access";
import type { EnrollmentState, Move, TaskKind } from "../members/enrollment";
import type { Db } from "./queries";
import { auditLog, consents, eligibilityChanges, enrollmentEvents, enrollments, erasedKeys, members, screeningResults, screenings, tasks } from "./schema";
import { screeningKey } from "../members/changes";

type Stmt = BatchItem<"sqlite">;
export type MemberRow = typeof members.$inferSelect;
export type ConsentRow = typeof consents.$inferSelect;

async function run(db: Db, items: Stmt[]): Promise<void> {
  const [first, ...rest] = items;
  if (first) await db.batch([first, ...rest]);
}

/** Lower-case, accents folded, spaces squeezed: the form names are searched in. */
export function nameKey(name: string): string {
  return name.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();
}

/**
 * The caller's scope as a condition on members `m`. `driven`: another condition picks the rows (a search's matches),
 * so the scope must not steer the query planner to walk the scope's index instead (a unary `+` keeps SQLite from
 * using an index for a term, without changing its meaning).
 */
function scopeWhere(scope: NonNullable<MemberScope>, driven = false): SQL {
  const p = driven ? sql.raw("+") : sql.raw("");
  return scope.clusters === "all"
    ? sql`${p}m.network_id = ${scope.network_id}`
    : sql`${p}m.network_id = ${scope.network_id} AND ${p}m.cluster_id IN (${sql.join(scope.clusters.map((c) => sql`${c}`), sql`, `)})`;
}

/** The scope as a condition on a table that carries the member's network and cluster itself (tasks, enrollments). */
function ownScope(alias: string, scope: NonNullable<MemberScope>): SQL {
  const a = sql.raw(alias);
  return scope.clusters === "all"
    ? sql`${a}.network_id = ${scope.network_id}`
    : sql`${a}.network_id = ${scope.network_id} AND ${a}.cluster_id IN (${sql.join(scope.clusters.map((c) => sql`${c}`), sql`, `)})`;
}

// ---- audit ------------------------------------------------------------------------------------------------------

export interface AuditEntry {
  network_id: string;
  actor_id: string | null;
  action: string;
  entity_type: string;
  entity_id?: string | null;
  /** Names of the fields touched, never their values. */
  fields?: string[];
  at: string;
}

export function auditStmt(db: Db, e: AuditEntry): Stmt {
  return db.insert(auditLog).values({ ...e, entity_id: e.entity_id ?? null, fields: JSON.stringify(e.fields ?? []) });
}

export async function audit(db: Db, e: AuditEntry): Promise<void> {
  await auditStmt(db, e);
}

export async function auditPage(db: Db, networkId: string, opts: { before?: number; limit: number; entity_id?: string }) {
  const conds = [eq(auditLog.network_id, networkId)];
  if (opts.before) conds.push(sql`${auditLog.id} < ${opts.before}`);
  if (opts.entity_id) conds.push(eq(auditLog.entity_id, opts.entity_id));
  const rows = await db.select().from(auditLog).where(and(...conds)).orderBy(desc(auditLog.id)).limit(opts.limit + 1);
  return { rows: rows.slice(0, opts.limit).map((r) => ({ ...r, fields: JSON.parse(r.fields) as string[] })), more: rows.length > opts.limit };
}

// ---- members ----------------------------------------------------------------------------------------------------

export interface ListQuery {
  /** The start of her names' words ("wanj otie"), a member number or a phone number. */
  q?: string;
  /** The phone number in `q` in international form, when it reads as one in the network's country. */
  phone?: string;
  cluster?: string;
  /** With `status`: members whose latest screening gives this scheme this status. */
  scheme?: string;
  status?: string;
  /** With `scheme`: members whose enrollment in it is in this state. */
  enrollment?: EnrollmentState;
  /** Members with a follow-up due on or before this date. */
  due_by?: string;
  /** Keyset cursor: the last row's name key and id. */
  after?: { name_key: string; id: string };
  limit: number;
}

export interface MemberListItem {
  id: string;
  member_no: string;
  name: string;
  name_key: string;
  cluster_id: string;
  phone: string | null;
  lang: string;
  consent_state: string;
}

export async function listMembers(db: Db, scope: NonNullable<MemberScope>, q: ListQuery): Promise<{ items: MemberListItem[]; more: boolean }> {
  const conds: SQL[] = [scopeWhere(scope, !!q.q)];
  if (q.cluster) conds.push(q.q ? sql`+m.cluster_id = ${q.cluster}` : sql`m.cluster_id = ${q.cluster}`);
  if (q.q) {
    // The matches drive the query, each found through an index — the name index (FTS5, word prefixes), the member
    // number, the phone — then sorted: a search reads the rows it finds, not the whole network in name order.
    const words = nameKey(q.q).split(/[^\p{L}\p{M}\p{N}]+/u).filter(Boolean).slice(0, 8);
    const found: SQL[] = [sql`SELECT rowid FROM members WHERE network_id = ${scope.network_id} AND member_no = ${q.q.trim()}`];
    if (q.phone) found.push(sql`SELECT rowid FROM members WHERE network_id = ${scope.network_id} AND phone = ${q.phone}`);
    if (words.length) found.push(sql`SELECT rowid FROM member_names WHERE member_names MATCH ${words.map((w) => `"${w}"*`).join(" ")}`);
    conds.push(sql`m.rowid IN (${sql.join(found, sql` UNION `)})`);
  }
  if (q.scheme && q.status) conds.push(sql`EXISTS (SELECT 1 FROM screening_results r WHERE r.member_id = m.id AND r.latest = 1 AND r.scheme = ${q.scheme} AND r.status = ${q.status})`);
  if (q.scheme && q.enrollment) {
    conds.push(
      q.enrollment === "not_started"
        ? sql`NOT EXISTS (SELECT 1 FROM enrollments e WHERE e.member_id = m.id AND e.scheme = ${q.scheme} AND e.state <> 'not_started')`
        : sql`EXISTS (SELECT 1 FROM enrollments e WHERE e.member_id = m.id AND e.scheme = ${q.scheme} AND e.state = ${q.enrollment})`,
    );
  }
  if (q.due_by) conds.push(sql`EXISTS (SELECT 1 FROM tasks t WHERE t.member_id = m.id AND t.status = 'open' AND t.due_on <= ${q.due_by})`);
  if (q.after) conds.push(sql`(m.name_key, m.id) > (${q.after.name_key}, ${q.after.id})`);
  const rows = await db.all<MemberListItem>(
    sql`SELECT m.id, m.member_no, m.name, m.name_key, m.cluster_id, m.phone, m.lang, m.consent_state FROM members m WHERE ${sql.join(conds, sql` AND `)} ORDER BY m.name_key, m.id LIMIT ${q.limit + 1}`,
  );
  return { items: rows.slice(0, q.limit), more: rows.length > q.limit };
}

export async function countMembers(db: Db, scope: NonNullable<MemberScope>): Promise<number> {
  const row = await db.get<{ n: number }>(sql`SELECT count(*) AS n FROM members m WHERE ${scopeWhere(scope)}`);
  return row?.n ?? 0;
}

/** One member, if the scope reaches her. */
export async function findMember(db: Db, scope: NonNullable<MemberScope>, id: string): Promise<MemberRow | undefined> {
  const row = await db.get<MemberRow>(sql`SELECT * FROM members m WHERE m.id = ${id} AND ${scopeWhere(scope)}`);
  return row ? { ...row, stats_consent: Boolean(row.stats_consent) } : undefined;
}

export async function memberNoTaken(db: Db, networkId: string, memberNo: string, exceptId?: string): Promise<boolean> {
  const row = await db.select({ id: members.id }).from(members).where(and(eq(members.network_id, networkId), eq(members.member_no, memberNo))).get();
  return !!row && row.id !== exceptId;
}

export async function isErased(db: Db, networkId: string, keyHashes: string[]): Promise<boolean> {
  if (!keyHashes.length) return false;
  const row = await db.select({ k: erasedKeys.key_hash }).from(erasedKeys).where(and(eq(erasedKeys.network_id, networkId), inArray(erasedKeys.key_hash, keyHashes))).get();
  return !!row;
}

export type NewConsent = Omit<ConsentRow, "withdrawn_on" | "withdrawal_channel" | "withdrawal_effect">;

/** A new member with her first consent, in one transaction: nothing is kept without consent. */
export async function createMember(db: Db, member: MemberRow, consent: NewConsent, auditEntry: AuditEntry): Promise<void> {
  await run(db, [db.insert(members).values(member), db.insert(consents).values(consent), auditStmt(db, auditEntry)]);
}

export async function updateMember(db: Db, id: string, set: Partial<MemberRow>, auditEntry: AuditEntry): Promise<void> {
  const stmts: Stmt[] = [db.update(members).set(set).where(eq(members.id, id)), auditStmt(db, auditEntry)];
  // Moving her to another cluster moves her open work with her.
  if (set.cluster_id) {
    stmts.push(db.update(enrollments).set({ cluster_id: set.cluster_id }).where(eq(enrollments.member_id, id)));
    stmts.push(db.update(tasks).set({ cluster_id: set.cluster_id }).where(eq(tasks.member_id, id)));
    stmts.push(db.update(eligibilityChanges).set({ cluster_id: set.cluster_id }).where(eq(eligibilityChanges.member_id, id)));
  }
  await run(db, stmts);
}

export async function consentsOf(db: Db, memberId: string): Promise<ConsentRow[]> {
  return db.select().from(consents).where(eq(consents.member_id, memberId)).orderBy(desc(consents.recorded_at));
}

/** A new consent replaces the member's current state (terms of earlier consents stay as they were). */
export async function addConsent(db: Db, consent: NewConsent, memberState: Pick<MemberRow, "consent_state" | "stats_consent" | "updated_at">, auditEntry: AuditEntry): Promise<void> {
  await run(db, [db.insert(consents).values(consent), db.update(members).set(memberState).where(eq(members.id, consent.member_id)), auditStmt(db, auditEntry)]);
}

export async function withdrawConsent(
  db: Db,
  consentId: string,
  memberId: string,
  w: Pick<ConsentRow, "withdrawn_on" | "withdrawal_channel" | "withdrawal_effect">,
  memberState: Partial<MemberRow>,
  auditEntry: AuditEntry,
): Promise<void> {
  await run(db, [db.update(consents).set(w).where(and(eq(consents.id, consentId), eq(consents.member_id, memberId))), db.update(members).set(memberState).where(eq(members.id, memberId)), auditStmt(db, auditEntry)]);
}

// ---- screenings -------------------------------------------------------------------------------------------------

export interface ScreeningResultInput {
  scheme: string;
  status: string;
  rule_version: string;
  version_hash: string;
  failed: string[];
  unknown: string[];
}

/** D1 binds at most 100 parameters per statement; a result row binds 9. */
const RESULTS_PER_STATEMENT = 11;

export async function saveScreening(
  db: Db,
  s: typeof screenings.$inferInsert,
  results: ScreeningResultInput[],
  memberFacts: string,
  auditEntry: AuditEntry,
): Promise<void> {
  const rows = results.map((r) => ({ screening_id: s.id, member_id: s.member_id, scheme: r.scheme, status: r.status as never, rule_version: r.rule_version, version_hash: r.version_hash, failed: JSON.stringify(r.failed), unknown: JSON.stringify(r.unknown), latest: true }));
  const stmts: Stmt[] = [db.update(screeningResults).set({ latest: false }).where(and(eq(screeningResults.member_id, s.member_id), eq(screeningResults.latest, true))), db.insert(screenings).values(s)];
  for (let i = 0; i < rows.length; i += RESULTS_PER_STATEMENT) stmts.push(db.insert(screeningResults).values(rows.slice(i, i + RESULTS_PER_STATEMENT)));
  // Her key names the versions this screening used: a later rule change finds her by it (src/db/rescreen.ts).
  stmts.push(db.update(members).set({ facts: memberFacts, updated_at: s.recorded_at, screened_key: screeningKey(results) }).where(eq(members.id, s.member_id)));
  stmts.push(auditStmt(db, auditEntry));
  await run(db, stmts);
}

export async function latestScreening(db: Db, memberId: string) {
  const s = await db.select().from(screenings).where(eq(screenings.member_id, memberId)).orderBy(desc(screenings.recorded_at)).limit(1).get();
  if (!s) return undefined;
  const results = await db.select().from(screeningResults).where(eq(screeningResults.screening_id, s.id));
  return { ...s, facts: JSON.parse(s.facts) as Record<string, unknown>, results: results.map((r) => ({ scheme: r.scheme, status: r.status, rule_version: r.rule_version, version_hash: r.version_hash, failed: JSON.parse(r.failed) as string[], unknown: JSON.parse(r.unknown) as string[] })) };
}

// ---- enrollments and follow-ups ---------------------------------------------------------------------------------

export type EnrollmentRow = typeof enrollments.$inferSelect;

export async function enrollmentsOf(db: Db, memberId: string): Promise<EnrollmentRow[]> {
  return db.select().from(enrollments).where(eq(enrollments.member_id, memberId)).orderBy(enrollments.scheme);
}

export async function eventsOf(db: Db, memberId: string) {
  return db.select().from(enrollmentEvents).where(eq(enrollmentEvents.member_id, memberId)).orderBy(desc(enrollmentEvents.recorded_at));
}

export async function tasksOf(db: Db, memberId: string) {
  return db.select().from(tasks).where(eq(tasks.member_id, memberId)).orderBy(tasks.due_on);
}

export interface RecordMove {
  member: Pick<MemberRow, "id" | "network_id" | "cluster_id">;
  scheme: string;
  from: EnrollmentState;
  /** The record's version as read (undefined: no record yet); the write fails if someone moved it meanwhile. */
  version: number | undefined;
  move: Move;
  by: string;
  now: string;
  event_id: string;
  open: { id: string; kind: TaskKind; due_on: string }[];
  close: TaskKind[];
  auditEntry: AuditEntry;
}

/**
 * Writes a checked move: the enrollment (guarded by its version, so that two organizers moving the same case at
 * once cannot both win), its event, the follow-ups it opens and closes, and the audit entry — in one transaction.
 * Returns false when the record changed since it was read.
 */
export async function recordMove(db: Db, r: RecordMove): Promise<boolean> {
  const { member, scheme, move } = r;
  const d1 = db.$client;
  const verification = move.to === "enrolled" ? move.verification ?? null : null;
  const barrier = move.barrier ?? null;
  const upsert =
    r.version === undefined
      ? d1
          .prepare("INSERT INTO enrollments (member_id, scheme, network_id, cluster_id, state, since, verification, barrier, updated_at, version, last_event_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?) ON CONFLICT DO NOTHING")
          .bind(member.id, scheme, member.network_id, member.cluster_id, move.to, move.occurred_on, verification, barrier, r.now, r.event_id)
      : d1
          .prepare("UPDATE enrollments SET state = ?, since = ?, verification = ?, barrier = ?, updated_at = ?, version = version + 1, last_event_id = ? WHERE member_id = ? AND scheme = ? AND version = ?")
          .bind(move.to, move.occurred_on, verification, barrier, r.now, r.event_id, member.id, scheme, r.version);
  // The event, follow-ups and audit entry are written only if the upsert was: the record then names this move's event.
  const ok = "EXISTS (SELECT 1 FROM enrollments WHERE member_id = ? AND scheme = ? AND last_event_id = ?)";
  const okArgs = [member.id, scheme, r.event_id];
  const stmts: D1PreparedStatement[] = [
    upsert,
    d1
      .prepare(`INSERT INTO enrollment_events (id, member_id, scheme, from_state, to_state, occurred_on, recorded_at, recorded_by, verification, barrier) SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE ${ok}`)
      .bind(r.event_id, member.id, scheme, r.from, move.to, move.occurred_on, r.now, r.by, verification, barrier, ...okArgs),
  ];
  if (r.close.length) {
    stmts.push(
      d1
        .prepare(`UPDATE tasks SET status = 'done', done_at = ? WHERE member_id = ? AND scheme = ? AND status = 'open' AND kind IN (${r.close.map(() => "?").join(", ")}) AND ${ok}`)
        .bind(r.now, member.id, scheme, ...r.close, ...okArgs),
    );
  }
  for (const t of r.open) {
    stmts.push(
      d1
        .prepare(`INSERT INTO tasks (id, member_id, network_id, cluster_id, scheme, kind, due_on, status, created_at) SELECT ?, ?, ?, ?, ?, ?, ?, 'open', ? WHERE ${ok}`)
        .bind(t.id, member.id, member.network_id, member.cluster_id, scheme, t.kind, t.due_on, r.now, ...okArgs),
    );
  }
  const a = r.auditEntry;
  stmts.push(
    d1
      .prepare(`INSERT INTO audit_log (at, network_id, actor_id, action, entity_type, entity_id, fields) SELECT ?, ?, ?, ?, ?, ?, ? WHERE ${ok}`)
      .bind(a.at, a.network_id, a.actor_id, a.action, a.entity_type, a.entity_id ?? null, JSON.stringify(a.fields ?? []), ...okArgs),
  );
  const results = await d1.batch(stmts);
  return (results[0]!.meta.changes ?? 0) > 0;
}

export async function closeTask(db: Db, memberId: string, taskId: string, now: string, auditEntry: AuditEntry): Promise<boolean> {
  const res = await db.batch([db.update(tasks).set({ status: "done", done_at: now }).where(and(eq(tasks.id, taskId), eq(tasks.member_id, memberId), eq(tasks.status, "open"))), auditStmt(db, auditEntry)]);
  return ((res[0] as { meta?: { changes?: number } }).meta?.changes ?? 0) > 0;
}

// ---- the organizer's home: what is due ----------------------------------------------------------------------------

export interface DueTask {
  id: string;
  member_id: string;
  name: string;
  member_no: string;
  scheme: string;
  kind: TaskKind;
  due_on: string;
}

export async function dueTasks(db: Db, scope: NonNullable<MemberScope>, dueBy: string, limit: number): Promise<DueTask[]> {
  return db.all<DueTask>(
    sql`SELECT t.id, t.member_id, m.name, m.member_no, t.scheme, t.kind, t.due_on FROM tasks t JOIN members m ON m.id = t.member_id WHERE t.status = 'open' AND t.due_on <= ${dueBy} AND ${ownScope("t", scope)} ORDER BY t.due_on, t.id LIMIT ${limit}`,
  );
}

/** Open follow-ups due on or before `dueBy`, in the scope. */
export async function countDue(db: Db, scope: NonNullable<MemberScope>, dueBy: string): Promise<number> {
  const row = await db.get<{ n: number }>(sql`SELECT count(*) AS n FROM tasks t WHERE t.status = 'open' AND t.due_on <= ${dueBy} AND ${ownScope("t", scope)}`);
  return row?.n ?? 0;
}

export interface EligibleNotStarted {
  member_id: string;
  name: string;
  member_no: string;
  scheme: string;
  status: string;
}

/** Members whose latest screening says eligible (or likely) for a scheme in which nothing has started. */
export async function eligibleNotStarted(db: Db, scope: NonNullable<MemberScope>, limit: number): Promise<EligibleNotStarted[]> {
  return db.all<EligibleNotStarted>(
    // In name order only (not name then scheme): SQLite then walks members by the name index and stops at the limit,
    // instead of sorting every eligible row of the network.
    sql`SELECT m.id AS member_id, m.name, m.member_no, r.scheme, r.status FROM members m JOIN screening_results r ON r.member_id = m.id AND r.latest = 1 WHERE ${scopeWhere(scope)} AND r.status IN ('eligible', 'likely_eligible') AND NOT EXISTS (SELECT 1 FROM enrollments e WHERE e.member_id = m.id AND e.scheme = r.scheme AND e.state <> 'not_started') ORDER BY m.name_key, m.id LIMIT ${limit}`,
  );
}

export interface Waiting {
  member_id: string;
  name: string;
  member_no: string;
  scheme: string;
  since: string;
}

/** Applications (or appeals) with no outcome since before `before`. */
export async function waitingTooLong(db: Db, scope: NonNullable<MemberScope>, before: string, limit: number): Promise<Waiting[]> {
  return db.all<Waiting>(
    sql`SELECT m.id AS member_id, m.name, m.member_no, e.scheme, e.since FROM enrollments e JOIN members m ON m.id = e.member_id WHERE ${ownScope("e", scope)} AND e.state IN ('applied', 'appealed') AND e.since < ${before} ORDER BY e.since LIMIT ${limit}`,
  );
}

// ---- erasure ----------------------------------------------------------------------------------------------------

/**
 * Deletes everything about a member in one transaction — facts, consents, screenings, enrollments, events,
 * follow-ups, eligibility changes, the member row — and keeps only keyed hashes of her number and phone (so an import cannot bring her
 * back silently) and an audit entry without personal data.
 */
export async function eraseMember(db: Db, member: Pick<MemberRow, "id" | "network_id">, keyHashes: string[], auditEntry: AuditEntry): Promise<void> {
  const id = member.id;
  await run(db, [
    db.delete(tasks).where(eq(tasks.member_id, id)),
    db.delete(eligibilityChanges).where(eq(eligibilityChanges.member_id, id)),
    db.delete(enrollmentEvents).where(eq(enrollmentEvents.member_id, id)),
    db.delete(enrollments).where(eq(enrollments.member_id, id)),
    db.delete(screeningResults).where(eq(screeningResults.member_id, id)),
    db.delete(screenings).where(eq(screenings.member_id, id)),
    db.delete(consents).where(eq(consents.member_id, id)),
    db.delete(members).where(eq(members.id, id)),
    ...keyHashes.map((key_hash) => db.insert(erasedKeys).values({ network_id: member.network_id, key_hash, erased_at: auditEntry.at }).onConflictDoNothing()),
    auditStmt(db, auditEntry),
  ]);
}

/** Tables that hold a member's data, for the erasure test: each must have no row naming her afterwards. */
export const MEMBER_TABLES = ["members", "consents", "screenings", "screening_results", "enrollments", "enrollment_events", "tasks", "eligibility_changes"] as const;
