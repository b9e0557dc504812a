/**
 * Disclosure control: the one place every figure of the advocacy evidence passes through before it leaves the tool
 * (pure: no I/O, no clock; runs in the Worker, the browser and Node). No member may be identifiable from what is
 * published, alone or combined with the other figures of the same table.
 *
 * ## Method
 *
 * 1. **Threshold.** A count from 1 to `threshold - 1` is *small*. The threshold is 11 (counts 1–10 withheld, as the
 *    CMS, ONS and UK LLC rules) and configuration can only raise it (`thresholdFrom`). Zero is not small: "no
 *    member" identifies nobody, and it is published.
 * 2. **Primary suppression.** Every small count is withheld (flag `small`): cells and totals alike, each on its own.
 * 3. **The table as equations.** An additive table with its margins is a system of linear equations: each row's cells
 *    sum to its total, each column's to its total, the row totals and the column totals each to the grand total.
 *    A what-if adds after = before + gain − loss in every row; a trend has its monthly totals. Every published value
 *    is known to a reader; every withheld value is an unknown. Totals that count distinct members (a member in two
 *    columns) are not sums, and give no equation.
 * 4. **Secondary suppression, by the line rules**, repeated until nothing changes:
 *    - a line (an equation) with exactly one withheld value gives it away by subtraction: also withhold the smallest
 *      non-zero published value of that line;
 *    - a line whose withheld values all sit on the same side (say, cells under a published total) gives away their
 *      sum; when that sum is itself small (say 3 + 4 = 7 members), also withhold the line's smallest non-zero
 *      published value (the "sum of suppressed counts below the threshold" rule of OpenSAFELY).
 * 5. **The exact check.** The line rules are not enough: a withheld cell can be a bridge between two groups of
 *    withheld cells (each line holding two or more of them), and still be the difference of sums of whole lines.
 *    So the system restricted to the withheld unknowns is reduced exactly (Gauss–Jordan over the integers; the
 *    coefficients are 0 and ±1 and stay so, the matrices being totally unimodular, and a coefficient outside the
 *    safe integers would throw rather than round). A withheld value is determined by the published ones exactly
 *    when its unit vector lies in the row space of that system, i.e. when its row of the reduced matrix has no other
 *    non-zero. For the first determined value (lowest position), the smallest non-zero published value of its lines
 *    (all of them together) is withheld too, and steps 4–5 run again. Withholding everything in a table is safe
 *    (each cell can move with its row total, column total and the grand total), and each round withholds one more
 *    value, so this ends. In a two-way table this is the same as asking that no withheld cell be a bridge of the
 *    graph whose nodes are the lines and whose edges are the withheld values.
 * 6. **Groups.** Values withheld together: the twelve months of a trend's series (flag `window`: a month's value is a
 *    good estimate of the next), the four figures of a what-if's row (flag `pair`: before and after would give the
 *    change). The group is closed after every withholding, so the line rules see whole groups.
 *
 * **Zeros.** A published zero is a known value and is used in solving, like any other. A zero is never withheld for
 * being small. For secondary suppression a zero is chosen only when a line has no non-zero published value left:
 * withholding a zero hides no member, and a reader who knows that a withheld value is either 0 or at least the
 * threshold (a secondary one is never small) can tell a zero apart when the line's withheld sum is small — which the
 * second line rule prevents.
 *
 * **Ties and order.** The smallest value wins; among equal values, the lowest position: cells in row-major order,
 * then row totals, then column totals, then the grand total (a what-if's rows in order, before, after, gain, loss;
 * a trend's series in order, months in order, then the monthly totals). Lines are visited in a fixed order (rows,
 * the row-totals line, columns, the column-totals line). Same input, same output.
 *
 * **What this does not guard against** (and the method note should say): bounds from non-negativity beyond the
 * line-sum rule (a withheld 4 next to a withheld 12 under a total of 16 lies in 0–16, and 4 is not exact but is
 * bounded); figures published in other tables or exports of the same members (each table is protected on its own);
 * differences between two exports made on different days.
 *
 * @module
 */
import type { CountTable, Figure, Flag, Heading, PublishedTable, Rate } from "./types";

/** Counts from 1 to MIN_THRESHOLD - 1 are always withheld. */
export const MIN_THRESHOLD = 11;

