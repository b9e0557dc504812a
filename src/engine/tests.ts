/** Walking the test trees of criteria: the leaves (fact comparisons) and the facts they read. */
import type { LeafTest, Test } from "./types";

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
