/**
 * What a rule change does to one member, decided in pure code (no database, no clock): the fingerprint of the rule
 * versions a screening used, the versions in force on a date, and the difference between her stored screening and
 * the engine's answer today — which eligibility changes to record, why (criterion ids), and which follow-up each
 * one becomes. The re-screening job (src/members/rescreen.ts) and the forecast both use it, so that what is
 * recorded after a change and what was forecast before it are the same logic.
 */
import { versionOn } from "../engine/dates";
import type { Evaluation, Pack, Status } from "../engine/types";
import type { EnrollmentState } from "./enrollment";
import type { RESCREEN_TASK_KINDS } from "./enums";

export type RescreenTaskKind = (typeof RESCREEN_TASK_KINDS)[number];

/**
 * One scheme's outcome as stored (screening_results): the criterion ids as the JSON text of an array, in the
 * engine's order, exactly as written — so two outcomes are equal when their texts are.
 */
export interface ResultRow {
  scheme: string;
  status: Status;
  rule_version: string;
  version_hash: string;
  /** JSON array of the ids of criteria that failed. */
  failed: string;
  /** JSON array of the ids of criteria whose facts are unknown. */
  unknown: string;
}

/** The rows an evaluation stores: per scheme the status, the version used and the failed and unknown criteria. */
export function resultRowsOf(evaluation: Pick<Evaluation, "results">): ResultRow[] {
  return evaluation.results.map((r) => {
    const failed: string[] = [];
    const unknown: string[] = [];
    for (const c of r.criteria) {
      if (c.outcome === "failed") failed.push(c.id);
      else if (c.outcome === "unknown") unknown.push(c.id);
    }
    return { scheme: r.scheme, status: r.status, rule_version: r.rule_version, version_hash: r.version_hash, failed: JSON.stringify(failed), unknown: JSON.stringify(unknown) };
  });
}

/**
 * A short fingerprint of the rule versions a screening used: its schemes and their versions' content hashes, in
 * any order. Two screenings have the same key exactly when they used the same versions of the same schemes, so
 * "whose screening is out of date" is one comparison with the key of what is in force (an index range in SQL).
 * @example screeningKey([{ scheme: "sha", version_hash: "9f2c" }, { scheme: "nssf_voluntary", version_hash: "41aa" }]) // "5d0e…" (16 hex digits)
 */
export function screeningKey(rows: readonly { scheme: string; version_hash: string }[]): string {
  const text = rows
    .map((r) => `${r.scheme}@${r.version_hash}`)
    .sort()
    .join(",");
  return fingerprint(text);
}

/** The versions of a pack in force on `date`: per scheme its rule version and content hash. */
export function versionsInForce(pack: Pick<Pack, "schemes">, date: string): { scheme: string; rule_version: string; version_hash: string; effective_from: string }[] {
  const out = [];
  for (const s of pack.schemes) {
    const v = versionOn(s.versions, date);
    if (v) out.push({ scheme: s.id, rule_version: v.rule_version, version_hash: v.hash, effective_from: v.effective_from });
  }
  return out;
}

/** The key of a screening done on `date` with this pack (see `screeningKey`), without evaluating anyone. */
export function inForceKey(pack: Pick<Pack, "schemes">, date: string): string {
  return screeningKey(versionsInForce(pack, date));
}

/** Schemes whose version in force differs between two dates (one starts, ends or is replaced in between). */
export function schemesChanging(pack: Pick<Pack, "schemes">, from: string, to: string): string[] {
  return pack.schemes.filter((s) => versionOn(s.versions, from)?.hash !== versionOn(s.versions, to)?.hash).map((s) => s.id);
}

/** Dated versions that start or end after `today`: what the rule files already say will change, by date. */
export function datedChangesAfter(pack: Pick<Pack, "schemes">, today: string): { date: string; scheme: string; rule_version: string; change: "starts" | "ends" }[] {
  const out: { date: string; scheme: string; rule_version: string; change: "starts" | "ends" }[] = [];
  for (const s of pack.schemes) {
    for (const v of s.versions) {
      if (v.effective_from > today) out.push({ date: v.effective_from, scheme: s.id, rule_version: v.rule_version, change: "starts" });
      // A version ending on effective_to stops applying the day after.
      if (v.effective_to && v.effective_to >= today) out.push({ date: nextDay(v.effective_to), scheme: s.id, rule_version: v.rule_version, change: "ends" });
    }
  }
  return out.sort((a, b) => a.date.localeCompare(b.date) || a.scheme.localeCompare(b.scheme));
}

