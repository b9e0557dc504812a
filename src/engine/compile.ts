/**
 * The fast evaluator: a pack is compiled once into closures (Workers forbid eval and new Function), with
 * parameters and reason templates resolved ahead of time, so evaluating a member is a walk over small functions.
 * src/engine/reference.ts is the slow, obvious evaluator it must always agree with.
 */
import { ageOn, versionOn } from "./dates";
import { contentFacts, contentVersions, nextQuestion } from "./next-question";
import { ENGINE_TEXT, formatValue, localize } from "./text";
import { isLeaf, leafTests, testFacts, thresholdOf } from "./tests";
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

/** Operators of single-comparison criteria, evaluated inline (most criteria): no closure call per criterion. */
const OP: Record<LeafTest["op"], number> = { eq: 1, ne: 2, lt: 3, lte: 4, gt: 5, gte: 6, in: 7, not_in: 8, includes_any: 9, includes_none: 10 };
type Tri = 0 | 1 | 2;
/**
 * Facts as rules read them: one slot per fact of the country's vocabulary, by position. Leaves read `vals[i]`
 * rather than `facts[name]`: one property name per call site keeps V8's inline caches fast.
 */
type Slots = unknown[];
type Pred = (v: Slots) => Tri;

/**
 * A reason sentence: fixed text, or fixed segments with the fact's value between them. Data rather than a closure,
 * so one small function renders every reason (and V8 can inline it).
 */
interface Render {
  text: string;
  /** Segments around `{value}`, when the sentence has it; `text` is then the first segment. */
  segs: string[] | undefined;
}

function render(r: Render, v: unknown): string {
  const segs = r.segs;
  if (segs === undefined) return r.text;
  const shown = typeof v === "number" || typeof v === "string" ? v : formatValue(v);
  if (segs.length === 2) return segs[0]! + shown + segs[1]!;
  return segs.join(String(shown));
}

interface CompiledCriterion {
  id: string;
  test: Pred | null;
  when: Pred | null;
  facts: string[];
  /** Slots of `facts`, for finding the missing ones. */
  factSlots: number[];
  /** For a criterion that is one comparison with no condition: its operator code (else 0) and threshold. */
  op: number;
  opTh: Scalar;
  opList: Scalar[];
  /** The slot of the fact a single-leaf test reads, whose value and threshold the result reports. */
  single: number | undefined;
  threshold: Scalar | Scalar[] | undefined;
  checkWithOffice: boolean;
  /** An office criterion with a proxy test: a passing test still leaves the office's judgement. */
  officeProxy: boolean;
  unconfirmed: boolean;
  sources: string[];
  /** Reason sentences in one language. */
  pass: Render;
  fail: Render;
  unknown: Render;
  na: Render;
  /**
   * For a criterion whose result cannot depend on the member's value (no single fact reported): the four
   * possible results, built once and frozen. Indexed by FAIL, PASS, UNKNOWN, and 3 for "passed, not applicable".
   */
  fixed: readonly CriterionResult[] | undefined;
}

interface CompiledVersion {
  effective_from: string;
  effective_to: string | undefined;
  ruleVersion: string;
  hash: string;
  criteria: CompiledCriterion[];
}

/** Outcome names by the numeric codes FAIL, PASS, UNKNOWN. */
const OUTCOMES = ["failed", "passed", "unknown"] as const;

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
   * const ke = compilePack(kePack);
   * ke.evaluate({ age: 45, worker_type: "self_employed" }, { date: "2025-06-01", lang: "sw" }).results
   */
  evaluate(facts: Facts, options: EvaluateOptions): Evaluation;
}

/**
 * Compiles a country's pack once; the result evaluates any number of members. Every evaluation carries the
 * pack's content hash as its `rules_version`, and each result its version's hash.
 */
