/** Member-facing content joined to results: what she pays at her age, and nothing meant for other members. */
import { describe, expect, it } from "vitest";
import { compilePack } from "../../src/engine";
import { presentResults } from "../../src/present/content";
import { PACKS } from "../../src/rules/generated/index";
import { errorsOf, COUNTRY_YAML, scheme, ADULTS_ONLY } from "../helpers/pack";

const india = PACKS.in!;
const engine = compilePack(india);
const pmSym = (facts: Record<string, unknown>) => {
  const evaluation = engine.evaluate(facts as never, { date: "2025-06-01", lang: "en" });
  return presentResults(india, evaluation, facts as never).find((r) => r.scheme === "pm_sym")!.contributions.map((c) => c.text);
};

describe("contributions for her", () => {
  it("shows what she pays at her age, from the age-wise chart, and only that line of it", () => {
    const at29 = pmSym({ age: 29 });
    expect(at29).toContain("At your age (29) you pay Rs 100 a month until you are 60, and the government adds Rs 100.");
    expect(at29.filter((t) => t.startsWith("At your age"))).toHaveLength(1);
    expect(pmSym({ age: 38 })).toContain("At your age (38) you pay Rs 180 a month until you are 60, and the government adds Rs 180.");
  });

  it("shows only the general lines when her age is not known", () => {
    expect(pmSym({}).some((t) => t.startsWith("At your age"))).toBe(false);
    expect(pmSym({}).length).toBeGreaterThan(0);
  });

  it("refuses a contribution whose condition reads an unknown fact", () => {
    const bad = ADULTS_ONLY.replace("    criteria:", "    contributions:\n      - { amount: 5, period: month, text: x, when: { fact: shoe_size, op: eq, value: 1 } }\n    criteria:");
    const errs = errorsOf({ "country.yaml": COUNTRY_YAML, "schemes/s.yaml": scheme("s", bad), "schemes/s.test.yaml": "- { name: v, date: 2025-01-01, facts: {}, expect: { s: needs_info } }\n" });
    expect(errs.join("\n")).toContain('contributions[0].when.fact: unknown fact "shoe_size"');
  });
});
