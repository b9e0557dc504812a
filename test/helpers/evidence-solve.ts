/**
 * Published evidence as one linear system, built from the published figures alone, as a reader would: a figure that
 * is the same count in several places (a cluster's members in every ladder, the members in the schemes table, a
 * scheme's enrolled in its funnel and its trend's last month, its excluded in its reasons, a function's lapsed) is
 * one unknown. Withheld figures are the unknowns to solve for; a shared figure must be shown the same everywhere.
 */
import { expect } from "vitest";
import type { Evidence, Figure } from "../../src/evidence/types";

// The evidence as JSON (from the API or protectEvidence); read loosely, as a reader of the export would.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function crossTableSystem(evidence: Pick<Evidence, "indicators" | "ladders" | "schemes" | "reasons" | "funnels" | "trend">) {
  const e = evidence as any;
  const index = new Map<string, number>();
  const withheld: boolean[] = [];
  const seen = new Map<string, number | null>();
  const x = (key: string, f: Pick<Figure, "value"> | undefined) => {
    if (!f) throw new Error(`no figure for ${key}`);
    if (seen.has(key)) expect(seen.get(key), `${key} shown two ways`).toBe(f.value);
    seen.set(key, f.value);
    if (!index.has(key)) {
      index.set(key, withheld.length);
      withheld.push(f.value === null);
    }
    return index.get(key)!;
  };
  const relations: { entries: number[]; signs: number[] }[] = [];
  const sum = (parts: number[], total: number) => {
    if (new Set([...parts, total]).size === parts.length + 1) relations.push({ entries: [...parts, total], signs: [...parts.map(() => 1), -1] });
  };
  const T = x("T", e.indicators.members);
  for (const { function: f, table } of e.ladders) {
    const M = table.rows.map((r: { key: string }, i: number) => x(`M:${r.key}`, table.row_totals[i]));
    x("T", table.total);
    sum(M, T);
    const cols = table.cols.map((c: { key: string }, j: number) => x(`L:${f}:${c.key}`, table.col_totals[j]));
    sum(cols, T);
    table.cells.forEach((row: { value: number | null }[], i: number) => sum(row.map((cell, j) => x(`L:${f}:${table.rows[i].key}:${table.cols[j].key}`, cell)), M[i]));
    table.cols.forEach((c: { key: string }, j: number) => sum(table.cells.map((row: { value: number | null }[], i: number) => x(`L:${f}:${table.rows[i].key}:${c.key}`, row[j]!)), cols[j]));
  }
  for (const fi of e.indicators.functions) x(`L:${fi.function}:lapsed`, fi.lapsed);
  const S = e.schemes;
  S.rows.forEach((r: { key: string }, i: number) => {
    x("T", S.row_totals[i]);
    sum(S.cells[i].map((cell: { value: number | null }, j: number) => x(`S:${r.key}:${S.cols[j].key}`, cell)), T);
  });
  S.cols.forEach((c: { key: string }, j: number) => sum(S.rows.map((r: { key: string }, i: number) => x(`S:${r.key}:${c.key}`, S.cells[i][j])), x(`SC:${c.key}`, S.col_totals[j])));
  for (const r of e.reasons) {
    const parts = r.criteria.map((c: { criterion: { id: string }; binding: { value: number | null } }) => x(`B:${r.scheme}:${c.criterion.id}`, c.binding));
    sum([...parts, x(`V:${r.scheme}`, r.several)], x(`S:${r.scheme}:excluded`, r.excluded));
  }
  for (const f of e.funnels) {
    const states = Object.entries(f.states as Record<string, { value: number | null }>).map(([st, fig]) =>
      x(st === "enrolled" ? `S:${f.scheme}:covered` : st === "lapsed" ? `S:${f.scheme}:lapsed` : `F:${f.scheme}:${st}`, fig),
    );
    sum(states, index.get(`FT:${f.scheme}`) ?? x(`FT:${f.scheme}`, { value: null }));
  }
  for (const s of e.trend.series) x(`S:${s.scheme}:covered`, s.values.at(-1));
  return { relations, withheld };
}
