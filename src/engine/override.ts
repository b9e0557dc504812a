/**
 * Rule-pack overrides for what-if (pure): a proposed change applied to a copy of a pack, which the real engine
 * then compiles and evaluates like any other — the rule logic is never copied. Packs are shared module constants:
 * nothing here mutates its input. A changed version's hash gets a `+whatif` suffix, so no result computed with it
 * can pass for a real one.
 */
import { versionOn } from "./dates";
import { isLeaf, testFacts } from "./tests";
import { WORKER_TYPES } from "./vocabulary";
import type { Criterion, LeafTest, Pack, Parameter, Scalar, SchemeVersion, Test } from "./types";

/** A proposed rule change an advocate asks about. */
export type RuleChange =
  | { kind: "parameter"; scheme: string; parameter: string; value: Scalar | Scalar[] }
  | { kind: "drop_criterion"; scheme: string; criterion: string }
  | { kind: "admit_worker_type"; scheme: string; worker_type: string };

export interface ChangeError {
  /** The field of the change at fault: scheme, parameter, value, criterion, worker_type. */
  field: "scheme" | "parameter" | "value" | "criterion" | "worker_type";
  code: string;
  message: string;
}

export type ChangeResult = { ok: true; pack: Pack } | { ok: false; error: ChangeError };

const fail = (field: ChangeError["field"], code: string, message: string): ChangeResult => ({ ok: false, error: { field, code, message } });

/** The kind of a scalar, for matching a proposed value with the parameter's own. */
const kindOf = (v: Scalar) => typeof v;

function sameType(current: Parameter["value"], proposed: Scalar | Scalar[]): boolean {
  if (Array.isArray(current) !== Array.isArray(proposed)) return false;
  if (Array.isArray(current)) {
    const kinds = new Set(current.map(kindOf));
    return (proposed as Scalar[]).length > 0 && (proposed as Scalar[]).every((x) => kinds.size === 0 || kinds.has(kindOf(x)));
  }
  return kindOf(current) === kindOf(proposed as Scalar) && (typeof proposed !== "number" || Number.isFinite(proposed));
}

/**
 * The worker-type leaves of a test, widened to admit `wt`: `eq` becomes `in` with both, `in` gains it, `ne` and
 * `not_in` lose it — each as the leaf reads under the `not`s above it (a leaf under an odd number of `not`s is
 * narrowed instead, so that the whole test admits her). Answers whether any leaf changed.
 */
function widen(t: Test, wt: string, negated: boolean, changed: { any: boolean }): Test {
  if (isLeaf(t)) {
    if (t.fact !== "worker_type" || t.param !== undefined) return t;
    const leaf = t as LeafTest;
    const list = Array.isArray(leaf.value) ? (leaf.value as Scalar[]) : [leaf.value as Scalar];
    const admitting = !negated;
    const positive = leaf.op === "eq" || leaf.op === "in";
    const negative = leaf.op === "ne" || leaf.op === "not_in";
    if (!positive && !negative) return t;
    // A positive leaf admits the listed types; to admit `wt` in a positive position add it, in a negated one remove it.
    const add = positive === admitting;
    const next = add ? (list.includes(wt) ? list : [...list, wt]) : list.filter((x) => x !== wt);
    if (next.length === list.length && next.every((x, i) => x === list[i])) return t;
    changed.any = true;
    if (positive) return next.length ? { fact: "worker_type", op: "in", value: next } : { fact: "worker_type", op: "in", value: [] };
    return next.length ? { fact: "worker_type", op: "not_in", value: next } : { fact: "worker_type", op: "not_in", value: [] };
  }
  if ("not" in t) return { not: widen(t.not, wt, !negated, changed) };
  if ("all" in t) return { all: t.all.map((k) => widen(k, wt, negated, changed)) };
  return { any: t.any.map((k) => widen(k, wt, negated, changed)) };
}

