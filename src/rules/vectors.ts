/**
 * Running a country's test vectors and measuring what they cover: every leaf test of every version seen both
 * passing and failing, and every version boundary probed on the day before and the day itself.
 */
import type { CompiledPack } from "../engine/compile";
import { inForce } from "../engine/dates";
import { checkFacts } from "../interview/gate";
import { issueText } from "../interview/issues";
import { evalTest } from "../engine/tests";
import { leafTests } from "../engine/tests";
import { resolveFacts } from "../engine/compile";
import type { Criterion, Pack, Status } from "../engine/types";
import type { Vector } from "./schema";

export interface VectorFile {
  file: string;
  scheme: string;
  vectors: Vector[];
}

export interface VectorFailure {
  file: string;
  vector: string;
  scheme?: string;
  message: string;
}

type Expected = Status | "not_in_force";

export function expectation(e: Vector["expect"][string]): { status: Expected; missing?: string[] } {
  return typeof e === "string" ? { status: e } : e;
}

/** Runs one vector; returns what differs from its expectation (nothing when it passes). */
export function runVector(engine: CompiledPack, file: string, v: Vector): VectorFailure[] {
  const checked = checkFacts(engine.pack, v.facts, v.date);
  if (!checked.ok) {
    return [{ file, vector: v.name, message: `facts rejected: ${checked.issues.map((i) => `${i.path.join(".")}: ${i.code} (${issueText(i, "en")})`).join("; ")}` }];
  }
  const evaluation = engine.evaluate(checked.facts, { date: v.date });
  const failures: VectorFailure[] = [];
  for (const [scheme, raw] of Object.entries(v.expect)) {
    const want = expectation(raw);
    const got = evaluation.results.find((r) => r.scheme === scheme);
    const status: Expected = got ? got.status : "not_in_force";
    if (status !== want.status) {
      const why = got?.criteria
        .filter((c) => c.outcome !== "passed")
        .map((c) => `${c.id} ${c.outcome}${c.check_with_office ? " (office)" : ""}`)
        .join(", ");
      failures.push({ file, vector: v.name, scheme, message: `expected ${want.status}, got ${status}${why ? ` (${why})` : ""}` });
    } else if (want.missing && got && JSON.stringify(got.missing) !== JSON.stringify(want.missing)) {
      failures.push({ file, vector: v.name, scheme, message: `expected missing [${want.missing.join(", ")}], got [${got.missing.join(", ")}]` });
    }
  }
  return failures;
}

export interface CoverageGap {
  file: string;
  message: string;
}

/** What the vectors of each scheme leave unprobed. */
export function coverageGaps(pack: Pack, files: VectorFile[]): CoverageGap[] {
  const gaps: CoverageGap[] = [];
  for (const scheme of pack.schemes) {
    const file = files.find((f) => f.scheme === scheme.id)?.file ?? `${scheme.id}.test.yaml`;
    // Vectors anywhere in the country that state an expectation for this scheme.
    const vectors = files.flatMap((f) => f.vectors).filter((v) => scheme.id in v.expect);
    const dates = new Set(vectors.map((v) => v.date));
    const boundaries = new Set<string>();
    for (const version of scheme.versions) {
      boundaries.add(version.effective_from);
      if (version.effective_to) boundaries.add(addDays(version.effective_to, 1));
    }
    for (const b of boundaries) {
      const before = addDays(b, -1);
      const missingSides = [dates.has(before) ? "" : before, dates.has(b) ? "" : b].filter(Boolean);
      if (missingSides.length) {
        gaps.push({ file, message: `${scheme.id}: the rules change on ${b}; add vectors dated ${missingSides.join(" and ")}` });
      }
    }
    for (const version of scheme.versions) {
      const inForceVectors = vectors.filter((v) => inForce(version, v.date));
      for (const c of version.criteria) {
        const tests = [...(c.when ? [{ t: c.when, where: "when" }] : []), ...(c.test ? [{ t: c.test, where: "test" }] : [])];
        for (const { t, where } of tests) {
          for (const { leaf, path } of leafTests(t)) {
            const seen = new Set<string>();
            for (const v of inForceVectors) {
              const checked = checkFacts(pack, v.facts, v.date);
              if (!checked.ok) continue;
              seen.add(evalTest(leaf, resolveFacts(checked.facts, v.date), version));
            }
            const lacking = ["passed", "failed"].filter((o) => !seen.has(o));
            if (lacking.length) {
              const where2 = [where, ...path].join(".");
              const th = leaf.param ? `${leaf.param}` : JSON.stringify(leaf.value);
              gaps.push({
                file,
                message: `${version.rule_version} criterion ${c.id} (${where2}: ${leaf.fact} ${leaf.op} ${th}) is never ${lacking.join(" nor ")} in a vector`,
              });
            }
          }
        }
      }
    }
  }
  return gaps;
}

export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * Office criteria that the member's answers can never contradict and that do not say why. An office criterion
 * gives `likely_eligible` only while nothing she said speaks against it, so where a sourced proxy exists (an
 * income line, "in the poverty registry") it must be its `test:`; otherwise `no_proxy:` says why there is none.
 */
export function officeProxyGaps(pack: Pack, files: VectorFile[]): CoverageGap[] {
  const gaps: CoverageGap[] = [];
  for (const scheme of pack.schemes) {
    const file = files.find((f) => f.scheme === scheme.id)?.file ?? `${scheme.id}.yaml`;
    const seen = new Set<Criterion>();
    for (const version of scheme.versions) {
      for (const c of version.criteria) {
        if (seen.has(c) || c.office === undefined || c.test !== undefined || c.no_proxy !== undefined) continue;
        seen.add(c);
        gaps.push({
          file: file.replace(/\.test\.yaml$/, ".yaml"),
          message: `${version.rule_version} office criterion ${c.id} has no test: her answers could fail (a sourced proxy such as monthly_income, household_monthly_income or in_poverty_registry) and no no_proxy: saying why none exists`,
        });
      }
    }
  }
  return gaps;
}
