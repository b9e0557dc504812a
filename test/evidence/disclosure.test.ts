/**
 * Disclosure control against an attacker written here, apart from the protector: the published figures of a table
 * and the relations a reader knows (rows, columns, margins; a what-if's after = before + gain − loss; a trend's
 * monthly totals), solved exactly over the rationals (BigInt Gauss–Jordan on the dense system). No withheld value may
 * come out, and no published value may be small.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  MIN_THRESHOLD,
  protectFigure,
  protectRate,
  protectTable,
  protectTrend,
  protectWhatIf,
  publishedTable,
  thresholdFrom,
  whatIfTable,
  WHAT_IF_COLUMNS,
  type Additivity,
  type ProtectedTable,
  type WhatIfCounts,
} from "../../src/evidence/disclosure";
import type { CountTable, Figure } from "../../src/evidence/types";

// ——— The attacker ——————————————————————————————————————————————————————————————————————————————————

/** A relation a reader knows: Σ coef · entry = 0, over named entries. */
type Eq = [name: string, coef: bigint][];
type Known = Map<string, Figure>;

const babs = (a: bigint) => (a < 0n ? -a : a);
function bgcd(a: bigint, b: bigint): bigint {
  a = babs(a);
  b = babs(b);
  while (b) [a, b] = [b, a % b];
  return a;
}

/**
 * Every withheld entry a reader can compute exactly: the published values moved to the right-hand side, the dense
 * system reduced (fraction-free, rows divided by their gcd), and an unknown is solved when its pivot row holds no
 * other unknown.
 */
function solveExactly(eqs: Eq[], figures: Known): Map<string, number> {
  const unknowns = [...new Set(eqs.flatMap((e) => e.map(([n]) => n)))].filter((n) => figures.get(n)!.value === null).sort();
  const col = new Map(unknowns.map((u, i) => [u, i]));
  const n = unknowns.length;
  const M: bigint[][] = eqs.map((e) => {
    const row = new Array<bigint>(n + 1).fill(0n);
    for (const [name, c] of e) {
      const v = figures.get(name)!.value;
      if (v === null) row[col.get(name)!]! += c;
      else row[n]! -= c * BigInt(v);
    }
    return row;
  });
  let r = 0;
  const pivotOf: number[] = [];
  for (let c = 0; c < n && r < M.length; c++) {
    const p = M.findIndex((row, i) => i >= r && row[c] !== 0n);
    if (p < 0) continue;
    [M[r], M[p]] = [M[p]!, M[r]!];
    const pr = M[r]!;
    for (let i = 0; i < M.length; i++) {
      const row = M[i]!;
      if (i === r || row[c] === 0n) continue;
      const a = pr[c]!, b = row[c]!;
      let next = row.map((v, k) => v * a - pr[k]! * b);
      const g = next.reduce((acc, v) => bgcd(acc, v), 0n);
      if (g > 1n) next = next.map((v) => v / g);
      M[i] = next;
    }
    pivotOf[r] = c;
    r++;
  }
  const solved = new Map<string, number>();
  for (let i = 0; i < r; i++) {
    const row = M[i]!, c = pivotOf[i]!;
    if (row.slice(0, n).every((v, k) => k === c || v === 0n)) solved.set(unknowns[c]!, Number(row[n]! / row[c]!));
  }
  return solved;
}

/** The weaker, classic attack: a relation with exactly one withheld entry gives it by subtraction. */
function solveByLines(eqs: Eq[], figures: Known): Map<string, number> {
  const solved = new Map<string, number>();
  for (const e of eqs) {
    const hidden = e.filter(([n]) => figures.get(n)!.value === null);
    if (hidden.length !== 1) continue;
    const [name, c] = hidden[0]!;
    const rest = e.filter(([n]) => n !== name).reduce((s, [n, k]) => s + k * BigInt(figures.get(n)!.value!), 0n);
    solved.set(name, Number(-rest / c));
  }
  return solved;
}