/**
 * The threshold in force: a configured value (an environment variable's string, or a number) can only raise the
 * minimum. Anything else (missing, not a whole number, lower, beyond the safe integers) gives the minimum.
 *
 * @example thresholdFrom("15") // 15
 * @example thresholdFrom("5")  // 11
 */
export function thresholdFrom(configured: unknown): number {
  let n: number;
  if (typeof configured === "number") n = configured;
  else if (typeof configured === "string" && /^\s*\d+\s*$/.test(configured)) n = Number(configured.trim());
  else return MIN_THRESHOLD;
  return Number.isSafeInteger(n) && n >= MIN_THRESHOLD ? n : MIN_THRESHOLD;
}

export function isSmall(n: number, threshold: number): boolean {
  return n >= 1 && n < threshold;
}

function checkCount(n: number, what: string): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${what}: a count must be a whole number ≥ 0, got ${n}`);
}

function checkThreshold(threshold: number): void {
  if (!Number.isSafeInteger(threshold) || threshold < MIN_THRESHOLD) throw new RangeError(`threshold must be a whole number ≥ ${MIN_THRESHOLD} (use thresholdFrom), got ${threshold}`);
}

/** A standalone count (one that takes part in no published sum): withheld when small. */
export function protectFigure(n: number, threshold: number): Figure {
  checkThreshold(threshold);
  checkCount(n, "figure");
  return isSmall(n, threshold) ? { value: null, flag: "small" } : { value: n, flag: "" };
}

// ——— The general engine ———————————————————————————————————————————————————————————————————————————

/** A published linear relation: Σ signs[k] · values[entries[k]] = 0 (each entry at most once). */
export interface Relation {
  entries: number[];
  signs: number[];
}

/** Counts, the relations a reader knows hold between them, and the groups withheld together. */
export interface LinearSystem {
  values: number[];
  relations: Relation[];
  /** Entries withheld together when any one of them is (disjoint). */
  groups?: number[][];
  /** The flag of an entry withheld because another of its group is. */
  groupFlag?: Flag;
}

/**
 * Which entries of a system to withhold, and why ("" = published): primary suppression, then the line rules and the
 * exact check to a fixpoint (see the module's comment). Exported for tables of other shapes (reasons, funnels).
 */
export function suppress(system: LinearSystem, threshold: number): Flag[] {
  checkThreshold(threshold);
  const { values, relations } = system;
  values.forEach((v, i) => checkCount(v, `entry ${i}`));
  const n = values.length;
  const flags: Flag[] = values.map((v) => (isSmall(v, threshold) ? "small" : ""));
  const withheld = flags.map((f) => f !== "");

  const groupOf = new Array<number>(n).fill(-1);
  const groups = system.groups ?? [];
  groups.forEach((g, gi) => g.forEach((e) => (groupOf[e] = gi)));
  const groupFlag = system.groupFlag ?? "secondary";
  const relationsOf: number[][] = Array.from({ length: n }, () => []);
  relations.forEach((r, ri) => {
    if (r.entries.length !== r.signs.length || new Set(r.entries).size !== r.entries.length) throw new Error(`relation ${ri}: entries and signs do not match`);
    const sum = r.entries.reduce((s, e, k) => s + r.signs[k]! * values[e]!, 0);
    if (sum !== 0) throw new Error(`relation ${ri} does not hold for the counts given (off by ${sum})`);
    r.entries.forEach((e) => relationsOf[e]!.push(ri));
  });

  const closeGroup = (e: number) => {
    const g = groupOf[e]!;
    if (g < 0) return;
    for (const o of groups[g]!) {
      if (!withheld[o]) {
        withheld[o] = true;
        flags[o] = groupFlag;
      }
    }
  };
  const withhold = (e: number, flag: Flag) => {
    withheld[e] = true;
    flags[e] = flag;
    closeGroup(e);
  };
  for (let e = 0; e < n; e++) if (withheld[e]) closeGroup(e);

  /** The published entry to withhold among these: the smallest non-zero, then a zero; the lowest position on ties. */
  const smallest = (entries: Iterable<number>): number | null => {
    let best: number | null = null;
    for (const e of entries) {
      if (withheld[e]) continue;
      if (best === null) best = e;
      else {
        const a = values[e]!, b = values[best]!;
        const ka = a === 0 ? Infinity : a, kb = b === 0 ? Infinity : b;
        if (ka < kb || (ka === kb && e < best)) best = e;
      }
    }
    return best;
  };

  /** The line rules: an entry to withhold for this relation, or null. */
  const linePick = (r: Relation): number | null => {
    let count = 0, sign = 0, sum = 0, mixed = false;
    r.entries.forEach((e, k) => {
      if (!withheld[e]) return;
      count++;
      sum += values[e]!;
      if (sign === 0) sign = r.signs[k]!;
      else if (sign !== r.signs[k]) mixed = true;
    });
    if (count === 0 || count === r.entries.length) return null;
    if (count === 1 || (!mixed && isSmall(sum, threshold))) return smallest(r.entries);
    return null;
  };

  for (;;) {
    let changed = true;
    while (changed) {
      changed = false;
      for (const r of relations) {
        const pick = linePick(r);
        if (pick !== null) {
          withhold(pick, "secondary");
          changed = true;
        }
      }
    }
    const determined = determinedEntries(relations, withheld);
    if (determined.length === 0) return flags;
    const k = determined[0]!;
    const pick =
      smallest(relationsOf[k]!.flatMap((ri) => relations[ri]!.entries)) ??
      smallest(relations.filter((r) => r.entries.some((e) => withheld[e])).flatMap((r) => r.entries)) ??
      smallest(values.keys());
    if (pick === null) throw new Error(`entry ${k} is determined with every entry withheld: the relations are inconsistent`);
    withhold(pick, "secondary");
  }
}

function gcd(a: number, b: number): number {
  a = Math.abs(a);
  b = Math.abs(b);
  while (b) [a, b] = [b, a % b];
  return a;
}

/** row ← a·row − c·pivot, divided by the gcd of its coefficients (exact integer arithmetic). */
function eliminate(row: Map<number, number>, pivot: Map<number, number>, col: number): void {
  const a = pivot.get(col)!, c = row.get(col)!;
  for (const [k, v] of row) row.set(k, a * v);
  for (const [k, v] of pivot) row.set(k, (row.get(k) ?? 0) - c * v);
  let g = 0;
  for (const [k, v] of row) {
    if (v === 0) row.delete(k);
    else if (!Number.isSafeInteger(v)) throw new RangeError("disclosure: coefficient growth beyond the safe integers");
    else g = gcd(g, v);
  }
  if (g > 1) for (const [k, v] of row) row.set(k, v / g);
}

/**
 * The withheld entries a reader can compute exactly from the published ones: those whose unit vector lies in the
 * row space of the relations restricted to the withheld entries. Gauss–Jordan, one relation at a time, keeping the
 * pivot rows reduced; an entry is determined when it is a pivot and its row has no other non-zero.
 */
export function determinedEntries(relations: readonly Relation[], withheld: readonly boolean[]): number[] {
  const pivots = new Map<number, Map<number, number>>();
  for (const r of relations) {
    const row = new Map<number, number>();
    r.entries.forEach((e, k) => {
      if (withheld[e]) row.set(e, r.signs[k]!);
    });
    for (const [col, prow] of pivots) if (row.has(col)) eliminate(row, prow, col);
    if (row.size === 0) continue;
    const col = Math.min(...row.keys());
    for (const prow of pivots.values()) if (prow.has(col)) eliminate(prow, row, col);
    pivots.set(col, row);
  }
  return [...pivots].filter(([, row]) => row.size === 1).map(([col]) => col).sort((a, b) => a - b);
}

// ——— Two-way tables ———————————————————————————————————————————————————————————————————————————————

/**
 * Which totals are sums of their line: `true` all (and the grand total is the sum of everything), `"rows"` only the
 * row totals (each member in one column; the column totals and the grand total count distinct members), `"cols"`
 * only the column totals, `false` none (totals are distinct-member counts, checked on their own).
 */
export type Additivity = boolean | "rows" | "cols";

export interface ProtectedTable {
  cells: Figure[][];
  row_totals: Figure[];
  col_totals: Figure[];
  total: Figure;
  /** Every total is the sum of its line. */
  additive: boolean;
}

/** The layout of a table's entries in one array: cells row-major, row totals, column totals, the grand total. */
function tableLayout(R: number, C: number) {
  return { cell: (i: number, j: number) => i * C + j, rowTotal: (i: number) => R * C + i, colTotal: (j: number) => R * C + R + j, total: R * C + R + C };
}

function sums(t: CountTable) {
  const row = t.cells.map((r) => r.reduce((a, b) => a + b, 0));
  const col = t.cols.map((_, j) => t.cells.reduce((a, r) => a + r[j]!, 0));
  return { row, col, total: row.reduce((a, b) => a + b, 0) };
}

function checkShape(t: CountTable): void {
  if (t.cells.length !== t.rows.length || t.cells.some((r) => r.length !== t.cols.length)) throw new Error(`table: cells are not ${t.rows.length} × ${t.cols.length}`);
}

function totalsOf(given: number[] | undefined, computed: number[], additive: boolean, what: string): number[] {
  if (additive) {
    if (given && given.some((v, i) => v !== computed[i])) throw new Error(`table: ${what} are not the sums of their lines (pass additive: false or "rows"/"cols" for distinct-member totals)`);
    return computed;
  }
  if (!given || given.length !== computed.length) throw new Error(`table: ${what} must be given when they are not sums`);
  return given;
}

/**
 * Protects a two-way table and its totals (see the module's comment). By default every total is the sum of its line;
 * supplied totals that are not must be declared with `additive`.
 *
 * @example
 * const p = protectTable({ rows: ["a", "b"], cols: ["x", "y"], cells: [[5, 20], [30, 40]] }, 11);
 * // p.cells[0][0] = { value: null, flag: "small" }, and enough of the rest withheld that it cannot be solved
 */
export function protectTable(t: CountTable, threshold: number, options: { additive?: Additivity } = {}): ProtectedTable {
  checkShape(t);
  const additive = options.additive ?? true;
  const R = t.rows.length, C = t.cols.length;
  const s = sums(t);
  const rowsAdd = additive === true || additive === "rows";
  const colsAdd = additive === true || additive === "cols";
  const rowTotals = totalsOf(t.row_totals, s.row, rowsAdd, "row totals");
  const colTotals = totalsOf(t.col_totals, s.col, colsAdd, "column totals");
  let total: number;
  if (additive === true) {
    if (t.total !== undefined && t.total !== s.total) throw new Error("table: the total is not the sum of the cells (pass additive: false for a distinct-member total)");
    total = s.total;
  } else {
    if (t.total === undefined) throw new Error("table: the total must be given when it is not the sum");
    total = t.total;
  }

  const L = tableLayout(R, C);
  const values = [...t.cells.flat(), ...rowTotals, ...colTotals, total];
  const relations: Relation[] = [];
  const line = (entries: number[], totalEntry: number): Relation => ({ entries: [...entries, totalEntry], signs: [...entries.map(() => 1), -1] });
  const range = (k: number) => Array.from({ length: k }, (_, i) => i);
  if (rowsAdd) for (const i of range(R)) relations.push(line(range(C).map((j) => L.cell(i, j)), L.rowTotal(i)));
  if (additive === true) relations.push(line(range(R).map(L.rowTotal), L.total));
  if (colsAdd) for (const j of range(C)) relations.push(line(range(R).map((i) => L.cell(i, j)), L.colTotal(j)));
  if (additive === true) relations.push(line(range(C).map(L.colTotal), L.total));

  const flags = suppress({ values, relations }, threshold);
  const fig = (e: number): Figure => (flags[e] ? { value: null, flag: flags[e]! } : { value: values[e]!, flag: "" });
  return {
    cells: range(R).map((i) => range(C).map((j) => fig(L.cell(i, j)))),
    row_totals: range(R).map((i) => fig(L.rowTotal(i))),
    col_totals: range(C).map((j) => fig(L.colTotal(j))),
    total: fig(L.total),
    additive: additive === true,
  };
}

export interface TableMeta {
  id: string;
  row_dim: string;
  col_dim: string;
  rows: Heading[];
  cols: Heading[];
}

/** A protected table with its catalogue id and headings, as it is published. */
export function publishedTable(meta: TableMeta, p: ProtectedTable): PublishedTable {
  if (meta.rows.length !== p.cells.length || meta.cols.length !== p.col_totals.length) throw new Error(`${meta.id}: headings do not match the table's shape`);
  return { ...meta, cells: p.cells, row_totals: p.row_totals, col_totals: p.col_totals, total: p.total, additive: p.additive };
}

