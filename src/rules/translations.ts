/** Translation coverage of a pack: for each of the country's languages, which member-facing texts lack it. */
import type { Pack } from "../engine/types";

export interface LanguageCoverage {
  lang: string;
  total: number;
  translated: number;
  /** Where a text lacks this language, e.g. `sha versions[0].criteria[2].reason.fail`. */
  missing: string[];
  /** Schemes (or `country`) whose texts in this language still await a native speaker's review. */
  needs_review: string[];
}

function isText(v: unknown): v is Record<string, string> {
  return !!v && typeof v === "object" && !Array.isArray(v) && typeof (v as { en?: unknown }).en === "string";
}

function collect(v: unknown, path: string, out: { path: string; text: Record<string, string> }[]) {
  if (isText(v)) out.push({ path, text: v });
  else if (Array.isArray(v)) v.forEach((x, i) => collect(x, `${path}[${i}]`, out));
  else if (v && typeof v === "object") {
    for (const [k, x] of Object.entries(v)) collect(x, path ? `${path}.${k}` : k, out);
  }
}

export function translationCoverage(pack: Pack): LanguageCoverage[] {
  const texts: { path: string; text: Record<string, string> }[] = [];
  // Region names are proper nouns, the same in every language.
  const { regions: _r, ...country } = pack.country;
  collect(country, "country", texts);
  for (const s of pack.schemes) {
    const { sources: _s, ...rest } = s;
    collect(rest, s.id, texts);
  }
  // Inherited content appears once per version; count each distinct text object once.
  const seen = new Set<Record<string, string>>();
  const unique = texts.filter((t) => (seen.has(t.text) ? false : (seen.add(t.text), true)));
  return pack.country.languages.map((lang) => {
    const missing = unique.filter((t) => !t.text[lang]).map((t) => t.path);
    return {
      lang,
      total: unique.length,
      translated: unique.length - missing.length,
      missing,
      needs_review: [
        ...(pack.country.needs_review.includes(lang) ? ["country"] : []),
        ...pack.schemes.filter((s) => s.needs_review.includes(lang)).map((s) => s.id),
      ],
    };
  });
}
