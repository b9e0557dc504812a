/**
 * What-if overrides (src/engine/override.ts): each kind of change on the real packs, evaluated with the compiled
 * engine; the input pack never changed; worker-type widening inside all / any / not trees; every error.
 */
import { describe, expect, it } from "vitest";
import { applyChange, changeableParts, compilePack, WHATIF_SUFFIX } from "../../src/engine";
import type { ChangeResult, Facts, Pack, RuleChange, SchemeResult } from "../../src/engine";
import { WORKER_TYPES } from "../../src/engine/vocabulary";
import { PACKS } from "../../src/rules/generated/index";
import { packOf, scheme } from "../helpers/pack";

const ke = PACKS.ke!;

function applied(r: ChangeResult): Pack {
  if (!r.ok) throw new Error(`expected the change to apply: ${JSON.stringify(r.error)}`);
  return r.pack;
}

function resultOf(pack: Pack, facts: Facts, date: string, id: string): SchemeResult {
  return compilePack(pack).evaluate(facts, { date }).results.find((r) => r.scheme === id)!;
}

function deepFreeze<T>(x: T): T {
  if (x && typeof x === "object" && !Object.isFrozen(x)) {
    Object.freeze(x);
    for (const v of Object.values(x)) deepFreeze(v);
  }
  return x;
}

describe("drop_criterion", () => {
  // Until 30 October 2024 Haba Haba required a Kenyan national ID (criterion kenyan_id: a citizen).
  const date = "2024-01-01";
  const refugee = { age: 30, residency_status: "refugee" };

  it("admits a member who fails only the dropped criterion", () => {
    const before = resultOf(ke, refugee, date, "nssf_haba_haba");
    expect(before.status).toBe("not_eligible");
    expect(before.criteria.filter((c) => c.outcome === "failed").map((c) => c.id)).toEqual(["kenyan_id"]);

    const pack = applied(applyChange(ke, { kind: "drop_criterion", scheme: "nssf_haba_haba", criterion: "kenyan_id" }, date));
    const after = resultOf(pack, refugee, date, "nssf_haba_haba");
    // The age rule of the pilot years is unconfirmed: "likely", never a plain yes.
    expect(after.status).toBe("likely_eligible");
    expect(after.criteria.map((c) => c.id)).toEqual(["adult"]);
    expect(after.rule_version).toBe(before.rule_version);
    expect(after.version_hash).toBe(before.version_hash + WHATIF_SUFFIX);
  });

  it("changes only the version in force on the date, and marks the pack", () => {
    const pack = applied(applyChange(ke, { kind: "drop_criterion", scheme: "nssf_haba_haba", criterion: "kenyan_id" }, date));
    expect(pack.hash).toBe(ke.hash + WHATIF_SUFFIX);
    const [old, current] = pack.schemes.find((s) => s.id === "nssf_haba_haba")!.versions;
    expect(old!.criteria.map((c) => c.id)).toEqual(["adult"]);
    expect(current).toBe(ke.schemes.find((s) => s.id === "nssf_haba_haba")!.versions[1]);
    expect(pack.schemes.filter((s) => s.id !== "nssf_haba_haba")).toEqual(ke.schemes.filter((s) => s.id !== "nssf_haba_haba"));
    // A what-if of a what-if is not marked twice.
    const twice = applied(applyChange(pack, { kind: "drop_criterion", scheme: "nssf_haba_haba", criterion: "adult" }, date));
    expect(twice.hash).toBe(ke.hash + WHATIF_SUFFIX);
  });
});

