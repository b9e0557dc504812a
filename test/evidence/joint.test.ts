/**
 * The evidence's tables protected together (src/evidence/service.ts `protectEvidence`), for random networks: the
 * raw aggregates of a generated population of members (rungs per scheme, failed criteria, states, barriers, a
 * trend ending at today's enrolled) go through the protection, and then a reader's attack on everything published
 * at once (test/helpers/evidence-solve.ts: shared figures as one unknown, every sum a relation) must solve no
 * withheld figure, and no published count may be from 1 to 10.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { RawAggregates } from "../../src/db/evidence";
import { determinedEntries } from "../../src/evidence/disclosure";
import { functionsOf, schemesInForce } from "../../src/evidence/catalogue";
import { monthsTo, protectEvidence } from "../../src/evidence/service";
import { getPack } from "../../src/rules/registry";
import { crossTableSystem } from "../helpers/evidence-solve";

const TODAY = "2026-12-02";
const pack = getPack("ke")!;
const inForce = schemesInForce(pack, TODAY);
const schemes = inForce.map(({ scheme, version }) => ({ id: scheme.id, functions: functionsOf(scheme), criteria: version.criteria.map((c) => c.id) }));
const CLUSTERS = ["c1", "c2", "c3"];
const IN_PROGRESS = ["gathering_documents", "ready_to_apply", "applied", "appealed"];
const OTHER = ["not_started", "declined", "rejected", "exited"];

/** A member: her cluster, and per scheme (by position) nothing or a rung code with what goes with it. */
const member = fc.record({
  cluster: fc.constantFrom(...CLUSTERS),
  // Skewed towards few codes, so that small groups and zeros are common.
  codes: fc.array(fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 4, arbitrary: fc.integer({ min: 1, max: 3 }) }, { weight: 2, arbitrary: fc.integer({ min: 4, max: 6 }) }), {
    minLength: schemes.length,
    maxLength: schemes.length,
  }),
  picks: fc.array(fc.nat(1000), { minLength: schemes.length * 3, maxLength: schemes.length * 3 }),
});

function rawOf(members: { cluster: string; codes: number[]; picks: number[] }[], months: string[]): RawAggregates {
  const add = (m: Map<string, number>, k: string, n = 1) => m.set(k, (m.get(k) ?? 0) + n);
  const raw: RawAggregates = { members: new Map(), schemeRungs: [], functionRungs: [], anyCovered: 0, anyLegal: 0, reasons: [], barriers: [], states: [], moves: [], rejections: [], trend: [] };
  const rungs = new Map<string, number>();
  const fnRungs = new Map<string, number>();
  const reasons = new Map<string, [number, number]>();
  const states = new Map<string, number>();
  const barriers = new Map<string, number>();
  const fns = [...new Set(schemes.flatMap((s) => s.functions))];
  for (const m of members) {
    if (m.codes.every((c) => c === 0)) continue;
    add(raw.members, m.cluster);
    m.codes.forEach((code, i) => {
      if (!code) return;
      const s = schemes[i]!;
      const pick = (j: number) => m.picks[i * 3 + j]!;
      add(rungs, `${s.id}|${m.cluster}|${code}`);
      const state = code === 6 ? "enrolled" : code === 5 ? "lapsed" : code === 4 ? IN_PROGRESS[pick(0) % 4]! : pick(0) % 3 === 0 ? null : OTHER[pick(0) % 4]!;
      if (state) add(states, `${s.id}|${state}`);
      if ((code === 3 || code === 4) && pick(1) % 2 === 0) add(barriers, `${s.id}|documents_missing`);
      if (code === 1) {
        const failed = s.criteria.filter((_, k) => (pick(2) >> k) & 1);
        if (!failed.length) failed.push(s.criteria[pick(2) % s.criteria.length]!);
        for (const c of failed) {
          const acc = reasons.get(`${s.id}|${c}`) ?? [0, 0];
          acc[0]++;
          if (failed.length === 1) acc[1]++;
          reasons.set(`${s.id}|${c}`, acc);
        }
      }
    });
    for (const f of fns) {
      const codes = schemes.map((s, i) => (s.functions.includes(f) ? m.codes[i]! : 0)).filter(Boolean);
      add(fnRungs, `${f}|${m.cluster}|${codes.length ? Math.max(...codes) : 2}`);
    }
    const top = Math.max(...m.codes);
    if (top === 6) raw.anyCovered++;
    if (top >= 3) raw.anyLegal++;
  }
  for (const [k, n] of rungs) {
    const [s, c, code] = k.split("|") as [string, string, string];
    raw.schemeRungs.push([s, c, Number(code), n]);
  }
  for (const [k, n] of fnRungs) {
    const [f, c, code] = k.split("|") as [string, string, string];
    raw.functionRungs.push([f, c, Number(code), n]);
  }
  for (const [k, [any, only]] of reasons) raw.reasons.push([...(k.split("|") as [string, string]), any, only]);
  for (const [k, n] of states) raw.states.push([...(k.split("|") as [string, string]), n]);
  for (const [k, n] of barriers) raw.barriers.push([...(k.split("|") as [string, string]), n]);
  // A trend per scheme with anyone enrolled: growing to today's enrolled.
  for (const s of schemes) {
    const all = CLUSTERS.reduce((a, c) => a + (rungs.get(`${s.id}|${c}|6`) ?? 0), 0);
    if (!all) continue;
    months.forEach((month, i) => raw.trend.push([month, s.id, Math.round((all * (i + 1)) / months.length)]));
  }
  return raw;
}

function counts(x: unknown, out: number[] = []): number[] {
  if (Array.isArray(x)) for (const v of x) counts(v, out);
  else if (x && typeof x === "object") {
    const o = x as Record<string, unknown>;
    if ("flag" in o && typeof o.value === "number" && !("numerator" in o)) out.push(o.value);
    for (const v of Object.values(o)) counts(v, out);
  }
  return out;
}

describe("the evidence's tables protected together", () => {
  const months = monthsTo(TODAY);
  for (const by of ["cluster", null] as const) {
    it(`no withheld figure can be solved from all published tables at once, and no count from 1 to 10 (by ${by ?? "nothing"})`, () => {
      let withheldSeen = 0;
      fc.assert(
        fc.property(fc.array(member, { maxLength: 90 }), (members) => {
          const raw = rawOf(members, months);
          if (by === null) {
            const total = [...raw.members.values()].reduce((a, b) => a + b, 0);
            raw.members = total ? new Map([["all", total]]) : new Map();
            raw.functionRungs = [...raw.functionRungs.reduce((m, [f, , c, n]) => m.set(`${f}|${c}`, (m.get(`${f}|${c}`) ?? 0) + n), new Map<string, number>())].map(([k, n]) => {
              const [f, c] = k.split("|") as [string, string];
              return [f, "all", Number(c), n] as [string, string, number, number];
            });
          }
          const rows = by === null ? [{ key: "all", label: "all" }] : CLUSTERS.map((key) => ({ key, label: key }));
          const e = protectEvidence({ pack, today: TODAY, threshold: 11, lang: "en", by, rows, raw });
          expect(counts(e).filter((n) => Number.isInteger(n) && n >= 1 && n <= 10)).toEqual([]);
          const { relations, withheld } = crossTableSystem(e);
          withheldSeen += withheld.filter(Boolean).length;
          expect(determinedEntries(relations, withheld)).toEqual([]);
        }),
        { numRuns: 60 },
      );
      expect(withheldSeen).toBeGreaterThan(0);
    }, 120_000);
  }
});