export function compilePack(pack: Pack): CompiledPack {
  const langs = pack.country.languages;
  const order = factOrder(pack);
  // Compiled once per language, on first use: reasons are then plain fields, with no lookup per criterion.
  const byLang = new Map<Lang, CompiledScheme[]>();
  // The versions in force, per language, for the last date asked: a bulk run evaluates many members on one date.
  const inForce = new Map<Lang, { date: string; active: [CompiledScheme, CompiledVersion][] }>();
  const activeOn = (lang: Lang, date: string) => {
    let memo = inForce.get(lang);
    if (memo?.date !== date) {
      let schemes = byLang.get(lang);
      if (!schemes) {
        schemes = pack.schemes.map((s) => ({
          id: s.id,
          category: s.category,
          versions: s.versions.map((v) => compileVersion(v, lang, order)),
        }));
        byLang.set(lang, schemes);
      }
      const active: [CompiledScheme, CompiledVersion][] = [];
      for (const s of schemes) {
        const v = versionOn(s.versions, date);
        if (v) active.push([s, v]);
      }
      memo = { date, active };
      inForce.set(lang, memo);
    }
    return memo.active;
  };

  const names = [...order.keys()];
  const checklists = listFacts(pack);
  // Versions with texts whose facts are asked (`ask: true`), after every question about who can join.
  const withContent = contentVersions(pack);
  const ageSlot = order.get("age")!;
  const birthSlot = order.get("birth_date")!;
  // Reused by every evaluation: evaluate is synchronous, and results copy the values they report.
  const vals: Slots = new Array(names.length);

  return {
    pack,
    evaluate(facts, { date, lang = "en" }) {
      const lg = langs.includes(lang) ? lang : "en";
      const active = activeOn(lg, date);
      vals.fill(undefined);
      // Own keys only, and only values a fact can have: the engine does not rely on its callers' checks.
      // for…in allocates nothing (Object.keys would, once per member); inherited names are skipped by hasOwn.
      for (const k in facts) {
        const slot = order.get(k);
        if (slot === undefined || !Object.hasOwn(facts, k)) continue;
        const v = facts[k];
        if (typeof v !== "object" || v === null || Array.isArray(v)) vals[slot] = v;
      }
      // Age from a birth date: a malformed one (only an unchecked caller could pass it) leaves age unknown.
      const birth = vals[birthSlot];
      if (typeof birth === "string" && birth.length === 10) {
        const age = ageOn(birth, date);
        if (age === age) vals[ageSlot] = age;
      }
      const results: SchemeResult[] = new Array(active.length);
      for (let i = 0; i < active.length; i++) {
        const [s, v] = active[i]!;
        results[i] = evaluateVersion(s, v, vals, names, order);
      }
      let resolved: Record<string, unknown> | undefined;
      const content = withContent.size
        ? (r: SchemeResult) => {
            const c = withContent.get(r.rule_version);
            if (!c) return NONE;
            resolved ??= resolveFacts(facts, date);
            return contentFacts(c.tests, c.version, resolved);
          }
        : undefined;
      return {
        country: pack.country.code,
        date,
        lang: lg,
        rules_version: pack.hash,
        results,
        next_question: nextQuestion(results, facts, order, checklists, content),
      };
    },
  };
}

const NONE: readonly string[] = [];

/** The country's list facts (checklists such as covered_by), which are asked after every other question. */
export function listFacts(pack: Pack): Set<string> {
  return new Set(countryFacts(pack.country, pack.schemes.map((s) => s.id)).filter((f) => f.type === "list").map((f) => f.name));
}

/** Position of each fact in question order (vocabulary, then the country's own facts). */
export function factOrder(pack: Pack): Map<string, number> {
  return new Map(countryFacts(pack.country, pack.schemes.map((s) => s.id)).map((f, i) => [f.name, i]));
}

/**
 * Facts as rules read them: own keys with a fact's kind of value (a scalar, a list or null), and `age` from a
 * valid `birth_date` when the member gave one. What the compiled evaluator reads, for the reference evaluator.
 */
export function resolveFacts(facts: Facts, date: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(facts)) {
    const v = facts[k];
    if (typeof v !== "object" || v === null || Array.isArray(v)) out[k] = v;
  }
  const birth = out.birth_date;
  if (typeof birth === "string" && birth.length === 10) {
    const age = ageOn(birth, date);
    if (age === age) out.age = age;
  }
  return out;
}