/** The relations of a table with its margins, as a reader knows them from the table's kind. */
function tableEquations(R: number, C: number, additive: Additivity): Eq[] {
  const eqs: Eq[] = [];
  const rows = additive === true || additive === "rows";
  const cols = additive === true || additive === "cols";
  for (let i = 0; rows && i < R; i++) eqs.push([...Array.from({ length: C }, (_, j) => [`c${i},${j}`, 1n] as [string, bigint]), [`r${i}`, -1n]]);
  for (let j = 0; cols && j < C; j++) eqs.push([...Array.from({ length: R }, (_, i) => [`c${i},${j}`, 1n] as [string, bigint]), [`k${j}`, -1n]]);
  if (additive === true) {
    eqs.push([...Array.from({ length: R }, (_, i) => [`r${i}`, 1n] as [string, bigint]), ["T", -1n]]);
    eqs.push([...Array.from({ length: C }, (_, j) => [`k${j}`, 1n] as [string, bigint]), ["T", -1n]]);
  }
  return eqs;
}

function tableFigures(p: ProtectedTable): Known {
  const m: Known = new Map();
  p.cells.forEach((row, i) => row.forEach((f, j) => m.set(`c${i},${j}`, f)));
  p.row_totals.forEach((f, i) => m.set(`r${i}`, f));
  p.col_totals.forEach((f, j) => m.set(`k${j}`, f));
  m.set("T", p.total);
  return m;
}

function tableValues(t: CountTable): Map<string, number> {
  const m = new Map<string, number>();
  let T = 0;
  t.cells.forEach((row, i) => row.forEach((v, j) => m.set(`c${i},${j}`, v)));
  t.cells.forEach((row, i) => m.set(`r${i}`, t.row_totals?.[i] ?? row.reduce((a, b) => a + b, 0)));
  t.cols.forEach((_, j) => m.set(`k${j}`, t.col_totals?.[j] ?? t.cells.reduce((a, r) => a + r[j]!, 0)));
  t.cells.forEach((row) => row.forEach((v) => (T += v)));
  m.set("T", t.total ?? T);
  return m;
}

/** A withheld figure hides its count; a published one shows it unchanged and is not small; flags say why. */
function expectHonestFigures(figures: Known, values: Map<string, number>, threshold: number): void {
  for (const [name, f] of figures) {
    const v = values.get(name)!;
    const small = v >= 1 && v < threshold;
    if (f.value !== null) {
      expect(f.flag, name).toBe("");
      expect(f.value, name).toBe(v);
      expect(small, `${name} = ${v} published`).toBe(false);
    } else {
      expect(f.flag, name).toEqual(small ? "small" : expect.stringMatching(/^(secondary|window|pair)$/));
    }
  }
}

/** A line whose withheld entries are all on one side gives their sum: it must not be small either. */
function expectNoSmallLineSums(eqs: Eq[], figures: Known, values: Map<string, number>, threshold: number): void {
  for (const e of eqs) {
    const hidden = e.filter(([n]) => figures.get(n)!.value === null);
    if (hidden.length === 0 || hidden.length === e.length || new Set(hidden.map(([, c]) => c)).size > 1) continue;
    const sum = hidden.reduce((s, [n]) => s + values.get(n)!, 0);
    expect(sum >= 1 && sum < threshold, `withheld ${hidden.map(([n]) => n).join("+")} sum to ${sum}`).toBe(false);
  }
}

// ——— Generators ——————————————————————————————————————————————————————————————————————————————————

