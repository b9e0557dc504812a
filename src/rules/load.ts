/**
 * Turns a country's rule files (YAML text, already read) into the engine's Pack, or into a list of errors that
 * name the file, the line, the path inside the file and what is wrong. Pure: the file system is the caller's
 * business (scripts/build-rules.ts in Node; tests pass strings), so this also runs in the Workers runtime.
 */
import { LineCounter, parseDocument } from "yaml";
import type { z } from "zod";
import type { ContentCondition, Country, Criterion, FactDef, Pack, Scheme, SchemeVersion, Test, Text, Variant } from "../engine/types";
import { countryFacts } from "../engine/vocabulary";
import { leafTests } from "../engine/tests";
import {
  CountryFileSchema,
  SchemeFileSchema,
  type ContentItemSchema,
  VectorFileSchema,
  type CountryFile,
  type SchemeFile,
  type Vector,
} from "./schema";

export interface RuleFile {
  /** Path shown in errors, e.g. `rules/ke/schemes/sha.yaml`. */
  path: string;
  text: string;
}

export interface RuleError {
  file: string;
  line?: number;
  /** Path inside the file, e.g. `versions[1].criteria[0].op`. */
  at: string;
  message: string;
}

export function formatRuleError(e: RuleError): string {
  return `${e.file}${e.line ? `:${e.line}` : ""}: ${e.at ? `${e.at}: ` : ""}${e.message}`;
}

export interface LoadedCountry {
  pack: Omit<Pack, "hash">;
  vectors: { file: string; scheme: string; vectors: Vector[] }[];
}

type Path = (string | number)[];

function pathString(path: Path): string {
  let s = "";
  for (const p of path) s += typeof p === "number" ? `[${p}]` : s ? `.${p}` : p;
  return s;
}

/** A parsed YAML file that can tell the line of any path inside it. */
class Parsed {
  private readonly lines = new LineCounter();
  readonly data: unknown;
  readonly errors: RuleError[] = [];
  constructor(readonly file: RuleFile) {
    const doc = parseDocument(file.text, { lineCounter: this.lines, prettyErrors: false });
    this.doc = doc;
    for (const err of doc.errors) {
      this.errors.push({
        file: file.path,
        line: this.lines.linePos(err.pos[0]).line,
        at: "",
        message: `not valid YAML: ${err.message.split("\n")[0]}`,
      });
    }
    this.data = this.errors.length ? undefined : doc.toJS();
  }
  private readonly doc: ReturnType<typeof parseDocument>;

  lineOf(path: Path): number | undefined {
    for (let n = path.length; n >= 0; n--) {
      const node = this.doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
      if (node && typeof node === "object" && node.range) return this.lines.linePos(node.range[0]).line;
    }
    return undefined;
  }

  error(path: Path, message: string): RuleError {
    return { file: this.file.path, line: this.lineOf(path), at: pathString(path), message };
  }

  validate<S extends z.ZodType>(schema: S): z.infer<S> | undefined {
    if (this.errors.length) return undefined;
    const r = schema.safeParse(this.data);
    if (r.success) return r.data;
    for (const issue of r.error.issues) this.errors.push(this.error(issue.path as Path, issueMessage(issue)));
    return undefined;
  }
}

function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === "unrecognized_keys") return `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.join(", ")}`;
  if (issue.code === "invalid_union" && "errors" in issue && issue.errors.length) {
    // Report the branch that got furthest: its first message is the most specific.
    const best = issue.errors.reduce((a, b) => (deepest(b) > deepest(a) ? b : a));
    const first = best[0];
    if (first) return `${pathString(first.path as Path) ? `${pathString(first.path as Path)}: ` : ""}${issueMessage(first)}`;
  }
  return issue.message;
}

function deepest(issues: z.core.$ZodIssue[]): number {
  return Math.max(0, ...issues.map((i) => i.path.length + (i.code === "invalid_type" ? 0 : 0.5)));
}

const PLACEHOLDER = /\{([a-z_][a-z0-9_]*)\}/g;

/**
 * Load one country: `country.yaml`, `schemes/<id>.yaml` and `schemes/<id>.test.yaml`.
 * Returns the pack, or every error found (it does not stop at the first).
 */
