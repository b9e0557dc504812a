/** Every country's test vectors pass, and cover both sides of every threshold and every date. */
import { describe, expect, it } from "vitest";
import { compilePack } from "../../src/engine";
import { PACKS, RULES_VERSION } from "../../src/rules/generated/index";
import { VECTORS } from "../../src/rules/generated/vectors";
import { coverageGaps, runVector } from "../../src/rules/vectors";
import { ADULTS_ONLY, packOf, scheme } from "../helpers/pack";

describe.each(Object.keys(PACKS))("rule pack %s", (cc) => {
  const pack = PACKS[cc]!;
  const engine = compilePack(pack);
  const files = VECTORS[cc] ?? [];
  const cases = files.flatMap((f) => f.vectors.map((v) => [`${f.scheme}: ${v.name}`, f.file, v] as const));

  it.each(cases)("%s", (_name, file, vector) => {
    expect(runVector(engine, file, vector)).toEqual([]);
  });

  it("has vectors on both sides of every threshold and every date", () => {
    expect(coverageGaps(pack, files).map((g) => g.message)).toEqual([]);
  });
});

describe("vector coverage", () => {
  const pack = packOf({
    s: scheme("s", ADULTS_ONLY),
  });
  const vector = (date: string, age: number) => ({ name: `${date} ${age}`, date, facts: { age }, expect: { s: "eligible" as const } });

  it("names a threshold never probed on one side, and a date never probed", () => {
    const gaps = coverageGaps(pack, [{ file: "s.test.yaml", scheme: "s", vectors: [vector("2020-01-01", 30)] }]).map((g) => g.message);
    expect(gaps).toEqual([
      "s: the rules change on 2020-01-01; add vectors dated 2019-12-31",
      'zz/s@2020-01-01 criterion adult (test: age gte 18) is never failed in a vector',
    ]);
  });

  it("is satisfied by vectors on both sides", () => {
    const vectors = [vector("2019-12-31", 30), vector("2020-01-01", 18), vector("2021-01-01", 17)];
    expect(coverageGaps(pack, [{ file: "s.test.yaml", scheme: "s", vectors }])).toEqual([]);
  });

  it("reports a vector whose expectation is wrong", () => {
    const engine = compilePack(pack);
    const failures = runVector(engine, "s.test.yaml", { name: "child", date: "2021-01-01", facts: { age: 10 }, expect: { s: "eligible" } });
    expect(failures).toEqual([{ file: "s.test.yaml", vector: "child", scheme: "s", message: "expected eligible, got not_eligible (adult failed)" }]);
  });
});
