/** Builds small rule packs from inline YAML through the real loader, for tests. */
import type { Pack } from "../../src/engine/types";
import { formatRuleError, loadCountry, type RuleFile } from "../../src/rules/load";

export const COUNTRY_YAML = `
code: zz
name: { en: Testland, sw: Nchi ya Majaribio }
currency: KES
languages: [en, sw]
external_programmes:
  - { code: civil_pension, name: Civil service pension }
regions:
  - { code: north, name: North }
  - { code: south, name: South }
`;

/** A vector file that satisfies the loader for a scheme (tests here call the engine directly). */
const VECTOR = (id: string) => `- name: placeholder\n  date: 2025-01-01\n  facts: {}\n  expect: { ${id}: needs_info }\n`;

export function loadFiles(files: Record<string, string>) {
  const list: RuleFile[] = Object.entries(files).map(([path, text]) => ({ path: `rules/zz/${path}`, text }));
  return loadCountry("rules/zz", list);
}

export function errorsOf(files: Record<string, string>): string[] {
  const r = loadFiles(files);
  return r.ok ? [] : r.errors.map(formatRuleError);
}

/** A pack of the given scheme files (keyed by id); throws with every loader error if one is broken. */
export function packOf(schemes: Record<string, string>, country = COUNTRY_YAML): Pack {
  const files: Record<string, string> = { "country.yaml": country };
  for (const [id, text] of Object.entries(schemes)) {
    files[`schemes/${id}.yaml`] = text;
    files[`schemes/${id}.test.yaml`] = VECTOR(id);
  }
  const r = loadFiles(files);
  if (!r.ok) throw new Error(r.errors.map(formatRuleError).join("\n"));
  for (const s of r.value.pack.schemes) for (const v of s.versions) v.hash = `h:${v.rule_version}`;
  return { ...r.value.pack, hash: "test" };
}

export const SOURCES = `
sources:
  - { id: act, title: The Act, url: "https://example.org/act", date: 2020-01-01, tier: law }
`;

/** A scheme file with the given versions block (YAML, indented two spaces under versions:). */
export function scheme(id: string, versions: string, extra = ""): string {
  return `id: ${id}
category: pension
name: { en: Scheme ${id}, sw: Mpango ${id} }
administering_body: Ministry
summary: A scheme.
${SOURCES}${extra}
versions:
${versions}`;
}

/** A one-version versions block with one sourced criterion: adults (18 and over) only. */
export const ADULTS_ONLY = `  - effective_from: 2020-01-01
    sources: [act]
    criteria:
      - id: adult
        test: { fact: age, op: gte, value: 18 }
        sources: [act]
        reason: { pass: Adult., fail: Too young. }
`;
