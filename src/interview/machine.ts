/**
 * The interview as a state machine, the same for every channel: the browser app, the server-rendered page (no
 * JavaScript), the organizer's assisted screening, and later USSD. A state holds the answers given and the order
 * they were given in; an action (answer, decline, back, edit, results, more, lang, restart) moves it. Pure.
 *
 * Web forms carry it as fields (see `actionFromForm`): `state` (JSON of InterviewState), `fact` (the question
 * shown), `value` (its answer; repeated for lists), `alternative` (the answer in its other form: a birth date
 * instead of age), `choice` (the number she meant, when what she typed could mean two), `to_lang`, and `action`:
 * answer | dont_know | rather_not | back | results | more | edit:<fact> | lang | restart.
 */
import type { Evaluation, Facts, FactValue, Pack } from "../engine/types";
import { checkFacts, checkValue, factDefs } from "./gate";
import type { FactIssue } from "./issues";
import { parseAnswer } from "./parse";
import { ANSWERED_BY } from "../engine/vocabulary";

/** The fact a member may answer instead of `fact` (a birth date for age), if any. */
export function alternativeOf(fact: string): string | undefined {
  return Object.hasOwn(ANSWERED_BY, fact) ? ANSWERED_BY[fact] : undefined;
}

/** The fact that `fact` answers in another form (age, for a birth date), if any. */
function answeredFor(fact: string): string | undefined {
  return Object.keys(ANSWERED_BY).find((k) => ANSWERED_BY[k] === fact);
}

export interface InterviewState {
  country: string;
  lang: string;
  /** Answers given; null = "I don't know" or "I'd rather not say". */
  facts: Facts;
  /** Facts in the order they were answered, for Back. */
  order: string[];
  /** "questions": keep asking; "results": the member asked to see results now. */
  view: "questions" | "results";
}

export type Screen =
  | { kind: "question"; fact: string; error?: FactIssue; editing?: boolean }
  | { kind: "results" };

export type Action =
  /** `alternative`: the answer in the fact's other form, when it has one (a birth date for age). */
  | { kind: "answer"; fact: string; value: string | string[] | undefined; alternative?: string }
  | { kind: "decline"; fact: string; why: "dont_know" | "rather_not" }
  | { kind: "back" }
  | { kind: "edit"; fact: string }
  | { kind: "results" }
  | { kind: "more" }
  | { kind: "lang"; to: string; fact?: string }
  | { kind: "restart" };

export interface Step {
  state: InterviewState;
  /** A screen chosen by the action (an error, Back, Change) instead of the next question. */
  screen?: Screen;
}

/** Longest `state` field accepted (a full state of the largest pack is under 2 KiB). */
export const MAX_STATE_CHARS = 16 * 1024;

export function newState(country: string, lang: string): InterviewState {
  return { country, lang, facts: {}, order: [], view: "questions" };
}

/** What to show for a state: the next question, or the results when nothing is left to ask. */
export function screenFor(evaluation: Evaluation, state: InterviewState): Screen {
  if (state.view === "results" || !evaluation.next_question) return { kind: "results" };
  return { kind: "question", fact: evaluation.next_question.fact };
}

/**
 * A state from untrusted text (the page's hidden field, a stored session), through the facts gate. Whatever
 * does not pass is dropped, not trusted: an unknown or stale fact (a rule update removed it mid-way), an
 * ill-typed value, an `order` entry that is not an answered fact. A state that is not ours starts afresh.
 * @example restoreState('{"country":"ke","facts":{"age":{}}}', kePack, "sw", "2025-06-01").facts // {}
 */
export function restoreState(raw: unknown, pack: Pack, lang: string, date: string): InterviewState {
  const country = pack.country.code;
  const fresh = newState(country, lang);
  if (typeof raw !== "string" || raw.length > MAX_STATE_CHARS) return fresh;
  let s: unknown;
  try {
    s = JSON.parse(raw);
  } catch {
    return fresh;
  }
  if (typeof s !== "object" || s === null || Array.isArray(s)) return fresh;
  const o = s as Record<string, unknown>;
  if (o.country !== country || typeof o.facts !== "object" || o.facts === null || Array.isArray(o.facts)) return fresh;
  const defs = factDefs(pack);
  const given = o.facts as Record<string, unknown>;
  const facts: Facts = {};
  for (const name of Object.keys(given)) {
    const def = defs.get(name);
    if (!def) continue;
    const v = given[name];
    if (v === null || checkValue(def, v, date) === undefined) facts[name] = v as FactValue;
  }
  // Age and birth date must agree; if they do not, keep the birth date (the more precise answer).
  if (!checkFacts(pack, facts, date).ok) delete facts.age;
  const order: string[] = [];
  if (Array.isArray(o.order)) {
    for (const f of o.order.slice(0, defs.size)) {
      if (typeof f === "string" && Object.hasOwn(facts, f) && !order.includes(f)) order.push(f);
      // Age may have been answered as a birth date.
      else if (typeof f === "string" && defs.has(f) && alternativeOf(f) !== undefined && Object.hasOwn(facts, alternativeOf(f)!) && !order.includes(f)) order.push(f);
    }
  }
  return { country, lang, facts, order, view: o.view === "results" ? "results" : "questions" };
}

