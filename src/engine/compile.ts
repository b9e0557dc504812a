/**
 * The fast evaluator: a pack is compiled once into closures (Workers forbid eval and new Function), with
 * parameters and reason templates resolved ahead of time, so evaluating a member is a walk over small functions.
 * src/engine/reference.ts is the slow, obvious evaluator it must always agree with.
 */
import { ageOn } from "./dates";
import { nextQuestion } from "./next-question";
import { ENGINE_TEXT, formatValue, localize } from "./text";
import { isLeaf, leafTests, testFacts } from "./tests";
import type {
  Criterion,
  CriterionResult,
  Evaluation,
  Facts,
  Lang,
  LeafTest,
  Pack,
  Scalar,
  Scheme,
  SchemeResult,
  SchemeVersion,
  Status,
  Test,
  Text,
} from "./types";
import { countryFacts } from "./vocabulary";

const FAIL = 0;
const PASS = 1;
const UNKNOWN = 2;
type Tri = 0 | 1 | 2;
type Resolved = Record<string, unknown>;
type Pred = (f: Resolved) => Tri;

/** A reason sentence with the fact value to insert between its fixed segments. */
type Render = (value: unknown) => string;

interface CompiledCriterion {
  id: string;
  test: Pred | null;
  when: Pred | null;
  facts: string[];
  /** The fact a single-leaf test reads, whose value and threshold the result reports. */
  single: string | undefined;
  threshold: Scalar | Scalar[] | undefined;
  checkWithOffice: boolean;
  unconfirmed: boolean;
  sources: string[];
  reasons: Map<Lang, { pass: Render; fail: Render; unknown: Render; na: Render }>;
}

interface CompiledVersion {
  from: string;
  to: string | undefined;
  ruleVersion: string;
  criteria: CompiledCriterion[];
}

interface CompiledScheme {
  id: string;
  category: Scheme["category"];
  versions: CompiledVersion[];
}

export interface EvaluateOptions {
  /** Evaluation date, `YYYY-MM-DD`: which rule versions are in force, and the day ages are computed on. */
  date: string;
  /** Language of the reasons; texts without a translation fall back to English. */
  lang?: Lang;
}

export interface CompiledPack {
  readonly pack: Pack;
  /**
   * Evaluates a member's facts (already checked with `checkFacts`) against every scheme in force on `date`.
   * @example
   * const ke = compilePack(kePack, "ab12…");
   * ke.evaluate({ age: 45, worker_type: "self_employed" }, { date: "2025-06-01", lang: "sw" }).results
   */
  evaluate(facts: Facts, options: EvaluateOptions): Evaluation;
}

/**
 * Compiles a country's pack once; the result evaluates any number of members.
 * @param rulesVersion content hash of the whole rule set, returned with every evaluation.
 */
export function compilePack(pack: Pack, rulesVersion: string): CompiledPack {
  const langs = pack.country.languages;
  const order = factOrder(pack);
  const schemes: CompiledScheme[] = pack.schemes.map((s) => ({
    id: s.id,
    category: s.category,
    versions: s.versions.map((v) => compileVersion(v, langs, order)),
  }));

  return {
    pack,
    evaluate(facts, { date, lang = "en" }) {
      const lg = langs.includes(lang) ? lang : "en";
      const f = resolveFacts(facts, date);
      const results: SchemeResult[] = [];
      for (const s of schemes) {
        const v = versionOn(s.versions, date);
        if (v) results.push(evaluateVersion(s, v, f, lg, order));
      }
      return {
        country: pack.country.code,
        date,
        lang: lg,
        rules_version: rulesVersion,
        results,
        next_question: nextQuestion(results, facts, order),
      };
    },
  };
}

/** Position of each fact in question order (vocabulary, then the country's own facts). */
export function factOrder(pack: Pack): Map<string, number> {
  return new Map(countryFacts(pack.country, pack.schemes.map((s) => s.id)).map((f, i) => [f.name, i]));
}

/** Facts as rules read them: `age` comes from `birth_date` when the member gave one. */
export function resolveFacts(facts: Facts, date: string): Resolved {
  const birth = facts.birth_date;
  return typeof birth === "string" ? { ...facts, age: ageOn(birth, date) } : facts;
}

function versionOn<V extends { from: string; to: string | undefined }>(versions: V[], date: string): V | undefined {
  for (const v of versions) if (v.from <= date && (v.to === undefined || date <= v.to)) return v;
  return undefined;
}

