/** fast-check generators of member facts: valid for a pack's vocabulary, with answers declined (null) or absent. */
import fc from "fast-check";
import { countryFacts } from "../../src/engine/vocabulary";
import type { FactDef, Pack } from "../../src/engine/types";

export /** An arbitrary value for a fact: usually valid, sometimes declined (null), sometimes absent. */
function arbFact(def: FactDef): fc.Arbitrary<unknown> {
  switch (def.type) {
    case "boolean":
      return fc.boolean();
    case "integer":
      return fc.integer({ min: def.min ?? 0, max: Math.min(def.max ?? 200, 200) });
    case "number":
      return fc.oneof(fc.integer({ min: 0, max: 60000 }), fc.double({ min: 0, max: 1e6, noNaN: true }));
    case "date":
      return fc.date({ min: new Date("1900-01-01"), max: new Date("2024-01-01"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    case "enum":
      return fc.constantFrom(...(def.values?.length ? def.values : ["none"]));
    case "list":
      return fc.uniqueArray(fc.constantFrom(...(def.values?.length ? def.values : ["none"])), { maxLength: 3 });
  }
}

export function arbFacts(pack: Pack): fc.Arbitrary<Record<string, unknown>> {
  const defs = countryFacts(pack.country, pack.schemes.map((s) => s.id)).filter((d) => d.name !== "birth_date");
  const entries = defs.map((d) => [d.name, fc.option(arbFact(d), { nil: null, freq: 4 })] as const);
  return fc
    .record(Object.fromEntries(entries), { requiredKeys: [] })
    .chain((facts) =>
      fc
        .option(fc.date({ min: new Date("1930-01-01"), max: new Date("2010-12-31"), noInvalidDate: true }), { freq: 3 })
        .map((b) => (b && facts.age === undefined ? { ...facts, birth_date: b.toISOString().slice(0, 10) } : facts)),
    );
}