/** The pack with `change` applied to the version of its scheme in force on `date`. */
export function applyChange(pack: Pack, change: RuleChange, date: string): ChangeResult {
  const si = pack.schemes.findIndex((s) => s.id === change.scheme);
  if (si < 0) return fail("scheme", "unknown_scheme", `${pack.country.code} has no scheme ${JSON.stringify(change.scheme)}`);
  const scheme = pack.schemes[si]!;
  const version = versionOn(scheme.versions, date);
  if (!version) return fail("scheme", "not_in_force", `${change.scheme} has no version in force on ${date}`);
  let next: SchemeVersion;
  switch (change.kind) {
    case "parameter": {
      const p = version.parameters[change.parameter];
      if (!p) return fail("parameter", "unknown_parameter", `${change.scheme} has no parameter ${JSON.stringify(change.parameter)} (it has: ${Object.keys(version.parameters).join(", ") || "none"})`);
      if (!sameType(p.value, change.value)) return fail("value", "wrong_type", `must be ${Array.isArray(p.value) ? "a list" : `a ${typeof p.value}`} like the current value (${JSON.stringify(p.value)})`);
      next = { ...version, parameters: { ...version.parameters, [change.parameter]: { ...p, value: change.value, note: `what-if: proposed instead of ${JSON.stringify(p.value)}` } } };
      break;
    }
    case "drop_criterion": {
      if (!version.criteria.some((c) => c.id === change.criterion)) return fail("criterion", "unknown_criterion", `${change.scheme} has no criterion ${JSON.stringify(change.criterion)} (it has: ${version.criteria.map((c) => c.id).join(", ")})`);
      next = { ...version, criteria: version.criteria.filter((c) => c.id !== change.criterion) };
      break;
    }
    case "admit_worker_type": {
      if (!(WORKER_TYPES as readonly string[]).includes(change.worker_type)) return fail("worker_type", "unknown_worker_type", `must be one of ${WORKER_TYPES.join(", ")}`);
      const changed = { any: false };
      const criteria: Criterion[] = version.criteria.map((c) => (c.test && testFacts(c.test).includes("worker_type") ? { ...c, test: widen(c.test, change.worker_type, false, changed) } : c));
      if (!changed.any) return fail("worker_type", "already_admitted", `${change.scheme} already admits ${change.worker_type.replace(/_/g, " ")} workers (no criterion on the kind of work refuses them)`);
      next = { ...version, criteria };
      break;
    }
    default:
      return fail("scheme", "unknown_change", "the change must be a parameter, a criterion dropped or a worker type admitted");
  }
  next = { ...next, hash: `${version.hash}+whatif` };
  const versions = scheme.versions.map((v) => (v === version ? next : v));
  const schemes = pack.schemes.map((s, i) => (i === si ? { ...scheme, versions } : s));
  return { ok: true, pack: { ...pack, schemes, hash: `${pack.hash}+whatif` } };
}

export interface ChangeablePart {
  scheme: string;
  rule_version: string;
  parameters: { name: string; value: Parameter["value"]; unit?: string; unconfirmed: boolean; sources: string[] }[];
  criteria: { id: string; facts: string[]; reads_worker_type: boolean }[];
  /** Worker types no worker-type criterion admits today (those `admit_worker_type` can change). */
  refuses: string[];
}

/** What an advocate may change in each scheme in force on `date`. */
export function changeableParts(pack: Pack, date: string): ChangeablePart[] {
  const out: ChangeablePart[] = [];
  for (const scheme of pack.schemes) {
    const version = versionOn(scheme.versions, date);
    if (!version) continue;
    const refuses = WORKER_TYPES.filter((wt) => applyChange(pack, { kind: "admit_worker_type", scheme: scheme.id, worker_type: wt }, date).ok);
    out.push({
      scheme: scheme.id,
      rule_version: version.rule_version,
      parameters: Object.entries(version.parameters).map(([name, p]) => ({ name, value: p.value, ...(p.unit ? { unit: p.unit } : {}), unconfirmed: p.unconfirmed, sources: p.sources })),
      criteria: version.criteria.map((c) => {
        const facts = [...new Set([...(c.test ? testFacts(c.test) : []), ...(c.when ? testFacts(c.when) : [])])];
        return { id: c.id, facts, reads_worker_type: facts.includes("worker_type") };
      }),
      refuses,
    });
  }
  return out;
}
