/**
 * An eligibility change explained for an organizer, in her language: the reasons of the criteria that made the
 * difference (rendered by the engine from the facts and date of the screening that found it, as the member would
 * have read them), the sources those criteria cite, and the date of the rule: when the new version came into
 * force, or when the old one ended. Pure.
 */
import type { CompiledPack } from "../engine/compile";
import { localize } from "../engine/text";
import type { Evaluation, Facts, Lang, Scheme, SchemeVersion, Source } from "../engine/types";
import { citedSources } from "./content";

export interface ChangeIds {
  scheme: string;
  from_status: string | null;
  to_status: string | null;
  from_rule_version: string | null;
  to_rule_version: string | null;
  causes: string[];
}

export interface ChangeExplained {
  scheme_name: string;
  reasons: { criterion: string; text: string }[];
  sources: Pick<Source, "id" | "title" | "url" | "date">[];
  /** `started`: the scheme came into force; `ended`: it stopped; `changed`: a new version or her outcome. */
  rule_event: "started" | "ended" | "changed";
  /** When the rule used took effect (started, changed), or the last day the old one applied (ended). */
  rule_date: string | null;
}

const versionOf = (scheme: Scheme | undefined, ruleVersion: string | null): SchemeVersion | undefined => (ruleVersion ? scheme?.versions.find((v) => v.rule_version === ruleVersion) : undefined);

/**
 * Explains a change. `evaluation` is the engine's answer on the screening's facts and date in `lang` (the caller
 * evaluates once per screening; see `evaluateFor`).
 */
export function explainChange(pack: CompiledPack["pack"], change: ChangeIds, evaluation: Evaluation | undefined, lang: Lang): ChangeExplained {
  const scheme = pack.schemes.find((s) => s.id === change.scheme);
  const to = versionOf(scheme, change.to_rule_version);
  const from = versionOf(scheme, change.from_rule_version);
  const criteria = evaluation?.results.find((r) => r.scheme === change.scheme)?.criteria ?? [];
  const reasons = change.causes.map((id) => {
    const seen = criteria.find((c) => c.id === id);
    if (seen) return { criterion: id, text: seen.reason };
    // A criterion of the old version that the new one no longer has: its old words, as they were.
    const old = from?.criteria.find((c) => c.id === id);
    return { criterion: id, text: old ? fill(localize(old.reason.fail, lang), from!) : id };
  });
  const version = to ?? from;
  let sources: Source[] = [];
  if (scheme && version) {
    const cited = new Set(change.causes.flatMap((id) => version.criteria.find((c) => c.id === id)?.sources ?? []));
    sources = cited.size ? scheme.sources.filter((s) => cited.has(s.id)) : version.sources.length ? scheme.sources.filter((s) => version.sources.includes(s.id)) : citedSources(scheme, version);
  }
  const rule_event = !to ? "ended" : !change.from_rule_version ? "started" : "changed";
  return {
    scheme_name: scheme ? localize(scheme.name, lang) : change.scheme,
    reasons,
    sources: sources.map(({ id, title, url, date }) => ({ id, title, url, date })),
    rule_event,
    rule_date: rule_event === "ended" ? (from?.effective_to ?? null) : (to?.effective_from ?? null),
  };
}

/** The engine's answer for the facts of a stored screening, on its date, in `lang`: its reasons are the change's. */
export function evaluateFor(engine: CompiledPack, facts: Facts, date: string, lang: Lang): Evaluation {
  return engine.evaluate(facts, { date, lang });
}

/** A reason template of the old version with its parameters filled in (`{value}`, hers, is not known here). */
function fill(template: string, v: SchemeVersion): string {
  return template.replace(/\{([a-z_][a-z0-9_]*)\}/g, (m, name: string) => {
    const p = v.parameters[name];
    return p ? (Array.isArray(p.value) ? p.value.join(", ") : String(p.value)) : name === "value" ? "…" : m;
  });
}
