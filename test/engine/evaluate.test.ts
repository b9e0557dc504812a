import { describe, expect, it } from "vitest";
import { compilePack, referenceEvaluate } from "../../src/engine";
import type { Facts, Pack } from "../../src/engine/types";
import { ADULTS_ONLY, packOf, scheme } from "../helpers/pack";

const pension = scheme(
  "pension",
  `  - effective_from: 2020-01-01
    sources: [act]
    parameters:
      min_age: { value: 18, sources: [act] }
      max_age: { value: 60, sources: [act] }
    criteria:
      - id: old_enough
        test: { fact: age, op: gte, param: min_age }
        reason:
          pass: { en: "You are {value}.", sw: "Una miaka {value}." }
          fail: { en: "You are {value}; members must be at least {min_age}.", sw: "Una miaka {value}; wanachama lazima wawe na miaka {min_age}." }
      - id: young_enough
        test: { fact: age, op: lte, param: max_age }
        reason: { pass: "Under {threshold}.", fail: "You are {value}; new members must be {max_age} or younger." }
      - id: informal
        test: { fact: worker_type, op: in, value: [self_employed, homeworker] }
        sources: [act]
        reason: { pass: You work for yourself or per piece., fail: The scheme is for informal workers. }
      - id: not_covered
        test: { fact: covered_by, op: includes_none, value: [civil_pension] }
        sources: [act]
        reason: { pass: No other pension., fail: You already have a civil service pension. }
  - effective_from: 2024-07-01
    sources: [act]
    parameters:
      max_age: { value: 50, sources: [act] }
`,
);

const health = scheme(
  "health",
  `  - effective_from: 2021-01-01
    effective_to: 2024-12-31
    sources: [act]
    parameters:
      income_ceiling: { value: 20000, sources: [act], unconfirmed: true }
    criteria:
      - id: resident
        test: { fact: residency_status, op: ne, value: other }
        sources: [act]
        reason: { pass: You live here., fail: Only residents can join. }
      - id: means_test
        when: { fact: in_poverty_registry, op: eq, value: false }
        office: { en: The office assesses your household income., sw: Ofisi itakadiria mapato ya kaya yako. }
        sources: [act]
        reason: { pass: Assessed., fail: Not assessed., not_applicable: The government pays for households in the registry. }
      - id: income
        test: { fact: monthly_income, op: lte, param: income_ceiling }
        reason: { pass: "Your income is at most {income_ceiling}.", fail: "Your income {value} is above {income_ceiling}." }
`,
);

const either = scheme(
  "either",
  `  - effective_from: 2020-01-01
    sources: [act]
    criteria:
      - id: woman_or_disabled
        test:
          any:
            - { fact: sex, op: eq, value: female }
            - all:
                - { fact: has_disability, op: eq, value: true }
                - not: { fact: region, op: eq, value: south }
        sources: [act]
        reason: { pass: Yes., fail: No. }
`,
);

const regional = scheme(
  "regional",
  `  - effective_from: 2020-01-01
    sources: [act]
    criteria:
      - id: north
        test: { fact: region, op: eq, value: north }
        sources: [act]
        reason: { pass: You live in the north., fail: Only for the north. }
`,
);

const means = scheme(
  "means",
  `  - effective_from: 2020-01-01
    sources: [act]
    parameters:
      income_line: { value: 20000, sources: [act] }
    criteria:
      - id: poverty_score
        office: { en: "The office checks your household's poverty score." }
        test:
          all:
            - { fact: in_poverty_registry, op: eq, value: true }
            - { fact: monthly_income, op: lte, param: income_line }
        sources: [act]
        reason: { pass: Poor enough., fail: Your household is above the poverty line for this programme. }
`,
);

const pack: Pack = packOf({ pension, health, either, regional });
const engine = compilePack(pack);

function run(facts: Facts, date = "2024-06-01", lang = "en") {
  const fast = engine.evaluate(facts, { date, lang });
  // Every assertion here holds for the reference evaluator too.
  expect(referenceEvaluate(pack, facts, { date, lang })).toEqual(fast);
  return fast;
}
const result = (e: ReturnType<typeof run>, id: string) => e.results.find((r) => r.scheme === id)!;

