/**
 * The advocacy evidence's aggregates in D1: counts over stored ids (latest screening results, enrollments and
 * their events), never a member row. Everything here is a count before disclosure control: src/evidence/service.ts
 * suppresses before anything leaves the tool.
 *
 * Who is counted: members of the network (and of the caller's clusters, for a grant on clusters) whose consent is
 * given and includes anonymous statistics. Schemes: those in force on the day of the figures.
 *
 * Each member has, per scheme, a rung code (src/evidence/types.ts RUNGS, top rung highest):
 *   6 covered      her enrollment is `enrolled`
 *   5 lapsed       her enrollment is `lapsed`
 *   4 in_progress  the law admits her (eligible, likely eligible) and she is gathering documents, ready, applied
 *                  or appealing
 *   3 not_started  the law admits her and nothing is under way
 *   2 unknown      needs information, "likely not: check with the office", or not screened for the scheme
 *   1 excluded     refused on a settled criterion
 * and, per function, the highest code among the function's schemes.
 */
import { TRANSITIONS } from "../members/enrollment";
import type { Db } from "./queries";

export interface EvidenceScope {
  network_id: string;
  clusters: "all" | string[];
}

export interface AggregateInput {
  scope: EvidenceScope;
  /** The day of the figures (ISO): ages, the schemes in force, the trend's last month. */
  today: string;
  /** Scheme ids in force on `today`, with the functions each serves. */
  schemes: { id: string; functions: string[] }[];
  /** SQL of the breakdown's value over `coverage c` (src/evidence/catalogue.ts breakdownSql). */
  breakdown: string;
  /** Months of the trend, `YYYY-MM`, oldest first. */
  months: string[];
}

export interface RawAggregates {
  /** Members counted, per breakdown value. */
  members: Map<string, number>;
  /** [scheme, breakdown value, code, members] */
  schemeRungs: [string, string, number, number][];
  /** [function, breakdown value, code, members] */
  functionRungs: [string, string, number, number][];
  /** Members covered by some scheme (code 6) and admitted by some scheme (code ≥ 3). */
  anyCovered: number;
  anyLegal: number;
  /** Among the excluded (code 1) of each scheme: [scheme, criterion, members failing it, members failing only it]. */
  reasons: [string, string, number, number][];
  /** Barriers recorded among the eligible not enrolled (codes 3 and 4): [scheme, barrier, members]. */
  barriers: [string, string, number][];
  /** [scheme, current enrollment state, members] */
  states: [string, string, number][];
  /** Moves between states with their durations: [scheme, from, to, days, moves]. */
  moves: [string, string, string, number, number][];
  /** [scheme, members who applied, members rejected] (ever, from the events). */
  rejections: [string, number, number][];
  /** [month, scheme, members enrolled at the month's end] */
  trend: [string, string, number][];
}

const ID = /^[a-z0-9_]+$/;

/** A literal list of checked ids for SQL (D1 allows 100 bound parameters: scheme lists are inlined, never input). */
function idList(ids: readonly string[]): string {
  for (const id of ids) if (!ID.test(id)) throw new Error(`not an id: ${id}`);
  return ids.length ? ids.map((id) => `'${id}'`).join(", ") : "NULL";
}

/** Rows of counted members in the caller's network (and clusters), over a derived table `c`. */
function scopeFilter(scope: EvidenceScope): { sql: string; params: string[] } {
  const params = [scope.network_id];
  let sql = "c.network_id = ?1 AND c.counted = 1";
  if (scope.clusters !== "all") {
    if (scope.clusters.length > 90) throw new Error("too many clusters for one statement");
    sql += ` AND c.cluster_id IN (${scope.clusters.map((_, i) => `?${i + 2}`).join(", ")})`;
    params.push(...scope.clusters);
  }
  return { sql, params };
}

