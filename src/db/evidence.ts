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
  /** SQL of the breakdown's value over `members m` (src/evidence/catalogue.ts breakdownSql). */
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
  /** [scheme, members failing two criteria or more] */
  several: [string, number][];
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

function memberFilter(scope: EvidenceScope): { sql: string; params: string[] } {
  const params = [scope.network_id];
  let sql = "m.network_id = ?1 AND m.consent_state = 'given' AND m.stats_consent = 1";
  if (scope.clusters !== "all") {
    if (scope.clusters.length > 90) throw new Error("too many clusters for one statement");
    sql += ` AND m.cluster_id IN (${scope.clusters.map((_, i) => `?${i + 2}`).join(", ")})`;
    params.push(...scope.clusters);
  }
  return { sql, params };
}

const CODE = `CASE
  WHEN e.state = 'enrolled' THEN 6
  WHEN e.state = 'lapsed' THEN 5
  WHEN x.status IN ('eligible', 'likely_eligible') AND e.state IN ('gathering_documents', 'ready_to_apply', 'applied', 'appealed') THEN 4
  WHEN x.status IN ('eligible', 'likely_eligible') THEN 3
  WHEN x.status = 'not_eligible' THEN 1
  ELSE 2 END`;

/** Every aggregate of a network's evidence, in a few statements over indexed ids. */
export async function aggregates(db: Db, input: AggregateInput): Promise<RawAggregates> {
  const d1 = db.$client;
  const { sql: where, params } = memberFilter(input.scope);
  const schemeIds = idList(input.schemes.map((s) => s.id));
  const fnValues = input.schemes.flatMap((s) => s.functions.map((f) => `('${s.id}', '${f}')`));
  for (const f of input.schemes.flatMap((s) => s.functions)) if (!ID.test(f)) throw new Error(`not a function: ${f}`);
  // Members counted, with their breakdown value; then one row per member and scheme in force (no row: not
  // screened for it and not enrolled: code 2).
  const base = `WITH m AS MATERIALIZED (SELECT m.id, ${input.breakdown} AS k FROM members m WHERE ${where}),
    r AS MATERIALIZED (
      SELECT m.id AS member_id, m.k, x.scheme AS scheme, x.status, x.failed, e.state, ${CODE} AS code
      FROM m JOIN screening_results x ON x.member_id = m.id AND x.latest = 1 AND x.scheme IN (${schemeIds})
      LEFT JOIN enrollments e ON e.member_id = x.member_id AND e.scheme = x.scheme
      UNION ALL
      SELECT m.id, m.k, e.scheme, NULL, NULL, e.state, CASE e.state WHEN 'enrolled' THEN 6 WHEN 'lapsed' THEN 5 ELSE 2 END
      FROM m JOIN enrollments e ON e.member_id = m.id AND e.scheme IN (${schemeIds})
      WHERE NOT EXISTS (SELECT 1 FROM screening_results x WHERE x.member_id = m.id AND x.latest = 1 AND x.scheme = e.scheme)
    )`;
  const fnTable = fnValues.length ? `, sf(scheme, fn) AS (VALUES ${fnValues.join(", ")})` : "";
  const statements = [
    d1.prepare(`WITH m AS (SELECT ${input.breakdown} AS k FROM members m WHERE ${where}) SELECT k, count(*) AS n FROM m GROUP BY k`).bind(...params),
    d1.prepare(`${base}${fnTable}
      SELECT 's' AS kind, scheme AS a, k AS b, code AS c, count(*) AS n FROM r GROUP BY scheme, k, code
      ${fnValues.length ? `UNION ALL SELECT 'f', fn, k, code, count(*) FROM (SELECT sf.fn, r.k, max(r.code) AS code FROM r JOIN sf ON sf.scheme = r.scheme GROUP BY r.member_id, sf.fn) GROUP BY fn, k, code` : ""}
      UNION ALL SELECT 'a', NULL, NULL, c, count(*) FROM (SELECT max(code) AS c FROM r GROUP BY member_id) GROUP BY c
      UNION ALL SELECT 'x', scheme, NULL, NULL, count(*) FROM r WHERE code = 1 AND json_array_length(failed) > 1 GROUP BY scheme
      UNION ALL SELECT 'b', r.scheme, j.value, json_array_length(r.failed) = 1, count(*) FROM r, json_each(r.failed) j WHERE r.code = 1 GROUP BY r.scheme, j.value, json_array_length(r.failed) = 1
      UNION ALL SELECT 'g', r.scheme, e.barrier, NULL, count(*) FROM r JOIN enrollments e ON e.member_id = r.member_id AND e.scheme = r.scheme WHERE r.code IN (3, 4) AND e.barrier IS NOT NULL GROUP BY r.scheme, e.barrier`).bind(...params),
    d1.prepare(`WITH m AS (SELECT m.id FROM members m WHERE ${where})
      SELECT e.scheme, e.state, count(*) AS n FROM m JOIN enrollments e ON e.member_id = m.id WHERE e.scheme IN (${schemeIds}) GROUP BY e.scheme, e.state`).bind(...params),
    d1.prepare(`WITH m AS (SELECT m.id FROM members m WHERE ${where}),
      ev AS (SELECT ev.scheme, ev.member_id, ev.from_state, ev.to_state, ev.occurred_on,
               lag(ev.occurred_on) OVER (PARTITION BY ev.member_id, ev.scheme ORDER BY ev.occurred_on, ev.recorded_at, ev.id) AS prev_on
             FROM m JOIN enrollment_events ev ON ev.member_id = m.id WHERE ev.scheme IN (${schemeIds}))
      SELECT 'm' AS kind, scheme, from_state AS a, to_state AS b, CAST(julianday(occurred_on) - julianday(prev_on) AS INTEGER) AS days, count(*) AS n
        FROM ev WHERE prev_on IS NOT NULL AND from_state IS NOT NULL GROUP BY scheme, from_state, to_state, days
      UNION ALL SELECT 'r', scheme, NULL, NULL, count(DISTINCT CASE WHEN to_state = 'applied' THEN member_id END), count(DISTINCT CASE WHEN to_state = 'rejected' THEN member_id END)
        FROM ev GROUP BY scheme`).bind(...params),
  ];
  if (input.months.length) {
    const ends = input.months.map((month) => {
      if (!/^\d{4}-\d{2}$/.test(month)) throw new Error(`not a month: ${month}`);
      return `('${month}', date('${month}-01', '+1 month', '-1 day'))`;
    });
    statements.push(
      d1.prepare(`WITH m AS (SELECT m.id FROM members m WHERE ${where}), months(month, end_on) AS (VALUES ${ends.join(", ")}),
        spans AS (SELECT ev.scheme, ev.to_state, ev.occurred_on AS from_on,
                    lead(ev.occurred_on) OVER (PARTITION BY ev.member_id, ev.scheme ORDER BY ev.occurred_on, ev.recorded_at, ev.id) AS to_on
                  FROM m JOIN enrollment_events ev ON ev.member_id = m.id WHERE ev.scheme IN (${schemeIds}))
        SELECT months.month, spans.scheme, count(*) AS n FROM months JOIN spans
          ON spans.to_state = 'enrolled' AND spans.from_on <= months.end_on AND (spans.to_on IS NULL OR spans.to_on > months.end_on)
        GROUP BY months.month, spans.scheme`).bind(...params),
    );
  }
  const [counted, main, states, moves, trend] = await d1.batch(statements);
  const out: RawAggregates = {
    members: new Map(),
    schemeRungs: [],
    functionRungs: [],
    anyCovered: 0,
    anyLegal: 0,
    reasons: [],
    several: [],
    barriers: [],
    states: [],
    moves: [],
    rejections: [],
    trend: [],
  };
  for (const row of counted!.results as { k: string; n: number }[]) out.members.set(String(row.k), row.n);
  const binding = new Map<string, [number, number]>();
  for (const row of main!.results as { kind: string; a: string | null; b: string | null; c: number | null; n: number }[]) {
    switch (row.kind) {
      case "s":
        out.schemeRungs.push([row.a!, String(row.b), row.c!, row.n]);
        break;
      case "f":
        out.functionRungs.push([row.a!, String(row.b), row.c!, row.n]);
        break;
      case "a":
        if (row.c === 6) out.anyCovered += row.n;
        if (row.c! >= 3) out.anyLegal += row.n;
        break;
      case "x":
        out.several.push([row.a!, row.n]);
        break;
      case "b": {
        const key = `${row.a}\u0000${row.b}`;
        const acc = binding.get(key) ?? [0, 0];
        acc[0] += row.n;
        if (row.c === 1) acc[1] += row.n;
        binding.set(key, acc);
        break;
      }
      case "g":
        out.barriers.push([row.a!, row.b!, row.n]);
        break;
    }
  }
  for (const [key, [any, only]] of binding) {
    const [scheme, criterion] = key.split("\u0000") as [string, string];
    out.reasons.push([scheme, criterion, any, only]);
  }
  for (const row of states!.results as { scheme: string; state: string; n: number }[]) out.states.push([row.scheme, row.state, row.n]);
  for (const row of moves!.results as { kind: string; scheme: string; a: string | null; b: string | null; days: number; n: number }[]) {
    if (row.kind === "m") out.moves.push([row.scheme, row.a!, row.b!, row.days, row.n]);
    else out.rejections.push([row.scheme, row.days, row.n]);
  }
  if (trend) for (const row of trend.results as { month: string; scheme: string; n: number }[]) out.trend.push([row.month, row.scheme, row.n]);
  return out;
}
