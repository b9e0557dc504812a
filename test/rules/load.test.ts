/** A broken rule file fails with the file, the line, the path inside it and the reason; it never loads. */
import { describe, expect, it } from "vitest";
import { officeProxyGaps } from "../../src/rules/vectors";
import { ADULTS_ONLY, COUNTRY_YAML, errorsOf, loadFiles, scheme } from "../helpers/pack";

const VECTORS = "- { name: v, date: 2025-01-01, facts: {}, expect: { s: needs_info } }\n";

function schemeErrors(versions: string, extra = "") {
  return errorsOf({ "country.yaml": COUNTRY_YAML, "schemes/s.yaml": scheme("s", versions, extra), "schemes/s.test.yaml": VECTORS });
}

const ok = ADULTS_ONLY;

describe("rule files", () => {
  it("loads a valid scheme", () => {
    expect(schemeErrors(ok)).toEqual([]);
  });

  it("names file, line, path and reason for an unknown operator", () => {
    expect(schemeErrors(ok.replace("op: gte", "op: gte_"))).toEqual([
      'rules/zz/schemes/s.yaml:15: versions[0].criteria[0].test: op: unknown operator "gte_"; use one of eq, ne, lt, lte, gt, gte, in, not_in, includes_any, includes_none',
    ]);
  });

  it("rejects an unknown fact", () => {
    expect(schemeErrors(ok.replace("fact: age", "fact: agee"))).toEqual([
      'rules/zz/schemes/s.yaml:15: versions[0].criteria[0].test.fact: unknown fact "agee"',
    ]);
  });

  it("rejects a threshold without a source", () => {
    expect(schemeErrors(ok.replace("        sources: [act]\n        reason", "        reason"))[0]).toMatch(
      /s\.yaml:\d+: versions\[0\]\.criteria\[0\]\.sources: cite the source of this rule/,
    );
  });

  it("rejects a citation of a source the file does not list", () => {
    expect(schemeErrors(ok.replace("        sources: [act]\n        reason", "        sources: [gazette]\n        reason"))).toEqual([
      'rules/zz/schemes/s.yaml:16: versions[0].criteria[0].sources[0]: cites source "gazette", which is not in this file\'s sources:',
    ]);
  });

  it("rejects a parameter that does not exist, and one without sources", () => {
    const errs = schemeErrors(ok.replace("value: 18 }", "param: min_age }"));
    expect(errs).toEqual(['rules/zz/schemes/s.yaml:15: versions[0].criteria[0].test.param: no parameter "min_age" in this version\'s parameters:']);
    const noSource = schemeErrors(ok.replace("    criteria:", "    parameters:\n      min_age: { value: 18, sources: [] }\n    criteria:"));
    expect(noSource[0]).toContain("versions[0].parameters.min_age.sources: every parameter cites at least one source");
  });

  it("rejects a value of the wrong type or outside an enum", () => {
    expect(schemeErrors(ok.replace("fact: age, op: gte, value: 18", "fact: age, op: gte, value: eighteen"))[0]).toContain(
      'age is a integer; "eighteen" is not',
    );
    expect(schemeErrors(ok.replace("fact: age, op: gte, value: 18", "fact: worker_type, op: eq, value: tailor"))[0]).toContain(
      '"tailor" is not a value of worker_type',
    );
    expect(schemeErrors(ok.replace("fact: age, op: gte, value: 18", "fact: covered_by, op: includes_none, value: [nhif]"))[0]).toContain(
      '"nhif" is not a value of covered_by (s, civil_pension)',
    );
  });

  it("rejects versions out of order or overlapping", () => {
    const two = `${ok}  - effective_from: 2019-01-01\n    sources: [act]\n`;
    expect(schemeErrors(two)[0]).toContain("versions[1].effective_from: 2019-01-01 must be later than the version before it (2020-01-01)");
    const overlap = ok.replace("    sources: [act]\n    criteria", "    effective_to: 2022-12-31\n    sources: [act]\n    criteria") + "  - effective_from: 2022-06-01\n    sources: [act]\n";
    expect(schemeErrors(overlap)[0]).toContain("versions[1].effective_from: overlaps the version before it, which runs to 2022-12-31");
  });

  it("rejects an impossible date", () => {
    expect(schemeErrors(ok.replace("effective_from: 2020-01-01", 'effective_from: "2020-02-30"'))[0]).toContain(
      'versions[0].effective_from: "2020-02-30" is not a real date',
    );
  });

  it("rejects an unknown placeholder in a reason", () => {
    expect(schemeErrors(ok.replace("fail: Too young.", 'fail: "Under {min_ag}."'))[0]).toContain(
      "{min_ag} is not {value}, {threshold} or a parameter of this version",
    );
  });

  it("allows {value} only where there is one value to show", () => {
    const combined = ok.replace("test: { fact: age, op: gte, value: 18 }", "test: { all: [ { fact: age, op: gte, value: 18 }, { fact: sex, op: eq, value: female } ] }").replace("fail: Too young.", 'fail: "You are {value}."');
    expect(schemeErrors(combined)[0]).toContain("{value} can only be used when the test is a single comparison");
  });

  it("checks placeholders in office texts too", () => {
    const office = ok.replace("test: { fact: age, op: gte, value: 18 }", 'office: "The office sets {rate}."');
    expect(schemeErrors(office)[0]).toContain("versions[0].criteria[0].office.en: {rate} is not {value}, {threshold} or a parameter");
  });

  it("lists an office criterion with neither a proxy test nor a reason why none exists", () => {
    const officeOnly = ok.replace("test: { fact: age, op: gte, value: 18 }", 'office: "The office checks your poverty score."');
    const r = loadFiles({ "country.yaml": COUNTRY_YAML, "schemes/s.yaml": scheme("s", officeOnly), "schemes/s.test.yaml": VECTORS });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const gaps = officeProxyGaps({ ...r.value.pack, hash: "t" }, r.value.vectors);
    expect(gaps.map((g) => g.message)).toEqual([expect.stringContaining("zz/s@2020-01-01 office criterion adult has no test: her answers could fail")]);
    const explained = officeOnly.replace("office: ", 'no_proxy: "The sources give no income line; the office scores the household."\n        office: ');
    const r2 = loadFiles({ "country.yaml": COUNTRY_YAML, "schemes/s.yaml": scheme("s", explained), "schemes/s.test.yaml": VECTORS });
    expect(r2.ok && officeProxyGaps({ ...r2.value.pack, hash: "t" }, r2.value.vectors)).toEqual([]);
    const proxied = ok.replace("test: { fact: age", 'office: "The office checks your age papers."\n        test: { fact: age');
    expect(schemeErrors(proxied)).toEqual([]);
    expect(schemeErrors(proxied.replace("office: ", 'no_proxy: "There is no proxy at all here."\n        office: '))[0]).toContain("no_proxy: is for an office: criterion without a test:");
  });

  it("rejects unknown fields and missing English", () => {
    expect(schemeErrors(ok, "colour: red\n")[0]).toMatch(/s\.yaml:\d+: unknown field colour/);
    expect(schemeErrors(ok.replace("pass: Adult.", "pass: { sw: Mtu mzima. }"))[0]).toContain(
      "versions[0].criteria[0].reason.pass: needs an English text (en:), which is the fallback",
    );
  });

  it("reports YAML syntax errors with their line", () => {
    const errs = schemeErrors(ok.replace("reason: { pass: Adult., fail: Too young. }", "reason: { pass: Adult., fail: Too young."));
    expect(errs[0]).toMatch(/^rules\/zz\/schemes\/s\.yaml:\d+: not valid YAML/);
  });

  it("requires test vectors for every scheme, and a file name matching the id", () => {
    const noVectors = errorsOf({ "country.yaml": COUNTRY_YAML, "schemes/s.yaml": scheme("s", ok) });
    expect(noVectors).toEqual(['rules/zz/schemes/s.test.yaml: missing: scheme "s" has no test vectors']);
    const misnamed = errorsOf({ "country.yaml": COUNTRY_YAML, "schemes/t.yaml": scheme("s", ok), "schemes/s.test.yaml": VECTORS });
    expect(misnamed[0]).toContain("rules/zz/schemes/t.yaml:1: id: is \"s\" but the file is named t.yaml");
  });

  it("rejects a country file whose code is not its folder's", () => {
    const r = loadFiles({ "country.yaml": COUNTRY_YAML.replace("code: zz", "code: ke") });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ file: "rules/zz/country.yaml", at: "code", message: 'is "ke" but the folder is "zz"' });
  });

  it("inherits what a later version does not restate, and ends the earlier version the day before", () => {
    const r = loadFiles({
      "country.yaml": COUNTRY_YAML,
      "schemes/s.yaml": scheme("s", `${ok}  - effective_from: 2024-07-01\n    sources: [act]\n`, "documents: [ID card]\n"),
      "schemes/s.test.yaml": VECTORS,
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const [v1, v2] = r.value.pack.schemes[0]!.versions;
    expect(v1!.effective_to).toBe("2024-06-30");
    expect(v2!.criteria).toEqual(v1!.criteria);
    expect(v2!.documents).toEqual([{ en: "ID card" }]);
    expect(v2!.rule_version).toBe("zz/s@2024-07-01");
  });
});