export function loadCountry(
  dir: string,
  files: RuleFile[],
): { ok: true; value: LoadedCountry } | { ok: false; errors: RuleError[] } {
  const errors: RuleError[] = [];
  const countryFile = files.find((f) => f.path.endsWith("/country.yaml"));
  if (!countryFile) return { ok: false, errors: [{ file: `${dir}/country.yaml`, at: "", message: "missing: every country folder needs a country.yaml" }] };

  const cp = new Parsed(countryFile);
  const c = cp.validate(CountryFileSchema);
  errors.push(...cp.errors);
  if (!c) return { ok: false, errors };
  const folderCode = dir.split("/").filter(Boolean).pop();
  if (c.code !== folderCode) errors.push(cp.error(["code"], `is "${c.code}" but the folder is "${folderCode}"`));
  if (c.languages[0] !== "en") errors.push(cp.error(["languages"], "must start with en (English is the fallback language)"));

  const schemeFiles = files.filter((f) => /\/schemes\/[^/]+\.yaml$/.test(f.path) && !f.path.endsWith(".test.yaml"));
  const vectorFiles = files.filter((f) => f.path.endsWith(".test.yaml"));

  const parsedSchemes: { p: Parsed; s: SchemeFile }[] = [];
  for (const f of schemeFiles) {
    const p = new Parsed(f);
    const s = p.validate(SchemeFileSchema);
    errors.push(...p.errors);
    if (!s) continue;
    const stem = f.path.split("/").pop()!.replace(/\.yaml$/, "");
    if (s.id !== stem) errors.push(p.error(["id"], `is "${s.id}" but the file is named ${stem}.yaml; they must match`));
    if (parsedSchemes.some((x) => x.s.id === s.id)) errors.push(p.error(["id"], `scheme id "${s.id}" is used twice`));
    parsedSchemes.push({ p, s });
  }

  const country = toCountry(c);
  const schemeIds = parsedSchemes.map((x) => x.s.id);
  // Vectors are checked against every scheme file, so a scheme with errors does not also flag its vectors.
  const fileStems = schemeFiles.map((f) => f.path.split("/").pop()!.replace(/\.yaml$/, ""));
  const facts = new Map(
    countryFacts(country, schemeIds).map((f) => [f.name, f] as const),
  );

  const schemes: Scheme[] = [];
  for (const { p, s } of parsedSchemes) {
    const scheme = toScheme(c.code, s, p, facts, schemeIds, errors);
    if (scheme) schemes.push(scheme);
  }

  const vectors: LoadedCountry["vectors"] = [];
  for (const f of vectorFiles) {
    const p = new Parsed(f);
    const v = p.validate(VectorFileSchema);
    errors.push(...p.errors);
    if (!v) continue;
    const stem = f.path.split("/").pop()!.replace(/\.test\.yaml$/, "");
    if (!fileStems.includes(stem)) errors.push(p.error([], `test vectors for "${stem}", but there is no scheme ${stem}.yaml`));
    v.forEach((vec, i) => {
      for (const id of Object.keys(vec.expect)) {
        if (!fileStems.includes(id)) errors.push(p.error([i, "expect", id], `no scheme "${id}" in ${c.code}`));
      }
    });
    vectors.push({ file: f.path, scheme: stem, vectors: v });
  }
  for (const id of fileStems) {
    if (!vectors.some((v) => v.scheme === id) && !vectorFiles.some((f) => f.path.endsWith(`/${id}.test.yaml`))) {
      errors.push({ file: `${dir}/schemes/${id}.test.yaml`, at: "", message: `missing: scheme "${id}" has no test vectors` });
    }
  }

  if (errors.length) return { ok: false, errors };
  schemes.sort((a, b) => a.id.localeCompare(b.id));
  return { ok: true, value: { pack: { country, schemes }, vectors } };
}

function toCountry(c: CountryFile): Country {
  return {
    code: c.code,
    name: c.name,
    currency: c.currency,
    languages: c.languages,
    id_documents: c.id_documents,
    poverty_registry: c.poverty_registry,
    external_programmes: c.external_programmes,
    regions: c.regions,
    facts: c.facts as FactDef[],
    needs_review: c.needs_review,
  };
}

