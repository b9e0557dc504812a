/** One step of the check, from state to screen: shared by the browser app and the Worker's server rendering. */
import type { CompiledPack } from "../../../src/engine/compile";
import { presentResults } from "../../../src/rules/content";
import { screenFor, type FlowState, type Screen } from "../flow";
import { localeOf, type Messages } from "../i18n";
import type { FlowModel, Handlers } from "./model";
import { Question } from "./question";
import { Results } from "./results";

export interface FlowInput extends Handlers {
  m: Messages;
  engine: CompiledPack;
  state: FlowState;
  date: string;
  rulesVersion: string;
  onPhone: boolean;
  /** A screen chosen by the last action (an error, Back, Change), instead of the next question. */
  forced?: Screen;
  rulesDownloaded?: string;
}

/** Evaluates the member's answers and returns the model of the screen to show. */
export function flowModel({ forced, ...input }: FlowInput): FlowModel {
  const { engine, state, date } = input;
  const evaluation = engine.evaluate(state.facts, { date, lang: state.lang });
  const screen = forced ?? screenFor(evaluation, state);
  return {
    ...input,
    screen,
    results: screen.kind === "results" ? presentResults(engine.pack, evaluation) : [],
    hasMoreQuestions: evaluation.next_question !== null,
    locale: localeOf(state.lang, state.country),
  };
}

export function FlowScreen(model: FlowModel) {
  const { screen } = model;
  return screen.kind === "question" ? <Question {...model} screen={screen} /> : <Results {...model} />;
}