const count = fc.oneof({ arbitrary: fc.integer({ min: 0, max: 15 }), weight: 6 }, { arbitrary: fc.constant(0), weight: 1 }, { arbitrary: fc.integer({ min: 16, max: 400 }), weight: 2 });
const threshold = fc.oneof({ arbitrary: fc.constant(MIN_THRESHOLD), weight: 3 }, { arbitrary: fc.integer({ min: MIN_THRESHOLD, max: 20 }), weight: 1 });
const grid = (maxR: number, maxC: number) =>
  fc.tuple(fc.integer({ min: 1, max: maxR }), fc.integer({ min: 1, max: maxC })).chain(([R, C]) => fc.array(fc.array(count, { minLength: C, maxLength: C }), { minLength: R, maxLength: R }));
const countTable = (cells: number[][]): CountTable => ({ rows: cells.map((_, i) => `r${i}`), cols: cells[0]!.map((_, j) => `c${j}`), cells });

/** Distinct-member totals: at least the largest part, at most the sum. */
const between = (parts: number[]) => fc.integer({ min: Math.max(0, ...parts), max: parts.reduce((a, b) => a + b, 0) });

/** Property tests take 0.3–2 s here; a loaded 2-core machine runs them several times slower. No duration is asserted. */
const SLOW = 60_000;

// ——— Tests ————————————————————————————————————————————————————————————————————————————————————————

describe("the attacker (so that the properties below can fail)", () => {
  it("solves a lone withheld cell, and a bridge between two withheld cycles", () => {
    const eqs = tableEquations(4, 4, true);
    const t = countTable(BRIDGE);
    const values = tableValues(t);
    const naive: Known = new Map([...values].map(([n, v]) => [n, v >= 1 && v <= 10 ? { value: null, flag: "small" } : { value: v, flag: "" }]));
    // The classic line rule has nothing to add to primary suppression here: every line holds 0 or ≥ 2 withheld
    // cells, and their sums are not small...
    for (const e of eqs) expect(e.filter(([n]) => naive.get(n)!.value === null).length).not.toBe(1);
    expectNoSmallLineSums(eqs, naive, values, 11);
    expect(solveByLines(eqs, naive).size).toBe(0);
    // ...yet cell (1,2) is rows 0 and 1 minus columns 0 and 1: 4.
    expect(solveExactly(eqs, naive)).toEqual(new Map([["c1,2", 4]]));
    const lone: Known = new Map([...values].map(([n, v]) => [n, n === "c0,0" ? { value: null, flag: "small" } : { value: v, flag: "" }]));
    expect(solveByLines(eqs, lone).get("c0,0")).toBe(5);
    expect(solveExactly(eqs, lone).get("c0,0")).toBe(5);
  });
});

/**
 * Two 2×2 blocks of small cells, joined by one small cell (1,2). Every line has two or more withheld cells, so the
 * "next smallest in a line with one withheld" rule stops at primary suppression, and (1,2) = R0 + R1 − C0 − C1 −
 * (20 + 30 + 25) + (40 + 35 + 22 + 28) = 101 − 147 − 75 + 125 = 4.
 */
const BRIDGE = [
  [5, 6, 20, 30],
  [6, 5, 4, 25],
  [40, 22, 6, 5],
  [35, 28, 5, 6],
];

const grid2 = (p: ProtectedTable) => p.cells.map((r) => r.map((f) => f.value ?? f.flag));