function evaluateVersion(s: CompiledScheme, v: CompiledVersion, f: Slots, names: string[], order: Map<string, number>): SchemeResult {
  const n = v.criteria.length;
  const criteria: CriterionResult[] = new Array(n);
  let confirmedFail = false;
  let unsettledFail = false;
  let office = false;
  let missing: string[] | undefined;
  for (let i = 0; i < n; i++) {
    const c = v.criteria[i]!;
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
    } else if (c.op !== 0) {
      const x = f[c.single!] as Scalar | Scalar[] | null | undefined;
      if (x === undefined || x === null) outcome = UNKNOWN;
      else {
        const th = c.opTh;
        switch (c.op) {
          case 1: outcome = x === th ? PASS : FAIL; break;
          case 2: outcome = x !== th ? PASS : FAIL; break;
          case 3: outcome = (x as Scalar) < th ? PASS : FAIL; break;
          case 4: outcome = (x as Scalar) <= th ? PASS : FAIL; break;
          case 5: outcome = (x as Scalar) > th ? PASS : FAIL; break;
          case 6: outcome = (x as Scalar) >= th ? PASS : FAIL; break;
          case 7: outcome = c.opList.includes(x as Scalar) ? PASS : FAIL; break;
          case 8: outcome = c.opList.includes(x as Scalar) ? FAIL : PASS; break;
          default: {
            if (!Array.isArray(x)) { outcome = UNKNOWN; break; }
            let any = false;
            const xs = x as Scalar[];
            for (let k = 0; k < xs.length; k++) if (c.opList.includes(xs[k]!)) { any = true; break; }
            outcome = (c.op === 9) === any ? PASS : FAIL;
          }
        }
      }
    } else {
      outcome = c.test === null ? UNKNOWN : c.test(f);
    }
    // An office criterion whose proxy her answers pass is still the office's to judge (nothing more to ask).
    const officePending = outcome === PASS && applicable && c.officeProxy;
    if (officePending) outcome = UNKNOWN;
    if (outcome === FAIL) {
      if (c.unconfirmed) unsettledFail = true;
      else confirmedFail = true;
    } else if (outcome === UNKNOWN && !officePending) {
      const slots = c.factSlots;
      for (let k = 0; k < slots.length; k++) {
        const fv = f[slots[k]!];
        if (fv === undefined || fv === null) {
          const name = names[slots[k]!]!;
          if (missing === undefined) missing = [name];
          else if (!missing.includes(name)) missing.push(name);
        }
      }
    }
    // An office criterion her answers have failed leaves nothing for the office to judge.
    const checkWithOffice = applicable && c.checkWithOffice && (c.unconfirmed || outcome !== FAIL);
    if (checkWithOffice) office = true;
    if (c.fixed !== undefined) {
      criteria[i] = c.fixed[applicable ? outcome : 3]!;
      continue;
    }
    const value = f[c.single!];
    const reason = render(outcome === PASS ? (applicable ? c.pass : c.na) : outcome === FAIL ? c.fail : c.unknown, value);
    // Always the same fields in the same order: one hidden class for the JIT.
    criteria[i] = {
      id: c.id,
      outcome: OUTCOMES[outcome],
      check_with_office: checkWithOffice,
      unconfirmed: c.unconfirmed,
      facts: c.facts,
      value: value === undefined ? null : (value as CriterionResult["value"]),
      threshold: c.threshold,
      reason,
      sources: c.sources,
    };
  }
  let status: Status;
  if (confirmedFail) {
    status = "not_eligible";
    missing = undefined;
  } else if (missing !== undefined) status = "needs_info";
  else if (unsettledFail) status = "likely_not_eligible";
  else status = office ? "likely_eligible" : "eligible";
  if (missing !== undefined && missing.length > 1) missing.sort((a, b) => order.get(a)! - order.get(b)!);
  return { scheme: s.id, category: s.category, status, rule_version: v.ruleVersion, version_hash: v.hash, criteria, missing: missing ?? [] };
}

function compileVersion(v: SchemeVersion, lang: Lang, order: Map<string, number>): CompiledVersion {
  return {
    effective_from: v.effective_from,
    effective_to: v.effective_to,
    ruleVersion: v.rule_version,
    hash: v.hash,
    criteria: v.criteria.map((c) => compileCriterion(c, v, lang, order)),
  };
}

