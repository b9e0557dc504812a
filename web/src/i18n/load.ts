/** Loading the page's messages in the browser, one language at a time (only the one the member reads). */
import { en, type Messages } from "./index";

const loaders = import.meta.glob<{ default: Messages }>(["./*.ts", "!./index.ts", "!./load.ts", "!./all.ts", "!./en.ts"]);

/** Messages for a language (English if the page has no translation yet). */
export async function loadMessages(lang: string): Promise<Messages> {
  const load = loaders[`./${lang}.ts`];
  return load ? (await load()).default : en;
}
