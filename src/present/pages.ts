/**
 * The pages the HTTP layer serves to people: declared here, beside the content they show, so that both sides can
 * name them — src/http uses them, web/ implements them (the same Preact screens the browser app renders), and only
 * the Worker's entry point joins the two. Neither imports the other.
 */
import type { CompiledPack } from "../engine/compile";
import type { Evaluation } from "../engine/types";
import type { InterviewState, Screen } from "../interview/machine";

/** A member's interview at one step, to render as a full page. */
export interface InterviewPage {
  engine: CompiledPack;
  state: InterviewState;
  /** The screen to show: the next question, a question the last action chose (error, Back, Change), or results. */
  screen: Screen;
  /** Her answers evaluated on `date`. */
  evaluation: Evaluation;
  /** The evaluation date (the server's today). */
  date: string;
}

export interface PageRenderer {
  /** The first screen: choose a country and a language. */
  home(lang: string): string;
  /** One step of the interview: a question or the results. */
  interview(page: InterviewPage): string;
  /** An error as a page a member can read (never JSON): not found, bad request, or our fault. */
  error(status: 400 | 404 | 405 | 413 | 500, lang: string): string;
}
