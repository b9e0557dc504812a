/**
 * Rule-pack overrides for what-if: a pack in which the version of one scheme in force on a date is changed as an
 * advocate proposes (a threshold, a criterion dropped, a worker type admitted), to evaluate members by; and what
 * such a change can touch, for the what-if form. Pure. Packs are shared module constants, so nothing here changes
 * its input: the path to the change is copied, everything else is shared with the input pack.
 *
 * Bad changes are results, not exceptions: `applyChange` returns `{ ok: false, error }`, with the field of the
 * change at fault and a code (see ChangeError).
 */
import { versionOn } from "./dates";
import { leafTests, testFacts, thresholdOf } from "./tests";
import type { Criterion, LeafTest, Pack, Parameter, Scalar, Scheme, SchemeVersion, Test } from "./types";
import { countryFacts } from "./vocabulary";

/**
 * A proposed rule change an advocate asks about, to the version of `scheme` in force on the what-if's date.
 * Defined here rather than in src/evidence (which re-exports it): the engine imports nothing from outside itself.
 */
export type RuleChange =
  | { kind: "parameter"; scheme: string; parameter: string; value: Scalar | Scalar[] }
  | { kind: "drop_criterion"; scheme: string; criterion: string }
  | { kind: "admit_worker_type"; scheme: string; worker_type: string };

/** Added to the hash of a changed version and of the pack: a what-if result can never pass for a real one. */
export const WHATIF_SUFFIX = "+whatif";

export const CHANGE_ERROR_CODES = [
  "unknown_kind",
  "unknown_scheme",
  "not_in_force",
  "unknown_parameter",
  "wrong_type",
  "unknown_value",
  "unchanged",
  "unknown_criterion",
  "unknown_worker_type",
  "no_worker_type_criterion",
  "already_admitted",
] as const;
export type ChangeErrorCode = (typeof CHANGE_ERROR_CODES)[number];

/**
 * Why a change cannot be applied: the field of the change at fault (`scheme` when none of its versions is in
 * force on the date), a code, and an English message for logs and developers (pages word it from the code).
 */
export interface ChangeError {
  field: "kind" | "scheme" | "parameter" | "value" | "criterion" | "worker_type";
  code: ChangeErrorCode;
  message: string;
  /** For `wrong_type`: the type of value the parameter takes (`number`, `list of text`...). */
  expected?: string;
  /** For `unknown_value` and `unknown_worker_type`: the values allowed. */
  allowed?: string[];
}

export type ChangeResult = { ok: true; pack: Pack } | { ok: false; error: ChangeError };

/**
 * The pack with `change` applied to the version of `change.scheme` in force on `date`; the input pack is never
 * changed. The changed version keeps its `rule_version`; its hash, and the pack's, end in WHATIF_SUFFIX.
 * - `parameter`: the parameter takes the new value, of the same type (a number for a number, a list of text for a
 *   list of text...), marked `proposed`, with its sources and its `unconfirmed` as they were (so that before and
 *   after differ by the value alone). Text values of a parameter a criterion compares a fact with must be values
 *   of that fact.
 * - `drop_criterion`: the criterion is removed.
 * - `admit_worker_type`: every criterion whose test reads `worker_type` is widened to let that worker type pass
 *   (an `eq` becomes an `in` of both values, an `in` gains it, an `ne` or `not_in` loses it; under a `not`, the
 *   opposite). A condition (`when`) on the worker type is left as it is: it says when a criterion applies, and
 *   refuses no one.
 * @example
 * const r = applyChange(PACKS.ke, { kind: "drop_criterion", scheme: "nssf_haba_haba", criterion: "kenyan_id" }, "2024-01-01");
 * if (r.ok) compilePack(r.pack).evaluate(facts, { date: "2024-01-01" });
 * else r.error // { field: "criterion", code: "unknown_criterion", message: "..." }
 */
export function applyChange(pack: Pack, change: RuleChange, date: string): ChangeResult {
  const scheme = pack.schemes.find((s) => s.id === change.scheme);
  if (!scheme) return fail("scheme", "unknown_scheme", `no scheme "${change.scheme}" in the ${pack.country.code} pack`);
  const version = versionOn(scheme.versions, date);
  if (!version) return fail("scheme", "not_in_force", `no version of ${scheme.id} is in force on ${date}`);
  const changed = changeVersion(pack, version, change);
  if ("code" in changed) return { ok: false, error: changed };
  const next: SchemeVersion = { ...changed, hash: whatIf(version.hash) };
  const schemes = pack.schemes.map((s): Scheme => (s === scheme ? { ...s, versions: s.versions.map((v) => (v === version ? next : v)) } : s));
  return { ok: true, pack: { ...pack, hash: whatIf(pack.hash), schemes } };
}