const meansPack: Pack = packOf({ means });
const meansEngine = compilePack(meansPack);
/** The "means" scheme alone: an office criterion with a sourced proxy test. */
function runMeans(facts: Facts, date = "2024-06-01") {
  const fast = meansEngine.evaluate(facts, { date });
  expect(referenceEvaluate(meansPack, facts, { date })).toEqual(fast);
  return fast;
}

describe("statuses", () => {
  it("is eligible when every criterion passes", () => {
    const e = run({ age: 40, worker_type: "homeworker", covered_by: [] });
    expect(result(e, "pension").status).toBe("eligible");
    expect(result(e, "pension").missing).toEqual([]);
  });

  it("is not eligible when one criterion fails, whatever else is unknown", () => {
    const r = result(run({ age: 65 }), "pension");
    expect(r.status).toBe("not_eligible");
    expect(r.missing).toEqual([]);
    expect(r.criteria[1]).toMatchObject({ id: "young_enough", outcome: "failed", value: 65, threshold: 60 });
    expect(r.criteria[1]!.reason).toBe("You are 65; new members must be 60 or younger.");
  });

  it("needs info, in question order, when missing facts could change the answer", () => {
    const r = result(run({ age: 30 }), "pension");
    expect(r.status).toBe("needs_info");
    expect(r.missing).toEqual(["worker_type", "covered_by"]);
    expect(r.criteria[2]).toMatchObject({ outcome: "unknown", value: null });
  });

  it("is likely eligible when an office must judge (means test), and says what the office assesses", () => {
    const r = result(run({ residency_status: "citizen", in_poverty_registry: false, monthly_income: 100 }), "health");
    expect(r.status).toBe("likely_eligible");
    const means = r.criteria.find((c) => c.id === "means_test")!;
    expect(means).toMatchObject({ outcome: "unknown", check_with_office: true });
    expect(means.reason).toBe("The office assesses your household income.");
  });

  it("skips a criterion whose condition does not hold", () => {
    const r = result(run({ residency_status: "citizen", in_poverty_registry: true, monthly_income: 100 }), "health");
    const means = r.criteria.find((c) => c.id === "means_test")!;
    expect(means).toMatchObject({ outcome: "passed", check_with_office: false });
    expect(means.reason).toBe("The government pays for households in the registry.");
  });

  it("asks for the condition's fact when it is unknown", () => {
    const r = result(run({ residency_status: "citizen", monthly_income: 100 }), "health");
    expect(r.status).toBe("needs_info");
    expect(r.missing).toEqual(["in_poverty_registry"]);
  });

  it("never gives a confident answer on an unconfirmed threshold, and never a soft yes when she fails it", () => {
    const above = result(run({ residency_status: "citizen", in_poverty_registry: true, monthly_income: 50000 }), "health");
    expect(above.status).toBe("likely_not_eligible");
    const income = above.criteria.find((c) => c.id === "income")!;
    expect(income).toMatchObject({ outcome: "failed", unconfirmed: true, check_with_office: true });
    expect(income.reason).toBe("Check with the office: this rule is not yet confirmed. Your income 50000 is above 20000.");
    const below = result(run({ residency_status: "citizen", in_poverty_registry: true, monthly_income: 10 }), "health");
    expect(below.status).toBe("likely_eligible");
  });

  it("a settled failure outweighs an unsettled one", () => {
    const r = result(run({ residency_status: "other", in_poverty_registry: true, monthly_income: 50000 }), "health");
    expect(r.status).toBe("not_eligible");
  });

  it("an office criterion fails when her answers contradict its sourced proxy, and stays the office's when they do not", () => {
    const poor = result(runMeans({ in_poverty_registry: true, monthly_income: 3000 }), "means");
    expect(poor.status).toBe("likely_eligible");
    expect(poor.missing).toEqual([]);
    expect(poor.criteria[0]).toMatchObject({ id: "poverty_score", outcome: "unknown", check_with_office: true });
    expect(poor.criteria[0]!.reason).toBe("The office checks your household's poverty score.");
    const rich = result(runMeans({ in_poverty_registry: true, monthly_income: 300000 }), "means");
    expect(rich.status).toBe("not_eligible");
    expect(rich.criteria[0]).toMatchObject({ outcome: "failed", check_with_office: false });
    expect(rich.criteria[0]!.reason).toBe("Your household is above the poverty line for this programme.");
    const notListed = result(runMeans({ in_poverty_registry: false, monthly_income: 3000 }), "means");
    expect(notListed.status).toBe("not_eligible");
  });

  it("asks the proxy's facts before leaving it to the office", () => {
    const r = result(runMeans({}), "means");
    expect(r).toMatchObject({ status: "needs_info", missing: ["monthly_income", "in_poverty_registry"] });
    // Declined answers are not asked again, and are never read as a yes.
    const declined = runMeans({ monthly_income: null, in_poverty_registry: null });
    expect(result(declined, "means")).toMatchObject({ status: "needs_info", missing: ["monthly_income", "in_poverty_registry"] });
    expect(declined.next_question).toBeNull();
  });

  it("uses three-valued logic in any/all/not", () => {
    expect(result(run({ sex: "female" }), "either").status).toBe("eligible");
    expect(result(run({ sex: "male" }), "either")).toMatchObject({ status: "needs_info", missing: ["has_disability", "region"] });
    expect(result(run({ sex: "male", has_disability: false }), "either").status).toBe("not_eligible");
    expect(result(run({ sex: "male", has_disability: true, region: "north" }), "either").status).toBe("eligible");
    expect(result(run({ sex: "male", has_disability: true, region: "south" }), "either").status).toBe("not_eligible");
  });
});