function evaluateVersion(
  s: CompiledScheme,
  v: CompiledVersion,
  f: Resolved,
  lang: Lang,
  order: Map<string, number>,
): SchemeResult {
  const criteria: CriterionResult[] = new Array(v.criteria.length);
  let confirmedFail = false;
  let office = false;
  let missing: string[] | undefined;
  for (let i = 0; i < v.criteria.length; i++) {
    const c = v.criteria[i]!;
    const reasons = c.reasons.get(lang)!;
    let outcome: Tri;
    let applicable = true;
    if (c.when !== null) {
      // "when W then T" is (not W) or T, in three-valued logic: a passing T settles it even if W is unknown.
      const w = c.when(f);
      if (w === FAIL) {
        applicable = false;
        outcome = PASS;
      } else {
        const t = c.test === null ? UNKNOWN : c.test(f);
        outcome = w === PASS || t === PASS ? t : UNKNOWN;
      }
    } else {
      outcome = c.test === null ? UNKNOWN : c.test(f);
    }
    const value = c.single === undefined ? undefined : f[c.single];
    let reason: string;
    if (outcome === PASS) reason = applicable ? reasons.pass(value) : reasons.na(value);
    else if (outcome === FAIL) {
      reason = reasons.fail(value);
      if (!c.unconfirmed) confirmedFail = true;
    } else {
      reason = reasons.unknown(value);
      for (const name of c.facts) {
        const fv = f[name];
        if (fv === undefined || fv === null) {
          if (missing === undefined) missing = [name];
          else if (!missing.includes(name)) missing.push(name);
        }
      }
    }
    const checkWithOffice = applicable && c.checkWithOffice;
    if (checkWithOffice) office = true;
    const r: CriterionResult = {
      id: c.id,
      outcome: outcome === PASS ? "passed" : outcome === FAIL ? "failed" : "unknown",
      check_with_office: checkWithOffice,
      unconfirmed: c.unconfirmed,
      facts: c.facts,
      reason,
      sources: c.sources,
    };
    if (c.single !== undefined) {
      r.value = value === undefined ? null : (value as CriterionResult["value"]);
      r.threshold = c.threshold;
    }
    criteria[i] = r;
  }
  let status: Status;
  if (confirmedFail) {
    status = "not_eligible";
    missing = undefined;
  } else if (missing !== undefined) status = "needs_info";
  else status = office ? "likely_eligible" : "eligible";
  if (missing !== undefined && missing.length > 1) missing.sort((a, b) => order.get(a)! - order.get(b)!);
  return { scheme: s.id, category: s.category, status, rule_version: v.ruleVersion, criteria, missing: missing ?? [] };
}

function compileVersion(v: SchemeVersion, langs: Lang[], order: Map<string, number>): CompiledVersion {
  return {
    from: v.effective_from,
    to: v.effective_to,
    ruleVersion: v.rule_version,
    criteria: v.criteria.map((c) => compileCriterion(c, v, langs, order)),
  };
}

function compileCriterion(c: Criterion, v: SchemeVersion, langs: Lang[], order: Map<string, number>): CompiledCriterion {
  const leaves = [...(c.when ? leafTests(c.when) : []), ...(c.test ? leafTests(c.test) : [])];
  const facts = [...new Set([...(c.when ? testFacts(c.when) : []), ...(c.test ? testFacts(c.test) : [])])].sort(
    (a, b) => order.get(a)! - order.get(b)!,
  );
  const unconfirmed = c.unconfirmed || leaves.some(({ leaf }) => leaf.param !== undefined && v.parameters[leaf.param]?.unconfirmed);
  const singleLeaf = c.test && isLeaf(c.test) ? c.test : undefined;
  const threshold = singleLeaf ? thresholdOf(singleLeaf, v) : undefined;
  const vars: Record<string, string> = { threshold: formatValue(threshold) };
  for (const [name, p] of Object.entries(v.parameters)) vars[name] = formatValue(p.value);

  const reasons = new Map<Lang, { pass: Render; fail: Render; unknown: Render; na: Render }>();
  for (const lang of langs) {
    const prefix = unconfirmed ? `${localize(ENGINE_TEXT.check_with_office, lang)} ` : "";
    const r = (t: Text) => compileTemplate(prefix + localize(t, lang), vars);
    reasons.set(lang, {
      pass: r(c.reason.pass),
      fail: r(c.reason.fail),
      unknown: r(c.office ?? c.reason.unknown ?? ENGINE_TEXT.unknown),
      na: r(c.reason.not_applicable ?? c.reason.pass),
    });
  }
  return {
    id: c.id,
    test: c.test ? compileTest(c.test, v) : null,
    when: c.when ? compileTest(c.when, v) : null,
    facts,
    single: singleLeaf?.fact,
    threshold,
    checkWithOffice: c.office !== undefined || unconfirmed,
    unconfirmed,
    sources: c.sources.length ? c.sources : [...new Set(leaves.flatMap(({ leaf }) => (leaf.param ? v.parameters[leaf.param]!.sources : [])))],
    reasons,
  };
}