function changeVersion(pack: Pack, v: SchemeVersion, change: RuleChange): SchemeVersion | ChangeError {
  switch (change.kind) {
    case "parameter": {
      const p = Object.hasOwn(v.parameters, change.parameter) ? v.parameters[change.parameter] : undefined;
      if (!p) return error("parameter", "unknown_parameter", `${v.rule_version} has no parameter "${change.parameter}"`);
      const expected = typeName(p.value);
      const got = typeName(change.value);
      if (!fits(expected, got) || !finite(change.value)) {
        return { ...error("value", "wrong_type", `${change.parameter} takes ${expected}, not ${finite(change.value) ? got : "a number that is not finite"}`), expected };
      }
      if (sameValue(p.value, change.value)) return error("value", "unchanged", `${change.parameter} is already ${String(change.value)}`);
      const unknown = unknownValues(pack, v, change.parameter, change.value);
      if (unknown) return unknown;
      const parameter: Parameter = { ...p, value: Array.isArray(change.value) ? [...change.value] : change.value, proposed: true };
      return { ...v, parameters: { ...v.parameters, [change.parameter]: parameter } };
    }
    case "drop_criterion": {
      if (!v.criteria.some((c) => c.id === change.criterion)) {
        return error("criterion", "unknown_criterion", `${v.rule_version} has no criterion "${change.criterion}"`);
      }
      return { ...v, criteria: v.criteria.filter((c) => c.id !== change.criterion) };
    }
    case "admit_worker_type": {
      const types = workerTypes(pack);
      if (!types.includes(change.worker_type)) {
        return { ...error("worker_type", "unknown_worker_type", `"${change.worker_type}" is not a worker type (${types.join(", ")})`), allowed: types };
      }
      if (!v.criteria.some(readsWorkerType)) {
        return error("worker_type", "no_worker_type_criterion", `the scheme already admits every worker type: no criterion of ${v.rule_version} tests it`);
      }
      let widened = false;
      const criteria = v.criteria.map((c): Criterion => {
        if (!readsWorkerType(c)) return c;
        const test = admit(c.test!, change.worker_type, true, v);
        if (test === c.test) return c;
        widened = true;
        return { ...c, test };
      });
      if (!widened) return error("worker_type", "already_admitted", `${v.rule_version} already admits ${change.worker_type}`);
      return { ...v, criteria };
    }
    default:
      return error("kind", "unknown_kind", `unknown kind of change "${String((change as { kind: unknown }).kind)}"`);
  }
}

/** What a scheme in force offers an advocate's what-if form (see `changeableParts`). */
export interface ChangeablePart {
  scheme: string;
  rule_version: string;
  parameters: {
    name: string;
    value: Scalar | Scalar[];
    unit?: string;
    unconfirmed: boolean;
    sources: string[];
    /** The criteria whose tests compare a fact with it (none: it only shows in texts, such as a contribution). */
    criteria: string[];
  }[];
  criteria: {
    id: string;
    /** The facts its test and condition read. */
    facts: string[];
    /** Whether its test reads `worker_type` (what `admit_worker_type` widens). */
    reads_worker_type: boolean;
  }[];
  /** Worker types its criteria refuse today (in vocabulary order): those `admit_worker_type` would admit. */
  refuses: string[];
}

/**
 * For each scheme in force on `date` (in pack order), what an advocate can change: its parameters, its criteria,
 * and the worker types it refuses.
 * @example changeableParts(PACKS.ke, "2025-06-01").find((s) => s.scheme === "nssf_voluntary")!.refuses // ["employee"]
 */
export function changeableParts(pack: Pack, date: string): ChangeablePart[] {
  const types = workerTypes(pack);
  const out: ChangeablePart[] = [];
  for (const s of pack.schemes) {
    const v = versionOn(s.versions, date);
    if (!v) continue;
    const uses = (name: string) =>
      v.criteria.filter((c) => [c.test, c.when].some((t) => t !== undefined && leafTests(t).some(({ leaf }) => leaf.param === name))).map((c) => c.id);
    out.push({
      scheme: s.id,
      rule_version: v.rule_version,
      parameters: Object.entries(v.parameters).map(([name, p]) => ({
        name,
        value: p.value,
        ...(p.unit !== undefined ? { unit: p.unit } : {}),
        unconfirmed: p.unconfirmed,
        sources: p.sources,
        criteria: uses(name),
      })),
      criteria: v.criteria.map((c) => ({
        id: c.id,
        facts: [...new Set([...(c.test ? testFacts(c.test) : []), ...(c.when ? testFacts(c.when) : [])])],
        reads_worker_type: readsWorkerType(c),
      })),
      refuses: types.filter((t) => v.criteria.some((c) => readsWorkerType(c) && admit(c.test!, t, true, v) !== c.test)),
    });
  }
  return out;
}

function readsWorkerType(c: Criterion): boolean {
  return c.test !== undefined && testFacts(c.test).includes("worker_type");
}