function toScheme(
  cc: string,
  s: SchemeFile,
  p: Parsed,
  facts: Map<string, FactDef>,
  schemeIds: string[],
  errors: RuleError[],
): Scheme | undefined {
  const before = errors.length;
  const sourceIds = new Set(s.sources.map((x) => x.id));
  const cite = (ids: string[], path: Path) => {
    for (const [i, id] of ids.entries()) {
      if (!sourceIds.has(id)) errors.push(p.error([...path, i], `cites source "${id}", which is not in this file's sources:`));
    }
  };
  if (sourceIds.size !== s.sources.length) errors.push(p.error(["sources"], "two sources share an id"));

  // Versions inherit what they do not restate from the version before (content also from scheme defaults).
  const versions: SchemeVersion[] = [];
  let prev: SchemeVersion | undefined;
  // Benefits and documents as written (texts with their conditions), inherited the same way.
  let prevItems: Record<ItemField, ContentItem[]> | undefined;
  s.versions.forEach((v, vi) => {
    const at: Path = ["versions", vi];
    if (prev && v.effective_from <= prev.effective_from) {
      errors.push(p.error([...at, "effective_from"], `${v.effective_from} must be later than the version before it (${prev.effective_from}); list versions oldest first`));
    }
    if (v.effective_to && v.effective_to < v.effective_from) {
      errors.push(p.error([...at, "effective_to"], `${v.effective_to} is before effective_from ${v.effective_from}`));
    }
    if (prev?.effective_to === undefined && prev && vi > 0) {
      // An open-ended earlier version ends the day before this one starts.
      prev.effective_to = dayBefore(v.effective_from);
    } else if (prev?.effective_to && prev.effective_to >= v.effective_from) {
      errors.push(p.error([...at, "effective_from"], `overlaps the version before it, which runs to ${prev.effective_to}`));
    }
    if (v.repealed_by && !schemeIds.includes(v.repealed_by)) {
      errors.push(p.error([...at, "repealed_by"], `"${v.repealed_by}" is not a scheme of this country`));
    }
    cite(v.sources, [...at, "sources"]);
    const parameters = { ...(prev?.parameters ?? {}) };
    for (const [name, param] of Object.entries(v.parameters ?? {})) {
      cite(param.sources, [...at, "parameters", name, "sources"]);
      parameters[name] = param;
    }
    if (!v.criteria && !prev) errors.push(p.error(at, "the first version needs criteria:"));
    const criteria = (v.criteria as Criterion[] | undefined) ?? prev?.criteria ?? [];
    const criteriaPath: Path = v.criteria ? [...at, "criteria"] : [...at];
    const seen = new Set<string>();
    criteria.forEach((crit, ci) => {
      const cpath = v.criteria ? [...criteriaPath, ci] : criteriaPath;
      if (seen.has(crit.id)) errors.push(p.error([...cpath, "id"], `criterion id "${crit.id}" is used twice in this version`));
      seen.add(crit.id);
      cite(crit.sources, [...cpath, "sources"]);
      checkCriterion(crit, cpath, parameters, facts, p, errors);
    });
    const version: SchemeVersion = {
      rule_version: `${cc}/${s.id}@${v.effective_from}`,
      // Filled by the build (read.ts) from the content once every version is resolved.
      hash: "",
      effective_from: v.effective_from,
      effective_to: v.effective_to,
      repealed_by: v.repealed_by,
      sources: v.sources,
      parameters,
      criteria,
      contributions: v.contributions ?? prev?.contributions ?? s.contributions ?? [],
      subsidy: v.subsidy ?? prev?.subsidy ?? s.subsidy ?? { kind: "unknown", sources: [] },
      benefits: [],
      documents: [],
      apply: v.apply ?? prev?.apply ?? s.apply ?? [],
    };
    const items: Record<ItemField, ContentItem[]> = {
      benefits: v.benefits ?? prevItems?.benefits ?? s.benefits ?? [],
      documents: v.documents ?? prevItems?.documents ?? s.documents ?? [],
    };
    const conditions: NonNullable<SchemeVersion["conditions"]> = {};
    for (const field of ITEM_FIELDS) {
      // Conditions are checked where they are written: in this version, or in the scheme's defaults (first version).
      const written: Path | undefined = v[field] ? [...at, field] : vi === 0 && s[field] ? [field] : undefined;
      const byPosition: Record<number, ContentCondition> = {};
      items[field].forEach((item, i) => {
        version[field].push(item.text);
        const condition = conditionOf(item);
        if (!condition) return;
        byPosition[i] = condition;
        if (!written) return;
        if (condition.when) checkTest(condition.when, [...written, i, "when"], parameters, facts, p, errors);
        condition.variants?.forEach((vr, j) => checkTest(vr.when, [...written, i, "variants", j, "when"], parameters, facts, p, errors));
      });
      if (Object.keys(byPosition).length) conditions[field] = byPosition;
    }
    // Only versions with conditional content carry the field, so other versions' content hashes do not change.
    if (conditions.benefits || conditions.documents) version.conditions = conditions;
    prevItems = items;
    if (v.subsidy) cite(v.subsidy.sources, [...at, "subsidy", "sources"]);
    if (vi === 0 && s.subsidy) cite(s.subsidy.sources, ["subsidy", "sources"]);
    if (version.subsidy.kind !== "unknown" && version.subsidy.sources.length === 0) {
      errors.push(p.error(v.subsidy ? [...at, "subsidy"] : ["subsidy"], "cite the source that says who pays (sources: [id])"));
    }
    for (const [ki, k] of version.contributions.entries()) {
      if (k.param && !(k.param in parameters)) errors.push(p.error([...at, "contributions", ki, "param"], `no parameter "${k.param}" in this version`));
      if (k.when) checkTest(k.when, [...at, "contributions", ki, "when"], parameters, facts, p, errors);
    }
    versions.push(version);
    prev = version;
  });

  // A summary belongs to the scheme, not to a version: its variants compare with values, not parameters.
  const summaryVariants: Variant[] | undefined = "variants" in s.summary ? s.summary.variants : undefined;
  summaryVariants?.forEach((vr, j) => {
    const path: Path = ["summary", "variants", j, "when"];
    if (leafTests(vr.when).some(({ leaf }) => leaf.param !== undefined)) {
      errors.push(p.error(path, "a summary is the same in every version: compare with value:, not param:"));
    } else checkTest(vr.when, path, {}, facts, p, errors);
  });

  if (errors.length > before) return undefined;
  return {
    id: s.id,
    category: s.category,
    name: s.name,
    administering_body: s.administering_body,
    summary: s.summary.text,
    ...(summaryVariants ? { summary_variants: summaryVariants } : {}),
    ...(s.also_covers ? { also_covers: s.also_covers } : {}),
    sources: s.sources,
    versions,
    needs_review: s.needs_review,
  };
}