/** What a change means for her: now can join, no longer can, must answer something new, or another change. */
export const CHANGE_KINDS = ["gain", "loss", "needs_info", "other"] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

const CAN_JOIN: ReadonlySet<Status> = new Set(["eligible", "likely_eligible"]);

/**
 * @example changeKind(null, "eligible") // "gain"
 * @example changeKind("eligible", "not_eligible") // "loss"
 */
export function changeKind(from: Status | null, to: Status | null): ChangeKind {
  const can = (s: Status | null) => s !== null && CAN_JOIN.has(s);
  if (can(to) && !can(from)) return "gain";
  if (to === "needs_info" && from !== "needs_info") return "needs_info";
  if (can(from) && !can(to)) return "loss";
  return "other";
}
const CANNOT: ReadonlySet<Status> = new Set(["not_eligible", "likely_not_eligible"]);
/** Enrollment states in which her case is under way: a newly opened scheme needs no new follow-up there. */
const UNDER_WAY: ReadonlySet<EnrollmentState> = new Set(["gathering_documents", "ready_to_apply", "applied", "appealed", "enrolled"]);
/** States in which a lost eligibility is for the organizer to review with her (never moved by the rule change). */
const TO_REVIEW: ReadonlySet<EnrollmentState> = new Set(["applied", "appealed", "enrolled"]);

/** Days after the change that each follow-up falls due. */
export const RESCREEN_FOLLOW_UP_DAYS: Readonly<Record<RescreenTaskKind, number>> = { enrollment_review: 7, no_longer_eligible: 7, newly_eligible: 14, needs_information: 14 };

/** One scheme's eligibility changing for a member. `null` status: the scheme was not (or is no longer) in force. */
export interface Change {
  scheme: string;
  from: Status | null;
  to: Status | null;
  from_rule_version: string | null;
  to_rule_version: string | null;
  from_hash: string | null;
  to_hash: string | null;
  /** Ids of the criteria that made the difference (see `causesOf`); empty when a scheme merely started or ended. */
  causes: string[];
  /** The follow-up it becomes, if any. */
  task?: RescreenTaskKind;
}

export interface Diff {
  /** Whether her screening differs at all (status, failed or unknown ids, the version used): write a new one. */
  changed: boolean;
  /** The eligibility changes worth an organizer's attention, with their follow-ups. */
  changes: Change[];
}

const ids = (json: string | undefined): string[] => (json ? (JSON.parse(json) as string[]) : []);

/**
 * Why a status changed, as criterion ids: for a loss, the criteria that fail now and did not before (or all that
 * fail); for "needs an answer", the criteria newly unknown (or all unknown); for a gain, the criteria that stopped
 * her before and no longer do. A scheme that just came into force is gained by its rules as a whole (no ids).
 */
export function causesOf(prev: ResultRow | undefined, next: ResultRow | undefined): string[] {
  if (!next) return [];
  const before = { failed: ids(prev?.failed), unknown: ids(prev?.unknown) };
  const now = { failed: ids(next.failed), unknown: ids(next.unknown) };
  const without = (xs: string[], ys: string[]) => xs.filter((x) => !ys.includes(x));
  if (CANNOT.has(next.status)) {
    const fresh = without(now.failed, before.failed);
    return fresh.length ? fresh : now.failed;
  }
  if (next.status === "needs_info") {
    const fresh = without(now.unknown, before.unknown);
    return fresh.length ? fresh : now.unknown;
  }
  return without([...before.failed, ...before.unknown], [...now.failed, ...now.unknown]);
}

