/**
 * The advocate's evidence for one network: the SQL aggregates (src/db/evidence.ts) turned into the published
 * tables of the catalogue, every figure through disclosure control (src/evidence/disclosure.ts) before it leaves.
 * Figures derived from published ones (legal coverage as a sum of rungs, a rate) are published only when every
 * part is, so that no derived figure can undo a suppression.
 */
import { aggregates, type EvidenceScope, type RawAggregates } from "../db/evidence";
import type { Db } from "../db/queries";
import { localize, formatValue } from "../engine/text";
import { isLeaf, thresholdOf } from "../engine/tests";
import type { Criterion, Pack, Scheme, SchemeVersion, Source } from "../engine/types";
import { SEXES, WORKER_TYPES } from "../engine/vocabulary";
import { BARRIERS, ENROLLMENT_STATES } from "../members/enums";
import { STATUSES } from "../engine/enums";
import { breakdownSql, functionsOf, schemesInForce, TABLE_IDS } from "./catalogue";
import { protectFigure, protectRate, protectTable, publishedTable, suppress, type Relation } from "./disclosure";
import {
  AGE_BANDS,
  FUNCTIONS,
  LEGAL_RUNGS,
  RUNGS,
  type Breakdown,
  type CriterionInfo,
  type Evidence,
  type Figure,
  type Flag,
  type Funnel,
  type Heading,
  type Indicators,
  type PublicCounts,
  type PublishedTable,
  type Rung,
  type SchemeReasons,
  type SpFunction,
  type Stamp,
  type Trend,
  type TrendMarker,
} from "./types";

export interface EvidenceContext {
  db: Db;
  network: { id: string; code: string; name: string; country: string };
  scope: EvidenceScope;
  /** The network's clusters the caller may see, with their names (rows of a breakdown by cluster). */
  clusters: { id: string; name: string }[];
  today: string;
  lang: string;
  threshold: number;
  pack: Pack;
}

/** Rung of each code of src/db/evidence.ts. */
const RUNG_OF_CODE: Record<number, Rung> = { 6: "covered", 5: "lapsed", 4: "in_progress", 3: "not_started", 2: "unknown", 1: "excluded" };
const WITHHELD: Figure = { value: null, flag: "secondary" };

