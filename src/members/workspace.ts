/**
 * The organizer's workspace operations, shared by the JSON API and the organizer's pages: each takes the caller
 * (database, principal, clock) and checked input, applies the registry's rules — scope, consent before data,
 * the facts gate, the enrollment state machine, erasure — and answers a value or a problem as data (a code, its
 * parameters and an English message; the channel renders it). No HTTP here.
 */
import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/min";
import { reaches, type MemberScope, type Principal } from "../auth/access";
import { keyedHash, newId, receiptCode } from "../auth/password";
import type { Db } from "../db/queries";
import * as q from "../db/members";
import { clustersOf, networkOf } from "../db/accounts";
import { CONSENT_PURPOSES, RECORDED_METHODS, WITHDRAWAL_CHANNELS, WITHDRAWAL_EFFECTS } from "./enums";
import type { MemberRow } from "../db/members";
import type { CompiledPack } from "../engine/compile";
import type { Evaluation, Facts } from "../engine/types";
import { checkFacts } from "../interview/gate";
import type { FactIssue, IssueParams } from "../interview/issues";
import { getEngine } from "../rules/registry";
import { addDays, checkMove, coveredBy, followUpsFor, type EnrollmentState, type Move, type MoveProblem } from "./enrollment";

export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];
export type ConsentMethod = (typeof RECORDED_METHODS)[number];

export interface Caller {
  db: Db;
  principal: Principal;
  scope: NonNullable<MemberScope>;
  /** The server's date (UTC) and time. */
  today: string;
  now: Date;
  /** Key for the hashes kept of erased members. */
  secret: string | undefined;
}

export type Problem =
  | { status: 400; code: "invalid_request"; message: string; issues: { path: string; code: string; message: string; params?: IssueParams }[]; facts?: FactIssue[] }
  | { status: 404; code: "not_found"; message: string }
  | { status: 409; code: string; message: string; params?: Record<string, unknown> }
  | { status: 503; code: "not_configured"; message: string };

export type Result<T> = { ok: true; value: T } | { ok: false; problem: Problem };
const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const fail = <T = never>(problem: Problem): Result<T> => ({ ok: false, problem });
const notFound = (what = "member") => fail({ status: 404, code: "not_found", message: `No such ${what} in your clusters.` });
const invalid = (path: string, code: string, message: string, params?: IssueParams) =>
  fail({ status: 400, code: "invalid_request", message: "The request is not valid; see issues.", issues: [{ path, code, message, ...(params ? { params } : {}) }] });

// ---- input shapes (checked by the channel's schema first) --------------------------------------------------------

export interface ConsentInput {
  notice_version: string;
  notice_lang: string;
  purposes: ConsentPurpose[];
  method: ConsentMethod;
  witness?: string;
  given_on?: string;
}

export interface NewMemberInput {
  cluster_id: string;
  member_no: string;
  name: string;
  phone?: string | null;
  lang: string;
  facts?: unknown;
  consent: ConsentInput;
  /** She was erased before and is back, present and consenting: record her again knowingly. */
  returning_after_erasure?: boolean;
}

export interface MemberPatch {
  name?: string;
  phone?: string | null;
  cluster_id?: string;
  member_no?: string;
  lang?: string;
  facts?: unknown;
}

// ---- helpers ----------------------------------------------------------------------------------------------------

async function packOf(db: Db, networkId: string): Promise<{ engine: CompiledPack; languages: string[] }> {
  const network = (await networkOf(db, networkId))!;
  const engine = getEngine(network.country)!;
  return { engine, languages: engine.pack.country.languages };
}

/** A phone number in international form, read as the network's country writes it. */
export function normalizePhone(input: string, country: string): string | undefined {
  const parsed = parsePhoneNumberFromString(input, country.toUpperCase() as CountryCode);
  return parsed?.isValid() ? parsed.number : undefined;
}

