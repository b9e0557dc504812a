/**
 * The advocacy evidence as a tidy long CSV (pure): one published figure per row, after disclosure control, for R,
 * Python (plain) or a spreadsheet (for Excel).
 *
 * ## The file
 *
 * Columns, in this order (LONG_COLUMNS):
 * - the stamp, repeated on every row: `generated_on, network` (the network's code), `country, rules_version` (the
 *   pack's hash), `threshold`. A header block above the column names would break `read.csv` and `pandas.read_csv`,
 *   and stamp rows in the figures would mix text into the `value` column; constant columns cost a few bytes a row and
 *   keep their meaning when files of several networks or days are stacked or filtered;
 * - `table`: the catalogue id (`ladder.health.cluster`, `schemes`, ...) or one of `stamp`, `indicators`,
 *   `reasons.any`, `reasons.binding`, `funnel`, `trend`;
 * - `period`: what the figure refers to, ISO 8601: the day of the figures (`generated_on`) for counts on a day, the
 *   month for a trend (`2026-03`, members enrolled at its end), `from/to` for the public self-checks' window;
 * - `row_dim, row, row_label, col_dim, col, col_label`: the figure's place: dimension names and identifiers are
 *   snake_case, as everywhere; labels are the headings shown on the page (empty where there is none). A total is
 *   `_total` in `row` (a column's total) or `col` (a row's total), or both (the grand total); a scalar figure has
 *   `col_dim` `indicator` and its name in `col`;
 * - `measure`: `count` (members; results for the public self-checks), `rate` (0–1), `numerator` and
 *   `denominator` (a rate's counts, each its own row with its own flag), `median_days`, `moves`;
 * - `value`: the number, or EMPTY when withheld, with the reason in `flag` (`small`, `secondary`, `window`, `pair`,
 *   as in src/evidence/types.ts); an empty value with an empty flag is a figure that does not exist (a rate over 0,
 *   a median over no move). Never "<11".
 *
 * How each part of the evidence is laid out:
 * - `indicators`: rows per function (`row_dim` function; `any` for any function), `col` members, legal, effective
 *   (rates), eligible_not_enrolled, lapsed;
 * - `reasons.any`: scheme × criterion, members failing the criterion at all (they overlap); `reasons.binding`:
 *   scheme × criterion, members failing only it, plus `_several` (failing two or more) and `_total` (the members
 *   the scheme excludes), which they add up to;
 * - `funnel`: scheme × state (`col_dim` state), scheme × transition (`col_dim` transition, `col` `from->to`,
 *   measures median_days and moves), scheme × indicator `rejection_rate`;
 * - `trend`: scheme per month; the rule-change markers are not figures, and are in the JSON and the brief;
 * - a what-if: its table (rows = breakdown, columns before, after, gain, loss, losses counted positive; `_total` row)
 *   and the members evaluated. The change itself is described in the JSON and the brief.
 *
 * ## The two variants
 *
 * Text cells that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab, a carriage return
 * or a line feed, their full-width forms, or spaces then one of the first four) get a leading `'` in both variants:
 * labels come from users (a cluster's name), and the plain file ends up in a spreadsheet too. Numbers are written as
 * numbers and never touched. papaparse's own `escapeFormulae: true` tests `/^[=+\-@\t\r].*$/`, which misses a
 * formula with a line break in it (`.` stops at it), so a wider pattern is passed to it.
 * - plain: UTF-8 without a byte-order mark, LF line ends (R, Python, command-line tools);
 * - for Excel: UTF-8 with a byte-order mark (Excel reads a file without one in the PC's legacy code page, garbling
 *   Thai or Kiswahili names) and CRLF line ends.
 *
 * @module
 */
import Papa from "papaparse";
import type { Evidence, Figure, Flag, PublishedTable, Rate, Stamp, WhatIf } from "./types";

export const LONG_COLUMNS = [
  "generated_on",
  "network",
  "country",
  "rules_version",
  "threshold",
  "table",
  "period",
  "row_dim",
  "row",
  "row_label",
  "col_dim",
  "col",
  "col_label",
  "measure",
  "value",
  "flag",
] as const;

export const MEASURES = ["count", "rate", "numerator", "denominator", "median_days", "moves"] as const;
export type Measure = (typeof MEASURES)[number];

/** The marker of a total in `row` or `col`. */
export const TOTAL = "_total";

export interface LongRow {
  generated_on: string;
  network: string;
  country: string;
  rules_version: string;
  threshold: number;
  table: string;
  period: string;
  row_dim: string;
  row: string;
  row_label: string;
  col_dim: string;
  col: string;
  col_label: string;
  measure: Measure;
  value: number | null;
  flag: Flag;
}

type Place = Partial<Omit<LongRow, "value" | "flag">> & { table: string };