describe("protectTable: examples checked by hand", () => {
  it("one small cell in a 2×2 table withholds all four cells, and no margin", () => {
    const p = protectTable(countTable([[5, 20], [30, 40]]), 11);
    expect(grid2(p)).toEqual([["small", "secondary"], ["secondary", "secondary"]]);
    expect([p.row_totals, p.col_totals, p.total].flat().map((f) => f.value)).toEqual([25, 70, 35, 60, 95]);
  });

  it("catches the bridge the line rule leaves, by withholding the smallest value of one of its lines", () => {
    const p = protectTable(countTable(BRIDGE), 11);
    // (1,2)'s lines are row 1 (25, total 40) and column 2 (20, total 35): 20 at (0,2) closes a cycle through it.
    expect(grid2(p)).toEqual([
      ["small", "small", "secondary", 30],
      ["small", "small", "small", 25],
      [40, 22, "small", "small"],
      [35, 28, "small", "small"],
    ]);
    expect(solveExactly(tableEquations(4, 4, true), tableFigures(p)).size).toBe(0);
  });

  it("prefers a non-zero value to a zero for secondary suppression, and publishes the zero", () => {
    const p = protectTable(countTable([[3, 0, 50], [20, 0, 40]]), 11);
    expect(grid2(p)).toEqual([["small", 0, "secondary"], ["secondary", 0, "secondary"]]);
  });

  it("does not let a line give away the sum of its withheld cells when that sum is small (4 + 5 = 9)", () => {
    const p = protectTable(countTable([[4, 5, 30], [0, 40, 35], [0, 25, 60]]), 11);
    expect(grid2(p)[0]).toEqual(["small", "small", "secondary"]);
    expect(p.col_totals[0]).toEqual({ value: null, flag: "small" });
  });

  it("with distinct-member totals (not sums), suppresses cells and totals each on its own", () => {
    const t: CountTable = { rows: ["a", "b"], cols: ["x", "y"], cells: [[5, 20], [30, 40]], row_totals: [22, 60], col_totals: [33, 55], total: 75 };
    const p = protectTable(t, 11, { additive: false });
    expect(grid2(p)).toEqual([["small", 20], [30, 40]]);
    expect(p.additive).toBe(false);
    expect(() => protectTable(t, 11)).toThrow(/not the sums/);
  });

  it("with additive rows only, protects along the rows and not the columns", () => {
    const t: CountTable = { rows: ["a", "b"], cols: ["x", "y", "z"], cells: [[5, 20, 30], [30, 40, 12]], col_totals: [33, 55, 40], total: 90 };
    const p = protectTable(t, 11, { additive: "rows" });
    expect(grid2(p)).toEqual([["small", "secondary", 30], [30, 40, 12]]);
  });

  it("raises the threshold when configured", () => {
    const p = protectTable(countTable([[12, 40], [30, 50]]), 15);
    expect(p.cells[0]![0]).toEqual({ value: null, flag: "small" });
    expect(() => protectTable(countTable([[1]]), 5)).toThrow(/threshold/);
  });

  it("wraps a protected table with its headings", () => {
    const p = protectTable(countTable([[20, 40]]), 11);
    const pub = publishedTable({ id: "t", row_dim: "cluster", col_dim: "rung", rows: [{ key: "r0", label: "R" }], cols: [{ key: "a", label: "A" }, { key: "b", label: "B" }] }, p);
    expect(pub).toMatchObject({ id: "t", additive: true, total: { value: 60, flag: "" } });
    expect(() => publishedTable({ id: "t", row_dim: "", col_dim: "", rows: [], cols: [] }, p)).toThrow(/headings/);
  });
});