type ContentItem = z.infer<typeof ContentItemSchema>;
type ItemField = "benefits" | "documents";
const ITEM_FIELDS: readonly ItemField[] = ["benefits", "documents"];

/** The condition of a benefit or document as written, or undefined for a text for everyone. */
function conditionOf(item: ContentItem): ContentCondition | undefined {
  if (!("when" in item) && !("variants" in item)) return undefined;
  const { when, ask, variants } = item;
  if (!when && !variants) return undefined;
  return { ...(when ? { when } : {}), ...(ask ? { ask } : {}), ...(variants ? { variants } : {}) };
}

/** Checks every leaf of a test: known facts, parameters of the version, operators fit for the fact's type and values. */
function checkTest(
  test: Test,
  tpath: Path,
  parameters: Record<string, { value: unknown; sources: string[] }>,
  facts: Map<string, FactDef>,
  p: Parsed,
  errors: RuleError[],
) {
  for (const { leaf, path } of leafTests(test)) {
    const lp = [...tpath, ...path];
    const def = facts.get(leaf.fact);
    if (!def || leaf.fact === "birth_date") {
      errors.push(p.error([...lp, "fact"], `unknown fact "${leaf.fact}"${leaf.fact === "birth_date" ? "; rules test age, which is computed from birth_date" : ""}`));
      continue;
    }
    const threshold = leaf.param !== undefined ? parameters[leaf.param]?.value : leaf.value;
    if (leaf.param !== undefined && !(leaf.param in parameters)) {
      errors.push(p.error([...lp, "param"], `no parameter "${leaf.param}" in this version's parameters:`));
      continue;
    }
    const isList = Array.isArray(threshold);
    const listOp = leaf.op === "in" || leaf.op === "not_in" || leaf.op === "includes_any" || leaf.op === "includes_none";
    if (listOp !== isList) {
      errors.push(p.error([...lp, "op"], listOp ? `${leaf.op} compares with a list of values` : `${leaf.op} compares with one value, not a list`));
      continue;
    }
    if ((leaf.op === "includes_any" || leaf.op === "includes_none") !== (def.type === "list")) {
      errors.push(p.error([...lp, "op"], def.type === "list" ? `${leaf.fact} is a list: use includes_any or includes_none` : `includes_any and includes_none are for list facts such as covered_by`));
      continue;
    }
    const ordered = leaf.op === "lt" || leaf.op === "lte" || leaf.op === "gt" || leaf.op === "gte";
    const values = (isList ? threshold : [threshold]) as unknown[];
    for (const value of values) {
      const want = def.type === "boolean" ? "boolean" : def.type === "integer" || def.type === "number" ? "number" : "string";
      if (typeof value !== want) {
        errors.push(p.error([...lp, leaf.param ? "param" : "value"], `${leaf.fact} is a ${def.type}; ${JSON.stringify(value)} is not`));
      } else if (def.values && !def.values.includes(String(value))) {
        errors.push(p.error([...lp, leaf.param ? "param" : "value"], `"${value}" is not a value of ${leaf.fact} (${def.values.join(", ")})`));
      }
    }
    if (ordered && !(def.type === "integer" || def.type === "number" || def.type === "date")) {
      errors.push(p.error([...lp, "op"], `${leaf.op} needs a number; ${leaf.fact} is a ${def.type}`));
    }
  }
}

