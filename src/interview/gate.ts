/**
 * The one gate facts pass wherever they enter: an API body, a form field, the page's hidden state, a CSV row,
 * a USSD reply. Untrusted input in, checked facts or issues (as codes) out. Checks sizes before it walks
 * anything, so a hostile input costs no more than a valid one. Hand-written (no zod) to keep the page small.
 */
import { ageOn, isIsoDate } from "../engine/dates";
import { countryFacts } from "../engine/vocabulary";
import type { FactDef, Facts, Pack } from "../engine/types";
import type { FactIssue } from "./issues";

export type FactCheck = { ok: true; facts: Facts } | { ok: false; issues: FactIssue[] };

/** At most this many issues are listed for one input (then one `too_many_issues`). */
export const MAX_ISSUES = 20;
/** Longest text an enum or date answer can be. */
const MAX_TEXT = 64;

const defsCache = new WeakMap<Pack["country"], Map<string, FactDef>>();

/** The facts a member of this pack's country may give, by name. */
export function factDefs(pack: Pick<Pack, "country" | "schemes">): Map<string, FactDef> {
  let defs = defsCache.get(pack.country);
  if (!defs) {
    defs = new Map(countryFacts(pack.country, pack.schemes.map((s) => s.id)).map((f) => [f.name, f]));
    defsCache.set(pack.country, defs);
  }
  return defs;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * Validates `input` as the facts of a member of `pack`'s country on `date`. `null` is a valid answer for any
 * fact: the member declined to answer it. Own keys only; `__proto__` and other names outside the vocabulary are
 * unknown facts.
 * @example checkFacts(kePack, { age: 45, worker_type: "self_employed" }, "2025-06-01") // { ok: true, facts: {...} }
 * @example checkFacts(kePack, { monthly_income: -5 }, "2025-06-01") // { ok: false, issues: [{ path: ["facts", "monthly_income"], code: "too_small", params: { min: 0 } }] }
 */
export function checkFacts(pack: Pick<Pack, "country" | "schemes">, input: unknown, date: string): FactCheck {
  if (input === undefined) return { ok: false, issues: [{ path: ["facts"], code: "required" }] };
  if (!isPlainObject(input)) return { ok: false, issues: [{ path: ["facts"], code: "not_an_object" }] };
  const defs = factDefs(pack);
  const issues: FactIssue[] = [];
  let count = 0;
  const add = (issue: FactIssue) => {
    count++;
    if (issues.length < MAX_ISSUES) issues.push(issue);
  };
  for (const name of Object.keys(input)) {
    const def = defs.get(name);
    if (!def) {
      add({ path: ["facts", name.length > MAX_TEXT ? `${name.slice(0, MAX_TEXT)}…` : name], code: "unknown_fact", params: { fact: name.slice(0, MAX_TEXT) } });
      continue;
    }
    const value = input[name];
    if (value === null) continue;
    const problem = checkValue(def, value, date);
    if (problem) add({ path: ["facts", name], ...problem });
  }
  const birth = input.birth_date;
  const age = input.age;
  if (!count && typeof birth === "string" && typeof age === "number" && ageOn(birth, date) !== age) {
    add({ path: ["facts", "age"], code: "age_birth_mismatch", params: { age, birth_date: birth, computed: ageOn(birth, date) } });
  }
  if (count > issues.length) issues.push({ path: ["facts"], code: "too_many_issues", params: { count } });
  // Valid input is returned as it is (a plain object whose every own key was checked): no copy per check.
  return count ? { ok: false, issues } : { ok: true, facts: input as Facts };
}

/** The problem with one value of a fact, or undefined when it is a valid answer. */
export function checkValue(def: FactDef, value: unknown, date: string): Omit<FactIssue, "path"> | undefined {
  switch (def.type) {
    case "boolean":
      return typeof value === "boolean" ? undefined : { code: "not_yes_no" };
    case "integer":
    case "number": {
      if (typeof value !== "number" || !Number.isFinite(value)) return { code: "not_a_number" };
      if (def.type === "integer" && !Number.isInteger(value)) return { code: "not_whole" };
      if (def.min !== undefined && value < def.min) return { code: "too_small", params: { min: def.min } };
      if (def.max !== undefined && value > def.max) return { code: "too_large", params: { max: def.max } };
      return undefined;
    }
    case "date": {
      if (!isIsoDate(value)) return { code: "not_a_date" };
      if (def.answers === "age") {
        if (value > date) return { code: "birth_after_date", params: { date } };
        if (ageOn(value, date) > 130) return { code: "birth_too_early" };
      }
      return undefined;
    }
    case "enum":
      if (typeof value !== "string") return { code: "not_an_option" };
      if (value.length > MAX_TEXT) return { code: "too_long" };
      return def.values?.includes(value) ? undefined : { code: "not_an_option", params: { value, allowed: (def.values ?? []).join(", ") } };
    case "list": {
      // Length first: a list can be no longer than the codes it may hold, whatever it claims to be.
      if (!Array.isArray(value)) return { code: "not_a_list" };
      const allowed = def.values ?? [];
      if (value.length > allowed.length) return { code: "too_long" };
      const bad: string[] = [];
      for (let i = 0; i < value.length; i++) {
        const v: unknown = value[i];
        if (typeof v !== "string" || !allowed.includes(v)) bad.push(typeof v === "string" ? v.slice(0, MAX_TEXT) : typeof v);
        else if (value.indexOf(v) !== i) return { code: "repeated_code" };
      }
      return bad.length ? { code: "unknown_codes", params: { codes: bad.join(", "), allowed: allowed.join(", ") } } : undefined;
    }
  }
}
