/** The language of a page nobody chose one for yet: `?lang=`, else the browser's Accept-Language, else English. */
import type { Context } from "hono";
import { COUNTRIES } from "../rules/generated/countries";

/** Every language some country's pages are written in. */
const PAGE_LANGS = new Set(COUNTRIES.flatMap((c) => c.languages));

/**
 * @example preferredLang(c) // "sw" for "Accept-Language: sw-KE,sw;q=0.9,en;q=0.8"
 */
export function preferredLang(c: Context): string {
  const q = new URL(c.req.url).searchParams.get("lang");
  if (q && PAGE_LANGS.has(q)) return q;
  const header = c.req.header("accept-language") ?? "";
  const ranked = header
    .split(",")
    .slice(0, 20)
    .map((part) => {
      const [tag, ...params] = part.trim().toLowerCase().split(";");
      const qv = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { lang: (tag ?? "").split("-")[0]!, q: qv === undefined ? 1 : Number(qv) };
    })
    .filter((x) => x.q > 0 && (PAGE_LANGS.has(x.lang) || x.lang === "tl"))
    .sort((a, b) => b.q - a.q);
  const best = ranked[0]?.lang;
  // Tagalog is how many browsers name Filipino.
  return best === "tl" ? "fil" : (best ?? "en");
}
