/** One step of the interview, from state to screen: shared by the browser app and the Worker's server rendering. */
import type { CompiledPack } from "../../../src/engine/compile";
import type { Evaluation } from "../../../src/engine/types";
import { screenFor, type InterviewState, type Screen } from "../../../src/interview";
import { presentResults } from "../../../src/present/content";
import { localeOf, type Messages } from "../i18n";
import type { FlowModel, Handlers } from "./model";
import { Question } from "./question";
import { Results } from "./results";

export interface FlowInput extends Handlers {
  m: Messages;
  engine: CompiledPack;
  state: InterviewState;
  date: string;
  onPhone: boolean;
  /** A screen chosen by the last action (an error, Back, Change), instead of the next question. */
  forced?: Screen;
  /** Her answers already evaluated on `date` (the server does this); evaluated here when absent. */
  evaluation?: Evaluation;
  rulesDownloaded?: string;
}

/** The model of the screen to show for her answers. */
export function flowModel({ forced, evaluation: given, ...input }: FlowInput): FlowModel {
  const { engine, state, date } = input;
  const evaluation = given ?? engine.evaluate(state.facts, { date, lang: state.lang });
  const screen = forced ?? screenFor(evaluation, state);
  return {
    ...input,
    screen,
    results: screen.kind === "results" ? presentResults(engine.pack, evaluation, state.facts) : [],
    hasMoreQuestions: evaluation.next_question !== null,
    questionsLeft: questionsLeft(evaluation, state),
    locale: localeOf(state.lang, state.country),
    rulesVersion: evaluation.rules_version,
  };
}

export function FlowScreen(model: FlowModel) {
  const { screen } = model;
  return screen.kind === "question" ? <Question {...model} screen={screen} /> : <Results {...model} />;
}

/**
 * About how many questions are left, the one on screen included: the facts still missing for schemes that wait
 * for an answer (declined ones are not asked again). An estimate: an answer can close schemes and their questions.
 */
function questionsLeft(evaluation: Evaluation, state: InterviewState): number {
  const left = new Set<string>();
  for (const r of evaluation.results) {
    if (r.status !== "needs_info") continue;
    for (const f of r.missing) if (state.facts[f] !== null) left.add(f);
  }
  return Math.max(1, left.size);
}
