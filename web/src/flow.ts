/**
 * The member's check as a small state machine, shared by the browser (JavaScript) and the Worker (plain HTML
 * forms for browsers without JavaScript): the same form fields mean the same thing in both.
 *
 * Form fields: `state` (JSON of FlowState), `fact` (the question shown), `value` (its answer; repeated for lists),
 * `birth_date` (instead of age), `to_lang`, `action`: answer | dont_know | rather_not | back | results | more |
 * edit:<fact> | lang | restart.
 */
import { checkFacts, factDefs } from "../../src/engine/facts";
import type { CompiledPack } from "../../src/engine/compile";
import type { Evaluation, FactDef, Facts, Pack } from "../../src/engine/types";

export interface FlowState {
  country: string;
  lang: string;
  /** Answers given; null = "I don't know" or "I'd rather not say". */
  facts: Facts;
  /** Facts in the order they were answered, for Back. */
  order: string[];
  /** "answers": keep asking; "results": the member asked to see results now. */
  view: "questions" | "results";
}

export type Screen =
  | { kind: "question"; fact: string; error?: string; editing?: boolean }
  | { kind: "results" };

export function newState(country: string, lang: string): FlowState {
  return { country, lang, facts: {}, order: [], view: "questions" };
}

/** What to show for a state: the next question, or the results when nothing is left to ask. */
export function screenFor(evaluation: Evaluation, state: FlowState): Screen {
  if (state.view === "results" || !evaluation.next_question) return { kind: "results" };
  return { kind: "question", fact: evaluation.next_question.fact };
}

/** A FlowState from the `state` form field, or a fresh one when it is missing or not ours. */
export function parseState(raw: string | undefined, country: string, lang: string): FlowState {
  try {
    const s = JSON.parse(raw ?? "") as Partial<FlowState>;
    if (s && typeof s === "object" && s.country === country && s.facts && typeof s.facts === "object" && Array.isArray(s.order)) {
      return { country, lang, facts: s.facts as Facts, order: s.order.filter((x) => typeof x === "string"), view: s.view === "results" ? "results" : "questions" };
    }
  } catch {
    // A fresh start is the safe answer to a damaged form.
  }
  return newState(country, lang);
}

export type FormData = Record<string, string | string[] | undefined>;

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * Applies a submitted form to the state. Returns the new state, and an error screen when the answer is not valid
 * (the previous answers are kept: bad input loses nothing).
 */
export function applyForm(engine: CompiledPack, state: FlowState, form: FormData, date: string): { state: FlowState; screen?: Screen } {
  const action = one(form.action) ?? "answer";
  const fact = one(form.fact) ?? "";
  const facts: Facts = { ...state.facts };
  const order = state.order.filter((f) => f !== fact);
  const defs = factDefs(engine.pack);

  if (action === "restart") return { state: newState(state.country, state.lang) };
  if (action === "lang") {
    const to = one(form.to_lang) ?? state.lang;
    return { state: { ...state, lang: engine.pack.country.languages.includes(to) ? to : state.lang }, screen: fact && defs.has(fact) ? { kind: "question", fact } : undefined };
  }
  if (action === "results") return { state: { ...state, view: "results" } };
  if (action === "more") return { state: { ...state, view: "questions" } };
  if (action.startsWith("edit:")) {
    const target = action.slice(5);
    if (!defs.has(target)) return { state };
    return { state: { ...state, view: "questions" }, screen: { kind: "question", fact: target, editing: true } };
  }
  if (action === "back") {
    const last = state.order[state.order.length - 1];
    if (!last) return { state };
    delete facts[last];
    if (last === "age") delete facts.birth_date;
    return { state: { ...state, facts, order: state.order.slice(0, -1), view: "questions" }, screen: { kind: "question", fact: last } };
  }
  const def = defs.get(fact);
  if (!def) return { state };
  if (action === "dont_know" || action === "rather_not") {
    facts[fact] = null;
    if (fact === "age") delete facts.birth_date;
    return { state: { ...state, facts, order: [...order, fact], view: "questions" } };
  }

  // An answer: age may come as a birth date instead.
  const birth = one(form.birth_date)?.trim();
  const parsed = fact === "age" && birth ? { ok: true as const, value: birth, name: "birth_date" } : parseValue(def, form.value);
  if (!parsed.ok) return { state, screen: { kind: "question", fact, error: parsed.error } };
  const name = "name" in parsed ? parsed.name : fact;
  if (fact === "age") {
    delete facts.age;
    delete facts.birth_date;
  }
  facts[name] = parsed.value;
  const checked = checkFacts(engine.pack, facts, date);
  if (!checked.ok) {
    const issue = checked.issues.find((i) => i.path[1] === name) ?? checked.issues[0]!;
    return { state, screen: { kind: "question", fact, error: issue.message } };
  }
  return { state: { ...state, facts: checked.facts, order: [...order, fact], view: "questions" } };
}

type Parsed = { ok: true; value: Facts[string] } | { ok: false; error: string };

/** A form value as the fact's type. */
export function parseValue(def: FactDef, raw: string | string[] | undefined): Parsed {
  if (def.type === "list") {
    const values = (Array.isArray(raw) ? raw : raw ? [raw] : []).filter((v) => v && v !== "none");
    return { ok: true, value: values };
  }
  const s = one(raw)?.trim() ?? "";
  if (s === "") return { ok: false, error: "required" };
  switch (def.type) {
    case "boolean":
      return s === "true" ? { ok: true, value: true } : s === "false" ? { ok: true, value: false } : { ok: false, error: "must be yes or no" };
    case "integer":
    case "number": {
      const n = Number(s.replace(/[\s,]/g, ""));
      if (!Number.isFinite(n)) return { ok: false, error: "must be a number" };
      return { ok: true, value: n };
    }
    default:
      return { ok: true, value: s };
  }
}

/** The values a member can pick for a fact, with their labels (from the messages or the pack). */
export function optionsFor(def: FactDef, pack: Pack, lang: string, labels: Record<string, Record<string, string>>): { value: string; label: string }[] {
  const pick = (t: { en: string } & Record<string, string>) => t[lang] ?? t.en;
  if (def.name === "region") return pack.country.regions.map((r) => ({ value: r.code, label: pick(r.name) }));
  if (def.name === "covered_by") {
    return [
      ...pack.schemes.map((s) => ({ value: s.id, label: pick(s.name) })),
      ...pack.country.external_programmes.map((p) => ({ value: p.code, label: pick(p.name) })),
    ];
  }
  return (def.values ?? []).map((v) => ({ value: v, label: labels[def.name]?.[v] ?? v.replace(/_/g, " ") }));
}