/** The follow-up a change becomes, given her enrollment in the scheme (a rule change never moves it). */
export function taskFor(from: Status | null, to: Status | null, enrollment: EnrollmentState | undefined): RescreenTaskKind | undefined {
  const gained = to !== null && CAN_JOIN.has(to) && !(from !== null && CAN_JOIN.has(from));
  const lost = from !== null && CAN_JOIN.has(from) && (to === null || CANNOT.has(to));
  if (lost || (to === null && enrollment && TO_REVIEW.has(enrollment))) return enrollment && TO_REVIEW.has(enrollment) ? "enrollment_review" : "no_longer_eligible";
  if (to !== null && CANNOT.has(to) && enrollment && TO_REVIEW.has(enrollment)) return "enrollment_review";
  if (gained) return enrollment && UNDER_WAY.has(enrollment) ? undefined : "newly_eligible";
  if (to === "needs_info" && from !== "needs_info") return "needs_information";
  return undefined;
}

/**
 * Compares her stored screening (`prev`, the rows of her latest) with the engine's answer now (`next`).
 *
 * A change of status is recorded, except the two that tell an organizer nothing: a scheme coming into force that
 * she cannot join, and a scheme she could not join ending. Each recorded change names its causes and, where it
 * calls for one, the follow-up: newly eligible (unless her case is already under way), no longer eligible, an
 * answer needed, or — when she has applied, appealed or is enrolled and the scheme is lost or ends — a review of
 * her enrollment, which itself never moves.
 *
 * @example
 *   diffResults(
 *     [{ scheme: "nhif", status: "eligible", rule_version: "ke/nhif@2015-04-01", version_hash: "a1", failed: "[]", unknown: "[]" }],
 *     [{ scheme: "sha", status: "eligible", rule_version: "ke/sha@2024-10-01", version_hash: "b2", failed: "[]", unknown: "[]" }],
 *     [{ scheme: "nhif", state: "enrolled" }],
 *   );
 *   // { changed: true, changes: [ { scheme: "nhif", from: "eligible", to: null, …, task: "enrollment_review" },
 *   //                             { scheme: "sha", from: null, to: "eligible", …, task: "newly_eligible" } ] }
 */
export function diffResults(prev: readonly ResultRow[], next: readonly ResultRow[], enrollments: readonly { scheme: string; state: EnrollmentState }[]): Diff {
  // A country has a dozen schemes at most: a scan of the arrays costs less than building maps, member after member.
  let changed = prev.length !== next.length;
  const changes: Change[] = [];
  const visit = (scheme: string, p: ResultRow | undefined, n: ResultRow | undefined) => {
    if (!p || !n || p.status !== n.status || p.version_hash !== n.version_hash || p.rule_version !== n.rule_version || p.failed !== n.failed || p.unknown !== n.unknown) changed = true;
    const from = p?.status ?? null;
    const to = n?.status ?? null;
    if (from === to) return;
    if ((from === null && to === "not_eligible") || (to === null && from !== null && CANNOT.has(from) && !enrolledIn(enrollments, scheme))) return;
    const task = taskFor(from, to, enrollments.find((e) => e.scheme === scheme)?.state);
    const change: Change = {
      scheme,
      from,
      to,
      from_rule_version: p?.rule_version ?? null,
      to_rule_version: n?.rule_version ?? null,
      from_hash: p?.version_hash ?? null,
      to_hash: n?.version_hash ?? null,
      causes: causesOf(p, n),
    };
    if (task) change.task = task;
    changes.push(change);
  };
  for (const n of next) visit(n.scheme, prev.find((r) => r.scheme === n.scheme), n);
  for (const p of prev) if (!next.some((r) => r.scheme === p.scheme)) visit(p.scheme, p, undefined);
  return { changed, changes };
}

function enrolledIn(enrollments: readonly { scheme: string; state: EnrollmentState }[], scheme: string): boolean {
  const e = enrollments.find((x) => x.scheme === scheme);
  return !!e && TO_REVIEW.has(e.state);
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * 64 bits of two FNV-1a hashes with different offsets, as 16 hex digits: enough to tell apart the few sets of
 * versions a country ever has in force (not a security hash; nothing is kept secret by it).
 */
function fingerprint(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 13);
  }
  return (a >>> 0).toString(16).padStart(8, "0") + (b >>> 0).toString(16).padStart(8, "0");
}
