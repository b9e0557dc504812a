/**
 * Reading the rule files from disk (Node only: the build and the rule tools). Everything after reading is pure
 * and lives in load.ts.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import type { Pack, Scheme, SchemeVersion } from "../engine/types";
import { loadCountry, type LoadedCountry, type RuleError } from "./load";

export const RULES_DIR = "rules";

/**
 * Country folders under `root`. `RULES_ONLY=ke,th` limits them, for building while another country's pack is a
 * draft that does not pass yet.
 */
export function countryDirs(root = RULES_DIR): string[] {
  const only = process.env.RULES_ONLY?.split(",").map((s) => s.trim()).filter(Boolean);
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(root, d.name, "country.yaml")))
    .map((d) => d.name)
    .filter((cc) => !only || only.includes(cc))
    .sort();
}

export interface LoadedRules {
  countries: (LoadedCountry & { pack: Pack })[];
  errors: RuleError[];
  /** Content hash of the whole rule set (each pack has its own, which evaluations report). */
  rulesVersion: string;
}

/** Reads, validates and hashes every country under `root`. */
export function readRules(root = RULES_DIR): LoadedRules {
  const countries: LoadedRules["countries"] = [];
  const errors: RuleError[] = [];
  for (const cc of countryDirs(root)) {
    const dir = join(root, cc);
    const files = walk(dir).filter((p) => p.endsWith(".yaml") || p.endsWith(".yml"));
    for (const p of files.filter((p) => p.endsWith(".yml"))) {
      errors.push({ file: relative(".", p), at: "", message: "rename to .yaml: rule files end in .yaml" });
    }
    const loaded = loadCountry(
      relative(".", dir),
      files.filter((p) => p.endsWith(".yaml")).map((p) => ({ path: relative(".", p), text: readFileSync(p, "utf8") })),
    );
    if (!loaded.ok) {
      errors.push(...loaded.errors);
      continue;
    }
    for (const scheme of loaded.value.pack.schemes) {
      for (const v of scheme.versions) v.hash = versionHash(scheme, v);
    }
    const hash = sha256(canonicalJson(loaded.value.pack)).slice(0, 16);
    countries.push({ ...loaded.value, pack: { ...loaded.value.pack, hash } });
  }
  const rulesVersion = sha256(countries.map((c) => `${c.pack.country.code}:${c.pack.hash}`).join("\n")).slice(0, 16);
  return { countries, errors, rulesVersion };
}

/**
 * A version's content hash: everything a member's result and its wording depend on (the scheme's name, category,
 * summary and its variants, the version's dates, parameters, criteria and content), not the hash field itself.
 */
export function versionHash(scheme: Scheme, v: SchemeVersion): string {
  const { hash: _h, ...content } = v;
  const { id, category, name, summary, summary_variants, also_covers } = scheme;
  // Absent fields stay absent, so adding them to one scheme leaves every other version's hash as it was.
  return sha256(canonicalJson({ id, category, name, summary, summary_variants, also_covers, version: content })).slice(0, 16);
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)],
  );
}

function sha256(s: string): string {
  return createHash("sha256").update(s).digest("hex");
}

/** JSON with object keys sorted, so that the hash depends on content only. */
export function canonicalJson(v: unknown): string {
  return JSON.stringify(v, (_k, val: unknown) =>
    val && typeof val === "object" && !Array.isArray(val)
      ? Object.fromEntries(Object.entries(val as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : val,
  );
}