/** The state as the text a form or store carries. */
export function saveState(state: InterviewState): string {
  return JSON.stringify(state);
}

export type FormFields = Record<string, string | string[] | undefined>;

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** The action a submitted web form asks for. */
export function actionFromForm(form: FormFields): Action {
  const action = one(form.action) ?? "answer";
  const fact = one(form.fact) ?? "";
  if (action === "restart" || action === "back" || action === "results" || action === "more") return { kind: action };
  if (action === "lang") return { kind: "lang", to: one(form.to_lang) ?? "", fact: fact || undefined };
  if (action.startsWith("edit:")) return { kind: "edit", fact: action.slice(5) };
  if (action === "dont_know" || action === "rather_not") return { kind: "decline", fact, why: action };
  // `choice`: the reading she tapped when her number could mean two (it wins over what she typed).
  return { kind: "answer", fact, value: form.choice ?? form.value, alternative: one(form.alternative) };
}

/**
 * Applies an action to a state. An invalid answer keeps every previous answer and returns the question again with
 * the issue (a code, rendered in the member's language by the channel): bad input loses nothing.
 * @example apply(kePack, newState("ke", "sw"), { kind: "answer", fact: "age", value: "45" }, "2025-06-01").state.facts // { age: 45 }
 */
export function apply(pack: Pack, state: InterviewState, action: Action, date: string): Step {
  const defs = factDefs(pack);
  switch (action.kind) {
    case "restart":
      return { state: newState(state.country, state.lang) };
    case "lang": {
      const lang = pack.country.languages.includes(action.to) ? action.to : state.lang;
      const fact = action.fact;
      return { state: { ...state, lang }, screen: fact && defs.has(fact) ? { kind: "question", fact } : undefined };
    }
    case "results":
      return { state: { ...state, view: "results" } };
    case "more":
      return { state: { ...state, view: "questions" } };
    case "edit":
      if (!defs.has(action.fact)) return { state };
      return { state: { ...state, view: "questions" }, screen: { kind: "question", fact: action.fact, editing: true } };
    case "back": {
      // Skip answers to facts the pack no longer has (a rule update while she was mid-way).
      const order = state.order.filter((f) => defs.has(f));
      const last = order[order.length - 1];
      if (!last) return { state: { ...state, order } };
      const facts = { ...state.facts };
      delete facts[last];
      const alt = alternativeOf(last);
      if (alt) delete facts[alt];
      return { state: { ...state, facts, order: order.slice(0, -1), view: "questions" }, screen: { kind: "question", fact: last } };
    }
    case "decline": {
      if (!defs.has(action.fact)) return { state };
      const facts = { ...state.facts, [action.fact]: null };
      // Declining either form (age, or the birth date that answers it) drops the other: Back then leaves neither.
      const alt = alternativeOf(action.fact) ?? answeredFor(action.fact);
      if (alt) delete facts[alt];
      const order = [...state.order.filter((f) => f !== action.fact && f !== alt), action.fact];
      return { state: { ...state, facts, order, view: "questions" } };
    }
    case "answer": {
      const def = defs.get(action.fact);
      if (!def) return { state };
      const fact = action.fact;
      // Age may come as a birth date instead: the answer in the fact's other form, when given, wins.
      const alt = alternativeOf(fact);
      const altAnswer = alt ? action.alternative?.trim() : undefined;
      const name = alt && altAnswer ? alt : fact;
      const parsed = name === fact ? parseAnswer(def, action.value) : parseAnswer(defs.get(name)!, altAnswer);
      if (!parsed.ok) return { state, screen: { kind: "question", fact, error: { path: ["facts", name], ...parsed.issue } } };
      const facts: Facts = { ...state.facts };
      delete facts[fact];
      if (alt) delete facts[alt];
      facts[name] = parsed.value;
      const checked = checkFacts(pack, facts, date);
      if (!checked.ok) {
        const issue = checked.issues.find((i) => i.path[1] === name) ?? checked.issues[0]!;
        return { state, screen: { kind: "question", fact, error: issue } };
      }
      const order = [...state.order.filter((f) => f !== fact && f !== alt), fact];
      return { state: { ...state, facts: checked.facts, order, view: "questions" } };
    }
  }
}