describe("dates and versions", () => {
  it("applies the version in force on the date, and names it", () => {
    const facts = { age: 55, worker_type: "self_employed", covered_by: [] } as Facts;
    expect(result(run(facts, "2024-06-30"), "pension")).toMatchObject({ status: "eligible", rule_version: "zz/pension@2020-01-01" });
    expect(result(run(facts, "2024-07-01"), "pension")).toMatchObject({ status: "not_eligible", rule_version: "zz/pension@2024-07-01" });
  });

  it("leaves out schemes not in force", () => {
    expect(run({}, "2020-12-31").results.map((r) => r.scheme)).toEqual(["either", "pension", "regional"]);
    expect(run({}, "2024-12-31").results.map((r) => r.scheme)).toEqual(["either", "health", "pension", "regional"]);
    expect(run({}, "2025-01-01").results.map((r) => r.scheme)).toEqual(["either", "pension", "regional"]);
    expect(run({}, "2019-12-31").results).toEqual([]);
  });

  it("computes age from birth_date on the evaluation date, to the day", () => {
    const base = { worker_type: "self_employed", covered_by: [] } as Facts;
    expect(result(run({ ...base, birth_date: "2006-06-01" }, "2024-06-01"), "pension").status).toBe("eligible");
    const r = result(run({ ...base, birth_date: "2006-06-02" }, "2024-06-01"), "pension");
    expect(r.status).toBe("not_eligible");
    expect(r.criteria[0]!.value).toBe(17);
  });
});

describe("language", () => {
  it("gives reasons in the requested language and falls back to English text by text", () => {
    const e = run({ age: 10 }, "2024-06-01", "sw");
    expect(e.lang).toBe("sw");
    const r = result(e, "pension");
    expect(r.criteria[0]!.reason).toBe("Una miaka 10; wanachama lazima wawe na miaka 18.");
    expect(r.criteria[1]!.reason).toBe("Under 60.");
  });

  it("answers in English for a language the country lacks", () => {
    expect(run({ age: 10 }, "2024-06-01", "th").lang).toBe("en");
  });
});