/** The vocabulary's worker types (src/engine/vocabulary.ts). */
function workerTypes(pack: Pack): string[] {
  return countryFacts(pack.country, []).find((f) => f.name === "worker_type")?.values ?? [];
}

/**
 * `t` widened so that worker type `w` passes its `worker_type` leaves (`pass`), or, under an odd number of `not`s,
 * fails them (`!pass`): the same object when nothing changes. A changed leaf holds its threshold as a literal.
 */
function admit(t: Test, w: string, pass: boolean, v: SchemeVersion): Test {
  if ("not" in t) {
    const inner = admit(t.not, w, !pass, v);
    return inner === t.not ? t : { not: inner };
  }
  if ("all" in t || "any" in t) {
    const kids = "all" in t ? t.all : t.any;
    const next = kids.map((k) => admit(k, w, pass, v));
    if (next.every((k, i) => k === kids[i])) return t;
    return "all" in t ? { all: next } : { any: next };
  }
  if (t.fact !== "worker_type") return t;
  const th = thresholdOf(t, v);
  const list = Array.isArray(th) ? th : [th];
  const has = list.includes(w);
  const leaf = (op: LeafTest["op"], value: Scalar[]): LeafTest => ({ fact: t.fact, op, value });
  const without = list.filter((x) => x !== w);
  switch (t.op) {
    // Passes for the listed value(s).
    case "eq":
      if (has === pass) return t;
      return pass ? leaf("in", [...list, w]) : leaf("in", []);
    case "in":
      if (has === pass) return t;
      return pass ? leaf("in", [...list, w]) : leaf("in", without);
    // Passes for every other value.
    case "ne":
      if (has !== pass) return t;
      return pass ? leaf("not_in", []) : leaf("not_in", [...list, w]);
    case "not_in":
      if (has !== pass) return t;
      return pass ? leaf("not_in", without) : leaf("not_in", [...list, w]);
    default:
      // Orderings and list operators mean nothing for a kind of work: nothing to widen.
      return t;
  }
}

/** The scalar texts of a parameter that a criterion compares an enum or list fact with must be that fact's values. */
function unknownValues(pack: Pack, v: SchemeVersion, name: string, value: Extract<RuleChange, { kind: "parameter" }>["value"]): ChangeError | undefined {
  const defs = countryFacts(pack.country, pack.schemes.map((s) => s.id));
  const values = (Array.isArray(value) ? value : [value]).filter((x): x is string => typeof x === "string");
  if (!values.length) return undefined;
  for (const c of v.criteria) {
    for (const t of [c.test, c.when]) {
      if (!t) continue;
      for (const { leaf } of leafTests(t)) {
        if (leaf.param !== name) continue;
        const allowed = defs.find((d) => d.name === leaf.fact)?.values;
        const bad = allowed ? values.filter((x) => !allowed.includes(x)) : [];
        if (allowed && bad.length) {
          return { ...error("value", "unknown_value", `${name} is compared with ${leaf.fact}, which has no value ${bad.map((x) => `"${x}"`).join(", ")}`), allowed };
        }
      }
    }
  }
  return undefined;
}

/** A value's type as a form would name it: `number`, `text`, `yes/no`, `list of numbers`, `empty list`... */
function typeName(x: unknown): string {
  const scalar = (y: unknown) => (typeof y === "number" ? "number" : typeof y === "string" ? "text" : typeof y === "boolean" ? "yes/no" : "something else");
  if (!Array.isArray(x)) return scalar(x);
  if (x.length === 0) return "empty list";
  const kinds = new Set(x.map(scalar));
  if (kinds.size > 1 || kinds.has("something else")) return "a mixed list";
  const [k] = kinds;
  return k === "number" ? "list of numbers" : k === "text" ? "list of text" : "list of yes/no";
}

/**
 * Whether a value of type `got` can replace one of type `expected`: the same type; for a list, a list of the same
 * kind of items, or an empty list (and an empty list takes any list of one kind).
 */
function fits(expected: string, got: string): boolean {
  if (!expected.endsWith("list") && !expected.startsWith("list of ")) return expected === got;
  if (got === "empty list") return true;
  return got.startsWith("list of ") && (expected === "empty list" || expected === got);
}

function finite(x: unknown): boolean {
  return Array.isArray(x) ? x.every((y) => typeof y !== "number" || Number.isFinite(y)) : typeof x !== "number" || Number.isFinite(x);
}

function sameValue(a: Scalar | Scalar[], b: unknown): boolean {
  if (!Array.isArray(a) || !Array.isArray(b)) return a === b;
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function whatIf(hash: string): string {
  return hash.endsWith(WHATIF_SUFFIX) ? hash : hash + WHATIF_SUFFIX;
}

function error(field: ChangeError["field"], code: ChangeErrorCode, message: string): ChangeError {
  return { field, code, message };
}

function fail(field: ChangeError["field"], code: ChangeErrorCode, message: string): ChangeResult {
  return { ok: false, error: error(field, code, message) };
}
