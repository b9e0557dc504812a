/**
 * The compiled evaluator against the slow reference evaluator on thousands of random profiles and dates, over
 * the real bundled packs and a synthetic pack using every operator, combinator, `when`, office criteria (with and
 * without a proxy test) and unconfirmed parameters; and bulk mode against the full evaluation on the same packs.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compilePack, maskIds, referenceEvaluate, type BulkResult } from "../../src/engine";
import { STATUSES } from "../../src/engine/enums";
import { checkFacts } from "../../src/interview/gate";
import type { Facts, Pack } from "../../src/engine/types";
import { arbFacts } from "../helpers/arbitraries";
import { PACKS } from "../../src/rules/generated/index";
import { packOf, scheme } from "../helpers/pack";

const synthetic = packOf({
  mixed: scheme(
    "mixed",
    `  - effective_from: 2015-01-01
    sources: [act]
    parameters:
      ceiling: { value: 15000, sources: [act], unconfirmed: true }
      ages: { value: [18, 19, 20], sources: [act] }
    criteria:
      - id: a
        test: { any: [ { fact: age, op: lt, value: 30 }, { all: [ { fact: sex, op: eq, value: female }, { not: { fact: age, op: gt, value: 65 } } ] } ] }
        sources: [act]
        reason: { pass: "ok", fail: "no" }
      - id: b
        when: { fact: worker_type, op: not_in, value: [employee] }
        test: { fact: monthly_income, op: lte, param: ceiling }
        sources: [act]
        reason: { pass: "{value} <= {ceiling}", fail: "{value} > {threshold}", not_applicable: "n/a" }
      - id: c
        test: { fact: covered_by, op: includes_any, value: [civil_pension, mixed] }
        sources: [act]
        reason: { pass: covered, fail: not covered, unknown: tell us }
      - id: d
        when: { fact: is_pregnant, op: eq, value: true }
        office: { en: The office checks the pregnancy card., sw: Ofisi itaangalia kadi. }
        sources: [act]
        reason: { pass: p, fail: f }
      - id: e
        test: { fact: age, op: in, param: ages }
        reason: { pass: "in {ages}", fail: "{value} not in {ages}" }
      - id: f
        office: { en: The office scores the household., sw: Ofisi itakadiria kaya. }
        test: { any: [ { fact: in_poverty_registry, op: eq, value: true }, { fact: household_monthly_income, op: lte, param: ceiling } ] }
        sources: [act]
        reason: { pass: poor, fail: "above the line" }
      - id: g
        when: { fact: sex, op: eq, value: female }
        office: { en: The office checks her papers. }
        test: { fact: has_national_id, op: eq, value: true }
        sources: [act]
        reason: { pass: "{value}", fail: "no id: {value}" }
  - effective_from: 2022-03-01
    effective_to: 2030-12-31
    sources: [act]
    parameters:
      ceiling: { value: 25000, sources: [act] }
`,
  ),
});

const arbDate = fc.date({ min: new Date("2014-01-01"), max: new Date("2031-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

const packs: [string, Pack][] = [...Object.entries(PACKS), ["synthetic", synthetic]];

describe.each(packs)("compiled engine agrees with the reference evaluator: %s", (_name, pack) => {
  const engine = compilePack(pack);
  it("on thousands of random profiles, dates and languages", () => {
    fc.assert(
      fc.property(arbFacts(pack), arbDate, fc.constantFrom("en", ...pack.country.languages, "xx"), (raw, date, lang) => {
        const checked = checkFacts(pack, raw, date);
        fc.pre(checked.ok);
        const facts = (checked as { facts: Facts }).facts;
        expect(engine.evaluate(facts, { date, lang })).toEqual(referenceEvaluate(pack, facts, { date, lang }));
      }),
      { numRuns: 3000 },
    );
  });
});

describe.each(packs)("bulk mode agrees with evaluate: %s", (_name, pack) => {
  const engine = compilePack(pack);
  it("on thousands of random profiles and dates: the same statuses, failed and unknown criteria", () => {
    // One result reused across members, as a bulk run does (a new one only when the schemes in force change).
    let out: BulkResult | undefined;
    fc.assert(
      fc.property(arbFacts(pack), arbDate, (raw, date) => {
        const checked = checkFacts(pack, raw, date);
        fc.pre(checked.ok);
        const facts = (checked as { facts: Facts }).facts;
        const full = engine.evaluate(facts, { date });
        const schemes = engine.bulkSchemes(date);
        const before = out;
        out = engine.evaluateBulk(facts, date, out);
        if (before && before.status.length === schemes.length) expect(out).toBe(before);
        expect(schemes.map((s) => [s.scheme, s.category, s.rule_version, s.hash])).toEqual(full.results.map((r) => [r.scheme, r.category, r.rule_version, r.version_hash]));
        expect(out.status.length).toBe(full.results.length);
        full.results.forEach((r, k) => {
          expect(schemes[k]!.criteria).toEqual(r.criteria.map((c) => c.id));
          expect(STATUSES[out!.status[k]!]).toBe(r.status);
          expect(maskIds(out!.failed[k]!, schemes[k]!.criteria)).toEqual(r.criteria.filter((c) => c.outcome === "failed").map((c) => c.id));
          expect(maskIds(out!.unknown[k]!, schemes[k]!.criteria)).toEqual(r.criteria.filter((c) => c.outcome === "unknown").map((c) => c.id));
        });
      }),
      { numRuns: 2000 },
    );
  });
});
