/**
 * Checking a member's facts against a country's vocabulary before evaluation: unknown fact names and ill-typed
 * values are rejected with an issue naming the field. Hand-written (no zod) so the browser bundle stays small.
 */
import { ageOn, isIsoDate } from "./dates";
import type { FactDef, Facts, Pack } from "./types";
import { countryFacts } from "./vocabulary";

export interface FactIssue {
  /** Path of the offending field, e.g. `["facts", "monthly_income"]`. */
  path: (string | number)[];
  message: string;
}

export type FactCheck = { ok: true; facts: Facts } | { ok: false; issues: FactIssue[] };

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

/**
 * Validates `input` as the facts of a member of `pack`'s country on `date`. `null` is a valid answer for any fact:
 * the member declined to answer it.
 * @example checkFacts(kePack, { age: 45, worker_type: "self_employed" }, "2025-06-01") // { ok: true, facts: {...} }
 * @example checkFacts(kePack, { monthly_income: -5 }, "2025-06-01").ok // false
 */
export function checkFacts(pack: Pick<Pack, "country" | "schemes">, input: unknown, date: string): FactCheck {
  const at = (name: string): (string | number)[] => ["facts", name];
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return { ok: false, issues: [{ path: ["facts"], message: "must be an object of fact names and values" }] };
  }
  const defs = factDefs(pack);
  const facts = input as Record<string, unknown>;
  let issues: FactIssue[] | undefined;
  for (const name in facts) {
    if (!Object.hasOwn(facts, name)) continue;
    const def = defs.get(name);
    if (!def) {
      (issues ??= []).push({ path: at(name), message: `unknown fact "${name}" for ${pack.country.code}; known facts: ${[...defs.keys()].join(", ")}` });
      continue;
    }
    const value = facts[name];
    if (value === null) continue;
    const problem = checkValue(def, value, date);
    if (problem) (issues ??= []).push({ path: at(name), message: problem });
  }
  const birth = facts.birth_date;
  const age = facts.age;
  if (!issues && typeof birth === "string" && typeof age === "number" && ageOn(birth, date) !== age) {
    issues = [{ path: at("age"), message: `is ${age} but birth_date ${birth} gives ${ageOn(birth, date)} on ${date}; give one or make them agree` }];
  }
  // Valid input is returned as it is: every key was checked above.
  return issues ? { ok: false, issues } : { ok: true, facts: facts as Facts };
}

function checkValue(def: FactDef, value: unknown, date: string): string | undefined {
  switch (def.type) {
    case "boolean":
      return typeof value === "boolean" ? undefined : "must be true or false";
    case "integer":
    case "number": {
      if (typeof value !== "number" || !Number.isFinite(value)) return "must be a number";
      if (def.type === "integer" && !Number.isInteger(value)) return "must be a whole number";
      if (def.min !== undefined && value < def.min) return `must be at least ${def.min}`;
      if (def.max !== undefined && value > def.max) return `must be at most ${def.max}`;
      return undefined;
    }
    case "date": {
      if (!isIsoDate(value)) return "must be a real date written YYYY-MM-DD";
      if (def.name === "birth_date") {
        if (value > date) return `is after the evaluation date ${date}`;
        if (ageOn(value, date) > 130) return "is more than 130 years before the evaluation date";
      }
      return undefined;
    }
    case "enum":
      if (typeof value !== "string") return `must be one of: ${(def.values ?? []).join(", ")}`;
      return def.values?.includes(value) ? undefined : `"${value}" is not one of: ${(def.values ?? []).join(", ") || "(none defined for this country)"}`;
    case "list": {
      if (!Array.isArray(value)) return "must be a list of codes, e.g. []";
      for (let i = 0; i < value.length; i++) {
        const v: unknown = value[i];
        if (typeof v !== "string" || !def.values?.includes(v)) {
          const bad = value.filter((x) => typeof x !== "string" || !def.values?.includes(x));
          return `unknown code${bad.length > 1 ? "s" : ""} ${bad.map((x) => JSON.stringify(x)).join(", ")}; allowed: ${(def.values ?? []).join(", ")}`;
        }
        if (value.indexOf(v) !== i) return "lists a code twice";
      }
      return undefined;
    }
  }
}
