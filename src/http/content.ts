/**
 * Member-facing content of a scheme version in one language, joined to engine results. Localized once per
 * version and language, then reused.
 */
import { localizeAll, type Localized } from "../engine/text";
import type { Lang, Pack, Scheme, SchemeVersion, Source } from "../engine/types";

export interface VersionContent {
  name: string;
  summary: string;
  effective_from: string;
  contributions: Localized<SchemeVersion["contributions"]>;
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
    contributions: localizeAll(version.contributions, lang),
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