describe("next question", () => {
  it("asks a checklist (which schemes she already has) after every other question, even when more schemes need it", () => {
    const excl = (id: string) =>
      scheme(id, `  - effective_from: 2020-01-01
    sources: [act]
    criteria:
      - id: not_covered
        test: { fact: covered_by, op: includes_none, value: [civil_pension] }
        sources: [act]
        reason: { pass: ok, fail: no }
`);
    const p = packOf({ a: excl("a"), b: excl("b"), c: scheme("c", ADULTS_ONLY) });
    const e = compilePack(p);
    expect(e.evaluate({}, { date: "2024-06-01" }).next_question).toEqual({ fact: "age", schemes: ["c"] });
    expect(referenceEvaluate(p, {}, { date: "2024-06-01" }).next_question).toEqual({ fact: "age", schemes: ["c"] });
    expect(e.evaluate({ age: 30 }, { date: "2024-06-01" }).next_question).toEqual({ fact: "covered_by", schemes: ["a", "b"] });
  });

  it("asks first what settles the most open schemes", () => {
    // region is missing for `either` only; worker_type for pension only; age is known.
    const e = run({ age: 30, sex: "male", has_disability: true, covered_by: [], region: "north" });
    expect(e.next_question).toEqual({ fact: "worker_type", schemes: ["pension"] });
  });

  it("prefers the fact shared by more open schemes over one asked earlier", () => {
    // age settles pension only; region is open for both `either` and `regional`.
    const e = run({ sex: "male", has_disability: true });
    expect(e.next_question).toEqual({ fact: "region", schemes: ["either", "regional"] });
  });

  it("breaks ties by question order", () => {
    // With region known, every open fact settles one scheme: age comes first in the vocabulary.
    expect(run({ region: "north" }).next_question?.fact).toBe("age");
  });

  it("does not ask again what the member declined to answer", () => {
    const e = run({ age: null, birth_date: null, sex: null, region: "north", residency_status: "citizen", in_poverty_registry: false, monthly_income: 5 });
    expect(e.next_question?.fact).toBe("worker_type");
    expect(result(e, "pension").missing).toContain("age");
  });

  it("is null when nothing is left to ask", () => {
    expect(run({ age: 70, sex: "female", residency_status: "other", region: "south" }).next_question).toBeNull();
  });

  it("asks last what a text for some members asks for, for schemes she can join, never changing their status", () => {
    // A benefit for pregnant members only: nothing else needs the answer.
    const p = packOf({
      s: scheme("s", ADULTS_ONLY, "\nbenefits:\n  - { text: Care in pregnancy., when: { fact: is_pregnant, op: eq, value: true }, ask: true }\n"),
    });
    const both = (facts: Facts) => {
      const fast = compilePack(p).evaluate(facts, { date: "2024-06-01" });
      expect(referenceEvaluate(p, facts, { date: "2024-06-01" }).next_question).toEqual(fast.next_question);
      return fast;
    };
    expect(both({}).next_question).toEqual({ fact: "age", schemes: ["s"] });
    const adult = both({ age: 30 });
    expect(adult.results[0]!.status).toBe("eligible");
    expect(adult.next_question).toEqual({ fact: "is_pregnant", schemes: ["s"] });
    expect(both({ age: 30, is_pregnant: false }).next_question).toBeNull();
    // Not asked again once declined, nor for a scheme she cannot join.
    expect(both({ age: 30, is_pregnant: null }).next_question).toBeNull();
    expect(both({ age: 12 }).next_question).toBeNull();
  });

  it("does not ask for a text's fact unless the text says ask: true", () => {
    const p = packOf({
      s: scheme("s", ADULTS_ONLY, "\nbenefits:\n  - { text: Care in pregnancy., when: { fact: is_pregnant, op: eq, value: true } }\n"),
    });
    expect(compilePack(p).evaluate({ age: 30 }, { date: "2024-06-01" }).next_question).toBeNull();
    expect(referenceEvaluate(p, { age: 30 }, { date: "2024-06-01" }).next_question).toBeNull();
  });
});

it("returns the pack's content hash as the rules version, and each version's hash with its result", () => {
  const e = run({}, "2025-01-01");
  expect(e.rules_version).toBe(pack.hash);
  expect(result(e, "pension")).toMatchObject({ rule_version: "zz/pension@2024-07-01", version_hash: "h:zz/pension@2024-07-01" });
});
