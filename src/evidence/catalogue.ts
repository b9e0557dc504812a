/**
 * The fixed catalogue of evidence tables, and the pack facts they are built from (pure). Tables come only from
 * this list — a function or scheme (or month) by at most one breakdown — so that nobody can recover a small group
 * by differencing free queries.
 */
import { ageOn, versionOn } from "../engine/dates";
import type { Facts, Pack, Scheme, SchemeVersion } from "../engine/types";
import { BREAKDOWNS, FUNCTION_OF, FUNCTIONS, type Breakdown, type SpFunction } from "./types";

/** The functions a scheme serves: its category's, and those of `also_covers`. */
export function functionsOf(scheme: Pick<Scheme, "category" | "also_covers">): SpFunction[] {
  const out = new Set<SpFunction>([FUNCTION_OF[scheme.category]]);
  for (const c of scheme.also_covers ?? []) out.add(FUNCTION_OF[c]);
  return FUNCTIONS.filter((f) => out.has(f));
}

/** The schemes of a pack in force on a date, with their version: what the figures of that date are about. */
export function schemesInForce(pack: Pack, date: string): { scheme: Scheme; version: SchemeVersion }[] {
  const out: { scheme: Scheme; version: SchemeVersion }[] = [];
  for (const scheme of pack.schemes) {
    const version = versionOn(scheme.versions, date);
    if (version) out.push({ scheme, version });
  }
  return out;
}

/** `?by=` as a breakdown of the catalogue, or null for none; anything else is refused by the caller. */
export function parseBreakdown(by: string | undefined | null): Breakdown | null | undefined {
  if (by === undefined || by === null || by === "" || by === "none") return null;
  return (BREAKDOWNS as readonly string[]).includes(by) ? (by as Breakdown) : undefined;
}

/** Ids of the catalogue's tables, for the exports' `table` column and the API documentation. */
export const TABLE_IDS = {
  ladder: (f: SpFunction, by: Breakdown | null) => `ladder.${f}${by ? `.${by}` : ""}`,
  schemes: (by: Breakdown | null) => `schemes${by ? `.${by}` : ""}`,
  barriers: "barriers",
  public: "public_counts",
  whatIf: (scheme: string, by: Breakdown | null) => `what_if.${scheme}${by ? `.${by}` : ""}`,
} as const;

/** A breakdown's SQL over the derived table `coverage c` (src/db/evidence.ts): her value, `unknown` when not given. */
export function breakdownSql(by: Breakdown | null, today: string): string {
  switch (by) {
    case null:
      return "'all'";
    case "cluster":
      return "c.cluster_id";
    case "sex":
      return "coalesce(c.sex, 'unknown')";
    case "worker_type":
      return "coalesce(c.worker_type, 'unknown')";
    case "age_band":
      return ageBandSql(today);
  }
}

/**
 * Her age band on `today`: whole years from her birth date when she gave one, else the age she gave. `today` is
 * a checked ISO date (the server's), inlined as a literal: D1 allows 100 bound parameters, and this is no input.
 */
function ageBandSql(today: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new Error(`not an ISO date: ${today}`);
  const age = `CASE WHEN c.born IS NOT NULL THEN (CAST(substr('${today}', 1, 4) AS INTEGER) - CAST(substr(c.born, 1, 4) AS INTEGER)) - (substr('${today}', 6, 5) < substr(c.born, 6, 5)) ELSE c.age END`;
  return `CASE WHEN (${age}) IS NULL THEN 'unknown' WHEN (${age}) < 18 THEN 'under_18' WHEN (${age}) < 30 THEN '18_29' WHEN (${age}) < 40 THEN '30_39' WHEN (${age}) < 50 THEN '40_49' WHEN (${age}) < 60 THEN '50_59' ELSE '60_plus' END`;
}

/** A member's row of a breakdown, in JS: what `breakdownSql` gives in SQL (the what-if, and the tests' peer). */
export function breakdownKey(by: Breakdown | null, cluster: string, facts: Facts, today: string): string {
  switch (by) {
    case null:
      return "all";
    case "cluster":
      return cluster;
    case "sex":
      return typeof facts.sex === "string" ? facts.sex : "unknown";
    case "worker_type":
      return typeof facts.worker_type === "string" ? facts.worker_type : "unknown";
    case "age_band": {
      const born = facts.birth_date;
      return ageBand(typeof born === "string" ? ageOn(born, today) : typeof facts.age === "number" ? facts.age : undefined);
    }
  }
}

/** The band of an age, as `ageBandSql` makes it. */
export function ageBand(age: number | undefined | null): string {
  if (age === undefined || age === null || !Number.isFinite(age)) return "unknown";
  if (age < 18) return "under_18";
  if (age < 30) return "18_29";
  if (age < 40) return "30_39";
  if (age < 50) return "40_49";
  if (age < 60) return "50_59";
  return "60_plus";
}
