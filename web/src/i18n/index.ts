/** Languages of the page: their names in their own script, text direction, locale, and lazy message loading. */
import en, { type Messages } from "./en";

export type { Messages };

export interface LanguageInfo {
  /** The language's name in its own script, so a member can find hers without reading English. */
  native: string;
  dir: "ltr" | "rtl";
}

export const LANGUAGES: Record<string, LanguageInfo> = {
  en: { native: "English", dir: "ltr" },
  sw: { native: "Kiswahili", dir: "ltr" },
  th: { native: "ไทย", dir: "ltr" },
  fil: { native: "Filipino", dir: "ltr" },
  hi: { native: "हिन्दी", dir: "ltr" },
  id: { native: "Bahasa Indonesia", dir: "ltr" },
  ne: { native: "नेपाली", dir: "ltr" },
  ur: { native: "اردو", dir: "rtl" },
  bn: { native: "বাংলা", dir: "ltr" },
};

export const dirOf = (lang: string): "ltr" | "rtl" => LANGUAGES[lang]?.dir ?? "ltr";

/** BCP 47 locale for numbers, money and dates: the language as spoken in the country. */
export function localeOf(lang: string, country: string): string {
  return `${lang}-${country.toUpperCase()}`;
}

/** `"Question {n}"` with `{ n: 2 }` → `"Question 2"`. */
export function fill(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{([a-z_]+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

export { en };
