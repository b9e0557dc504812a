/**
 * Grouping results for a member: what she already has apart, each status in its group, maternity (and schemes that
 * also cover it) first when pregnant.
 */
import { describe, expect, it } from "vitest";
import { groupResults } from "../../src/present/groups";
import type { Category, Status } from "../../src/engine/types";

const r = (scheme: string, status: Status, category: Category = "pension") => ({ scheme, status, category });

describe("groupResults", () => {
  const results = [
    r("ucs", "eligible", "health_insurance"),
    r("s40", "eligible"),
    r("pmmvy", "likely_eligible", "maternity"),
    r("nsf", "needs_info"),
    r("oaa", "likely_not_eligible"),
    r("hpa", "not_eligible", "labour_protection"),
    r("jsy", "eligible", "maternity"),
  ];

  it("puts what she already has apart, whatever its status today, and each other status in its own group", () => {
    const g = groupResults(results, { covered_by: ["ucs", "hpa"] });
    expect(g.have.map((x) => x.scheme)).toEqual(["ucs", "hpa"]);
    expect(g.now.map((x) => x.scheme)).toEqual(["s40", "jsy"]);
    expect(g.maybe.map((x) => x.scheme)).toEqual(["pmmvy", "nsf"]);
    expect(g.unsettled.map((x) => x.scheme)).toEqual(["oaa"]);
    expect(g.no.map((x) => x.scheme)).toEqual([]);
  });

  it("puts maternity first when she is pregnant, and keeps the packs' order otherwise", () => {
    expect(groupResults(results, { is_pregnant: true }).now.map((x) => x.scheme)).toEqual(["jsy", "ucs", "s40"]);
    expect(groupResults(results, { is_pregnant: false }).now.map((x) => x.scheme)).toEqual(["ucs", "s40", "jsy"]);
    expect(groupResults(results, {}).now.map((x) => x.scheme)).toEqual(["ucs", "s40", "jsy"]);
  });

  it("puts a scheme that also covers maternity (health insurance that pays for the birth) with maternity when she is pregnant", () => {
    const withJkn = [r("bpu", "eligible"), { ...r("jkn", "eligible", "health_insurance"), also_covers: ["maternity" as const] }, r("pkh", "eligible", "cash_transfer")];
    expect(groupResults(withJkn, { is_pregnant: true }).now.map((x) => x.scheme)).toEqual(["jkn", "bpu", "pkh"]);
    expect(groupResults(withJkn, { is_pregnant: false }).now.map((x) => x.scheme)).toEqual(["bpu", "jkn", "pkh"]);
  });
});
