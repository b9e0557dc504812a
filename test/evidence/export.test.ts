/**
 * The long CSV of the evidence: every published figure once, withheld ones as an empty value with their flag,
 * formula-like text neutralised in both variants, the byte-order mark and CRLF only for Excel, and the figures back
 * unchanged when the file is read with papaparse.
 */
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { protectFigure, protectRate, protectTable, protectTrend, protectWhatIf, publishedTable, whatIfTable, WHAT_IF_COLUMNS, type TableMeta } from "../../src/evidence/disclosure";
import { BOM, evidenceRows, LONG_COLUMNS, toCsv, whatIfRows, type LongRow } from "../../src/evidence/export";
import type { Evidence, Figure, PublishedTable, Stamp, WhatIf } from "../../src/evidence/types";

const TH = 11;
const stamp: Stamp = {
  generated_on: "2026-11-30",
  network: { id: "n1", code: "HBW-KE", name: "Home-based workers, Kenya" },
  country: "ke",
  rules_version: "a1b2c3d4",
  scheme_versions: [],
  threshold: TH,
  members: protectFigure(240, TH),
};

/** Cluster names as organizers typed them: formulas, a phone number, Thai, a formula split over two lines. */
const CLUSTERS = [
  { key: "c1", label: "=HYPERLINK(\"http://evil.example\",\"click\")" },
  { key: "c2", label: "+254 700 000000" },
  { key: "c3", label: "-Kibera" },
  { key: "c4", label: "@SUM(A1:A9)" },
  { key: "c5", label: "ชุมชนคลองเตย" },
  { key: "c6", label: "=1+1\nnext line" },
  { key: "c7", label: "  =2*3" },
  { key: "c8", label: "Mathare, \"north\"" },
];
const RUNGS6 = ["covered", "lapsed", "in_progress", "not_started", "unknown", "excluded"].map((key) => ({ key, label: key.replace("_", " ") }));

function table(meta: Omit<TableMeta, "rows" | "cols"> & { rows: TableMeta["rows"]; cols: TableMeta["cols"] }, cells: number[][]): PublishedTable {
  return publishedTable(meta, protectTable({ rows: meta.rows.map((r) => r.key), cols: meta.cols.map((c) => c.key), cells }, TH));
}

function fixture(): Evidence {
  const ladderCells = CLUSTERS.map((_, i) => [40 + i, 3 + i, 12, 0, 25, 30 + 2 * i]);
  const trend = protectTrend({ rows: ["sha", "nssf"], cols: ["2026-09", "2026-10", "2026-11"], cells: [[120, 125, 131], [30, 8, 33]] }, TH, { totals: false });
  const rate = (n: number, d: number) => protectRate(n, d, TH);
  return {
    stamp,
    breakdown: "cluster",
    indicators: {
      members: protectFigure(240, TH),
      covered_any: rate(131, 240),
      legal_any: rate(200, 240),
      functions: [
        { function: "health", legal: rate(200, 240), effective: rate(131, 240), eligible_not_enrolled: protectFigure(69, TH), lapsed: protectFigure(4, TH) },
        { function: "old_age", legal: rate(60, 240), effective: rate(5, 240), eligible_not_enrolled: protectFigure(55, TH), lapsed: protectFigure(0, TH) },
      ],
    },
    ladders: [{ function: "health", table: table({ id: "ladder.health.cluster", row_dim: "cluster", col_dim: "rung", rows: CLUSTERS, cols: RUNGS6 }, ladderCells) }],
    schemes: table({ id: "schemes", row_dim: "scheme", col_dim: "rung", rows: [{ key: "sha", label: "SHA" }, { key: "nssf", label: "NSSF" }], cols: RUNGS6 }, [[131, 4, 20, 45, 15, 25], [33, 0, 2, 20, 60, 125]]),
    reasons: [
      {
        scheme: "nssf",
        name: "NSSF",
        rule_version: "ke/nssf@2024-02-01",
        effective_from: "2024-02-01",
        excluded: protectFigure(125, TH),
        criteria: [
          { criterion: { id: "min_age", label: "Under 18", sources: [], unconfirmed: false }, any: protectFigure(9, TH), binding: protectFigure(6, TH) },
          { criterion: { id: "employment", label: "-not employed", sources: [], unconfirmed: true }, any: protectFigure(120, TH), binding: protectFigure(100, TH) },
        ],
        several: protectFigure(19, TH),
      },
    ],
    barriers: table({ id: "barriers", row_dim: "scheme", col_dim: "barrier", rows: [{ key: "sha", label: "SHA" }], cols: [{ key: "documents_missing", label: "Documents" }, { key: "distrust", label: "Distrust" }] }, [[30, 15]]),
    funnels: [
      {
        scheme: "sha",
        name: "SHA",
        states: { not_started: protectFigure(45, TH), applied: protectFigure(7, TH), enrolled: protectFigure(131, TH) },
        median_days: [
          { from: "applied", to: "enrolled", days: 21, moves: protectFigure(40, TH) },
          { from: "ready_to_apply", to: "applied", days: null, moves: protectFigure(6, TH) },
        ],
        rejection_rate: rate(12, 60),
      },
    ],
    trend: {
      months: ["2026-09", "2026-10", "2026-11"],
      series: [
        { scheme: "sha", name: "SHA", values: trend.series[0]! },
        { scheme: "nssf", name: "NSSF", values: trend.series[1]! },
      ],
      markers: [{ month: "2026-10", scheme: "sha", rule_version: "ke/sha@2026-10-01", kind: "in_force" }],
    },
    public_counts: {
      from: "2026-09-01",
      to: "2026-11-30",
      checks: protectFigure(800, TH),
      table: table({ id: "public_counts", row_dim: "scheme", col_dim: "status", rows: [{ key: "sha", label: "SHA" }], cols: [{ key: "eligible", label: "Eligible" }, { key: "not_eligible", label: "Not eligible" }] }, [[500, 300]]),
    },
  };
}