async function erasureKeys(secret: string, networkId: string, memberNo: string, phone: string | null): Promise<string[]> {
  const keys = [await keyedHash(secret, `${networkId}|no|${memberNo}`)];
  if (phone) keys.push(await keyedHash(secret, `${networkId}|phone|${phone}`));
  return keys;
}

function factsProblem(issues: FactIssue[]): Problem {
  return {
    status: 400,
    code: "invalid_request",
    message: "Some facts are not valid; see issues.",
    issues: issues.map((i) => ({ path: i.path.join("."), code: i.code, message: i.code, ...(i.params ? { params: i.params } : {}) })),
    facts: issues,
  };
}

const purposesOf = (c: { purposes: string }) => JSON.parse(c.purposes) as ConsentPurpose[];

/** The member's current consent: the latest given and not withdrawn. */
export async function currentConsent(db: Db, memberId: string) {
  const all = await q.consentsOf(db, memberId);
  return all.find((c) => !c.withdrawn_on);
}

function consentRow(memberId: string, input: ConsentInput, by: string, caller: Caller) {
  return {
    id: newId(),
    member_id: memberId,
    notice_version: input.notice_version,
    notice_lang: input.notice_lang,
    purposes: JSON.stringify([...new Set(input.purposes)].sort()),
    method: input.method,
    witness: input.witness ?? null,
    given_on: input.given_on ?? caller.today,
    recorded_by: by,
    recorded_at: caller.now.toISOString(),
    receipt_code: receiptCode(),
  };
}

function checkConsent(input: ConsentInput, today: string): Result<void> {
  if (!input.purposes.length) return invalid("consent.purposes", "too_small", "name at least one purpose");
  if (input.method === "spoken_witnessed" && !input.witness?.trim()) return invalid("consent.witness", "required", "spoken consent needs a witness");
  if (input.given_on && input.given_on > today) return invalid("consent.given_on", "in_future", "cannot be after today");
  return ok(undefined);
}

// ---- operations -------------------------------------------------------------------------------------------------

/** Creates a member with her consent; nothing is kept unless she consents at least to screening or follow-up. */
export async function createMember(caller: Caller, input: NewMemberInput): Promise<Result<{ member: MemberRow; receipt_code: string }>> {
  const { db, principal, scope } = caller;
  const clusters = await clustersOf(db, principal.network_id);
  const cluster = clusters.find((c) => c.id === input.cluster_id);
  if (!cluster || !reaches(scope, principal.network_id, cluster.id)) return invalid("cluster_id", "unknown_cluster", "is not one of your clusters");
  const consentOk = checkConsent(input.consent, caller.today);
  if (!consentOk.ok) return consentOk;
  if (!input.consent.purposes.includes("screening") && !input.consent.purposes.includes("follow_up")) {
    return invalid("consent.purposes", "consent_required", "a member is kept only with consent to screening or follow-up");
  }
  const { engine, languages } = await packOf(db, principal.network_id);
  if (!languages.includes(input.lang)) return invalid("lang", "unknown_language", `must be one of ${languages.join(", ")}`, { allowed: languages.join(", ") });
  let phone: string | null = null;
  if (input.phone) {
    phone = normalizePhone(input.phone, engine.pack.country.code) ?? null;
    if (!phone) return invalid("phone", "invalid_phone", "is not a phone number of this country (or in international form)");
  }
  let facts: Facts = {};
  if (input.facts !== undefined) {
    if (!input.consent.purposes.includes("screening")) return invalid("facts", "consent_required", "facts are kept only with consent to screening");
    const checked = checkFacts(engine.pack, input.facts, caller.today);
    if (!checked.ok) return fail(factsProblem(checked.issues));
    facts = checked.facts;
  }
  if (await q.memberNoTaken(db, principal.network_id, input.member_no)) {
    return fail({ status: 409, code: "member_no_taken", message: `Member number ${input.member_no} is already used in this network.`, params: { member_no: input.member_no } });
  }
  if (!input.returning_after_erasure) {
    if (!caller.secret) return fail({ status: 503, code: "not_configured", message: "MEMBER_KEY_SECRET is not set on this Worker; see the README." });
    if (await q.isErased(db, principal.network_id, await erasureKeys(caller.secret, principal.network_id, input.member_no, phone))) {
      return fail({ status: 409, code: "erased_member", message: "A member with this number or phone asked to be erased. If she is here and consents again, confirm with returning_after_erasure." });
    }
  }
  const now = caller.now.toISOString();
  const member: MemberRow = {
    id: newId(),
    network_id: principal.network_id,
    cluster_id: cluster.id,
    member_no: input.member_no,
    name: input.name.trim(),
    name_key: q.nameKey(input.name),
    phone,
    lang: input.lang,
    facts: JSON.stringify(facts),
    consent_state: "given",
    stats_consent: input.consent.purposes.includes("statistics"),
    created_at: now,
    created_by: principal.user_id,
    updated_at: now,
    screened_key: null,
  };
  const consent = consentRow(member.id, input.consent, principal.user_id, caller);
  await q.createMember(db, member, consent, { network_id: principal.network_id, actor_id: principal.user_id, action: "member.create", entity_type: "member", entity_id: member.id, fields: Object.keys(input).filter((k) => k !== "returning_after_erasure"), at: now });
  return ok({ member, receipt_code: consent.receipt_code });
}

