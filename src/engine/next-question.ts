/**
 * Choosing the next question: the fact whose answer settles the most open schemes; once none is left, a fact a
 * text for some members asks for (`ask: true`: whether she is pregnant, for JKN's care in pregnancy).
 */
import { evalTest, testFacts } from "./tests";
import type { Facts, NextQuestion, Pack, Scheme, SchemeResult, SchemeVersion, Test, Variant } from "./types";
import { ANSWERED_BY } from "./vocabulary";

/**
 * The missing fact shared by the most schemes still waiting for information, skipping facts the member declined
 * to answer. Ties go to the fact asked earlier in question order (`order`: fact name → position). Checklists
 * (`last`: the list facts, such as "which of these are you already a member of?") come after every other
 * question: they are the longest to answer, and by then fewer schemes remain open to list.
 *
 * When no scheme waits for an answer, `content` (if given) names, for each result, the facts its texts for some
 * members ask for and still need (see `contentFacts`): the one shared by the most schemes she can or may join is
 * asked last.
 * @example nextQuestion(evaluation.results, { age: 45 }, order, last) // { fact: "worker_type", schemes: ["nssf_haba_haba", "sha"] }
 */
export function nextQuestion(
  results: readonly SchemeResult[],
  facts: Facts,
  order: ReadonlyMap<string, number>,
  last: ReadonlySet<string> = new Set(),
  content?: (r: SchemeResult) => readonly string[],
): NextQuestion | null {
  // Most evaluations of complete profiles leave nothing open: answer before allocating anything.
  const open = results.some((r) => r.status === "needs_info");
  if (!open && !content) return null;
  const counts = new Map<string, string[]>();
  if (open) for (const r of results) if (r.status === "needs_info") tally(counts, r.scheme, r.missing, facts);
  const best = pick(counts, order, last);
  if (best || !content) return best;
  // Nothing left to settle: what changes the texts of the schemes she can or may join.
  for (const r of results) if (r.status !== "not_eligible") tally(counts, r.scheme, content(r), facts);
  return pick(counts, order, last);
}

function tally(counts: Map<string, string[]>, scheme: string, wanted: readonly string[], facts: Facts) {
  for (const fact of wanted) {
    // Declined (null) facts are not asked again, nor facts declined in their other form (a birth date for age).
    const alt = Object.hasOwn(ANSWERED_BY, fact) ? ANSWERED_BY[fact] : undefined;
    if (facts[fact] === null || (alt !== undefined && facts[alt] === null)) continue;
    const list = counts.get(fact);
    if (list) list.push(scheme);
    else counts.set(fact, [scheme]);
  }
}

function pick(counts: Map<string, string[]>, order: ReadonlyMap<string, number>, last: ReadonlySet<string>): NextQuestion | null {
  let best: NextQuestion | null = null;
  for (const [fact, schemes] of counts) {
    if (!best) {
      best = { fact, schemes };
      continue;
    }
    const late = last.has(fact);
    const bestLate = last.has(best.fact);
    if (
      (bestLate && !late) ||
      (late === bestLate &&
        (schemes.length > best.schemes.length || (schemes.length === best.schemes.length && order.get(fact)! < order.get(best.fact)!)))
    ) {
      best = { fact, schemes };
    }
  }
  return best;
}

/** The tests of a version's texts for some members whose facts are to be asked (`ask: true`). */
function contentTests(scheme: Scheme, version: SchemeVersion): Test[] {
  const tests: Test[] = [];
  const variants = (vs: readonly Variant[] | undefined) => {
    for (const v of vs ?? []) if (v.ask) tests.push(v.when);
  };
  variants(scheme.summary_variants);
  for (const byPosition of [version.conditions?.benefits, version.conditions?.documents]) {
    for (const c of Object.values(byPosition ?? {})) {
      if (c.ask && c.when) tests.push(c.when);
      variants(c.variants);
    }
  }
  return tests;
}

/** The versions of a pack with texts whose facts are to be asked, by rule version. */
export function contentVersions(pack: Pack): Map<string, { version: SchemeVersion; tests: Test[] }> {
  const out = new Map<string, { version: SchemeVersion; tests: Test[] }>();
  for (const scheme of pack.schemes) {
    for (const version of scheme.versions) {
      const tests = contentTests(scheme, version);
      if (tests.length) out.set(version.rule_version, { version, tests });
    }
  }
  return out;
}

/**
 * The facts, not yet answered, read by content tests her answers leave unsettled (`f`: facts as rules read them).
 * Answering one may change what she is shown, never her status.
 * @example contentFacts(jknTests, jkn2024, {}) // ["is_pregnant"]
 */
export function contentFacts(tests: readonly Test[], version: SchemeVersion, f: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const t of tests) {
    if (evalTest(t, f, version) !== "unknown") continue;
    for (const name of testFacts(t)) if ((f[name] === undefined || f[name] === null) && !out.includes(name)) out.push(name);
  }
  return out;
}
