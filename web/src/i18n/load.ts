/**
 * Loading the page's words in the browser, one language at a time (only the one the member reads): the page's own
 * messages and the interview's words (questions, answers, problems), fetched in parallel.
 */
import { addWording, hasWording, type LanguageWording } from "../../../src/interview";
import { en, type Messages } from "./index";

const loaders = import.meta.glob<{ default: Messages }>(["./*.ts", "!./index.ts", "!./load.ts", "!./all.ts", "!./en.ts"]);
const wordings = import.meta.glob<{ default: LanguageWording }>([
  "../../../src/interview/wording/*.ts",
  "!../../../src/interview/wording/index.ts",
  "!../../../src/interview/wording/all.ts",
  "!../../../src/interview/wording/types.ts",
  "!../../../src/interview/wording/en.ts",
]);

/** Messages for a language (English if the page has no translation yet), with the interview's words made ready. */
export async function loadMessages(lang: string): Promise<Messages> {
  const load = loaders[`./${lang}.ts`];
  const wording = hasWording(lang) ? undefined : wordings[`../../../src/interview/wording/${lang}.ts`];
  const [messages, words] = await Promise.all([load ? load() : undefined, wording ? wording() : undefined]);
  if (words) addWording(lang, words.default);
  return messages?.default ?? en;
}
