/** Choosing the next question: the fact whose answer settles the most open schemes. */
import type { Facts, NextQuestion, SchemeResult } from "./types";
import { ANSWERED_BY } from "./vocabulary";

/**
 * The missing fact shared by the most schemes still waiting for information, skipping facts the member declined
 * to answer. Ties go to the fact asked earlier in question order (`order`: fact name → position). Checklists
 * (`last`: the list facts, such as "which of these are you already a member of?") come after every other
 * question: they are the longest to answer, and by then fewer schemes remain open to list.
 * @example nextQuestion(evaluation.results, { age: 45 }, order, last) // { fact: "worker_type", schemes: ["nssf_haba_haba", "sha"] }
 */
export function nextQuestion(
  results: readonly SchemeResult[],
  facts: Facts,
  order: ReadonlyMap<string, number>,
  last: ReadonlySet<string> = new Set(),
): NextQuestion | null {
  // Most evaluations of complete profiles leave nothing open: answer before allocating anything.
  if (!results.some((r) => r.status === "needs_info")) return null;
  const counts = new Map<string, string[]>();
  for (const r of results) {
    if (r.status !== "needs_info") continue;
    for (const fact of r.missing) {
      // Declined (null) facts are not asked again, nor facts declined in their other form (a birth date for age).
      const alt = Object.hasOwn(ANSWERED_BY, fact) ? ANSWERED_BY[fact] : undefined;
      if (facts[fact] === null || (alt !== undefined && facts[alt] === null)) continue;
      const list = counts.get(fact);
      if (list) list.push(r.scheme);
      else counts.set(fact, [r.scheme]);
    }
  }
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