/** How many figures the evidence holds, counted from its shape (independently of the flattening). */
function figureCount(e: Evidence): number {
  const t = (p: PublishedTable) => p.rows.length * p.cols.length + p.rows.length + p.cols.length + 1;
  return (
    1 +
    1 + 3 + 3 + e.indicators.functions.length * 8 +
    e.ladders.reduce((a, l) => a + t(l.table), 0) + t(e.schemes) + t(e.barriers) +
    e.reasons.reduce((a, r) => a + 2 * r.criteria.length + 2, 0) +
    e.funnels.reduce((a, f) => a + Object.keys(f.states).length + 2 * f.median_days.length + 3, 0) +
    e.trend.months.length * e.trend.series.length +
    1 + t(e.public_counts.table)
  );
}

const find = (rows: LongRow[], q: Partial<LongRow>) => rows.filter((r) => Object.entries(q).every(([k, v]) => r[k as keyof LongRow] === v));
const parse = (csv: string) => Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });

describe("evidenceRows", () => {
  const e = fixture();
  const rows = evidenceRows(e);

  it("gives every figure once, stamped, each in its own place", () => {
    expect(rows).toHaveLength(figureCount(e));
    const places = rows.map((r) => [r.table, r.period, r.row_dim, r.row, r.col_dim, r.col, r.measure].join("|"));
    expect(new Set(places).size).toBe(rows.length);
    for (const r of rows) expect(r).toMatchObject({ generated_on: "2026-11-30", network: "HBW-KE", country: "ke", rules_version: "a1b2c3d4", threshold: 11 });
  });

  it("lays out tables with their totals, rates as three rows, reasons, funnels, the trend by month and the public window", () => {
    const l = e.ladders[0]!.table;
    expect(find(rows, { table: "ladder.health.cluster", row: "c5", col: "covered" })).toMatchObject([{ value: 44, flag: "", row_label: "ชุมชนคลองเตย", col_dim: "rung", period: "2026-11-30" }]);
    expect(find(rows, { table: "ladder.health.cluster", row: "c1", col: "lapsed" })).toMatchObject([{ value: null, flag: "small" }]);
    expect(find(rows, { table: "ladder.health.cluster", row: "_total", col: "_total" })).toMatchObject([{ value: l.total.value }]);
    expect(find(rows, { table: "indicators", row: "health", col: "legal" }).map((r) => [r.measure, r.value])).toEqual([["numerator", 200], ["denominator", 240], ["rate", 200 / 240]]);
    expect(find(rows, { table: "indicators", row: "old_age", col: "effective", measure: "rate" })).toMatchObject([{ value: null, flag: "small" }]);
    expect(find(rows, { table: "reasons.binding", row: "nssf" }).map((r) => [r.col, r.value ?? r.flag])).toEqual([["min_age", "small"], ["employment", 100], ["_several", 19], ["_total", 125]]);
    expect(find(rows, { table: "funnel", col: "ready_to_apply->applied" }).map((r) => [r.measure, r.value, r.flag])).toEqual([["median_days", null, "small"], ["moves", null, "small"]]);
    expect(find(rows, { table: "trend", row: "nssf" }).map((r) => [r.period, r.flag])).toEqual([["2026-09", "window"], ["2026-10", "small"], ["2026-11", "window"]]);
    expect(find(rows, { table: "public_counts", col: "checks" })).toMatchObject([{ value: 800, period: "2026-09-01/2026-11-30" }]);
  });
});