/** One member with everything the organizer follows: consents, latest screening, enrollments, follow-ups. */
export async function viewMember(caller: Caller, id: string) {
  const member = await q.findMember(caller.db, caller.scope, id);
  if (!member) return notFound();
  const [consents, screening, enrollments, events, tasks] = await Promise.all([
    q.consentsOf(caller.db, id),
    q.latestScreening(caller.db, id),
    q.enrollmentsOf(caller.db, id),
    q.eventsOf(caller.db, id),
    q.tasksOf(caller.db, id),
  ]);
  await q.audit(caller.db, { network_id: member.network_id, actor_id: caller.principal.user_id, action: "member.view", entity_type: "member", entity_id: id, at: caller.now.toISOString() });
  return ok({
    member: { ...member, facts: JSON.parse(member.facts) as Facts },
    consents: consents.map((c) => ({ ...c, purposes: purposesOf(c) })),
    screening: screening ?? null,
    enrollments,
    events,
    tasks,
  });
}

export async function updateMember(caller: Caller, id: string, patch: MemberPatch): Promise<Result<MemberRow>> {
  const { db, principal, scope } = caller;
  const member = await q.findMember(db, scope, id);
  if (!member) return notFound();
  const set: Partial<MemberRow> = {};
  const { engine, languages } = await packOf(db, member.network_id);
  if (patch.cluster_id !== undefined && patch.cluster_id !== member.cluster_id) {
    const clusters = await clustersOf(db, member.network_id);
    if (!clusters.some((c) => c.id === patch.cluster_id) || !reaches(scope, member.network_id, patch.cluster_id)) return invalid("cluster_id", "unknown_cluster", "is not one of your clusters");
    set.cluster_id = patch.cluster_id;
  }
  if (patch.name !== undefined) {
    set.name = patch.name.trim();
    set.name_key = q.nameKey(patch.name);
  }
  if (patch.lang !== undefined) {
    if (!languages.includes(patch.lang)) return invalid("lang", "unknown_language", `must be one of ${languages.join(", ")}`, { allowed: languages.join(", ") });
    set.lang = patch.lang;
  }
  if (patch.phone !== undefined) {
    if (patch.phone === null || patch.phone === "") set.phone = null;
    else {
      const phone = normalizePhone(patch.phone, engine.pack.country.code);
      if (!phone) return invalid("phone", "invalid_phone", "is not a phone number of this country (or in international form)");
      set.phone = phone;
    }
  }
  if (patch.member_no !== undefined && patch.member_no !== member.member_no) {
    if (await q.memberNoTaken(db, member.network_id, patch.member_no, id)) return fail({ status: 409, code: "member_no_taken", message: `Member number ${patch.member_no} is already used in this network.`, params: { member_no: patch.member_no } });
    set.member_no = patch.member_no;
  }
  if (patch.facts !== undefined) {
    const consent = await currentConsent(db, id);
    if (!consent || !purposesOf(consent).includes("screening")) return fail({ status: 409, code: "consent_required", message: "Her consent does not cover screening: record a new consent before keeping her facts." });
    if (typeof patch.facts !== "object" || patch.facts === null || Array.isArray(patch.facts)) return invalid("facts", "invalid_type", "must be an object of facts");
    // Facts given are merged into hers; null clears one ("she does not know").
    const merged = { ...(JSON.parse(member.facts) as Facts), ...(patch.facts as Facts) };
    const checked = checkFacts(engine.pack, merged, caller.today);
    if (!checked.ok) return fail(factsProblem(checked.issues));
    set.facts = JSON.stringify(checked.facts);
  }
  const fields = Object.keys(set).filter((k) => k !== "name_key");
  if (!fields.length) return ok(member);
  set.updated_at = caller.now.toISOString();
  await q.updateMember(db, id, set, { network_id: member.network_id, actor_id: principal.user_id, action: "member.update", entity_type: "member", entity_id: id, fields, at: set.updated_at });
  return ok({ ...member, ...set });
}

