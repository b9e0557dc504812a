/**
 * Test trees (of criteria and of content for some members): their leaves (fact comparisons), the facts they read,
 * and the obvious three-valued evaluation of one test.
 */
import type { LeafTest, Outcome, Scalar, SchemeVersion, Test } from "./types";

export function isLeaf(t: Test): t is LeafTest {
  return "fact" in t;
}

/** Every leaf of a test with its path inside the test, e.g. `["all", 1, "not"]`. */
export function leafTests(test: Test, path: (string | number)[] = []): { leaf: LeafTest; path: (string | number)[] }[] {
  if (isLeaf(test)) return [{ leaf: test, path }];
  if ("all" in test) return test.all.flatMap((t, i) => leafTests(t, [...path, "all", i]));
  if ("any" in test) return test.any.flatMap((t, i) => leafTests(t, [...path, "any", i]));
  return leafTests(test.not, [...path, "not"]);
}

/** The distinct facts a test reads, in the order they first appear. */
export function testFacts(test: Test): string[] {
  return [...new Set(leafTests(test).map((l) => l.leaf.fact))];
}

/** The threshold a leaf compares with: its literal value, or the value of the version's parameter it names. */
export function thresholdOf(leaf: LeafTest, v: SchemeVersion): Scalar | Scalar[] {
  return leaf.param !== undefined ? v.parameters[leaf.param]!.value : leaf.value!;
}

/**
 * A test on facts as rules read them (see `resolveFacts`): passed, failed, or unknown when an answer it needs is
 * missing or declined. Read as data on every call; src/engine/compile.ts compiles the same logic for criteria.
 * @example evalTest({ fact: "age", op: "gte", value: 18 }, { age: 29 }, version) // "passed"
 */
export function evalTest(t: Test, f: Record<string, unknown>, v: SchemeVersion): Outcome {
  if ("all" in t) {
    const rs = t.all.map((k) => evalTest(k, f, v));
    return rs.includes("failed") ? "failed" : rs.includes("unknown") ? "unknown" : "passed";
  }
  if ("any" in t) {
    const rs = t.any.map((k) => evalTest(k, f, v));
    return rs.includes("passed") ? "passed" : rs.includes("unknown") ? "unknown" : "failed";
  }
  if ("not" in t) {
    const r = evalTest(t.not, f, v);
    return r === "unknown" ? r : r === "passed" ? "failed" : "passed";
  }
  const x = f[t.fact];
  if (x === undefined || x === null) return "unknown";
  if ((t.op === "includes_any" || t.op === "includes_none") && !Array.isArray(x)) return "unknown";
  const th = thresholdOf(t, v);
  const list = Array.isArray(th) ? (th as unknown[]) : [th];
  const xs = Array.isArray(x) ? (x as unknown[]) : [x];
  let ok: boolean;
  switch (t.op) {
    case "eq": ok = x === th; break;
    case "ne": ok = x !== th; break;
    case "lt": ok = (x as number) < (th as number); break;
    case "lte": ok = (x as number) <= (th as number); break;
    case "gt": ok = (x as number) > (th as number); break;
    case "gte": ok = (x as number) >= (th as number); break;
    case "in": ok = list.includes(x); break;
    case "not_in": ok = !list.includes(x); break;
    case "includes_any": ok = xs.some((e) => list.includes(e)); break;
    case "includes_none": ok = !xs.some((e) => list.includes(e)); break;
  }
  return ok ? "passed" : "failed";
}