// ——— Rates —————————————————————————————————————————————————————————————————————————————————————————

/**
 * A rate and its counts. Withheld (flag `small`) when the numerator, the denominator or the rest (denominator −
 * numerator, which a reader gets by subtraction) is small; withheld with the count's own flag when a count is
 * withheld in the table it is published in (pass its figures). When the rest is small and the numerator was not
 * passed, the numerator is withheld too (`secondary`), or the rest would still follow from the two counts. A zero
 * denominator gives no rate (null, flag "").
 */
export function protectRate(numerator: number, denominator: number, threshold: number, numFigure?: Figure, denFigure?: Figure): Rate {
  checkThreshold(threshold);
  checkCount(numerator, "numerator");
  checkCount(denominator, "denominator");
  if (numerator > denominator) throw new RangeError(`rate: numerator ${numerator} exceeds denominator ${denominator}`);
  for (const [f, n] of [[numFigure, numerator], [denFigure, denominator]] as const) {
    if (f && f.value !== null && f.value !== n) throw new Error(`rate: a figure passed (${f.value}) is not its count (${n})`);
  }
  let num = numFigure ?? protectFigure(numerator, threshold);
  const den = denFigure ?? protectFigure(denominator, threshold);
  if (denominator === 0) return { value: null, numerator: num, denominator: den, flag: "" };
  if (isSmall(numerator, threshold) || isSmall(denominator, threshold)) return { value: null, numerator: num, denominator: den, flag: "small" };
  if (num.value === null || den.value === null) return { value: null, numerator: num, denominator: den, flag: num.flag || den.flag || "secondary" };
  if (isSmall(denominator - numerator, threshold)) {
    if (!numFigure) num = { value: null, flag: "secondary" };
    return { value: null, numerator: num, denominator: den, flag: "small" };
  }
  return { value: numerator / denominator, numerator: num, denominator: den, flag: "" };
}

