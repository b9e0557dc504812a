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
  const issues: FactIssue[] = [];
  const facts: Facts = {};
  for (const [name, value] of Object.entries(input as Record<string, unknown>)) {
    const def = defs.get(name);
    if (!def) {
      issues.push({ path: at(name), message: `unknown fact "${name}" for ${pack.country.code}; known facts: ${[...defs.keys()].join(", ")}` });
      continue;
    }
    if (value === null) {
      facts[name] = null;
      continue;
    }
    const problem = checkValue(def, value, date);
    if (problem) issues.push({ path: at(name), message: problem });
    else facts[name] = value as Facts[string];
  }
  const birth = facts.birth_date;
  if (typeof birth === "string" && typeof facts.age === "number" && ageOn(birth, date) !== facts.age) {
    issues.push({ path: at("age"), message: `is ${facts.age} but birth_date ${birth} gives ${ageOn(birth, date)} on ${date}; give one or make them agree` });
  }
  return issues.length ? { ok: false, issues } : { ok: true, facts };
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
      const bad = value.filter((v) => typeof v !== "string" || !def.values?.includes(v));
      if (bad.length) return `unknown code${bad.length > 1 ? "s" : ""} ${bad.map((v) => JSON.stringify(v)).join(", ")}; allowed: ${(def.values ?? []).join(", ")}`;
      if (new Set(value).size !== value.length) return "lists a code twice";
      return undefined;
    }
  }
}