describe("protectTable: properties", () => {
  it("no published value is small, and no withheld value can be solved from the published ones", () => {
    fc.assert(
      fc.property(grid(12, 8), threshold, (cells, th) => {
        const t = countTable(cells);
        const p = protectTable(t, th);
        const figures = tableFigures(p);
        const values = tableValues(t);
        const eqs = tableEquations(cells.length, cells[0]!.length, true);
        expectHonestFigures(figures, values, th);
        expect(solveByLines(eqs, figures)).toEqual(new Map());
        expect(solveExactly(eqs, figures)).toEqual(new Map());
        expectNoSmallLineSums(eqs, figures, values, th);
        expect(protectTable(t, th)).toEqual(p);
      }),
      { numRuns: 300 },
    );
  }, SLOW);

  it("the same with partly additive or distinct-member totals (only the relations that hold)", () => {
    const arb = grid(8, 6).chain((cells) => {
      const rowSums = cells.map((r) => r.reduce((a, b) => a + b, 0));
      const colParts = cells[0]!.map((_, j) => cells.map((r) => r[j]!));
      return fc.record({
        cells: fc.constant(cells),
        additive: fc.constantFrom<Additivity>(false, "rows", "cols"),
        row_totals: fc.tuple(...cells.map((r) => between(r))),
        col_totals: fc.tuple(...colParts.map((c) => between(c))),
        total: between(rowSums),
      });
    });
    fc.assert(
      fc.property(arb, threshold, ({ cells, additive, row_totals, col_totals, total }, th) => {
        const t: CountTable = { ...countTable(cells), total };
        if (additive !== "rows") t.row_totals = row_totals;
        if (additive !== "cols") t.col_totals = col_totals;
        const p = protectTable(t, th, { additive });
        const figures = tableFigures(p);
        const values = tableValues(t);
        const eqs = tableEquations(cells.length, cells[0]!.length, additive);
        expectHonestFigures(figures, values, th);
        expect(solveExactly(eqs, figures)).toEqual(new Map());
        if (additive === false) for (const f of figures.values()) expect(f.flag).toMatch(/^(small)?$/);
      }),
      { numRuns: 200 },
    );
  }, SLOW);

  it("protects a 60 × 12 table full of small counts", () => {
    const cells = fc.sample(fc.array(fc.array(count, { minLength: 12, maxLength: 12 }), { minLength: 60, maxLength: 60 }), { numRuns: 1, seed: 7 })[0]!;
    const t = countTable(cells);
    const p = protectTable(t, 11);
    const figures = tableFigures(p);
    expectHonestFigures(figures, tableValues(t), 11);
    expect(solveExactly(tableEquations(60, 12, true), figures)).toEqual(new Map());
    expect([...figures.values()].some((f) => f.value !== null)).toBe(true);
  }, SLOW);
});

describe("protectFigure and protectRate", () => {
  it("withholds a standalone small count and shows zero", () => {
    expect(protectFigure(0, 11)).toEqual({ value: 0, flag: "" });
    expect(protectFigure(10, 11)).toEqual({ value: null, flag: "small" });
    expect(protectFigure(11, 11)).toEqual({ value: 11, flag: "" });
    expect(() => protectFigure(-1, 11)).toThrow(RangeError);
  });

  it("withholds a rate whose numerator, denominator or rest is small, or whose count is withheld elsewhere", () => {
    expect(protectRate(30, 60, 11)).toEqual({ value: 0.5, numerator: { value: 30, flag: "" }, denominator: { value: 60, flag: "" }, flag: "" });
    expect(protectRate(0, 60, 11).value).toBe(0);
    expect(protectRate(5, 60, 11)).toMatchObject({ value: null, flag: "small", numerator: { value: null }, denominator: { value: 60 } });
    expect(protectRate(5, 8, 11)).toMatchObject({ value: null, flag: "small" });
    // 55 of 60: the 5 others would follow by subtraction.
    expect(protectRate(55, 60, 11)).toEqual({ value: null, numerator: { value: null, flag: "secondary" }, denominator: { value: 60, flag: "" }, flag: "small" });
    expect(protectRate(30, 60, 11, { value: null, flag: "secondary" })).toMatchObject({ value: null, flag: "secondary" });
    expect(protectRate(30, 60, 11, undefined, { value: null, flag: "window" })).toMatchObject({ value: null, flag: "window" });
    expect(protectRate(0, 0, 11)).toEqual({ value: null, numerator: { value: 0, flag: "" }, denominator: { value: 0, flag: "" }, flag: "" });
    expect(() => protectRate(30, 60, 11, { value: 31, flag: "" })).toThrow(/not its count/);
    expect(() => protectRate(61, 60, 11)).toThrow(RangeError);
  });

  it("never publishes a rate from which a small count follows", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 }), threshold, (a, b, th) => {
        const [num, den] = a <= b ? [a, b] : [b, a];
        const r = protectRate(num, den, th);
        const small = (n: number) => n >= 1 && n < th;
        if (r.value !== null) {
          expect([num, den, den - num].some(small)).toBe(false);
          expect(r.value).toBe(num / den);
        }
        if (r.numerator.value !== null && r.denominator.value !== null) expect(small(den - num)).toBe(false);
      }),
    );
  });
});