// ——— Trends ————————————————————————————————————————————————————————————————————————————————————————

export interface ProtectedTrend {
  /** series[i][m]: series i (a table row) in month m (a column). */
  series: Figure[][];
  /** The monthly totals, when published. */
  totals: Figure[] | null;
}

/**
 * Protects a trend: rows = series (schemes), columns = months. A series with a withheld month is withheld in every
 * month (flag `window`), and so is the totals series. With `totals` (the default: protect as if they were
 * published), monthly totals are the sums of the month's column unless `additive: false` (then `t.col_totals` are
 * distinct-member counts), and the line rules and the exact check run over each month, whole series at a time.
 */
export function protectTrend(t: CountTable, threshold: number, options: { totals?: boolean; additive?: boolean } = {}): ProtectedTrend {
  checkShape(t);
  const totals = options.totals ?? true;
  const additive = options.additive ?? true;
  const R = t.rows.length, C = t.cols.length;
  const range = (k: number) => Array.from({ length: k }, (_, i) => i);
  const cell = (i: number, m: number) => i * C + m;
  const tot = (m: number) => R * C + m;
  const values = t.cells.flat();
  const relations: Relation[] = [];
  const groups = range(R).map((i) => range(C).map((m) => cell(i, m)));
  if (totals) {
    values.push(...totalsOf(t.col_totals, sums(t).col, additive, "monthly totals"));
    groups.push(range(C).map(tot));
    if (additive) for (const m of range(C)) relations.push({ entries: [...range(R).map((i) => cell(i, m)), tot(m)], signs: [...range(R).map(() => 1), -1] });
  }
  const flags = suppress({ values, relations, groups, groupFlag: "window" }, threshold);
  const fig = (e: number): Figure => (flags[e] ? { value: null, flag: flags[e]! } : { value: values[e]!, flag: "" });
  return { series: range(R).map((i) => range(C).map((m) => fig(cell(i, m)))), totals: totals ? range(C).map((m) => fig(tot(m))) : null };
}