export async function addConsent(caller: Caller, id: string, input: ConsentInput) {
  const member = await q.findMember(caller.db, caller.scope, id);
  if (!member) return notFound();
  const check = checkConsent(input, caller.today);
  if (!check.ok) return check;
  const row = consentRow(id, input, caller.principal.user_id, caller);
  const now = caller.now.toISOString();
  await q.addConsent(caller.db, row, { consent_state: "given", stats_consent: input.purposes.includes("statistics"), updated_at: now }, { network_id: member.network_id, actor_id: caller.principal.user_id, action: "consent.give", entity_type: "member", entity_id: id, fields: ["purposes", "method"], at: now });
  return ok({ ...row, purposes: purposesOf(row) });
}

export interface WithdrawalInput {
  withdrawn_on?: string;
  channel: (typeof WITHDRAWAL_CHANNELS)[number];
  effect: (typeof WITHDRAWAL_EFFECTS)[number];
}

/** Withdraws a consent; with effect `erase` she is erased at once. */
export async function withdrawConsent(caller: Caller, id: string, consentId: string, input: WithdrawalInput): Promise<Result<{ erased: boolean }>> {
  const member = await q.findMember(caller.db, caller.scope, id);
  if (!member) return notFound();
  const consents = await q.consentsOf(caller.db, id);
  const consent = consents.find((c) => c.id === consentId);
  if (!consent) return notFound("consent");
  if (consent.withdrawn_on) return fail({ status: 409, code: "already_withdrawn", message: `This consent was withdrawn on ${consent.withdrawn_on}.` });
  const on = input.withdrawn_on ?? caller.today;
  if (on > caller.today) return invalid("withdrawn_on", "in_future", "cannot be after today");
  if (input.effect === "erase") {
    const erased = await eraseMember(caller, id);
    return erased.ok ? ok({ erased: true }) : erased;
  }
  const stillGiven = consents.some((c) => c.id !== consentId && !c.withdrawn_on);
  const now = caller.now.toISOString();
  await q.withdrawConsent(
    caller.db,
    consentId,
    id,
    { withdrawn_on: on, withdrawal_channel: input.channel, withdrawal_effect: input.effect },
    { consent_state: stillGiven ? "given" : "withdrawn", stats_consent: stillGiven && consents.some((c) => c.id !== consentId && !c.withdrawn_on && purposesOf(c).includes("statistics")), updated_at: now },
    { network_id: member.network_id, actor_id: caller.principal.user_id, action: "consent.withdraw", entity_type: "member", entity_id: id, fields: ["withdrawal_channel", "withdrawal_effect"], at: now },
  );
  return ok({ erased: false });
}