describe("thresholdFrom: configuration only raises the threshold", () => {
  it("examples", () => {
    expect(thresholdFrom(undefined)).toBe(11);
    expect(thresholdFrom("15")).toBe(15);
    expect(thresholdFrom(" 20 ")).toBe(20);
    expect(thresholdFrom(15)).toBe(15);
    for (const bad of ["5", 5, 10, "10", "abc", "", "12.5", 12.5, "1e3", "+15", -20, Number.NaN, Infinity, "99999999999999999999", true, [15], { n: 15 }, null]) {
      expect(thresholdFrom(bad), String(bad)).toBe(11);
    }
  });

  it("property: any value gives at least 11; a whole number ≥ 11, as number or string, gives itself", () => {
    fc.assert(
      fc.property(fc.anything(), (v) => {
        expect(thresholdFrom(v)).toBeGreaterThanOrEqual(MIN_THRESHOLD);
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 100000 }), (n) => {
        expect(thresholdFrom(n)).toBe(Math.max(n, MIN_THRESHOLD));
        expect(thresholdFrom(String(n))).toBe(n >= 0 ? Math.max(n, MIN_THRESHOLD) : MIN_THRESHOLD);
      }),
    );
  });
});

describe("protectTrend", () => {
  const t = countTable([[30, 8, 25], [40, 45, 50], [100, 100, 100]]);
  const show = (s: Figure[][]) => s.map((r) => r.map((f) => f.value ?? f.flag));

  it("withholds a series in every month when one month is small, and another series so the totals do not give it", () => {
    const p = protectTrend(t, 11);
    expect(show(p.series)).toEqual([["window", "small", "window"], ["secondary", "window", "window"], [100, 100, 100]]);
    expect(p.totals!.map((f) => f.value)).toEqual([170, 153, 175]);
  });

  it("without published totals, withholds only the series", () => {
    const p = protectTrend(t, 11, { totals: false });
    expect(show(p.series)).toEqual([["window", "small", "window"], [40, 45, 50], [100, 100, 100]]);
    expect(p.totals).toBeNull();
  });

  it("property: whole series withheld; no month of a withheld series solvable from the published ones", () => {
    fc.assert(
      fc.property(grid(8, 12), threshold, fc.boolean(), (cells, th, totals) => {
        const tt = countTable(cells);
        const p = protectTrend(tt, th, { totals });
        const figures: Known = new Map();
        const values = new Map<string, number>();
        const R = cells.length, C = cells[0]!.length;
        cells.forEach((row, i) => row.forEach((v, m) => (figures.set(`c${i},${m}`, p.series[i]![m]!), values.set(`c${i},${m}`, v))));
        const eqs: Eq[] = [];
        if (totals) {
          for (let m = 0; m < C; m++) {
            figures.set(`k${m}`, p.totals![m]!);
            values.set(`k${m}`, cells.reduce((a, r) => a + r[m]!, 0));
            eqs.push([...cells.map((_, i) => [`c${i},${m}`, 1n] as [string, bigint]), [`k${m}`, -1n]]);
          }
        }
        expectHonestFigures(figures, values, th);
        const series = [...p.series, ...(p.totals ? [p.totals] : [])];
        for (const s of series) expect(new Set(s.map((f) => f.value === null)).size).toBe(1);
        expect(solveExactly(eqs, figures)).toEqual(new Map());
        expectNoSmallLineSums(eqs, figures, values, th);
        expect(R).toBe(p.series.length);
      }),
      { numRuns: 200 },
    );
  }, SLOW);
});

