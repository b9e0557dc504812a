/**
 * Deterministic member profiles for the benchmarks: a seeded PRNG (no Math.random, so every run evaluates the
 * same members) and a generator that answers every fact a country's members may give, with rough real-world
 * proportions (most members informal workers, many on low incomes, few with other cover) so that every scheme of
 * the benchmark pack has members on both sides of its verdict.
 */
import { factDefs } from "../../src/interview/gate";
import type { FactDef, Facts, FactValue, Pack } from "../../src/engine/types";
import type { Profile } from "./handwritten20";

/** mulberry32: a small, fast 32-bit PRNG; returns numbers in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;

const int = (r: Rand, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));

function weighted<T extends string>(r: Rand, choices: readonly [T, number][]): T {
  let x = r() * choices.reduce((s, [, w]) => s + w, 0);
  for (const [c, w] of choices) if ((x -= w) < 0) return c;
  return choices[choices.length - 1]![0];
}

function monthlyIncome(r: Rand): number {
  const band = r();
  if (band < 0.15) return int(r, 0, 2000);
  if (band < 0.6) return int(r, 2000, 20000);
  if (band < 0.9) return int(r, 20000, 60000);
  return int(r, 60000, 200000);
}

/** A distinct subset of `values`: usually empty, sometimes one or two items. */
function someOf(r: Rand, values: readonly string[]): string[] {
  const x = r();
  const n = x < 0.55 ? 0 : x < 0.85 ? 1 : 2;
  const out: string[] = [];
  while (out.length < Math.min(n, values.length)) {
    const v = values[int(r, 0, values.length - 1)]!;
    if (!out.includes(v)) out.push(v);
  }
  return out;
}

/** A value for a fact with no rule of its own below, from its definition alone. */
function genericValue(r: Rand, def: FactDef): FactValue {
  switch (def.type) {
    case "boolean":
      return r() < 0.5;
    case "integer":
      return int(r, def.min ?? 0, Math.min(def.max ?? 100, (def.min ?? 0) + 100));
    case "number":
      return int(r, def.min ?? 0, Math.min(def.max ?? 100000, (def.min ?? 0) + 100000));
    case "date":
      return `${int(r, 1940, 2020)}-${String(int(r, 1, 12)).padStart(2, "0")}-${String(int(r, 1, 28)).padStart(2, "0")}`;
    case "enum":
      return def.values?.length ? def.values[int(r, 0, def.values.length - 1)]! : null;
    case "list":
      return someOf(r, def.values ?? []);
  }
}

/**
 * `count` members of `pack`'s country, each answering every fact the country defines (age rather than birth_date,
 * which only stands for age). Same seed, same members.
 */
export function generateFacts(pack: Pack, count: number, seed: number): Facts[] {
  const r = prng(seed);
  const defs = [...factDefs(pack).values()].filter((d) => d.name !== "birth_date");
  const out: Facts[] = [];
  for (let i = 0; i < count; i++) {
    const f: Facts = {};
    for (const def of defs) {
      switch (def.name) {
        case "age":
          f.age = int(r, 14, 89);
          break;
        case "worker_type":
          f.worker_type = weighted(r, [["self_employed", 35], ["homeworker", 25], ["employee", 15], ["unpaid_family_worker", 15], ["other", 10]]);
          break;
        case "residency_status":
          f.residency_status = weighted(r, [["citizen", 70], ["resident", 10], ["refugee", 12], ["other", 8]]);
          break;
        case "monthly_income":
          f.monthly_income = monthlyIncome(r);
          break;
        case "receives_pension":
          f.receives_pension = r() < (typeof f.age === "number" && f.age >= 60 ? 0.4 : 0.08);
          break;
        case "in_poverty_registry":
          f.in_poverty_registry = r() < 0.3;
          break;
        case "income_tax_payer":
          f.income_tax_payer = r() < 0.2;
          break;
        case "has_national_id":
          f.has_national_id = r() < 0.85;
          break;
        case "sex":
          f.sex = weighted(r, [["female", 70], ["male", 28], ["other", 2]]);
          break;
        case "is_pregnant":
          f.is_pregnant = f.sex === "female" && typeof f.age === "number" && f.age >= 15 && f.age <= 49 ? r() < 0.2 : false;
          break;
        case "has_disability":
          f.has_disability = r() < 0.15;
          break;
        case "household_size":
          f.household_size = int(r, 1, 9);
          break;
        case "has_bank_account":
          f.has_bank_account = r() < 0.75;
          break;
        default:
          f[def.name] = genericValue(r, def);
      }
    }
    // As members arrive at the API: parsed from JSON. (Built by assignment, an object with this many keyed stores
    // falls back to slow dictionary properties in V8, which no real member's facts have.)
    out.push(JSON.parse(JSON.stringify(f)) as Facts);
  }
  return out;
}

const PROFILE_TYPES: Record<keyof Profile, "number" | "string" | "boolean" | "list"> = {
  age: "number",
  worker_type: "string",
  residency_status: "string",
  monthly_income: "number",
  covered_by: "list",
  receives_pension: "boolean",
  in_poverty_registry: "boolean",
  income_tax_payer: "boolean",
  has_national_id: "boolean",
  sex: "string",
  is_pregnant: "boolean",
  has_disability: "boolean",
  household_size: "number",
  has_bank_account: "boolean",
  region: "string",
};

/** The facts as a complete Profile for the hand-written schemes; throws naming the first fact missing or ill-typed. */
export function asProfile(f: Facts): Profile {
  for (const [name, type] of Object.entries(PROFILE_TYPES)) {
    const v = f[name];
    const ok = type === "list" ? Array.isArray(v) : typeof v === type;
    if (!ok) throw new Error(`profile lacks a ${type} "${name}" (got ${JSON.stringify(v)})`);
  }
  return f as unknown as Profile;
}