describe("whatIfRows", () => {
  it("gives the what-if's rows and its total row, with no row totals and no grand total", () => {
    const counts = [
      { before: 100, after: 103, gain: 3, loss: 0 },
      { before: 50, after: 70, gain: 20, loss: 0 },
      { before: 300, after: 350, gain: 50, loss: 0 },
    ];
    const p = protectWhatIf({ rows: counts, total: { before: 450, after: 523, gain: 73, loss: 0 } }, TH);
    const meta = { id: "what_if", row_dim: "cluster", col_dim: "what_if", rows: CLUSTERS.slice(0, 3), cols: WHAT_IF_COLUMNS.map((key) => ({ key, label: key })) };
    const w: WhatIf = { stamp, change: { kind: "drop_criterion", scheme: "nssf", criterion: "employment" }, description: "", scheme: "nssf", breakdown: "cluster", table: whatIfTable(meta, p), members: protectFigure(240, TH), took_ms: 3 };
    const rows = whatIfRows(w);
    expect(rows).toHaveLength(2 + 3 * 4 + 4);
    expect(find(rows, { table: "what_if", row: "_total" }).map((r) => r.value)).toEqual([450, 523, 73, 0]);
    expect(find(rows, { table: "what_if", col: "_total" })).toEqual([]);
    expect(find(rows, { table: "what_if", row: "c1" }).map((r) => r.flag)).toEqual(["pair", "pair", "small", "pair"]);
  });
});

describe("toCsv", () => {
  const rows = evidenceRows(fixture());
  const plain = toCsv(rows, { excel: false });
  const excel = toCsv(rows, { excel: true });

  it("starts the Excel variant with a byte-order mark and ends its lines with CRLF; the plain one with neither", () => {
    expect(excel.startsWith(BOM + "generated_on,network,")).toBe(true);
    expect(plain.startsWith("generated_on,network,")).toBe(true);
    expect(plain.includes(BOM)).toBe(false);
    // Line ends outside quoted cells: parse with each variant's own.
    expect(parse(excel).meta.linebreak).toBe("\r\n");
    expect(excel.endsWith("\r\n")).toBe(true);
    expect(plain.includes("\r\n")).toBe(false);
    expect(plain.endsWith("\n")).toBe(true);
  });

  it("writes a withheld figure as an empty value with its flag, never as <11", () => {
    for (const csv of [plain, excel]) {
      expect(csv).not.toMatch(/<\s*11/);
      const back = parse(csv).data.filter((r) => r.table === "ladder.health.cluster" && r.row === "c1" && r.col === "lapsed");
      expect(back).toMatchObject([{ value: "", flag: "small" }]);
    }
  });

  it("neutralises formula-like text in both variants, including one over two lines that papaparse's own option misses", () => {
    for (const csv of [plain, excel]) {
      const labels = new Set(parse(csv).data.map((r) => r.row_label));
      expect(labels).toContain("'=HYPERLINK(\"http://evil.example\",\"click\")");
      expect(labels).toContain("'+254 700 000000");
      expect(labels).toContain("'-Kibera");
      expect(labels).toContain("'@SUM(A1:A9)");
      expect(labels).toContain("'=1+1\nnext line");
      expect(labels).toContain("'  =2*3");
      expect(labels).toContain("ชุมชนคลองเตย");
      expect(labels).toContain("Mathare, \"north\"");
      // No cell of the file, as a spreadsheet splits it, starts a formula.
      for (const r of parse(csv).data) for (const v of Object.values(r)) expect(v, v).not.toMatch(/^\s*[=+@]|^-\D/);
    }
    expect(Papa.unparse([["=1+1\nx"]], { escapeFormulae: true })).toBe('"=1+1\nx"');
  });

  it("keeps numbers as numbers, negative ones too, where papaparse would quote the same text", () => {
    const r = { ...rows[0]!, row_label: "-5", value: -5 };
    const line = toCsv([r], { excel: false }).split("\n")[1]!;
    expect(line).toContain(`"'-5"`);
    expect(line.endsWith(",-5,")).toBe(true);
    expect(Papa.unparse([[-5, "-5"]], { escapeFormulae: true })).toBe(`-5,"'-5"`);
  });

  it("reads back: the figures, flags and places come out as they went in", () => {
    for (const csv of [plain, excel]) {
      const { data, errors, meta } = parse(csv);
      expect(errors).toEqual([]);
      expect(meta.fields).toEqual([...LONG_COLUMNS]);
      expect(data).toHaveLength(rows.length);
      data.forEach((d, i) => {
        const r = rows[i]!;
        const f: Figure = { value: d.value === "" ? null : Number(d.value), flag: d.flag as Figure["flag"] };
        expect(f).toEqual({ value: r.value, flag: r.flag });
        expect(Number(d.threshold)).toBe(r.threshold);
        const unescape = (s: string) => s.replace(/^'(?=\s*[=+\-@\t\r\n])/, "");
        for (const c of ["generated_on", "network", "table", "period", "row_dim", "row", "row_label", "col_dim", "col", "col_label", "measure"] as const) expect(unescape(d[c]!)).toBe(r[c]);
      });
    }
  });
});
