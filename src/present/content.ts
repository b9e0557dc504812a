/**
 * Member-facing content of a scheme version in one language, joined to engine results: what the API answers
 * and what the page shows. Pure, so the Worker and the browser share it. Localized once per version and
 * language, then reused; texts for some members only (her age, her province, her pregnancy) are chosen per member.
 */
import { localize, localizeAll, type Localized } from "../engine/text";
import { resolveFacts } from "../engine/compile";
import { evalTest } from "../engine/tests";
import type { Category, ContentCondition, Evaluation, Facts, Lang, Pack, Scheme, SchemeResult, SchemeVersion, Source, Test, Variant } from "../engine/types";

export interface VersionContent {
  name: string;
  summary: string;
  effective_from: string;
  category: Scheme["category"];
  /** Other categories the scheme serves (health insurance that pays for births: maternity); absent when none. */
  also_covers?: Category[];
  contributions: Localized<SchemeVersion["contributions"]>;
  subsidy: Localized<SchemeVersion["subsidy"]>;
  benefits: string[];
  documents: string[];
  apply: Localized<SchemeVersion["apply"]>;
  /** Every source the version cites (its dates, parameters and criteria). */
  sources: Source[];
}

interface Cached {
  /** The content as a member whose answers settle nothing reads it. */
  content: VersionContent;
  /** Set when some of it depends on her answers: the scheme and version whose tests decide. */
  conditional?: { scheme: Scheme; version: SchemeVersion };
}

const cache = new Map<string, Cached>();

function cached(pack: Pack, schemeId: string, ruleVersion: string, lang: Lang): Cached {
  const key = `${ruleVersion}|${lang}`;
  let entry = cache.get(key);
  if (entry) return entry;
  const scheme = pack.schemes.find((s) => s.id === schemeId)!;
  const version = scheme.versions.find((v) => v.rule_version === ruleVersion)!;
  const content: VersionContent = {
    name: localizeAll(scheme.name, lang),
    summary: localizeAll(scheme.summary, lang),
    effective_from: version.effective_from,
    category: scheme.category,
    ...(scheme.also_covers ? { also_covers: scheme.also_covers } : {}),
    contributions: localizeAll(version.contributions, lang),
    subsidy: localizeAll(version.subsidy, lang),
    benefits: localizeAll(version.benefits, lang),
    documents: localizeAll(version.documents, lang),
    apply: localizeAll(version.apply, lang),
    sources: citedSources(scheme, version),
  };
  const conditional = scheme.summary_variants !== undefined || version.conditions !== undefined || version.contributions.some((c) => c.when);
  entry = conditional ? { content, conditional: { scheme, version } } : { content };
  cache.set(key, entry);
  return entry;
}

/** A version's content in `lang`, as a member whose answers settle nothing reads it (general texts). */
export function versionContent(pack: Pack, schemeId: string, ruleVersion: string, lang: Lang): VersionContent {
  return cached(pack, schemeId, ruleVersion, lang).content;
}

export function citedSources(scheme: Scheme, version: SchemeVersion): Source[] {
  const ids = new Set([
    ...version.sources,
    ...Object.values(version.parameters).flatMap((p) => p.sources),
    ...version.criteria.flatMap((c) => c.sources),
  ]);
  return scheme.sources.filter((s) => ids.has(s.id));
}

export type PresentedResult = SchemeResult & Omit<VersionContent, "category">;

/**
 * Engine results with each scheme's content in the evaluation's language, chosen for her from her facts:
 * - a contribution with `when` (what she pays at her age) only if her answers pass its test;
 * - a benefit or document with `when` (for pregnant members) unless her answers fail it: what might apply to her
 *   is never hidden;
 * - a text with variants (her province's limit): the first variant her answers pass, or the general text when
 *   her answers leave a variant before it unsettled or fit none. The summary works the same way.
 * Without facts she gets the general texts.
 */
export function presentResults(pack: Pack, evaluation: Evaluation, facts?: Facts): PresentedResult[] {
  let resolved: Record<string, unknown> | undefined;
  return evaluation.results.map((r) => {
    const { content, conditional } = cached(pack, r.scheme, r.rule_version, evaluation.lang);
    const { category: _c, ...rest } = content;
    // Most versions have no conditional content: then nothing to evaluate.
    if (!conditional) return { ...r, ...rest };
    resolved ??= facts ? resolveFacts(facts, evaluation.date) : {};
    const f = resolved;
    const { scheme, version } = conditional;
    const lang = evaluation.lang;
    const passes = (t: Test) => evalTest(t, f, version);
    const choose = (general: string, variants: Variant[] | undefined): string => {
      for (const v of variants ?? []) {
        const outcome = passes(v.when);
        if (outcome === "passed") return localize(v.text, lang);
        if (outcome === "unknown") break;
      }
      return general;
    };
    const items = (general: string[], conditions: Record<number, ContentCondition> | undefined): string[] =>
      conditions === undefined
        ? general
        : general.flatMap((text, i) => {
            const c = conditions[i];
            if (!c) return [text];
            if (c.when && passes(c.when) === "failed") return [];
            return [choose(text, c.variants)];
          });
    return {
      ...r,
      ...rest,
      summary: choose(rest.summary, scheme.summary_variants),
      contributions: rest.contributions
        .filter((_c, i) => {
          const when = version.contributions[i]!.when;
          return when === undefined || passes(when) === "passed";
        })
        .map(({ when: _w, ...c }) => c),
      benefits: items(rest.benefits, version.conditions?.benefits),
      documents: items(rest.documents, version.conditions?.documents),
    };
  });
}
