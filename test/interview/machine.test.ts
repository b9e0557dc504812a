/**
 * The interview state machine and the facts gate: unit cases for each action and each hostile state, and
 * properties over random sequences of actions and random untrusted states.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  actionFromForm,
  apply,
  checkFacts,
  factDefs,
  newState,
  restoreState,
  saveState,
  type Action,
  type InterviewState,
} from "../../src/interview";
import { PACKS } from "../../src/rules/generated/index";

const ke = PACKS.ke!;
const DATE = "2025-06-01";

function run(actions: Action[], state = newState("ke", "sw")): InterviewState {
  for (const a of actions) state = apply(ke, state, a, DATE).state;
  return state;
}

/** What every reachable state must satisfy. */
function expectValid(s: InterviewState) {
  const checked = checkFacts(ke, s.facts, DATE);
  expect(checked.ok, JSON.stringify(checked)).toBe(true);
  expect(new Set(s.order).size).toBe(s.order.length);
  for (const f of s.order) expect(Object.hasOwn(s.facts, f) || (f === "age" && Object.hasOwn(s.facts, "birth_date"))).toBe(true);
  expect(["questions", "results"]).toContain(s.view);
  expect(ke.country.languages).toContain(s.lang);
  expect(s.country).toBe("ke");
}

describe("actions", () => {
  it("records an answer, a declined answer and goes back", () => {
    const s = run([
      { kind: "answer", fact: "age", value: "45" },
      { kind: "decline", fact: "monthly_income", why: "rather_not" },
    ]);
    expect(s.facts).toEqual({ age: 45, monthly_income: null });
    expect(s.order).toEqual(["age", "monthly_income"]);
    const back = apply(ke, s, { kind: "back" }, DATE);
    expect(back.state.facts).toEqual({ age: 45 });
    expect(back.screen).toEqual({ kind: "question", fact: "monthly_income" });
  });

  it("declining the birth date after giving it for age, then Back, leaves a valid state (found by the property below)", () => {
    const s = run([
      { kind: "answer", fact: "age", value: "", alternative: "1980-03-14" },
      { kind: "decline", fact: "birth_date", why: "dont_know" },
      { kind: "back" },
    ]);
    expectValid(s);
    expect(s.facts).toEqual({});
  });

  it("takes age as a birth date instead, and drops both on Back", () => {
    const s = run([{ kind: "answer", fact: "age", value: "", alternative: "1980-03-14" }]);
    expect(s.facts).toEqual({ birth_date: "1980-03-14" });
    expect(s.order).toEqual(["age"]);
    expect(apply(ke, s, { kind: "back" }, DATE).state.facts).toEqual({});
  });

  it("keeps every answer and returns the question with an issue code when an answer is bad", () => {
    const s = run([{ kind: "answer", fact: "age", value: "45" }]);
    const r = apply(ke, s, { kind: "answer", fact: "household_size", value: "many" }, DATE);
    expect(r.state).toBe(s);
    expect(r.screen).toEqual({ kind: "question", fact: "household_size", error: { path: ["facts", "household_size"], code: "not_a_number" } });
    const tooOld = apply(ke, s, { kind: "answer", fact: "age", value: "200" }, DATE);
    expect(tooOld.screen).toMatchObject({ error: { code: "too_large", params: { max: 130 } } });
    const empty = apply(ke, s, { kind: "answer", fact: "worker_type", value: "" }, DATE);
    expect(empty.screen).toMatchObject({ error: { code: "required" } });
  });

  it("accepts numbers as women write them", () => {
    for (const [raw, n] of [["KSh 6,000", 6000], ["8000/-", 8000], ["8,000/=", 8000], ["8 000", 8000], ["८०००", 8000], ["৮০০০", 8000], ["۸۰۰۰", 8000], ["๘๐๐๐", 8000], ["Rs 8000", 8000], ["₹8000", 8000]] as const) {
      expect(run([{ kind: "answer", fact: "monthly_income", value: raw }]).facts.monthly_income, raw).toBe(n);
    }
  });

  it("asks back when her number could mean two, and takes the one she taps", () => {
    const s = run([{ kind: "answer", fact: "age", value: "45" }]);
    for (const [typed, a, b] of [["8.000", 8, 8000], ["1.500", 1.5, 1500], ["8,5", 8.5, 85]] as const) {
      const r = apply(ke, s, { kind: "answer", fact: "monthly_income", value: typed }, DATE);
      expect(r.screen).toEqual({ kind: "question", fact: "monthly_income", error: { path: ["facts", "monthly_income"], code: "ambiguous_number", params: { a, b } } });
    }
    expect(apply(ke, s, actionFromForm({ fact: "monthly_income", value: "8.000", choice: "8000" }), DATE).state.facts.monthly_income).toBe(8000);
    // Unambiguous writings are read directly.
    expect(run([{ kind: "answer", fact: "monthly_income", value: "12.500.000" }]).facts.monthly_income).toBe(12500000);
    expect(run([{ kind: "answer", fact: "monthly_income", value: "8.5" }]).facts.monthly_income).toBe(8.5);
  });

  it("ignores actions on facts the country does not ask", () => {
    const s = run([{ kind: "answer", fact: "age", value: "45" }]);
    for (const a of [
      { kind: "answer", fact: "toString", value: "1" },
      { kind: "decline", fact: "__proto__", why: "dont_know" },
      { kind: "edit", fact: "constructor" },
    ] as Action[]) {
      expect(apply(ke, s, a, DATE).state).toEqual(s);
    }
  });

  it("switches language and keeps every answer, and restarts from nothing", () => {
    const s = run([{ kind: "answer", fact: "age", value: "45" }]);
    expect(apply(ke, s, { kind: "lang", to: "en" }, DATE).state).toEqual({ ...s, lang: "en" });
    expect(apply(ke, s, { kind: "lang", to: "th" }, DATE).state.lang).toBe("sw");
    expect(apply(ke, s, { kind: "restart" }, DATE).state).toEqual(newState("ke", "sw"));
  });

  it("reads web forms", () => {
    expect(actionFromForm({ action: "edit:age" })).toEqual({ kind: "edit", fact: "age" });
    expect(actionFromForm({ fact: "age", value: "3", alternative: "" })).toEqual({ kind: "answer", fact: "age", value: "3", alternative: "" });
    expect(actionFromForm({ action: ["back", "results"] })).toEqual({ kind: "back" });
    expect(actionFromForm({ action: "rather_not", fact: "age" })).toEqual({ kind: "decline", fact: "age", why: "rather_not" });
  });
});

