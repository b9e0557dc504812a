/**
 * How results are grouped for a member, the same on the page, in the share text and (later) on USSD: what she
 * already has, what she can apply for now, what she may qualify for, what is probably closed but rests on an
 * unsettled rule, and what she cannot join. Within each group, what matters to her first: maternity (and schemes
 * that also cover it) when she is pregnant. Pure.
 */
import type { Category, Facts, SchemeResult } from "../engine/types";

export interface Groups<R> {
  /** Schemes she said she is already a member of (whatever their status today). */
  have: R[];
  now: R[];
  maybe: R[];
  unsettled: R[];
  no: R[];
}

/**
 * @example groupResults(results, { covered_by: ["ucs"], is_pregnant: true }).have // [the UCS result]
 */
export function groupResults<R extends Pick<SchemeResult, "scheme" | "status" | "category"> & { also_covers?: readonly Category[] }>(
  results: readonly R[],
  facts: Facts,
): Groups<R> {
  const covered = Array.isArray(facts.covered_by) ? new Set(facts.covered_by) : new Set<string>();
  // A stable sort: maternity first for a pregnant member (and schemes that also cover it, such as health insurance
  // that pays for the birth), the rule packs' order otherwise.
  const maternity = (r: R) => r.category === "maternity" || r.also_covers?.includes("maternity") === true;
  const first = (r: R) => (facts.is_pregnant === true && maternity(r) ? 0 : 1);
  const ordered = results.map((r, i) => ({ r, i })).sort((a, b) => first(a.r) - first(b.r) || a.i - b.i).map((x) => x.r);
  const groups: Groups<R> = { have: [], now: [], maybe: [], unsettled: [], no: [] };
  for (const r of ordered) {
    if (covered.has(r.scheme)) groups.have.push(r);
    else if (r.status === "eligible") groups.now.push(r);
    else if (r.status === "likely_eligible" || r.status === "needs_info") groups.maybe.push(r);
    else if (r.status === "likely_not_eligible") groups.unsettled.push(r);
    else groups.no.push(r);
  }
  return groups;
}
