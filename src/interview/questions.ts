/**
 * A question as the member reads it, in her language: the label, a hint, and the choices with their names.
 * Wording of the common vocabulary comes from ./wording/ (one file per language); a country's own facts and codes
 * (regions, schemes, programmes) carry theirs in the rule pack.
 */
import { versionOn } from "../engine/dates";
import { localize } from "../engine/text";
import type { FactDef, Lang, Pack, Text } from "../engine/types";
import { factDefs } from "./gate";
import { word } from "./wording/index";

export interface Choice {
  value: string;
  label: string;
}

export interface Question {
  fact: string;
  def: FactDef;
  label: string;
  hint?: string;
  /** For enum and list facts: every value she may pick, named in her language. */
  choices: Choice[];
}

/**
 * The question for `fact` in `lang` (English where a text lacks the language), or undefined for a fact the
 * country does not ask.
 * @example questionFor(kePack, "worker_type", "sw")!.label // "Unafanya kazi ya aina gani?"
 */
export function questionFor(pack: Pack, fact: string, lang: Lang, date?: string): Question | undefined {
  const def = factDefs(pack).get(fact);
  if (!def) return undefined;
  const own = (w: Record<string, string>) => (Object.hasOwn(w, fact) ? w[fact] : undefined);
  // Name the document the country's rules mean, by its local name, where the question is about it.
  const doc = pack.country.id_documents[0];
  const aboutDocument = doc ? word(lang, (w) => own(w.document_questions)) : undefined;
  const label = aboutDocument
    ? aboutDocument.replace("{document}", localize(doc!.name, lang))
    : (word(lang, (w) => own(w.questions)) ?? localize(def.label, lang));
  const hint = word(lang, (w) => own(w.hints)) ?? (def.hint ? localize(def.hint, lang) : undefined);
  return { fact, def, label, hint, choices: choicesFor(pack, def, lang, date) };
}

/** The label of a fact in `lang`: the question's wording. */
export function factLabel(pack: Pack, fact: string, lang: Lang): string {
  return questionFor(pack, fact, lang)?.label ?? fact;
}

/** The name of one value of a fact, in `lang`. */
export function choiceLabel(pack: Pack, fact: string, value: string, lang: Lang): string {
  const def = factDefs(pack).get(fact);
  if (!def) return value;
  return choicesFor(pack, def, lang).find((c) => c.value === value)?.label ?? value.replace(/_/g, " ");
}

function choicesFor(pack: Pack, def: FactDef, lang: Lang, date?: string): Choice[] {
  const pick = (t: Text) => localize(t, lang);
  if (def.name === "region") return pack.country.regions.map((r) => ({ value: r.code, label: pick(r.name) }));
  if (def.name === "covered_by") {
    // Offer only schemes in force on the date (when given): a scheme that has ended cannot be joined any more.
    const schemes = date
      ? pack.schemes.filter((s) => versionOn(s.versions, date) !== undefined)
      : pack.schemes;
    return [
      ...schemes.map((s) => ({ value: s.id, label: pick(s.name) })),
      ...pack.country.external_programmes.map((p) => ({ value: p.code, label: pick(p.name) })),
    ];
  }
  const named = (v: string) =>
    word(lang, (w) => (Object.hasOwn(w.options, def.name) && Object.hasOwn(w.options[def.name]!, v) ? w.options[def.name]![v] : undefined)) ??
    (def.options?.[v] ? pick(def.options[v]) : undefined);
  return (def.values ?? []).map((v) => ({ value: v, label: named(v) ?? v.replace(/_/g, " ") }));
}
