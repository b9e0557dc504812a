/** What the page components need, computed by the caller (the browser app or the Worker). */
import type { CompiledPack } from "../../../src/engine/compile";
import type { PresentedResult } from "../../../src/present/content";
import type { CountryEntry } from "../../../src/rules/generated/countries";
import type { InterviewState, Screen } from "../../../src/interview";
import type { Messages } from "../i18n";

export interface Handlers {
  /** The browser app handles forms itself; without it, forms post to the Worker. */
  onSubmit?: (form: HTMLFormElement, submitter: HTMLElement | null) => void;
  onStart?: (country: string, lang: string) => void;
}

export interface HomeModel extends Handlers {
  m: Messages;
  lang: string;
  countries: readonly CountryEntry[];
  /** Whether this page runs the check on the phone (JavaScript) or on the server. */
  onPhone: boolean;
  /** The country and language she chose last time on this phone, offered first. */
  remembered?: { country: string; lang: string };
}

export interface FlowModel extends Handlers {
  m: Messages;
  engine: CompiledPack;
  state: InterviewState;
  screen: Screen;
  results: PresentedResult[];
  /** The question that would come next, if the member wants to answer more from the results screen. */
  hasMoreQuestions: boolean;
  /** About how many questions are left, the one on screen included. */
  questionsLeft: number;
  date: string;
  locale: string;
  rulesVersion: string;
  onPhone: boolean;
  /** When this country's rules were downloaded to the phone (browser only). */
  rulesDownloaded?: string;
}
