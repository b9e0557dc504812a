/**
 * The slow, obvious evaluator: it reads the pack as data on every call, with no precompilation. It exists to be
 * easy to check by eye, and so that a property test can show the compiled evaluator gives the same answers.
 */
import { versionOn } from "./dates";
import { contentFacts, contentVersions, nextQuestion } from "./next-question";
import { ENGINE_TEXT, formatValue, localize } from "./text";
import { factOrder, listFacts, resolveFacts } from "./compile";
import { evalTest, leafTests, thresholdOf } from "./tests";
import type { CriterionResult, Evaluation, Facts, Lang, Outcome, Pack, SchemeResult, Status } from "./types";

/**
 * Evaluates like `compilePack(pack).evaluate(facts, options)`, slowly.
 * @example referenceEvaluate(kePack, { age: 45 }, { date: "2025-06-01" }).results[0].status
 */
export function referenceEvaluate(
  pack: Pack,
  facts: Facts,
  options: { date: string; lang?: Lang },
): Evaluation {
  const { date } = options;
  const lang = options.lang && pack.country.languages.includes(options.lang) ? options.lang : "en";
  const order = factOrder(pack);
  const f = resolveFacts(facts, date);

  const withContent = contentVersions(pack);
  const results: SchemeResult[] = [];
  for (const scheme of pack.schemes) {
    const version = versionOn(scheme.versions, date);
    if (!version) continue;
    const criteria = version.criteria.map((c): CriterionResult & { applicable: boolean; officePending: boolean } => {
      const leaves = [...(c.when ? leafTests(c.when) : []), ...(c.test ? leafTests(c.test) : [])];
      const read = [...new Set(leaves.map((l) => l.leaf.fact))].sort((a, b) => order.get(a)! - order.get(b)!);
      const unconfirmed =
        c.unconfirmed || leaves.some((l) => l.leaf.param !== undefined && version.parameters[l.leaf.param]!.unconfirmed);
      const test: Outcome = c.test ? evalTest(c.test, f, version) : "unknown";
      const when: Outcome = c.when ? evalTest(c.when, f, version) : "passed";
      const applicable = when !== "failed";
      const settled: Outcome = !applicable ? "passed" : when === "passed" || test === "passed" ? test : "unknown";
      // An office criterion: its proxy test can fail it; when the proxy passes, the office still judges.
      const officePending = applicable && c.office !== undefined && c.test !== undefined && settled === "passed";
      const outcome: Outcome = officePending ? "unknown" : settled;
      const text =
        outcome === "failed"
          ? c.reason.fail
          : outcome === "unknown"
            ? (c.office ?? c.reason.unknown ?? ENGINE_TEXT.unknown)
            : applicable
              ? c.reason.pass
              : (c.reason.not_applicable ?? c.reason.pass);
      const single = c.test && "fact" in c.test ? c.test : undefined;
      const vars: Record<string, string> = {};
      for (const [name, p] of Object.entries(version.parameters)) vars[name] = formatValue(p.value);
      vars.threshold = formatValue(single ? thresholdOf(single, version) : undefined);
      vars.value = formatValue(single ? f[single.fact] : undefined);
      const template = (unconfirmed ? `${localize(ENGINE_TEXT.check_with_office, lang)} ` : "") + localize(text, lang);
      const result: CriterionResult & { applicable: boolean; officePending: boolean } = {
        id: c.id,
        outcome,
        check_with_office: applicable && (unconfirmed || (c.office !== undefined && outcome !== "failed")),
        unconfirmed,
        facts: read,
        reason: template.replace(/\{([a-z_][a-z0-9_]*)\}/g, (m, name: string) => vars[name] ?? m),
        sources: c.sources.length
          ? c.sources
          : [...new Set(leaves.flatMap((l) => (l.leaf.param ? version.parameters[l.leaf.param]!.sources : [])))],
        applicable,
        officePending,
      };
      if (single) {
        result.value = (f[single.fact] ?? null) as CriterionResult["value"];
        result.threshold = thresholdOf(single, version);
      }
      return result;
    });

    const failed = criteria.some((c) => c.outcome === "failed" && !c.unconfirmed);
    const unsettled = criteria.some((c) => c.outcome === "failed" && c.unconfirmed);
    const missing = failed
      ? []
      : [...new Set(criteria.filter((c) => c.outcome === "unknown" && !c.officePending).flatMap((c) => c.facts))]
          .filter((name) => f[name] === undefined || f[name] === null)
          .sort((a, b) => order.get(a)! - order.get(b)!);
    const status: Status = failed
      ? "not_eligible"
      : missing.length
        ? "needs_info"
        : unsettled
          ? "likely_not_eligible"
          : criteria.some((c) => c.check_with_office)
          ? "likely_eligible"
          : "eligible";
    results.push({
      scheme: scheme.id,
      category: scheme.category,
      status,
      rule_version: version.rule_version,
      version_hash: version.hash,
      criteria: criteria.map(({ applicable: _, officePending: _o, ...c }) => c),
      missing,
    });
  }
  return {
    country: pack.country.code,
    date,
    lang,
    rules_version: pack.hash,
    results,
    next_question: nextQuestion(results, facts, order, listFacts(pack), (r) => {
      const c = withContent.get(r.rule_version);
      return c ? contentFacts(c.tests, c.version, f) : [];
    }),
  };
}
