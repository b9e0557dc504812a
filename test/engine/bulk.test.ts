/**
 * Bulk mode's contract beyond agreement with `evaluate` (test/engine/property.test.ts): the versions in force in a
 * fixed order, one result reused across members, criteria read from the masks, and the limit of criteria per
 * version that the masks impose, refused when the pack is compiled.
 */
import { describe, expect, it } from "vitest";
import { compilePack, maskIds, MAX_CRITERIA } from "../../src/engine";
import { STATUSES } from "../../src/engine/enums";
import { PACKS } from "../../src/rules/generated/index";
import { packOf, scheme } from "../helpers/pack";

const ke = compilePack(PACKS.ke!);

describe("bulk mode", () => {
  it("lists the versions in force on a date, in evaluate's order, with their criteria", () => {
    const schemes = ke.bulkSchemes("2024-01-01");
    const full = ke.evaluate({}, { date: "2024-01-01" });
    expect(schemes.map((s) => s.rule_version)).toEqual(full.results.map((r) => r.rule_version));
    const haba = schemes.find((s) => s.scheme === "nssf_haba_haba")!;
    expect(haba).toMatchObject({ rule_version: "ke/nssf_haba_haba@2019-12-31", criteria: ["adult", "kenyan_id"] });
    // On another date, another version.
    expect(ke.bulkSchemes("2025-06-01").find((s) => s.scheme === "nssf_haba_haba")!.criteria).toEqual(["adult", "kenyan_or_refugee"]);
  });

  it("gives statuses and the failed and unknown criteria, reusing one result", () => {
    const date = "2024-01-01";
    const k = ke.bulkSchemes(date).findIndex((s) => s.scheme === "nssf_haba_haba");
    const ids = ke.bulkSchemes(date)[k]!.criteria;
    const out = ke.evaluateBulk({ age: 30, residency_status: "refugee" }, date);
    expect(STATUSES[out.status[k]!]).toBe("not_eligible");
    expect(maskIds(out.failed[k]!, ids)).toEqual(["kenyan_id"]);
    expect(maskIds(out.unknown[k]!, ids)).toEqual([]);

    const again = ke.evaluateBulk({ residency_status: "citizen" }, date, out);
    expect(again).toBe(out);
    expect(STATUSES[again.status[k]!]).toBe("needs_info");
    expect(maskIds(again.failed[k]!, ids)).toEqual([]);
    expect(maskIds(again.unknown[k]!, ids)).toEqual(["adult"]);
  });

  it("makes a new result when the number of schemes in force differs from the one passed", () => {
    const out = ke.evaluateBulk({}, "2025-06-01");
    const early = ke.evaluateBulk({}, "2000-01-01", out);
    expect(early.status.length).toBe(ke.bulkSchemes("2000-01-01").length);
    expect(early).not.toBe(out);
  });

  it(`refuses, when compiling, a version with more than ${MAX_CRITERIA} criteria`, () => {
    const criteria = Array.from(
      { length: MAX_CRITERIA + 1 },
      (_, i) => `      - id: c${i}\n        test: { fact: age, op: gte, value: ${i} }\n        sources: [act]\n        reason: { pass: ok, fail: no }\n`,
    ).join("");
    const pack = packOf({ big: scheme("big", `  - effective_from: 2020-01-01\n    sources: [act]\n    criteria:\n${criteria}`) });
    expect(() => compilePack(pack)).toThrow(`zz/big@2020-01-01: 33 criteria; a version has at most 32`);
    // 32 fit, the last in the word's top bit: criteria c1..c32 (age at least 1..32); at 20 she fails c21..c32.
    const v = pack.schemes[0]!.versions[0]!;
    const fits = compilePack({ ...pack, schemes: [{ ...pack.schemes[0]!, versions: [{ ...v, criteria: v.criteria.slice(1) }] }] });
    const out = fits.evaluateBulk({ age: 20 }, "2025-01-01");
    expect(maskIds(out.failed[0]!, fits.bulkSchemes("2025-01-01")[0]!.criteria)).toEqual(Array.from({ length: 12 }, (_, i) => `c${21 + i}`));
    expect(out.failed[0]).toBe(0xfff00000);
  });
});
