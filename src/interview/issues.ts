/**
 * Problems with a member's answers, as data first: a code and its parameters (`{ path: ["facts", "age"],
 * code: "too_large", params: { max: 130 } }`). Each channel renders them in the reader's language with
 * `issueText`: the page, the API (in the request's language), a CSV row report, a USSD screen. The sentences live
 * with the rest of the interview's words, one file per language (./wording/).
 */
import type { Lang } from "../engine/types";
import { word } from "./wording/index";

export const ISSUE_CODES = [
  "required",
  "not_an_object",
  "unknown_fact",
  "not_yes_no",
  "not_a_number",
  "ambiguous_number",
  "not_whole",
  "too_small",
  "too_large",
  "not_a_date",
  "birth_after_date",
  "birth_too_early",
  "not_an_option",
  "not_a_list",
  "unknown_codes",
  "repeated_code",
  "too_long",
  "age_birth_mismatch",
  "too_many_issues",
] as const;
export type IssueCode = (typeof ISSUE_CODES)[number];

export type IssueParams = Record<string, string | number>;

export interface FactIssue {
  /** Path of the offending field, e.g. `["facts", "monthly_income"]`. */
  path: (string | number)[];
  code: IssueCode;
  params?: IssueParams;
}

/**
 * The issue as a sentence in `lang` (English when the language has no translation).
 * @example issueText({ path: ["facts", "age"], code: "too_large", params: { max: 130 } }, "sw") // "Namba lazima isizidi 130."
 */
export function issueText(issue: Pick<FactIssue, "code" | "params">, lang: Lang): string {
  const template = word(lang, (w) => w.issues[issue.code]) ?? issue.code;
  const params = issue.params ?? {};
  return template.replace(/\{([a-z_]+)\}/g, (m, k: string) => (Object.hasOwn(params, k) ? String(params[k]) : m));
}
