/**
 * Content hashes: each scheme version's hash changes when that version is edited in place (even with the same
 * start date), and only its own; a country's pack hash changes with its content, not with another country's.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readRules } from "../../src/rules/read";

const root = mkdtempSync(join(tmpdir(), "hbw-rules-"));
cpSync("rules/ke", join(root, "ke"), { recursive: true });
cpSync("rules/th", join(root, "th"), { recursive: true });
afterAll(() => rmSync(root, { recursive: true, force: true }));

function hashes() {
  const r = readRules(root);
  expect(r.errors).toEqual([]);
  const versions = new Map<string, string>();
  for (const c of r.countries) for (const s of c.pack.schemes) for (const v of s.versions) versions.set(v.rule_version, v.hash);
  return { packs: Object.fromEntries(r.countries.map((c) => [c.pack.country.code, c.pack.hash])), versions, all: r.rulesVersion };
}

describe("content hashes", () => {
  it("change for the version edited in place, and for its country, and nothing else", () => {
    const before = hashes();
    expect(before.versions.get("ke/inua_jamii_opct@2018-01-01")).toMatch(/^[0-9a-f]{16}$/);
    const file = join(root, "ke/schemes/inua_jamii_opct.yaml");
    const text = readFileSync(file, "utf8");
    // The same version, same start date, a different payment: an edit in place.
    expect(text).toContain("value: 2000");
    writeFileSync(file, text.replace("value: 2000", "value: 2500"));
    const after = hashes();
    const changed = [...after.versions].filter(([k, h]) => before.versions.get(k) !== h).map(([k]) => k);
    expect(changed).toEqual(["ke/inua_jamii_opct@2018-01-01"]);
    expect(after.packs.ke).not.toBe(before.packs.ke);
    expect(after.packs.th).toBe(before.packs.th);
    expect(after.all).not.toBe(before.all);
  });
});