// ——— What-if ——————————————————————————————————————————————————————————————————————————————————————

export const WHAT_IF_COLUMNS = ["before", "after", "gain", "loss"] as const;
export type WhatIfColumn = (typeof WHAT_IF_COLUMNS)[number];
/** One row of a what-if: after = before + gain − loss (losses counted positive). */
export type WhatIfCounts = Record<WhatIfColumn, number>;
export type WhatIfFigures = Record<WhatIfColumn, Figure>;
export interface ProtectedWhatIf {
  rows: WhatIfFigures[];
  total: WhatIfFigures;
}

/** The relation of a what-if row, as signs over WHAT_IF_COLUMNS: before − after + gain − loss = 0. */
const WHAT_IF_SIGNS = [1, -1, 1, -1];

/**
 * Protects a what-if: rows (breakdown values) and their total row. A row's four figures are withheld together
 * (flag `pair` for those not small), so that after − before cannot difference a small group; each column's total
 * (when `additive`, the default: each member in one row) is an equation, and the line rules and the exact check
 * run over the columns and the rows' relations, whole rows at a time.
 */
export function protectWhatIf(t: { rows: WhatIfCounts[]; total: WhatIfCounts }, threshold: number, options: { additive?: boolean } = {}): ProtectedWhatIf {
  const additive = options.additive ?? true;
  const all = [...t.rows, t.total];
  all.forEach((r, i) => {
    if (r.after !== r.before + r.gain - r.loss) throw new Error(`what-if row ${i}: after ≠ before + gain − loss`);
  });
  if (additive) {
    for (const c of WHAT_IF_COLUMNS) {
      if (t.rows.reduce((a, r) => a + r[c], 0) !== t.total[c]) throw new Error(`what-if: the total's ${c} is not the sum of the rows (pass additive: false)`);
    }
  }
  const K = WHAT_IF_COLUMNS.length;
  const R = t.rows.length;
  const entry = (i: number, c: number) => i * K + c;
  const values = all.flatMap((r) => WHAT_IF_COLUMNS.map((c) => r[c]));
  const rowIdx = Array.from({ length: R + 1 }, (_, i) => i);
  const relations: Relation[] = rowIdx.map((i) => ({ entries: WHAT_IF_COLUMNS.map((_, c) => entry(i, c)), signs: [...WHAT_IF_SIGNS] }));
  if (additive) {
    WHAT_IF_COLUMNS.forEach((_, c) => relations.push({ entries: rowIdx.map((i) => entry(i, c)), signs: rowIdx.map((i) => (i === R ? -1 : 1)) }));
  }
  const groups = rowIdx.map((i) => WHAT_IF_COLUMNS.map((_, c) => entry(i, c)));
  const flags = suppress({ values, relations, groups, groupFlag: "pair" }, threshold);
  const figs = (i: number): WhatIfFigures =>
    Object.fromEntries(WHAT_IF_COLUMNS.map((c, k) => [c, flags[entry(i, k)] ? { value: null, flag: flags[entry(i, k)]! } : { value: values[entry(i, k)]!, flag: "" }])) as WhatIfFigures;
  return { rows: rowIdx.slice(0, R).map(figs), total: figs(R) };
}

/**
 * A protected what-if as a published table: columns in WHAT_IF_COLUMNS order (`meta.cols` gives their headings),
 * the total row as the column totals. The four columns are not parts of a whole, so there are no row totals and no
 * grand total (`row_totals` is empty, `total` has no value and no flag), and `additive` is false.
 */
export function whatIfTable(meta: TableMeta, p: ProtectedWhatIf): PublishedTable {
  if (meta.cols.length !== WHAT_IF_COLUMNS.length || meta.cols.some((h, k) => h.key !== WHAT_IF_COLUMNS[k])) throw new Error(`${meta.id}: a what-if's columns are ${WHAT_IF_COLUMNS.join(", ")}`);
  if (meta.rows.length !== p.rows.length) throw new Error(`${meta.id}: headings do not match the rows`);
  return {
    ...meta,
    cells: p.rows.map((r) => WHAT_IF_COLUMNS.map((c) => r[c])),
    row_totals: [],
    col_totals: WHAT_IF_COLUMNS.map((c) => p.total[c]),
    total: { value: null, flag: "" },
    additive: false,
  };
}