describe("restoring untrusted state", () => {
  const restore = (v: unknown) => restoreState(typeof v === "string" ? v : JSON.stringify(v), ke, "sw", DATE);

  it("drops what the gate refuses: huge fake lists, objects for numbers, unknown names in the order", () => {
    const s = restore({ country: "ke", facts: { covered_by: { length: 2000000000 }, age: { toString: 1 }, worker_type: "homeworker" }, order: ["toString", "worker_type", "worker_type", "__proto__"], view: "results" });
    expect(s).toEqual({ country: "ke", lang: "sw", facts: { worker_type: "homeworker" }, order: ["worker_type"], view: "results" });
  });

  it("keeps answers to facts that still exist when a rule update removed another mid-way", () => {
    const s = restore({ country: "ke", facts: { age: 45, removed_fact: true }, order: ["age", "removed_fact"], view: "questions" });
    expect(s.facts).toEqual({ age: 45 });
    expect(apply(ke, s, { kind: "back" }, DATE).screen).toEqual({ kind: "question", fact: "age" });
  });

  it("starts afresh on what is not a state of this country", () => {
    for (const raw of ["", "{", "null", "[]", '"x"', JSON.stringify({ country: "th", facts: {}, order: [] }), "x".repeat(20_000)]) {
      expect(restore(raw)).toEqual(newState("ke", "sw"));
    }
  });

  it("keeps the birth date when age and birth date disagree", () => {
    expect(restore({ country: "ke", facts: { age: 30, birth_date: "1980-01-01" }, order: ["age"] }).facts).toEqual({ birth_date: "1980-01-01" });
  });
});

const defs = [...factDefs(ke).values()];
const arbRaw = fc.oneof(
  fc.constantFrom("", "45", "abc", "-3", "1e400", "8,000/=", "true", "false", "none", "homeworker", "citizen", "kisumu", "sha", "2025-01-01", "1980-02-30"),
  fc.string({ maxLength: 8 }),
);
const arbAction: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ kind: fc.constant("answer" as const), fact: fc.constantFrom(...defs.map((d) => d.name), "nope"), value: fc.oneof(arbRaw, fc.array(arbRaw, { maxLength: 3 })), alternative: fc.option(fc.constantFrom("1980-03-14", "2030-01-01", "junk"), { nil: undefined }) }),
  fc.record({ kind: fc.constant("decline" as const), fact: fc.constantFrom(...defs.map((d) => d.name)), why: fc.constantFrom("dont_know" as const, "rather_not" as const) }),
  fc.constantFrom<Action>({ kind: "back" }, { kind: "results" }, { kind: "more" }, { kind: "restart" }, { kind: "lang", to: "en" }, { kind: "lang", to: "sw" }, { kind: "lang", to: "xx" }),
  fc.record({ kind: fc.constant("edit" as const), fact: fc.constantFrom(...defs.map((d) => d.name), "__proto__") }),
);

describe("properties", () => {
  it("any sequence of answers, declines, backs, edits, language changes and restarts ends in a valid state", () => {
    fc.assert(
      fc.property(fc.array(arbAction, { maxLength: 25 }), (actions) => {
        expectValid(run(actions));
      }),
      { numRuns: 2000 },
    );
  });

  it("a saved state restores to the state that was saved", () => {
    fc.assert(
      fc.property(fc.array(arbAction, { maxLength: 25 }), (actions) => {
        const s = run(actions);
        expect(restoreState(saveState(s), ke, s.lang, DATE)).toEqual(s);
      }),
      { numRuns: 1000 },
    );
  });

  it("any JSON as a state restores to a valid state, without throwing", () => {
    const junkFacts = fc.dictionary(fc.oneof(fc.constantFrom(...defs.map((d) => d.name)), fc.string()), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 10 });
    fc.assert(
      fc.property(
        fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.record({ country: fc.constantFrom("ke", "th"), facts: junkFacts, order: fc.array(fc.string(), { maxLength: 5 }), view: fc.jsonValue({ maxDepth: 1 }) }, { requiredKeys: [] })),
        (raw) => {
          expectValid(restoreState(JSON.stringify(raw), ke, "sw", DATE));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