function compileCriterion(c: Criterion, v: SchemeVersion, lang: Lang, order: Map<string, number>): CompiledCriterion {
  const leaves = [...(c.when ? leafTests(c.when) : []), ...(c.test ? leafTests(c.test) : [])];
  const facts = [...new Set([...(c.when ? testFacts(c.when) : []), ...(c.test ? testFacts(c.test) : [])])].sort(
    (a, b) => order.get(a)! - order.get(b)!,
  );
  const unconfirmed = c.unconfirmed || leaves.some(({ leaf }) => leaf.param !== undefined && v.parameters[leaf.param]?.unconfirmed);
  const singleLeaf = c.test && isLeaf(c.test) ? c.test : undefined;
  const threshold = singleLeaf ? thresholdOf(singleLeaf, v) : undefined;
  const vars: Record<string, string> = { threshold: formatValue(threshold) };
  for (const [name, p] of Object.entries(v.parameters)) vars[name] = formatValue(p.value);

  const prefix = unconfirmed ? `${localize(ENGINE_TEXT.check_with_office, lang)} ` : "";
  const r = (t: Text) => compileTemplate(prefix + localize(t, lang), vars);
  const checkWithOffice = c.office !== undefined || unconfirmed;
  const sources = c.sources.length ? c.sources : [...new Set(leaves.flatMap(({ leaf }) => (leaf.param ? v.parameters[leaf.param]!.sources : [])))];
  const pass = r(c.reason.pass);
  const fail = r(c.reason.fail);
  const unknown = r(c.office ?? c.reason.unknown ?? ENGINE_TEXT.unknown);
  const na = r(c.reason.not_applicable ?? c.reason.pass);
  // Without a single fact to report, the result depends on the outcome alone: build the four once.
  const fixed = singleLeaf
    ? undefined
    : Object.freeze(
        ([FAIL, PASS, UNKNOWN, 3] as const).map((o) =>
          Object.freeze({
            id: c.id,
            outcome: OUTCOMES[o === 3 ? PASS : o],
            check_with_office: o !== 3 && checkWithOffice && (unconfirmed || o !== FAIL),
            unconfirmed,
            facts,
            reason: render(o === PASS ? pass : o === FAIL ? fail : o === UNKNOWN ? unknown : na, undefined),
            sources,
          }),
        ),
      );
  return {
    id: c.id,
    test: c.test ? compileTest(c.test, v, order) : null,
    when: c.when ? compileTest(c.when, v, order) : null,
    facts,
    factSlots: facts.map((name) => order.get(name)!),
    op: singleLeaf && !c.when ? OP[singleLeaf.op] : 0,
    opTh: Array.isArray(threshold) ? "" : (threshold ?? ""),
    opList: Array.isArray(threshold) ? threshold : [],
    single: singleLeaf ? order.get(singleLeaf.fact) : undefined,
    threshold,
    checkWithOffice,
    officeProxy: c.office !== undefined && c.test !== undefined,
    unconfirmed,
    sources,
    pass,
    fail,
    unknown,
    na,
    fixed,
  };
}

/** Fixed segments around `{value}`; every other placeholder is resolved at compile time. */
function compileTemplate(template: string, vars: Record<string, string>): Render {
  const resolved = template.replace(/\{([a-z_][a-z0-9_]*)\}/g, (m, name: string) => (name === "value" ? m : (vars[name] ?? m)));
  const segs = resolved.split("{value}");
  return segs.length === 1 ? { text: resolved, segs: undefined } : { text: segs[0]!, segs };
}

function compileTest(t: Test, v: SchemeVersion, order: Map<string, number>): Pred {
  if (isLeaf(t)) return compileLeaf(order.get(t.fact)!, t.op, thresholdOf(t, v));
  if ("not" in t) {
    const inner = compileTest(t.not, v, order);
    return (f) => {
      const r = inner(f);
      return r === UNKNOWN ? UNKNOWN : r === PASS ? FAIL : PASS;
    };
  }
  const isAll = "all" in t;
  const kids = (isAll ? t.all : t.any).map((k) => compileTest(k, v, order));
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

function compileLeaf(name: number, op: LeafTest["op"], threshold: Scalar | Scalar[]): Pred {
  const th = threshold as Scalar;
  const list = threshold as Scalar[];
  switch (op) {
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
        if (!Array.isArray(x)) return UNKNOWN;
        for (let i = 0; i < x.length; i++) if (list.includes(x[i]!)) return PASS;
        return FAIL;
      };
    case "includes_none":
      return (f) => {
        const x = f[name] as Scalar[] | null | undefined;
        if (!Array.isArray(x)) return UNKNOWN;
        for (let i = 0; i < x.length; i++) if (list.includes(x[i]!)) return FAIL;
        return PASS;
      };
  }
}
