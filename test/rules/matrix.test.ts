import { describe, expect, it } from "vitest";
import { matrixCsv, policyMatrix } from "../../src/rules/matrix";
import { packOf, scheme } from "../helpers/pack";

const pack = packOf({
  savings: scheme(
    "savings",
    `  - effective_from: 2020-01-01
    sources: [act]
    subsidy: { kind: partial, sources: [act] }
    parameters:
      max_age: { value: 40, sources: [act], unconfirmed: true }
      ceiling: { value: 15000, sources: [act] }
    criteria:
      - id: ages
        test: { all: [ { fact: age, op: gte, value: 18 }, { fact: age, op: lte, param: max_age } ] }
        sources: [act]
        reason: { pass: ok, fail: no }
      - id: income
        test: { fact: monthly_income, op: lte, param: ceiling }
        reason: { pass: ok, fail: no }
      - id: own_account
        test: { fact: worker_type, op: eq, value: self_employed }
        sources: [act]
        reason: { pass: ok, fail: "The fund is for people who work for themselves." }
`,
  ),
  homework: scheme(
    "homework",
    `  - effective_from: 2020-01-01
    sources: [act]
    criteria:
      - id: contractor
        test: { fact: worker_type, op: eq, value: homeworker }
        sources: [act]
        reason: { pass: ok, fail: "The Act protects homeworkers paid by a contractor, not people selling their own goods." }
`,
  ).replace("category: pension", "category: labour_protection"),
});

describe("policy matrix", () => {
  const rows = policyMatrix([pack], "2025-01-01");
  const row = (scheme: string) => rows.find((r) => r.scheme === scheme)!;

  it("derives who can join, ages, ceilings, subsidy and source from the rules", () => {
    expect(row("savings")).toMatchObject({
      country: "zz",
      category: "pension",
      self_employed: "yes",
      homeworker: "no",
      homeworker_reason: "The fund is for people who work for themselves.",
      min_entry_age: 18,
      max_entry_age: 40,
      income_ceiling: 15000,
      currency: "KES",
      subsidy: "partial",
      unconfirmed: true,
      source_tier: "law",
      rule_version: "zz/savings@2020-01-01",
    });
  });

  it("shows the legal split between self-employed workers and homeworkers", () => {
    expect(row("homework")).toMatchObject({
      self_employed: "no",
      homeworker: "yes",
      self_employed_reason: "The Act protects homeworkers paid by a contractor, not people selling their own goods.",
      subsidy: "unknown",
    });
  });

  it("lists categories with no scheme as gaps", () => {
    const gaps = rows.filter((r) => r.scheme === "").map((r) => r.category);
    expect(gaps).toEqual(["health_insurance", "maternity", "accident", "informal_worker", "cash_transfer", "life_insurance"]);
  });

  it("only lists schemes in force on the date", () => {
    expect(policyMatrix([pack], "2019-12-31").filter((r) => r.scheme)).toEqual([]);
  });

  it("writes CSV with snake_case headers, quoting what needs it", () => {
    const csv = matrixCsv(rows);
    const [header, ...lines] = csv.trimEnd().split("\r\n");
    expect(header).toBe(
      "country,category,scheme,name,rule_version,self_employed,homeworker,self_employed_reason,homeworker_reason,min_entry_age,max_entry_age,income_ceiling,currency,subsidy,unconfirmed,source_title,source_url,source_tier",
    );
    expect(lines).toHaveLength(rows.length);
    expect(csv).toContain('"The Act protects homeworkers paid by a contractor, not people selling their own goods."');
  });
});
