/**
 * Member-facing content of a scheme version in one language, joined to engine results: what the API answers
 * and what the page shows. Pure, so the Worker and the browser share it. Localized once per version and
 * language, then reused.
 */
import { localizeAll, type Localized } from "../engine/text";
import { resolveFacts } from "../engine/compile";
import { evalTest } from "../engine/reference";
import type { Evaluation, Facts, Lang, Pack, Scheme, SchemeResult, SchemeVersion, Source } from "../engine/types";

export interface VersionContent {
  name: string;
  summary: string;
  effective_from: string;
  category: Scheme["category"];
  contributions: Localized<SchemeVersion["contributions"]>;
  subsidy: Localized<SchemeVersion["subsidy"]>;
  benefits: string[];
  documents: string[];
  apply: Localized<SchemeVersion["apply"]>;
  /** Every source the version cites (its dates, parameters and criteria). */
  sources: Source[];
}

const cache = new Map<string, VersionContent>();

export function versionContent(pack: Pack, schemeId: string, ruleVersion: string, lang: Lang): VersionContent {
  const key = `${ruleVersion}|${lang}`;
  let content = cache.get(key);
  if (content) return content;
  const scheme = pack.schemes.find((s) => s.id === schemeId)!;
  const version = scheme.versions.find((v) => v.rule_version === ruleVersion)!;
  content = {
    name: localizeAll(scheme.name, lang),
    summary: localizeAll(scheme.summary, lang),
    effective_from: version.effective_from,
    category: scheme.category,
    contributions: localizeAll(version.contributions, lang),
    subsidy: localizeAll(version.subsidy, lang),
    benefits: localizeAll(version.benefits, lang),
    documents: localizeAll(version.documents, lang),
    apply: localizeAll(version.apply, lang),
    sources: citedSources(scheme, version),
  };
  cache.set(key, content);
  return content;
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
 * Engine results with each scheme's content in the evaluation's language. With her facts, content meant for some
 * members only (a contribution `when` her age is 29) is kept for her only if her answers pass its test.
 */
export function presentResults(pack: Pack, evaluation: Evaluation, facts?: Facts): PresentedResult[] {
  const resolved = facts ? resolveFacts(facts, evaluation.date) : undefined;
  return evaluation.results.map((r) => {
    const { category: _c, contributions, ...content } = versionContent(pack, r.scheme, r.rule_version, evaluation.lang);
    // Most versions have no conditional content: then nothing to look up or evaluate.
    if (!contributions.some((c) => c.when !== undefined)) return { ...r, ...content, contributions };
    const version = pack.schemes.find((s) => s.id === r.scheme)!.versions.find((v) => v.rule_version === r.rule_version)!;
    const shown = contributions
      .filter((c) => c.when === undefined || (resolved !== undefined && evalTest(c.when, resolved, version) === "passed"))
      .map(({ when: _w, ...c }) => c);
    return { ...r, ...content, contributions: shown };
  });
}
