/**
 * The interview core: the question flow, the facts gate, the wording of every question, and problems as codes.
 * Pure (imports only the engine), so the browser app, the server-rendered page, the organizer's screening, CSV
 * import and USSD all drive the same code.
 */
export { checkFacts, checkValue, factDefs, MAX_ISSUES, type FactCheck } from "./gate";
export { ISSUE_CODES, issueText, type FactIssue, type IssueCode } from "./issues";
export {
  actionFromForm,
  alternativeOf,
  apply,
  MAX_STATE_CHARS,
  newState,
  restoreState,
  saveState,
  screenFor,
  type Action,
  type FormFields,
  type InterviewState,
  type Screen,
  type Step,
} from "./machine";
export { asciiDigits, parseAnswer, parseNumber, readNumber } from "./parse";
export { choiceLabel, factLabel, questionFor, type Choice, type Question } from "./questions";
export { addWording, hasWording, type LanguageWording } from "./wording/index";