export function thresholdOf(leaf: LeafTest, v: SchemeVersion): Scalar | Scalar[] {
  return leaf.param !== undefined ? v.parameters[leaf.param]!.value : leaf.value!;
}

/** Fixed segments around `{value}`; every other placeholder is resolved at compile time. */
function compileTemplate(template: string, vars: Record<string, string>): Render {
  const resolved = template.replace(/\{([a-z_][a-z0-9_]*)\}/g, (m, name: string) => (name === "value" ? m : (vars[name] ?? m)));
  const segs = resolved.split("{value}");
  if (segs.length === 1) return () => resolved;
  if (segs.length === 2) {
    const [a, b] = segs as [string, string];
    return (v) => a + formatValue(v) + b;
  }
  return (v) => segs.join(formatValue(v));
}

function compileTest(t: Test, v: SchemeVersion): Pred {
  if (isLeaf(t)) return compileLeaf(t, thresholdOf(t, v));
  if ("not" in t) {
    const inner = compileTest(t.not, v);
    return (f) => {
      const r = inner(f);
      return r === UNKNOWN ? UNKNOWN : r === PASS ? FAIL : PASS;
    };
  }
  const isAll = "all" in t;
  const kids = (isAll ? t.all : t.any).map((k) => compileTest(k, v));
  if (kids.length === 1) return kids[0]!;
  const decisive: Tri = isAll ? FAIL : PASS;
  const otherwise: Tri = isAll ? PASS : FAIL;
  return (f) => {
    let unknown = false;
    for (let i = 0; i < kids.length; i++) {
      const r = kids[i]!(f);
      if (r === decisive) return decisive;
      if (r === UNKNOWN) unknown = true;
    }
    return unknown ? UNKNOWN : otherwise;
  };
}

function compileLeaf(t: LeafTest, threshold: Scalar | Scalar[]): Pred {
  const name = t.fact;
  const th = threshold as Scalar;
  const list = threshold as Scalar[];
  switch (t.op) {
    case "eq":
      return (f) => {
        const x = f[name];
        return x === undefined || x === null ? UNKNOWN : x === th ? PASS : FAIL;
      };
    case "ne":
      return (f) => {
        const x = f[name];
        return x === undefined || x === null ? UNKNOWN : x !== th ? PASS : FAIL;
      };
    case "lt":
      return (f) => {
        const x = f[name] as Scalar | null | undefined;
        return x === undefined || x === null ? UNKNOWN : x < th ? PASS : FAIL;
      };
    case "lte":
      return (f) => {
        const x = f[name] as Scalar | null | undefined;
        return x === undefined || x === null ? UNKNOWN : x <= th ? PASS : FAIL;
      };
    case "gt":
      return (f) => {
        const x = f[name] as Scalar | null | undefined;
        return x === undefined || x === null ? UNKNOWN : x > th ? PASS : FAIL;
      };
    case "gte":
      return (f) => {
        const x = f[name] as Scalar | null | undefined;
        return x === undefined || x === null ? UNKNOWN : x >= th ? PASS : FAIL;
      };
    case "in":
      return (f) => {
        const x = f[name] as Scalar | null | undefined;
        return x === undefined || x === null ? UNKNOWN : list.includes(x) ? PASS : FAIL;
      };
    case "not_in":
      return (f) => {
        const x = f[name] as Scalar | null | undefined;
        return x === undefined || x === null ? UNKNOWN : list.includes(x) ? FAIL : PASS;
      };
    case "includes_any":
      return (f) => {
        const x = f[name] as Scalar[] | null | undefined;
        if (x === undefined || x === null) return UNKNOWN;
        for (let i = 0; i < x.length; i++) if (list.includes(x[i]!)) return PASS;
        return FAIL;
      };
    case "includes_none":
      return (f) => {
        const x = f[name] as Scalar[] | null | undefined;
        if (x === undefined || x === null) return UNKNOWN;
        for (let i = 0; i < x.length; i++) if (list.includes(x[i]!)) return FAIL;
        return PASS;
      };
  }
}
