/**
 * The interview's words, one language at a time: English always, others once added. The Worker adds every
 * language (./all.ts); the browser adds only the one she reads, loaded when she picks it, so a phone downloads one
 * language. A text missing in her language falls back to English.
 */
import en from "./en";
import type { LanguageWording } from "./types";

export type { LanguageWording };

const catalog = new Map<string, LanguageWording>([["en", en]]);

/** Makes a language's words available to the interview. */
export function addWording(lang: string, wording: LanguageWording): void {
  catalog.set(lang, wording);
}

/** Whether a language's words are available. */
export function hasWording(lang: string): boolean {
  return catalog.has(lang);
}

/** The words for `lang`, then English, for one text. */
export function word(lang: string, pick: (w: LanguageWording) => string | undefined): string | undefined {
  return pick(catalog.get(lang) ?? en) ?? pick(en);
}
