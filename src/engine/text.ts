/** Choosing a language from multilingual texts, and the few sentences the engine itself says. */
import type { Lang, Text } from "./types";

/** The text in `lang`, or in English when it has no translation yet. */
export function localize(text: Text, lang: Lang): string {
  return text[lang] ?? text.en;
}

/** Sentences of the engine's own, for criteria whose rule files say nothing more specific. */
export const ENGINE_TEXT: Record<"unknown" | "check_with_office", Text> = {
  unknown: {
    en: "We need more information to check this.",
    sw: "Tunahitaji maelezo zaidi ili kuangalia hili.",
  },
  check_with_office: {
    en: "Check with the office: this rule is not yet confirmed.",
    sw: "Thibitisha na ofisi: kanuni hii bado haijathibitishwa.",
  },
};

/** Formats a fact value or threshold for a reason sentence. */
export function formatValue(v: unknown): string {
  if (v === undefined || v === null) return "?";
  if (Array.isArray(v)) return v.join(", ");
  return String(v);
}

/** A deep copy of `v` with every multilingual text replaced by its string in `lang` (English as fallback). */
export function localizeAll<T>(v: T, lang: Lang): Localized<T> {
  if (Array.isArray(v)) return v.map((x) => localizeAll(x, lang)) as Localized<T>;
  if (v && typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (typeof o.en === "string") return localize(o as Text, lang) as Localized<T>;
    const out: Record<string, unknown> = {};
    for (const k in o) out[k] = localizeAll(o[k], lang);
    return out as Localized<T>;
  }
  return v as Localized<T>;
}

/** The type of `localizeAll(v)`: Text becomes string. */
export type Localized<T> = T extends Text
  ? string
  : T extends (infer U)[]
    ? Localized<U>[]
    : T extends object
      ? { [K in keyof T]: Localized<T[K]> }
      : T;