/** Every aggregate of a network's evidence: four statements in one batch, index-only over the derived tables. */
export async function aggregates(db: Db, input: AggregateInput): Promise<RawAggregates> {
  const d1 = db.$client;
  const { sql: where, params } = scopeFilter(input.scope);
  const schemeIds = idList(input.schemes.map((s) => s.id));
  const fns = [...new Set(input.schemes.flatMap((s) => s.functions))];
  for (const f of fns) if (!ID.test(f)) throw new Error(`not a function: ${f}`);
  const k = input.breakdown;
  const inScope = `${where} AND c.scheme IN (${schemeIds})`;
  // The same scope, for the outcome index (its columns after network and counted are the state reached).
  const outcomeScope = `c.network_id = ?1 AND c.counted = 1 AND c.scheme IN (${schemeIds})${params.length > 1 ? ` AND c.cluster_id IN (${params.slice(1).map((_, i) => `?${i + 2}`).join(", ")})` : ""}`;
  // One row per member: her highest code in each function's schemes, and over all schemes ('*').
  const perFunction = fns.map((f) => `max(CASE WHEN c.scheme IN (${idList(input.schemes.filter((s) => s.functions.includes(f)).map((s) => s.id))}) THEN c.code END) AS f_${f}`);
  const fnCols = fns.map((f) => `f_${f}`);
  const statements = [
    d1.prepare(`SELECT k, ${[...fnCols, "f_all"].join(", ")}, count(*) AS n FROM (
        SELECT c.member_id, ${k} AS k, ${[...perFunction, "max(c.code) AS f_all"].join(", ")} FROM coverage c WHERE ${inScope} GROUP BY c.member_id
      ) GROUP BY k, ${[...fnCols, "f_all"].join(", ")}`).bind(...params),
    // One pass over the scheme index for the rungs, states and barriers; D1 allows five terms in a compound SELECT.
    d1.prepare(`SELECT c.scheme AS scheme, ${k} AS k, c.code AS code, c.state AS state, c.barrier AS barrier, count(*) AS n FROM coverage c WHERE ${inScope}
      GROUP BY c.scheme, k, c.code, c.state, c.barrier`).bind(...params),
    // Reasons by the set of criteria failed (few distinct sets), counted per criterion in JS.
    d1.prepare(`SELECT c.scheme AS scheme, c.failed AS failed, count(*) AS n FROM coverage c WHERE ${inScope} AND c.code = 1 GROUP BY c.scheme, c.failed`).bind(...params),
    // Moves with their days and month, in one pass; members who applied and were rejected, from their own index.
    d1.prepare(`SELECT 'm' AS kind, c.scheme AS scheme, c.from_state AS a, c.to_state AS b, c.days AS d, NULL AS month, count(*) AS n FROM evidence_moves c
        WHERE ${inScope} AND c.from_state IS NOT NULL AND c.days IS NOT NULL GROUP BY c.scheme, c.from_state, c.to_state, c.days
      UNION ALL SELECT 't', c.scheme, c.from_state, c.to_state, NULL, substr(c.occurred_on, 1, 7), count(*) FROM evidence_moves c INDEXED BY evidence_moves_outcome
        WHERE ${outcomeScope} AND c.to_state IN (${idList(["enrolled", ...TRANSITIONS.enrolled])}) GROUP BY c.scheme, c.from_state, c.to_state, substr(c.occurred_on, 1, 7)
      UNION ALL SELECT 'r', c.scheme, c.to_state, NULL, count(DISTINCT c.member_id), NULL, NULL FROM evidence_moves c INDEXED BY evidence_moves_outcome
        WHERE ${outcomeScope} AND c.to_state IN ('applied', 'rejected') GROUP BY c.scheme, c.to_state`).bind(...params),
  ];
  const [functions, main, reasons, moves] = await d1.batch(statements);
  const out: RawAggregates = { members: new Map(), schemeRungs: [], functionRungs: [], anyCovered: 0, anyLegal: 0, reasons: [], barriers: [], states: [], moves: [], rejections: [], trend: [] };
  const fnCounts = new Map<string, number>();
  for (const row of functions!.results as Record<string, string | number | null>[]) {
    const key = String(row.k);
    const n = row.n as number;
    out.members.set(key, (out.members.get(key) ?? 0) + n);
    const all = row.f_all as number;
    if (all === 6) out.anyCovered += n;
    if (all >= 3) out.anyLegal += n;
    for (const f of fns) {
      const code = row[`f_${f}`] as number | null;
      // No row for any scheme of the function: she was not screened for them (unknown).
      const id = `${f}\u0000${key}\u0000${code ?? 2}`;
      fnCounts.set(id, (fnCounts.get(id) ?? 0) + n);
    }
  }
  for (const [id, n] of fnCounts) {
    const [f, key, code] = id.split("\u0000") as [string, string, string];
    out.functionRungs.push([f, key, Number(code), n]);
  }
  const states = new Map<string, number>();
  const barriers = new Map<string, number>();
  const rungs = new Map<string, number>();
  const add = (m: Map<string, number>, key: string, n: number) => m.set(key, (m.get(key) ?? 0) + n);
  for (const row of main!.results as { scheme: string; k: string; code: number; state: string | null; barrier: string | null; n: number }[]) {
    add(rungs, `${row.scheme}\u0000${row.k}\u0000${row.code}`, row.n);
    if (row.state !== null) add(states, `${row.scheme}\u0000${row.state}`, row.n);
    if ((row.code === 3 || row.code === 4) && row.barrier !== null) add(barriers, `${row.scheme}\u0000${row.barrier}`, row.n);
  }
  const split = (key: string) => key.split("\u0000") as [string, string, string];
  for (const [key, n] of rungs) {
    const [scheme, kv, code] = split(key);
    out.schemeRungs.push([scheme, kv, Number(code), n]);
  }
  for (const [key, n] of states) out.states.push([...(split(key).slice(0, 2) as [string, string]), n]);
  for (const [key, n] of barriers) out.barriers.push([...(split(key).slice(0, 2) as [string, string]), n]);
  const binding = new Map<string, [number, number]>();
  for (const row of reasons!.results as { scheme: string; failed: string | null; n: number }[]) {
    const failed = JSON.parse(row.failed ?? "[]") as string[];
    for (const criterion of new Set(failed)) {
      const key = `${row.scheme}\u0000${criterion}`;
      const acc = binding.get(key) ?? [0, 0];
      acc[0] += row.n;
      if (failed.length === 1) acc[1] += row.n;
      binding.set(key, acc);
    }
  }
  for (const [key, [any, only]] of binding) {
    const [scheme, criterion] = split(key);
    out.reasons.push([scheme, criterion, any, only]);
  }
  // Enrolled at each month's end: the moves into `enrolled` less those out of it, summed up to the month.
  const hist = new Map<string, number>();
  const net = new Map<string, Map<string, number>>();
  const applied = new Map<string, [number, number]>();
  for (const row of moves!.results as { kind: string; scheme: string; a: string | null; b: string | null; d: number | null; month: string | null; n: number }[]) {
    if (row.kind === "r") {
      const acc = applied.get(row.scheme) ?? [0, 0];
      acc[row.a === "applied" ? 0 : 1] = row.d!;
      applied.set(row.scheme, acc);
      continue;
    }
    if (row.kind === "m") {
      add(hist, `${row.scheme}\u0000${row.a}\u0000${row.b}\u0000${row.d}`, row.n);
      continue;
    }
    const delta = (row.b === "enrolled" ? 1 : 0) - (row.a === "enrolled" ? 1 : 0);
    if (delta !== 0) {
      const byMonth = net.get(row.scheme) ?? new Map<string, number>();
      byMonth.set(row.month!, (byMonth.get(row.month!) ?? 0) + delta * row.n);
      net.set(row.scheme, byMonth);
    }
  }
  for (const [key, n] of hist) {
    const [scheme, from, to, days] = key.split("\u0000") as [string, string, string, string];
    out.moves.push([scheme, from, to, Number(days), n]);
  }
  for (const [scheme, [a, r]] of applied) out.rejections.push([scheme, a, r]);
  for (const [scheme, byMonth] of net) {
    const months = [...byMonth.keys()].sort();
    let running = 0;
    let i = 0;
    for (const month of input.months) {
      while (i < months.length && months[i]! <= month) running += byMonth.get(months[i++]!)!;
      out.trend.push([month, scheme, running]);
    }
  }
  return out;
}