/** The twelve months ending with today's, oldest first. */
export function monthsTo(today: string, n = 12): string[] {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  return Array.from({ length: n }, (_, i) => {
    const k = y * 12 + (m - 1) - (n - 1 - i);
    return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, "0")}`;
  });
}

/** The rows a breakdown always has, in a fixed order (a group with no member shows 0, not a gap). */
export function breakdownRows(by: Breakdown | null, clusters: { id: string; name: string }[]): Heading[] {
  switch (by) {
    case null:
      return [{ key: "all", label: "all" }];
    case "cluster":
      return clusters.map((c) => ({ key: c.id, label: c.name }));
    case "sex":
      return [...SEXES, "unknown"].map((key) => ({ key, label: key }));
    case "worker_type":
      return [...WORKER_TYPES, "unknown"].map((key) => ({ key, label: key }));
    case "age_band":
      return AGE_BANDS.map((key) => ({ key, label: key }));
  }
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const heading = (key: string): Heading => ({ key, label: key });

/** A derived sum published only when all its parts are. */
function sumOf(parts: Figure[]): Figure {
  if (parts.some((p) => p.value === null)) return WITHHELD;
  return { value: sum(parts.map((p) => p.value!)), flag: "" };
}

/** A rate of two published figures: withheld when either is. */
function rateOf(num: Figure, den: Figure, threshold: number) {
  if (num.value === null || den.value === null) return { value: null, numerator: num, denominator: den, flag: num.flag || den.flag || ("secondary" as const) };
  return protectRate(num.value, den.value, threshold, num, den);
}

function sourcesOf(scheme: Scheme, ids: readonly string[]): Source[] {
  return ids.map((id) => scheme.sources.find((s) => s.id === id)).filter((s): s is Source => s !== undefined);
}

/** A criterion as an advocate cites it: the reason a member reads when she fails it, thresholds filled in. */
export function criterionInfo(scheme: Scheme, version: SchemeVersion, c: Criterion, lang: string): CriterionInfo {
  const vars: Record<string, string> = {};
  for (const [name, p] of Object.entries(version.parameters)) vars[name] = formatValue(p.value);
  if (c.test && isLeaf(c.test)) vars.threshold = formatValue(thresholdOf(c.test, version));
  const label = localize(c.reason.fail, lang).replace(/\{([a-z_][a-z0-9_]*)\}/g, (m, name: string) => (name === "value" ? "…" : (vars[name] ?? m)));
  const ids = c.sources.length ? c.sources : [...new Set(Object.values(version.parameters).flatMap((p) => p.sources))];
  const unconfirmed = c.unconfirmed || Object.values(version.parameters).some((p) => p.unconfirmed && JSON.stringify(c.test ?? {}).includes(`"param":`));
  return { id: c.id, label, sources: sourcesOf(scheme, ids), unconfirmed };
}

/**
 * Tables protected together. Figures that are the same count in two tables (the members of a cluster in every
 * function's ladder, the enrolled in the schemes table, the funnel and the trend's last month, the excluded of a
 * scheme and its reasons) are one entry or tied by an equality, so that no table's published figure can undo
 * another's suppression: one linear system for src/evidence/disclosure.ts `suppress`.
 */
class Joint {
  readonly values: number[] = [];
  readonly relations: Relation[] = [];
  readonly groups: number[][] = [];
  private flags: Flag[] = [];
  add(v: number): number {
    this.values.push(v);
    return this.values.length - 1;
  }
  /** Σ parts = total (each entry once; a relation repeating an entry is skipped). */
  sum(parts: number[], total: number): void {
    if (new Set([...parts, total]).size !== parts.length + 1) return;
    this.relations.push({ entries: [...parts, total], signs: [...parts.map(() => 1), -1] });
  }
  /** Two entries hold the same count (when they do). */
  same(a: number, b: number): void {
    if (a !== b && this.values[a] === this.values[b]) this.relations.push({ entries: [a, b], signs: [1, -1] });
  }
  /**
   * A two-way table: its cells, row totals (given: shared entries) and column totals, with their relations; the
   * grand total is `total` when given (shared), else its own entry.
   */
  table(cells: number[][], rowTotals?: number[], total?: number) {
    const c = cells.map((row) => row.map((v) => this.add(v)));
    const r = rowTotals ?? cells.map((row) => this.add(sum(row)));
    const cols = cells[0]?.length ?? 0;
    const k = Array.from({ length: cols }, (_, j) => this.add(sum(cells.map((row) => row[j]!))));
    const t = total ?? this.add(sum(k.map((e) => this.values[e]!)));
    c.forEach((row, i) => this.sum(row, r[i]!));
    k.forEach((e, j) => this.sum(c.map((row) => row[j]!), e));
    this.sum(k, t);
    this.sum(r, t);
    return { cells: c, rows: r, cols: k, total: t };
  }
  solve(threshold: number): void {
    this.flags = suppress({ values: this.values, relations: this.relations, groups: this.groups, groupFlag: "window" }, threshold);
  }
  fig(e: number): Figure {
    const f = this.flags[e]!;
    return f ? { value: null, flag: f } : { value: this.values[e]!, flag: "" };
  }
}

export async function buildEvidence(ctx: EvidenceContext, by: Breakdown | null): Promise<Evidence> {
  const { pack, today, threshold, lang } = ctx;
  const inForce = schemesInForce(pack, today);
  const schemes = inForce.map(({ scheme }) => ({ id: scheme.id, functions: functionsOf(scheme) }));
  const months = monthsTo(today);
  const raw = await aggregates(ctx.db, { scope: ctx.scope, today, schemes, breakdown: breakdownSql(by, today), months });
  const rows = breakdownRows(by, ctx.clusters);
  const core = protectEvidence({ pack, today, threshold, lang, by, rows, raw });
  const name = (s: Scheme) => localize(s.name, lang);
  const barriers = barriersOf(inForce, raw.barriers, threshold, name);
  const stamp = stampOf(ctx, inForce, core.indicators.members);
  const public_counts = await publicCounts(ctx, inForce, name);
  return { stamp, breakdown: by, ...core, barriers, public_counts };
}

export interface ProtectInput {
  pack: Pack;
  today: string;
  threshold: number;
  lang: string;
  by: Breakdown | null;
  /** The breakdown's rows, in order. */
  rows: Heading[];
  raw: RawAggregates;
}

/**
 * The figures that share counts, protected together (pure): indicators, ladders, the schemes table, reasons,
 * funnels and the trend, from the raw aggregates.
 */
export function protectEvidence(input: ProtectInput): Pick<Evidence, "indicators" | "ladders" | "schemes" | "reasons" | "funnels" | "trend"> {
  const { pack, today, threshold, lang, by, rows, raw } = input;
  const inForce = schemesInForce(pack, today);
  const schemes = inForce.map(({ scheme }) => ({ id: scheme.id, functions: functionsOf(scheme) }));
  const months = monthsTo(today);
  const rowIndex = new Map(rows.map((r, i) => [r.key, i]));
  const name = (s: Scheme) => localize(s.name, lang);
  const J = new Joint();

  // Members counted: per breakdown row, and in all.
  const membersByRow = rows.map((r) => raw.members.get(r.key) ?? 0);
  const total = sum(membersByRow);
  const T = J.add(total);
  const M = membersByRow.map((n) => J.add(n));
  J.sum(M, T);
  // Covered by some scheme, admitted by some scheme, and (never published, known by subtraction) the rest.
  const anyCovered = J.add(raw.anyCovered);
  J.sum([anyCovered, J.add(total - raw.anyCovered)], T);
  const anyLegal = J.add(raw.anyLegal);
  J.sum([anyLegal, J.add(total - raw.anyLegal)], T);

  // The coverage ladder of each function: rows = breakdown values (totals: the members), columns = rungs.
  const ladderEntries = FUNCTIONS.map((f) => {
    const cells = rows.map(() => RUNGS.map(() => 0));
    const served = schemes.some((s) => s.functions.includes(f));
    if (!served) rows.forEach((_, i) => (cells[i]![RUNGS.indexOf("excluded")] = membersByRow[i]!));
    for (const [fn, k, code, n] of raw.functionRungs) {
      if (fn !== f) continue;
      const i = rowIndex.get(k);
      if (i !== undefined) cells[i]![RUNGS.indexOf(RUNG_OF_CODE[code]!)]! += n;
    }
    return { f, e: J.table(cells, M, T) };
  });

  // Per scheme (all breakdown values together): rows = schemes (each row's total: the members), columns = rungs;
  // a member with no row for a scheme (screened before it existed) is unknown for it.
  const schemeCells = inForce.map(() => RUNGS.map(() => 0));
  const schemeIndex = new Map(inForce.map(({ scheme }, i) => [scheme.id, i]));
  for (const [s, , code, n] of raw.schemeRungs) schemeCells[schemeIndex.get(s)!]![RUNGS.indexOf(RUNG_OF_CODE[code]!)]! += n;
  for (const row of schemeCells) row[RUNGS.indexOf("unknown")]! += total - sum(row);
  const S = J.table(schemeCells, schemeCells.map(() => T));
  const cellOf = (scheme: string, rung: Rung) => S.cells[schemeIndex.get(scheme)!]![RUNGS.indexOf(rung)]!;

  // Reasons: per scheme, members failing only each criterion and those failing several add up to its excluded.
  const reasonEntries = inForce.map(({ scheme, version }, i) => {
    const counts = new Map(raw.reasons.filter(([s]) => s === scheme.id).map(([, c, any, only]) => [c, { any, only }]));
    const criteria = version.criteria.filter((c) => counts.has(c.id));
    const excluded = schemeCells[i]![RUNGS.indexOf("excluded")]!;
    const binding = criteria.map((c) => J.add(counts.get(c.id)!.only));
    const several = J.add(excluded - sum(criteria.map((c) => counts.get(c.id)!.only)));
    J.sum([...binding, several], cellOf(scheme.id, "excluded"));
    // "Any" counts are each at least their binding count and are published on their own (no sum relates them).
    const any = criteria.map((c) => J.add(counts.get(c.id)!.any));
    return { scheme, version, criteria, binding, several, any, excluded };
  });

  // Funnels: members per current state, per scheme with any case; the enrolled and the lapsed are the schemes
  // table's covered and lapsed.
  const withCases = inForce.filter(({ scheme }) => raw.states.some(([s]) => s === scheme.id));
  const stateCells = withCases.map(({ scheme }) => ENROLLMENT_STATES.map((st) => raw.states.filter(([s, x]) => s === scheme.id && x === st).reduce((a, [, , n]) => a + n, 0)));
  const F = withCases.length ? J.table(stateCells) : undefined;
  withCases.forEach(({ scheme }, i) => {
    J.same(F!.cells[i]![ENROLLMENT_STATES.indexOf("enrolled")]!, cellOf(scheme.id, "covered"));
    J.same(F!.cells[i]![ENROLLMENT_STATES.indexOf("lapsed")]!, cellOf(scheme.id, "lapsed"));
  });

  // The trend: enrolled at each month's end; a series is withheld whole; its last month is today's enrolled.
  const series = inForce.filter(({ scheme }) => raw.trend.some(([, s, n]) => s === scheme.id && n > 0));
  const trendEntries = series.map(({ scheme }) => {
    const values = months.map((m) => J.add(raw.trend.find(([month, s]) => month === m && s === scheme.id)?.[2] ?? 0));
    J.groups.push(values);
    J.same(values.at(-1)!, cellOf(scheme.id, "covered"));
    return values;
  });

  J.solve(threshold);
  const fig = (e: number) => J.fig(e);
  const published = (id: string, rowDim: string, colDim: string, rowHeads: Heading[], colHeads: Heading[], e: ReturnType<Joint["table"]>): PublishedTable => ({
    id,
    row_dim: rowDim,
    col_dim: colDim,
    rows: rowHeads,
    cols: colHeads,
    cells: e.cells.map((row) => row.map(fig)),
    row_totals: e.rows.map(fig),
    col_totals: e.cols.map(fig),
    total: fig(e.total),
    additive: true,
  });

  const ladders = ladderEntries.map(({ f, e }) => ({ function: f, table: published(TABLE_IDS.ladder(f, by), by ?? "all", "rung", rows, RUNGS.map(heading), e) }));
  const schemeRows = inForce.map(({ scheme }) => ({ key: scheme.id, label: name(scheme) }));
  const schemesTable = published(TABLE_IDS.schemes(null), "scheme", "rung", schemeRows, RUNGS.map(heading), S);

  const members = fig(T);
  const indicators: Indicators = {
    members,
    covered_any: rateOf(fig(anyCovered), members, threshold),
    legal_any: rateOf(fig(anyLegal), members, threshold),
    functions: ladders.map(({ function: f, table }) => {
      const col = (r: Rung) => table.col_totals[RUNGS.indexOf(r)]!;
      return {
        function: f as SpFunction,
        legal: rateOf(sumOf(LEGAL_RUNGS.map(col)), table.total, threshold),
        effective: rateOf(col("covered"), table.total, threshold),
        eligible_not_enrolled: sumOf([col("in_progress"), col("not_started")]),
        lapsed: col("lapsed"),
      };
    }),
  };

  const reasons: SchemeReasons[] = reasonEntries
    .filter((r) => r.criteria.length || r.excluded !== 0)
    .map((r) => ({
      scheme: r.scheme.id,
      name: name(r.scheme),
      rule_version: r.version.rule_version,
      effective_from: r.version.effective_from,
      excluded: fig(cellOf(r.scheme.id, "excluded")),
      criteria: r.criteria.map((c, j) => ({ criterion: criterionInfo(r.scheme, r.version, c, lang), any: fig(r.any[j]!), binding: fig(r.binding[j]!) })),
      several: fig(r.several),
    }));

  const funnels: Funnel[] = withCases.map(({ scheme }, i) => {
    const moves = new Map<string, [number, number][]>();
    for (const [s, from, to, days, n] of raw.moves) {
      if (s !== scheme.id) continue;
      const key = `${from}>${to}`;
      moves.set(key, [...(moves.get(key) ?? []), [days, n]]);
    }
    const [applied, rejected] = raw.rejections.find(([s]) => s === scheme.id)?.slice(1) ?? [0, 0];
    return {
      scheme: scheme.id,
      name: name(scheme),
      states: Object.fromEntries(ENROLLMENT_STATES.map((st, j) => [st, fig(F!.cells[i]![j]!)])),
      median_days: [...moves.entries()]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([key, hist]) => {
          const [from, to] = key.split(">") as [string, string];
          const count = protectFigure(sum(hist.map(([, k]) => k)), threshold);
          return { from, to, days: count.value === null ? null : median(hist), moves: count };
        }),
      rejection_rate: protectRate(rejected as number, applied as number, threshold),
    };
  });

  const trend: Trend = { months, series: series.map(({ scheme }, i) => ({ scheme: scheme.id, name: name(scheme), values: trendEntries[i]!.map(fig) })), markers: markersOf(pack, months) };
  return { indicators, ladders, schemes: schemesTable, reasons, funnels, trend };
}

function barriersOf(inForce: { scheme: Scheme }[], raw: [string, string, number][], threshold: number, name: (s: Scheme) => string): PublishedTable {
  const rows = inForce.map(({ scheme }) => ({ key: scheme.id, label: name(scheme) }));
  const cells = rows.map(() => BARRIERS.map(() => 0));
  for (const [s, b, n] of raw) {
    const i = rows.findIndex((r) => r.key === s);
    const j = (BARRIERS as readonly string[]).indexOf(b);
    if (i >= 0 && j >= 0) cells[i]![j]! += n;
  }
  return publishedTable(
    { id: TABLE_IDS.barriers, row_dim: "scheme", col_dim: "barrier", rows, cols: BARRIERS.map(heading) },
    protectTable({ rows: rows.map((r) => r.key), cols: [...BARRIERS], cells }, threshold),
  );
}

/** The median of a histogram of days (the lower middle value for an even count). */
function median(hist: [number, number][]): number {
  const n = sum(hist.map(([, k]) => k));
  let seen = 0;
  for (const [days, k] of [...hist].sort((a, b) => a[0] - b[0])) {
    seen += k;
    if (seen * 2 >= n) return days;
  }
  return 0;
}

/** Where a rule version came into force or ended, within the trend's months. */
function markersOf(pack: Pack, months: string[]): TrendMarker[] {
  const markers: TrendMarker[] = [];
  const first = months[0]!;
  const last = months.at(-1)!;
  for (const s of pack.schemes) {
    for (const v of s.versions) {
      const from = v.effective_from.slice(0, 7);
      if (from >= first && from <= last) markers.push({ month: from, scheme: s.id, rule_version: v.rule_version, kind: "in_force" });
      const to = v.effective_to?.slice(0, 7);
      if (to && to >= first && to <= last) markers.push({ month: to, scheme: s.id, rule_version: v.rule_version, kind: "ended" });
    }
  }
  return markers.sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : a.scheme < b.scheme ? -1 : 1));
}

/** What every export is stamped with: the date, the network, the rules version and each scheme version's hash and sources. */
export function stampOf(ctx: EvidenceContext, inForce: { scheme: Scheme; version: SchemeVersion }[], members: Figure): Stamp {
  return {
    generated_on: ctx.today,
    network: { id: ctx.network.id, code: ctx.network.code, name: ctx.network.name },
    country: ctx.network.country,
    rules_version: ctx.pack.hash,
    scheme_versions: inForce.map(({ scheme, version }) => ({
      scheme: scheme.id,
      name: localize(scheme.name, ctx.lang),
      rule_version: version.rule_version,
      hash: version.hash,
      effective_from: version.effective_from,
      sources: sourcesOf(scheme, version.sources.length ? version.sources : scheme.sources.map((s) => s.id)),
    })),
    threshold: ctx.threshold,
    members,
  };
}

/** The public self-checks of the network's country over the last year: anonymous, and never members. */
async function publicCounts(ctx: EvidenceContext, inForce: { scheme: Scheme }[], name: (s: Scheme) => string): Promise<PublicCounts> {
  const to = ctx.today;
  const from = new Date(Date.parse(`${to}T00:00:00Z`) - 364 * 86_400_000).toISOString().slice(0, 10);
  const d1 = ctx.db.$client;
  const [results, checks] = await d1.batch([
    d1.prepare("SELECT scheme, status, sum(count) AS n FROM scheme_result_counts WHERE country = ?1 AND day BETWEEN ?2 AND ?3 GROUP BY scheme, status").bind(ctx.network.country, from, to),
    d1.prepare("SELECT coalesce(sum(checks), 0) AS n FROM daily_checks WHERE country = ?1 AND day BETWEEN ?2 AND ?3").bind(ctx.network.country, from, to),
  ]);
  const rows = inForce.map(({ scheme }) => ({ key: scheme.id, label: name(scheme) }));
  const cells = rows.map(() => STATUSES.map(() => 0));
  for (const r of results!.results as { scheme: string; status: string; n: number }[]) {
    const i = rows.findIndex((x) => x.key === r.scheme);
    const j = (STATUSES as readonly string[]).indexOf(r.status);
    if (i >= 0 && j >= 0) cells[i]![j]! += r.n;
  }
  const table = publishedTable(
    { id: TABLE_IDS.public, row_dim: "scheme", col_dim: "status", rows, cols: STATUSES.map(heading) },
    protectTable({ rows: rows.map((r) => r.key), cols: [...STATUSES], cells }, ctx.threshold),
  );
  return { from, to, checks: protectFigure((checks!.results[0] as { n: number }).n, ctx.threshold), table };
}