/** Erases her: every row about her, at once; only keyed hashes of her number and phone and the audit entry stay. */
export async function eraseMember(caller: Caller, id: string): Promise<Result<{ erased: true }>> {
  const member = await q.findMember(caller.db, caller.scope, id);
  if (!member) return notFound();
  if (!caller.secret) return fail({ status: 503, code: "not_configured", message: "MEMBER_KEY_SECRET is not set on this Worker; see the README." });
  const keys = await erasureKeys(caller.secret, member.network_id, member.member_no, member.phone);
  await q.eraseMember(caller.db, member, keys, { network_id: member.network_id, actor_id: caller.principal.user_id, action: "member.erase", entity_type: "member", entity_id: id, at: caller.now.toISOString() });
  return ok({ erased: true });
}

export interface ScreeningInput {
  facts?: unknown;
  lang?: string;
  date?: string;
}

/** Screens a member with her stored facts and any given now; saves facts, the result and the rules used. */
export async function screenMember(caller: Caller, id: string, input: ScreeningInput): Promise<Result<{ screening_id: string; evaluation: Evaluation; facts: Facts }>> {
  const { db } = caller;
  const member = await q.findMember(db, caller.scope, id);
  if (!member) return notFound();
  const consent = await currentConsent(db, id);
  if (!consent || !purposesOf(consent).includes("screening")) return fail({ status: 409, code: "consent_required", message: "Her consent does not cover screening: record a new consent first." });
  const { engine, languages } = await packOf(db, member.network_id);
  const date = input.date ?? caller.today;
  if (input.facts !== undefined && (typeof input.facts !== "object" || input.facts === null || Array.isArray(input.facts))) return invalid("facts", "invalid_type", "must be an object of facts");
  const merged = { ...(JSON.parse(member.facts) as Facts), ...((input.facts as Facts | undefined) ?? {}) };
  const checked = checkFacts(engine.pack, merged, date);
  if (!checked.ok) return fail(factsProblem(checked.issues));
  const enrollments = await q.enrollmentsOf(db, id);
  // Exclusions between schemes follow what the workspace knows of her enrollments.
  const used: Facts = { ...checked.facts };
  if (enrollments.length || used.covered_by !== undefined) used.covered_by = coveredBy(used.covered_by as string[] | null | undefined, enrollments);
  const lang = input.lang && languages.includes(input.lang) ? input.lang : member.lang;
  const evaluation = engine.evaluate(used, { date, lang });
  const screeningId = newId();
  const now = caller.now.toISOString();
  await q.saveScreening(
    db,
    { id: screeningId, member_id: id, network_id: member.network_id, country: engine.pack.country.code, date, lang, facts: JSON.stringify(used), rules_version: evaluation.rules_version, recorded_by: caller.principal.user_id, recorded_at: now },
    evaluation.results.map((r) => ({
      scheme: r.scheme,
      status: r.status,
      rule_version: r.rule_version,
      version_hash: r.version_hash,
      failed: r.criteria.filter((c) => c.outcome === "failed").map((c) => c.id),
      unknown: r.criteria.filter((c) => c.outcome === "unknown").map((c) => c.id),
    })),
    JSON.stringify(checked.facts),
    { network_id: member.network_id, actor_id: caller.principal.user_id, action: "screening.create", entity_type: "member", entity_id: id, fields: Object.keys((input.facts as object) ?? {}), at: now },
  );
  return ok({ screening_id: screeningId, evaluation, facts: used });
}