describe("protectWhatIf", () => {
  const row = (before: number, gain: number, loss: number): WhatIfCounts => ({ before, after: before + gain - loss, gain, loss });
  const show = (rows: Record<string, Figure>[]) => rows.map((r) => WHAT_IF_COLUMNS.map((c) => r[c]!.value ?? r[c]!.flag));

  it("withholds a row's four figures together, and a second row so the column totals do not give the first", () => {
    const rows = [row(100, 3, 0), row(50, 20, 0), row(300, 50, 0)];
    const p = protectWhatIf({ rows, total: row(450, 73, 0) }, 11);
    expect(show(p.rows)).toEqual([["pair", "pair", "small", "pair"], ["secondary", "pair", "pair", "pair"], [300, 350, 50, 0]]);
    expect(show([p.total])).toEqual([[450, 523, 73, 0]]);
    const pub = whatIfTable({ id: "what_if", row_dim: "cluster", col_dim: "what_if", rows: rows.map((_, i) => ({ key: `r${i}`, label: "" })), cols: WHAT_IF_COLUMNS.map((key) => ({ key, label: key })) }, p);
    expect(pub.row_totals).toEqual([]);
    expect(pub.col_totals.map((f) => f.value)).toEqual([450, 523, 73, 0]);
  });

  it("refuses counts that break after = before + gain − loss, or totals that are not sums", () => {
    expect(() => protectWhatIf({ rows: [{ before: 20, after: 30, gain: 5, loss: 0 }], total: { before: 20, after: 30, gain: 5, loss: 0 } }, 11)).toThrow(/after/);
    expect(() => protectWhatIf({ rows: [row(20, 15, 0)], total: row(21, 15, 0) }, 11)).toThrow(/sum/);
  });

  it("property: rows withheld whole; nothing solvable with the rows' relation and the column totals", () => {
    const arbRow = fc.tuple(count, count).chain(([before, gain]) => fc.oneof(fc.constant(0), fc.integer({ min: 0, max: before })).map((loss) => row(before, gain, loss)));
    fc.assert(
      fc.property(fc.array(arbRow, { minLength: 1, maxLength: 10 }), threshold, (rows, th) => {
        const total = WHAT_IF_COLUMNS.reduce((acc, c) => ({ ...acc, [c]: rows.reduce((a, r) => a + r[c], 0) }), {} as WhatIfCounts);
        const p = protectWhatIf({ rows, total }, th);
        const all = [...p.rows, p.total];
        const counts = [...rows, total];
        const figures: Known = new Map();
        const values = new Map<string, number>();
        all.forEach((r, i) => WHAT_IF_COLUMNS.forEach((c) => (figures.set(`${c}${i}`, r[c]), values.set(`${c}${i}`, counts[i]![c]))));
        const eqs: Eq[] = all.map((_, i) => [[`after${i}`, 1n], [`before${i}`, -1n], [`gain${i}`, -1n], [`loss${i}`, 1n]]);
        for (const c of WHAT_IF_COLUMNS) eqs.push(all.map((_, i) => [`${c}${i}`, i === rows.length ? -1n : 1n] as [string, bigint]));
        expectHonestFigures(figures, values, th);
        for (const r of all) expect(new Set(WHAT_IF_COLUMNS.map((c) => r[c].value === null)).size).toBe(1);
        expect(solveByLines(eqs, figures)).toEqual(new Map());
        expect(solveExactly(eqs, figures)).toEqual(new Map());
        expectNoSmallLineSums(eqs, figures, values, th);
      }),
      { numRuns: 300 },
    );
  }, SLOW);
});

describe("the module stays pure", () => {
  it("imports nothing but the evidence types", () => {
    const text = readFileSync("src/evidence/disclosure.ts", "utf8");
    expect([...text.matchAll(/\bfrom\s+["']([^"']+)["']/g)].map((m) => m[1])).toEqual(["./types"]);
  });
});