function checkCriterion(
  crit: Criterion,
  at: Path,
  parameters: Record<string, { value: unknown; sources: string[] }>,
  facts: Map<string, FactDef>,
  p: Parsed,
  errors: RuleError[],
) {
  if (crit.test) checkTest(crit.test, [...at, "test"], parameters, facts, p, errors);
  if (crit.when) checkTest(crit.when, [...at, "when"], parameters, facts, p, errors);
  // Every threshold is sourced: by the criterion itself or by the parameters it reads.
  const leaves = [...(crit.test ? leafTests(crit.test) : []), ...(crit.when ? leafTests(crit.when) : [])];
  const literal = leaves.some(({ leaf }) => leaf.param === undefined);
  if ((literal || crit.office) && crit.sources.length === 0) {
    errors.push(p.error([...at, "sources"], "cite the source of this rule (sources: [id]); a threshold can also come from a parameter with its own sources"));
  }
  // {value} and {threshold} exist only for a criterion that is one comparison; otherwise a member would read "?".
  const single = crit.test !== undefined && "fact" in crit.test;
  const allowed = new Set([...(single ? ["value", "threshold"] : []), ...Object.keys(parameters)]);
  const texts: [Path, Text | undefined][] = [
    ...Object.entries(crit.reason).map(([kind, text]): [Path, Text | undefined] => [["reason", kind], text]),
    [["office"], crit.office],
  ];
  for (const [where, text] of texts) {
    if (!text) continue;
    for (const [lang, s] of Object.entries(text)) {
      for (const m of s.matchAll(PLACEHOLDER)) {
        if (!allowed.has(m[1]!)) {
          errors.push(
            p.error(
              [...at, ...where, lang],
              !single && (m[1] === "value" || m[1] === "threshold")
                ? `{${m[1]}} can only be used when the test is a single comparison (fact, op, value); name a parameter instead`
                : `{${m[1]}} is not {value}, {threshold} or a parameter of this version`,
            ),
          );
        }
      }
    }
  }
}

function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