export interface MoveInput {
  to: EnrollmentState;
  occurred_on?: string;
  verification?: Move["verification"];
  barrier?: Move["barrier"];
  /** The version of the record as the organizer saw it (optional; guards against two people moving one case). */
  version?: number;
}

const PROBLEM_TEXT: Record<MoveProblem["code"], (p: any) => string> = {
  transition_not_allowed: (p) => `Cannot move from ${p.from} to ${p.to}; from ${p.from} the next steps are: ${p.allowed.join(", ") || "none (closed)"}.`,
  verification_required: () => "Say how the enrollment is known: member_says, document_seen or registry_confirmed.",
  verification_only_for_enrolled: () => "verification is recorded only with a move to enrolled.",
  barrier_required: (p) => `A move to ${p.to} records the barrier that stopped her (barrier).`,
  occurred_in_future: (p) => `The date it happened cannot be after today (${p.today}).`,
  occurred_before_current: (p) => `The date it happened cannot be before the current step began (${p.since}).`,
};

/** Moves her enrollment in a scheme; anything the state machine does not allow is a 409 with the allowed steps. */
export async function moveEnrollment(caller: Caller, id: string, scheme: string, input: MoveInput) {
  const { db } = caller;
  const member = await q.findMember(db, caller.scope, id);
  if (!member) return notFound();
  const { engine } = await packOf(db, member.network_id);
  const def = engine.pack.schemes.find((s) => s.id === scheme);
  if (!def) return fail({ status: 404, code: "not_found", message: `No scheme ${scheme} in ${engine.pack.country.code}'s rules.` });
  const current = (await q.enrollmentsOf(db, id)).find((e) => e.scheme === scheme);
  if (input.version !== undefined && current && current.version !== input.version) {
    return fail({ status: 409, code: "changed_meanwhile", message: "Someone else changed this enrollment since you opened it; reload and try again.", params: { version: current.version } });
  }
  const move: Move = { to: input.to, occurred_on: input.occurred_on ?? caller.today, verification: input.verification, barrier: input.barrier };
  const problem = checkMove(current, move, caller.today);
  if (problem) return fail({ status: 409, code: problem.code, message: PROBLEM_TEXT[problem.code](problem), params: { ...problem } });
  // A scheme paid yearly is renewed yearly: a reminder two weeks before.
  const version = engine.pack.schemes.find((s) => s.id === scheme)!.versions.at(-1)!;
  const yearly = (version.contributions ?? []).some((c) => c.period === "year");
  const follow = followUpsFor(move, yearly ? 365 : undefined);
  const now = caller.now.toISOString();
  const written = await q.recordMove(db, {
    member,
    scheme,
    from: current?.state ?? "not_started",
    version: current?.version,
    move,
    by: caller.principal.user_id,
    now,
    event_id: newId(),
    open: follow.open.map((t) => ({ ...t, id: newId() })),
    close: follow.close,
    auditEntry: { network_id: member.network_id, actor_id: caller.principal.user_id, action: "enrollment.move", entity_type: "member", entity_id: id, fields: ["state", ...(move.verification ? ["verification"] : []), ...(move.barrier ? ["barrier"] : [])], at: now },
  });
  if (!written) return fail({ status: 409, code: "changed_meanwhile", message: "Someone else changed this enrollment at the same moment; reload and try again." });
  const after = (await q.enrollmentsOf(db, id)).find((e) => e.scheme === scheme)!;
  return ok(after);
}

/** The organizer's home: follow-ups due within a week, members eligible but not started, applications waiting. */
export async function followUps(caller: Caller, limit = 50) {
  const { db, scope, today } = caller;
  const [due, eligible, waiting] = await Promise.all([
    q.dueTasks(db, scope, addDays(today, 7), limit),
    q.eligibleNotStarted(db, scope, limit),
    q.waitingTooLong(db, scope, addDays(today, -60), limit),
  ]);
  return { today, due, eligible_not_started: eligible, waiting_too_long: waiting };
}