describe("parameter", () => {
  // From 30 October 2024, anyone from 18 (min_age, confirmed).
  const date = "2025-06-01";
  const young = { age: 17, residency_status: "citizen" };
  const change: RuleChange = { kind: "parameter", scheme: "nssf_haba_haba", parameter: "min_age", value: 16 };

  it("sets the value, marked as proposed, with its sources, and members are judged by it", () => {
    const before = resultOf(ke, young, date, "nssf_haba_haba");
    expect(before.status).toBe("not_eligible");
    const pack = applied(applyChange(ke, change, date));
    const p = pack.schemes.find((s) => s.id === "nssf_haba_haba")!.versions[1]!.parameters.min_age!;
    expect(p).toEqual({ ...ke.schemes.find((s) => s.id === "nssf_haba_haba")!.versions[1]!.parameters.min_age, value: 16, proposed: true });
    const after = resultOf(pack, young, date, "nssf_haba_haba");
    expect(after.status).toBe("eligible");
    const adult = after.criteria.find((c) => c.id === "adult")!;
    expect(adult.threshold).toBe(16);
    expect(adult.reason).toContain("aged 16 and above");
    expect(resultOf(pack, { age: 15, residency_status: "citizen" }, date, "nssf_haba_haba").status).toBe("not_eligible");
  });

  it("takes a list for a list, checked against the values of the fact it is compared with", () => {
    // HSNP's counties (a list of regions).
    const counties = { kind: "parameter", scheme: "hsnp", parameter: "programme_counties" } as const;
    const pack = applied(applyChange(ke, { ...counties, value: ["turkana", "kisumu"] }, date));
    expect(resultOf(pack, { region: "kisumu" }, date, "hsnp").criteria.find((c) => c.id === "programme_county")!.outcome).toBe("passed");
    expect(resultOf(ke, { region: "kisumu" }, date, "hsnp").criteria.find((c) => c.id === "programme_county")!.outcome).toBe("failed");
    const bad = applyChange(ke, { ...counties, value: ["turkana", "atlantis"] }, date);
    expect(bad).toMatchObject({ ok: false, error: { field: "value", code: "unknown_value" } });
    expect(!bad.ok && bad.error.allowed).toContain("kisumu");
  });
});