/** Rows of one stamp: its columns filled, the figure's place defaulting to a scalar count on the day. */
function writer(stamp: Stamp) {
  const base = {
    generated_on: stamp.generated_on,
    network: stamp.network.code,
    country: stamp.country,
    rules_version: stamp.rules_version,
    threshold: stamp.threshold,
    period: stamp.generated_on.slice(0, 10),
    row_dim: "",
    row: "",
    row_label: "",
    col_dim: "",
    col: "",
    col_label: "",
    measure: "count" as Measure,
  };
  const out: LongRow[] = [];
  const figure = (f: Figure, at: Place) => out.push({ ...base, ...at, value: f.value, flag: f.flag });
  const rate = (r: Rate, at: Place) => {
    figure(r.numerator, { ...at, measure: "numerator" });
    figure(r.denominator, { ...at, measure: "denominator" });
    figure(r, { ...at, measure: "rate" });
  };
  const table = (t: PublishedTable, at: Partial<Place> = {}) => {
    const dims = { table: t.id, row_dim: t.row_dim, col_dim: t.col_dim, ...at };
    t.rows.forEach((r, i) => {
      t.cols.forEach((c, j) => figure(t.cells[i]![j]!, { ...dims, row: r.key, row_label: r.label, col: c.key, col_label: c.label }));
      const rt = t.row_totals[i];
      if (rt) figure(rt, { ...dims, row: r.key, row_label: r.label, col: TOTAL });
    });
    t.cols.forEach((c, j) => {
      const ct = t.col_totals[j];
      if (ct) figure(ct, { ...dims, row: TOTAL, col: c.key, col_label: c.label });
    });
    // A table without row totals (a what-if: its columns are not parts of a whole) has no grand total.
    if (t.row_totals.length && t.col_totals.length) figure(t.total, { ...dims, row: TOTAL, col: TOTAL });
  };
  return { out, figure, rate, table };
}

/** Every published figure of the evidence, one per row (see the module's comment for the layout). */
export function evidenceRows(e: Evidence): LongRow[] {
  const w = writer(e.stamp);
  const scalar = { col_dim: "indicator" };
  w.figure(e.stamp.members, { table: "stamp", ...scalar, col: "members" });

  const ind = { table: "indicators", row_dim: "function", ...scalar };
  w.figure(e.indicators.members, { ...ind, row: "any", col: "members" });
  w.rate(e.indicators.legal_any, { ...ind, row: "any", col: "legal" });
  w.rate(e.indicators.covered_any, { ...ind, row: "any", col: "effective" });
  for (const f of e.indicators.functions) {
    w.rate(f.legal, { ...ind, row: f.function, col: "legal" });
    w.rate(f.effective, { ...ind, row: f.function, col: "effective" });
    w.figure(f.eligible_not_enrolled, { ...ind, row: f.function, col: "eligible_not_enrolled" });
    w.figure(f.lapsed, { ...ind, row: f.function, col: "lapsed" });
  }

  for (const l of e.ladders) w.table(l.table);
  w.table(e.schemes);

  for (const r of e.reasons) {
    const at = { row_dim: "scheme", row: r.scheme, row_label: r.name, col_dim: "criterion" };
    for (const c of r.criteria) w.figure(c.any, { ...at, table: "reasons.any", col: c.criterion.id, col_label: c.criterion.label });
    for (const c of r.criteria) w.figure(c.binding, { ...at, table: "reasons.binding", col: c.criterion.id, col_label: c.criterion.label });
    w.figure(r.several, { ...at, table: "reasons.binding", col: "_several" });
    w.figure(r.excluded, { ...at, table: "reasons.binding", col: TOTAL });
  }

  w.table(e.barriers);

  for (const f of e.funnels) {
    const at = { table: "funnel", row_dim: "scheme", row: f.scheme, row_label: f.name };
    for (const [state, fig] of Object.entries(f.states)) w.figure(fig, { ...at, col_dim: "state", col: state });
    for (const m of f.median_days) {
      const move = { ...at, col_dim: "transition", col: `${m.from}->${m.to}` };
      // A median not published because its moves are withheld says so; one over no move is simply absent.
      w.figure({ value: m.days, flag: m.days === null ? m.moves.flag : "" }, { ...move, measure: "median_days" });
      w.figure(m.moves, { ...move, measure: "moves" });
    }
    w.rate(f.rejection_rate, { ...at, col_dim: "indicator", col: "rejection_rate" });
  }

  for (const s of e.trend.series) {
    e.trend.months.forEach((month, m) => w.figure(s.values[m]!, { table: "trend", period: month, row_dim: "scheme", row: s.scheme, row_label: s.name }));
  }

  const pc = e.public_counts;
  const window = `${pc.from}/${pc.to}`;
  w.figure(pc.checks, { table: pc.table.id, period: window, ...scalar, col: "checks" });
  w.table(pc.table, { period: window });
  return w.out;
}

/** Every published figure of a what-if: its table and the members evaluated. */
export function whatIfRows(wi: WhatIf): LongRow[] {
  const w = writer(wi.stamp);
  w.figure(wi.stamp.members, { table: "stamp", col_dim: "indicator", col: "members" });
  w.figure(wi.members, { table: wi.table.id, col_dim: "indicator", col: "members" });
  w.table(wi.table);
  return w.out;
}

/**
 * Text a spreadsheet would run as a formula: a leading `=`, `+`, `-`, `@` (or their full-width forms, or after
 * spaces), tab, carriage return or line feed. No `g` flag: papaparse calls `test` once per cell.
 */
export const FORMULA_START = /^(?:[\t\r\n]|\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/;

/** The byte-order mark that tells Excel the file is UTF-8. */
export const BOM = "\uFEFF";

/** The long rows as CSV text, with a header line and a final line end (see the module's comment for the variants). */
export function toCsv(rows: readonly LongRow[], options: { excel: boolean }): string {
  const newline = options.excel ? "\r\n" : "\n";
  const data = rows.map((r) => LONG_COLUMNS.map((c) => r[c]));
  const text = Papa.unparse({ fields: [...LONG_COLUMNS], data }, { newline, escapeFormulae: FORMULA_START, header: true });
  return (options.excel ? BOM : "") + text + newline;
}