describe("admit_worker_type", () => {
  const date = "2025-06-01";
  const employee = { age: 30, worker_type: "employee", residency_status: "citizen" };

  it("widens the criterion that refuses the worker type (NSSF voluntary: ne employee)", () => {
    const before = resultOf(ke, employee, date, "nssf_voluntary");
    expect(before.status).toBe("not_eligible");
    expect(before.criteria.find((c) => c.id === "no_employer")!.outcome).toBe("failed");
    const pack = applied(applyChange(ke, { kind: "admit_worker_type", scheme: "nssf_voluntary", worker_type: "employee" }, date));
    const after = resultOf(pack, employee, date, "nssf_voluntary");
    expect(after.status).toBe("eligible");
    expect(after.version_hash).toBe(before.version_hash + WHATIF_SUFFIX);
  });

  it("on every pack and scheme, admits the worker type and no other", () => {
    const others = { age: 40, residency_status: "citizen", monthly_income: 1000, covered_by: [], receives_pension: false, has_national_id: true };
    let checked = 0;
    for (const pack of Object.values(PACKS)) {
      const engine = compilePack(pack);
      for (const part of changeableParts(pack, date)) {
        for (const w of part.refuses) {
          const changed = compilePack(applied(applyChange(pack, { kind: "admit_worker_type", scheme: part.scheme, worker_type: w }, date)));
          for (const y of WORKER_TYPES) {
            const facts = { ...others, worker_type: y };
            const before = engine.evaluate(facts, { date }).results.find((r) => r.scheme === part.scheme)!;
            const after = changed.evaluate(facts, { date }).results.find((r) => r.scheme === part.scheme)!;
            if (y !== w) expect(after.status, `${part.rule_version}, admitting ${w}: ${y}`).toBe(before.status);
            else {
              const widened = part.criteria.filter((c) => c.reads_worker_type).map((c) => c.id);
              expect(after.criteria.filter((c) => widened.includes(c.id) && c.outcome === "failed")).toEqual([]);
            }
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  // Worker-type leaves inside all / any / not, one given as a parameter.
  const trees = packOf({
    trees: scheme(
      "trees",
      `  - effective_from: 2020-01-01
    sources: [act]
    parameters:
      kinds: { value: [homeworker], sources: [act] }
    criteria:
      - id: not_waged
        test: { not: { fact: worker_type, op: in, value: [employee, other] } }
        sources: [act]
        reason: { pass: ok, fail: no }
      - id: home_or_disabled
        test: { any: [ { fact: worker_type, op: eq, value: homeworker }, { fact: has_disability, op: eq, value: true } ] }
        sources: [act]
        reason: { pass: ok, fail: no }
      - id: adult_not_employee
        test: { all: [ { not: { fact: worker_type, op: eq, value: employee } }, { fact: age, op: gte, value: 18 } ] }
        sources: [act]
        reason: { pass: ok, fail: no }
      - id: kinds
        test: { fact: worker_type, op: in, param: kinds }
        sources: [act]
        reason: { pass: "{threshold}", fail: "not {threshold}" }
      - id: twice_negated
        test: { not: { not: { fact: worker_type, op: ne, value: self_employed } } }
        sources: [act]
        reason: { pass: ok, fail: no }
`,
    ),
  });
  const outcomes = (pack: Pack, facts: Facts) =>
    Object.fromEntries(compilePack(pack).evaluate(facts, { date }).results[0]!.criteria.map((c) => [c.id, c.outcome]));

  it("handles not (an in under a not loses the value), any, all and a parameter", () => {
    const emp = applied(applyChange(trees, { kind: "admit_worker_type", scheme: "trees", worker_type: "employee" }, date));
    expect(outcomes(emp, { worker_type: "employee", age: 20, has_disability: false })).toMatchObject({ not_waged: "passed", home_or_disabled: "passed", adult_not_employee: "passed", kinds: "passed" });
    // Still refused for what has nothing to do with the worker type, and "other" is still refused.
    expect(outcomes(emp, { worker_type: "employee", age: 15, has_disability: false })).toMatchObject({ adult_not_employee: "failed" });
    expect(outcomes(emp, { worker_type: "other", age: 20, has_disability: false })).toMatchObject({ not_waged: "failed", home_or_disabled: "failed", kinds: "failed" });
    const v = emp.schemes[0]!.versions[0]!;
    expect(v.criteria.find((c) => c.id === "not_waged")!.test).toEqual({ not: { fact: "worker_type", op: "in", value: ["other"] } });
    expect(v.criteria.find((c) => c.id === "adult_not_employee")!.test).toEqual({ all: [{ not: { fact: "worker_type", op: "in", value: [] } }, { fact: "age", op: "gte", value: 18 }] });
    // The parameter other criteria or texts may read is left alone; the leaf takes a literal.
    expect(v.criteria.find((c) => c.id === "kinds")!.test).toEqual({ fact: "worker_type", op: "in", value: ["homeworker", "employee"] });
    expect(v.parameters.kinds!.value).toEqual(["homeworker"]);
    expect(compilePack(emp).evaluate({ worker_type: "employee" }, { date }).results[0]!.criteria.find((c) => c.id === "kinds")!.reason).toBe("homeworker, employee");

    // Under two nots, a leaf is widened as if there were none.
    const self = applied(applyChange(trees, { kind: "admit_worker_type", scheme: "trees", worker_type: "self_employed" }, date));
    expect(self.schemes[0]!.versions[0]!.criteria.find((c) => c.id === "twice_negated")!.test).toEqual({ not: { not: { fact: "worker_type", op: "not_in", value: [] } } });
    expect(outcomes(self, { worker_type: "self_employed", age: 20, has_disability: false })).toMatchObject({ twice_negated: "passed", home_or_disabled: "passed", kinds: "passed" });
  });

  it("lists the worker types a scheme refuses", () => {
    expect(changeableParts(trees, date)[0]!.refuses).toEqual(["self_employed", "employee", "unpaid_family_worker", "other"]);
    const parts = changeableParts(ke, date);
    expect(parts.find((p) => p.scheme === "nssf_voluntary")!.refuses).toEqual(["employee"]);
    expect(parts.find((p) => p.scheme === "nssf_haba_haba")!.refuses).toEqual([]);
  });
});

describe("changeableParts", () => {
  it("gives each scheme in force its parameters, criteria and the facts they read", () => {
    const haba = changeableParts(ke, "2025-06-01").find((p) => p.scheme === "nssf_haba_haba")!;
    expect(haba.rule_version).toBe("ke/nssf_haba_haba@2024-10-30");
    expect(haba.parameters).toEqual([
      { name: "min_age", value: 18, unit: "years", unconfirmed: false, sources: ["ke16"], criteria: ["adult"] },
      { name: "min_daily_contribution", value: 25, unit: "KES", unconfirmed: true, sources: ["ke17", "ke69"], criteria: [] },
    ]);
    expect(haba.criteria).toEqual([
      { id: "adult", facts: ["age"], reads_worker_type: false },
      { id: "kenyan_or_refugee", facts: ["residency_status"], reads_worker_type: false },
    ]);
    expect(changeableParts(ke, "2025-06-01").map((p) => p.scheme)).toEqual(compilePack(ke).bulkSchemes("2025-06-01").map((s) => s.scheme));
  });
});

describe("the input pack", () => {
  it("is never changed, whatever the change", () => {
    const frozen = deepFreeze(structuredClone(ke));
    const copy = structuredClone(ke);
    const changes: [RuleChange, string][] = [
      [{ kind: "drop_criterion", scheme: "nssf_haba_haba", criterion: "kenyan_id" }, "2024-01-01"],
      [{ kind: "parameter", scheme: "nssf_haba_haba", parameter: "min_age", value: 16 }, "2025-06-01"],
      [{ kind: "parameter", scheme: "hsnp", parameter: "programme_counties", value: ["turkana"] }, "2025-06-01"],
      [{ kind: "admit_worker_type", scheme: "nssf_voluntary", worker_type: "employee" }, "2025-06-01"],
      [{ kind: "admit_worker_type", scheme: "ct_ovc", worker_type: "employee" }, "2025-06-01"],
    ];
    for (const [change, date] of changes) {
      // A frozen pack throws on any write (modules are strict): the change copies what it changes.
      expect(applyChange(frozen, change, date).ok).toBe(true);
      expect(applyChange(ke, change, date).ok).toBe(true);
    }
    expect(frozen).toEqual(copy);
    expect(ke).toEqual(copy);
  });
});

describe("errors", () => {
  const date = "2025-06-01";
  const cases: [string, RuleChange, string, { field: string; code: string }][] = [
    ["an unknown scheme", { kind: "drop_criterion", scheme: "nope", criterion: "adult" }, date, { field: "scheme", code: "unknown_scheme" }],
    ["no version in force", { kind: "drop_criterion", scheme: "nssf_haba_haba", criterion: "adult" }, "2010-01-01", { field: "scheme", code: "not_in_force" }],
    ["an unknown parameter", { kind: "parameter", scheme: "nssf_haba_haba", parameter: "max_age", value: 60 }, date, { field: "parameter", code: "unknown_parameter" }],
    ["text for a number", { kind: "parameter", scheme: "nssf_haba_haba", parameter: "min_age", value: "16" }, date, { field: "value", code: "wrong_type" }],
    ["a list for a number", { kind: "parameter", scheme: "nssf_haba_haba", parameter: "min_age", value: [16] }, date, { field: "value", code: "wrong_type" }],
    ["a number that is not finite", { kind: "parameter", scheme: "nssf_haba_haba", parameter: "min_age", value: Number.NaN }, date, { field: "value", code: "wrong_type" }],
    ["numbers for a list of text", { kind: "parameter", scheme: "hsnp", parameter: "programme_counties", value: [1, 2] }, date, { field: "value", code: "wrong_type" }],
    ["a mixed list", { kind: "parameter", scheme: "hsnp", parameter: "programme_counties", value: ["turkana", 2] }, date, { field: "value", code: "wrong_type" }],
    ["the value it has", { kind: "parameter", scheme: "nssf_haba_haba", parameter: "min_age", value: 18 }, date, { field: "value", code: "unchanged" }],
    ["an unknown criterion", { kind: "drop_criterion", scheme: "nssf_haba_haba", criterion: "kenyan_id" }, date, { field: "criterion", code: "unknown_criterion" }],
    ["an unknown worker type", { kind: "admit_worker_type", scheme: "nssf_voluntary", worker_type: "freelancer" }, date, { field: "worker_type", code: "unknown_worker_type" }],
    ["a scheme with no worker-type criterion", { kind: "admit_worker_type", scheme: "nssf_haba_haba", worker_type: "employee" }, date, { field: "worker_type", code: "no_worker_type_criterion" }],
    ["a worker type already admitted", { kind: "admit_worker_type", scheme: "nssf_voluntary", worker_type: "homeworker" }, date, { field: "worker_type", code: "already_admitted" }],
    ["an unknown kind", { kind: "rename", scheme: "nssf_haba_haba" } as unknown as RuleChange, date, { field: "kind", code: "unknown_kind" }],
  ];
  it.each(cases)("%s", (_name, change, on, expected) => {
    const r = applyChange(ke, change, on);
    expect(r).toMatchObject({ ok: false, error: expected });
    expect(!r.ok && r.error.message.length).toBeGreaterThan(10);
  });

  it("says the scheme already admits every worker type, and names the type expected", () => {
    const none = applyChange(ke, { kind: "admit_worker_type", scheme: "nssf_haba_haba", worker_type: "employee" }, date);
    expect(!none.ok && none.error.message).toContain("already admits every worker type");
    const wrong = applyChange(ke, { kind: "parameter", scheme: "nssf_haba_haba", parameter: "min_age", value: "16" }, date);
    expect(!wrong.ok && wrong.error).toMatchObject({ expected: "number" });
    const unknown = applyChange(ke, { kind: "admit_worker_type", scheme: "nssf_voluntary", worker_type: "freelancer" }, date);
    expect(!unknown.ok && unknown.error.allowed).toEqual([...WORKER_TYPES]);
  });
});
