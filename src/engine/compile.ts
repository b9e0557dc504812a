/**
 * The fast evaluator: a pack is compiled once into closures (Workers forbid eval and new Function), with
 * parameters and reason templates resolved ahead of time, so evaluating a member is a walk over small functions.
 * src/engine/reference.ts is the slow, obvious evaluator it must always agree with.
 */
import { ageOn, versionOn } from "./dates";
import { contentVersions, nextQuestion } from "./next-question";
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
  Test,
  Text,
} from "./types";
import { STATUSES } from "./enums";
import { countryFacts } from "./vocabulary";

/** Outcomes of a test in three-valued logic. */
const FAIL = 0;
const PASS = 1;
const UNKNOWN = 2;
/**
 * A criterion's result code: FAIL, PASS or UNKNOWN as its outcome, or one of two ways of reaching an outcome that
 * the result reports differently: passed because its `when` fails (not applicable, another reason sentence), and
 * unknown because an office judges it though her answers pass its proxy test (nothing more to ask her).
 */
const NA = 3;
const OFFICE = 4;
type Tri = 0 | 1 | 2;
type Code = 0 | 1 | 2 | 3 | 4;
/** A criterion's outcome by its result code. */
const OUTCOME_OF = ["failed", "passed", "unknown", "passed", "unknown"] as const;

const ELIGIBLE = STATUSES.indexOf("eligible");
const LIKELY_ELIGIBLE = STATUSES.indexOf("likely_eligible");
const LIKELY_NOT_ELIGIBLE = STATUSES.indexOf("likely_not_eligible");
const NOT_ELIGIBLE = STATUSES.indexOf("not_eligible");
const NEEDS_INFO = STATUSES.indexOf("needs_info");

/** Criteria per version at most: bulk mode reports a version's failed and unknown criteria as bits of one word. */
export const MAX_CRITERIA = 32;

/** Operators of single-comparison criteria, evaluated inline (most criteria): no closure call per criterion. */
const OP: Record<LeafTest["op"], number> = { eq: 1, ne: 2, lt: 3, lte: 4, gt: 5, gte: 6, in: 7, not_in: 8, includes_any: 9, includes_none: 10 };
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

/** What a criterion decides, in any language: compiled once per version, read by `evaluate` and `evaluateBulk`. */
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
}

/** Whole numbers below this (ages, counts) share their results (`CriterionText.small`). */
const SMALL = 128;

/** What a criterion says, in one language. */
interface CriterionText {
  /** Reason sentences by result code (FAIL, PASS, UNKNOWN, NA, OFFICE). */
  renders: readonly Render[];
  /**
   * For a criterion whose result cannot depend on the member's value (no single fact reported): its five possible
   * results by result code, built once and frozen.
   */
  fixed: readonly CriterionResult[] | undefined;
  /**
   * For a criterion that reports a value: its results when the value is unknown, true or false (at index
   * code × 3 + 0, 1 or 2), made on first use and frozen. A third of criteria read a yes/no fact, and unanswered
   * facts are common: these members then allocate nothing for the criterion.
   */
  shared: (CriterionResult | undefined)[];
  /** The same for small whole numbers (ages, counts), at index code × SMALL + value. */
  small: (CriterionResult | undefined)[] | undefined;
}

interface CompiledVersion {
  scheme: string;
  category: Scheme["category"];
  source: SchemeVersion;
  effective_from: string;
  effective_to: string | undefined;
  ruleVersion: string;
  hash: string;
  criteria: CompiledCriterion[];
  /** The criteria's texts per language, compiled on first use. */
  texts: Map<Lang, CriterionText[]>;
}

/** A version in force, with its texts in the language asked for. */
interface Entry {
  v: CompiledVersion;
  texts: CriterionText[];
}

export interface EvaluateOptions {
  /** Evaluation date, `YYYY-MM-DD`: which rule versions are in force, and the day ages are computed on. */
  date: string;
  /** Language of the reasons; texts without a translation fall back to English. */
  lang?: Lang;
}

/** A scheme version in force, as bulk mode reports on it: ids only. */
export interface BulkScheme {
  scheme: string;
  category: Scheme["category"];
  rule_version: string;
  /** Content hash of the version (see SchemeVersion.hash). */
  hash: string;
  /** Its criteria's ids, in order: bit i of a failed or unknown mask is `criteria[i]`. */
  criteria: readonly string[];
}

/**
 * One member's results in bulk mode, per scheme in force, in `bulkSchemes(date)` order (index k). Typed arrays, so
 * that a bulk run reuses one result for every member.
 */
export interface BulkResult {
  /** The scheme's status, as an index into STATUSES (src/engine/enums.ts). */
  status: Uint8Array;
  /** Bit i set: criterion i failed (CriterionResult.outcome `failed`). */
  failed: Uint32Array;
  /** Bit i set: criterion i is unknown (outcome `unknown`, an office's judgement included). */
  unknown: Uint32Array;
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
  /**
   * The scheme versions in force on `date`, in the order `evaluateBulk` reports them (the order of `evaluate`'s
   * results). The same array for the same date: do not change it.
   * @example ke.bulkSchemes("2025-06-01").map((s) => s.scheme) // ["sha", "nssf_haba_haba", ...]
   */
  bulkSchemes(date: string): readonly BulkScheme[];
  /**
   * Like `evaluate`, without reasons, missing facts or the next question: per scheme in force, the status and the
   * failed and unknown criteria as bitmasks. With the same compiled tests, so it always agrees with `evaluate`.
   * Pass the previous result as `out` to fill it again: a bulk run then allocates nothing per member. The result
   * is valid until the next call that reuses it. It takes about half of `evaluate`'s time (the benchmark's
   * 20-scheme pack), the same decisions without the results: a what-if that changes one scheme should compile a pack of that scheme alone
   * (`{ ...pack, schemes: [scheme] }`, before and after `applyChange`) rather than evaluate every scheme.
   * @example
   * let out: BulkResult | undefined;
   * for (const facts of members) {
   *   out = ke.evaluateBulk(facts, "2025-06-01", out);
   *   if (STATUSES[out.status[0]] === "eligible") eligible++;
   * }
   */
  evaluateBulk(facts: Facts, date: string, out?: BulkResult): BulkResult;
}

/**
 * The ids of the criteria whose bits are set in a bulk result's mask (`failed[k]` or `unknown[k]`).
 * @example maskIds(out.failed[k], ke.bulkSchemes(date)[k].criteria) // ["adult"]
 */
export function maskIds(mask: number, criteria: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < criteria.length; i++) if (mask & (1 << i)) out.push(criteria[i]!);
  return out;
}

/**
 * Compiles a country's pack once; the result evaluates any number of members. Every evaluation carries the
 * pack's content hash as its `rules_version`, and each result its version's hash. Throws if a version has more
 * than MAX_CRITERIA criteria.
 */
export function compilePack(pack: Pack): CompiledPack {
  for (const s of pack.schemes) {
    for (const v of s.versions) {
      if (v.criteria.length > MAX_CRITERIA) {
        throw new Error(`${v.rule_version}: ${v.criteria.length} criteria; a version has at most ${MAX_CRITERIA} (the engine's bulk mode reports criteria as bits of one 32-bit word)`);
      }
    }
  }
  const langs = pack.country.languages;
  const order = factOrder(pack);
  // Compiled on first use: the tests once, reasons once per language.
  let compiled: CompiledVersion[][] | undefined;
  // The versions in force on the last date asked: a bulk run evaluates many members on one date.
  let inForce: { date: string; versions: CompiledVersion[]; bulk: readonly BulkScheme[] | undefined } | undefined;
  const activeOn = (date: string) => {
    if (inForce?.date !== date) {
      compiled ??= pack.schemes.map((s) => s.versions.map((v) => compileVersion(s, v, order)));
      const versions: CompiledVersion[] = [];
      for (const vs of compiled) {
        const v = versionOn(vs, date);
        if (v) versions.push(v);
      }
      inForce = { date, versions, bulk: undefined };
    }
    return inForce;
  };
  // The same, with texts, per language.
  const withTexts = new Map<Lang, { date: string; entries: Entry[] }>();
  const entriesOn = (lang: Lang, date: string) => {
    let memo = withTexts.get(lang);
    if (memo?.date !== date) {
      const entries = activeOn(date).versions.map((v) => {
        let texts = v.texts.get(lang);
        if (!texts) {
          texts = compileTexts(v, lang);
          v.texts.set(lang, texts);
        }
        return { v, texts };
      });
      memo = { date, entries };
      withTexts.set(lang, memo);
    }
    return memo.entries;
  };

  const names = [...order.keys()];
  const checklists = listFacts(pack);
  // Versions with texts whose facts are asked (`ask: true`), after every question about who can join.
  const withContent = contentVersions(pack);
  let contentTests: Map<string, ContentTest[]> | undefined;
  // Reads the facts of the evaluation under way, in `vals`.
  const content = withContent.size
    ? (r: SchemeResult) => {
        contentTests ??= compileContent(withContent, order);
        const tests = contentTests.get(r.rule_version);
        return tests ? contentFacts(tests, vals, names) : NONE;
      }
    : undefined;
  const ageSlot = order.get("age")!;
  const birthSlot = order.get("birth_date")!;
  // Reused by every evaluation: evaluation is synchronous, and results copy the values they report.
  const vals: Slots = new Array(names.length);
  const codes = new Uint8Array(MAX_CRITERIA);

  // The keys of the last member loaded, and their slots (see `load`).
  const lastKeys: (string | undefined)[] = new Array(64);
  const lastSlots: (number | undefined)[] = new Array(64);
  /** Copies a member's facts into `vals`. */
  const load = (facts: Facts, date: string) => {
    vals.fill(undefined);
    // Own keys only, and only values a fact can have: the engine does not rely on its callers' checks. Object.keys
    // (a copy of V8's cached key list) costs less than for…in with a hasOwn check per key. Members of one run
    // mostly have the same keys in the same order: the key at the same position last time is compared first, one
    // comparison instead of a map look-up.
    const keys = Object.keys(facts);
    for (let j = 0; j < keys.length; j++) {
      const k = keys[j]!;
      let slot: number | undefined;
      if (lastKeys[j] === k) slot = lastSlots[j];
      else {
        slot = order.get(k);
        if (j < lastKeys.length) {
          lastKeys[j] = k;
          lastSlots[j] = slot;
        }
      }
      if (slot === undefined) continue;
      const v = facts[k];
      if (typeof v !== "object" || v === null || Array.isArray(v)) vals[slot] = v;
    }
    // Age from a birth date: a malformed one (only an unchecked caller could pass it) leaves age unknown.
    const birth = vals[birthSlot];
    if (typeof birth === "string" && birth.length === 10) {
      const age = ageOn(birth, date);
      if (age === age) vals[ageSlot] = age;
    }
  };

  return {
    pack,
    evaluate(facts, { date, lang = "en" }) {
      const lg = langs.includes(lang) ? lang : "en";
      const entries = entriesOn(lg, date);
      load(facts, date);
      const results: SchemeResult[] = new Array(entries.length);
      for (let i = 0; i < entries.length; i++) results[i] = evaluateVersion(entries[i]!, vals, names, codes);
      return {
        country: pack.country.code,
        date,
        lang: lg,
        rules_version: pack.hash,
        results,
        next_question: nextQuestion(results, facts, order, checklists, content),
      };
    },
    bulkSchemes(date) {
      const memo = activeOn(date);
      memo.bulk ??= Object.freeze(
        memo.versions.map((v) =>
          Object.freeze({ scheme: v.scheme, category: v.category, rule_version: v.ruleVersion, hash: v.hash, criteria: Object.freeze(v.criteria.map((c) => c.id)) }),
        ),
      );
      return memo.bulk;
    },
    evaluateBulk(facts, date, out) {
      const versions = activeOn(date).versions;
      const n = versions.length;
      if (out === undefined || out.status.length !== n || out.failed.length !== n || out.unknown.length !== n) {
        out = { status: new Uint8Array(n), failed: new Uint32Array(n), unknown: new Uint32Array(n) };
      }
      load(facts, date);
      const { status, failed, unknown } = out;
      for (let k = 0; k < n; k++) {
        status[k] = scan(versions[k]!, vals, codes, undefined, undefined);
        failed[k] = scanFailed;
        unknown[k] = scanUnknown;
      }
      return out;
    },
  };
}

const NONE: readonly string[] = Object.freeze([]);
/** No missing facts: one shared, frozen array rather than a new one per scheme. */
const NO_MISSING = NONE as string[];

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

/** Whether the office must judge a criterion with this result (one her answers have failed leaves it nothing). */
function asksOffice(c: CompiledCriterion, code: Code): boolean {
  return code !== NA && c.checkWithOffice && (c.unconfirmed || code !== FAIL);
}

// Set by `scan`: the failed and unknown criteria of the version it last scanned, as bits.
let scanFailed = 0;
let scanUnknown = 0;

/**
 * The one place criteria are decided, for `evaluate` and `evaluateBulk` alike: judges every criterion of a version
 * (result codes into `codes`, failed and unknown bits into scanFailed and scanUnknown) and returns the status, as
 * an index into STATUSES. With `texts` and `out` (evaluate), it also puts each criterion's result in `out`: in the
 * same loop, which measured faster than a second pass.
 */
function scan(v: CompiledVersion, f: Slots, codes: Uint8Array, texts: readonly CriterionText[] | undefined, out: CriterionResult[] | undefined): number {
  const cs = v.criteria;
  let confirmedFail = false;
  let unsettledFail = false;
  let office = false;
  let missing = false;
  let failed = 0;
  let unknown = 0;
  for (let i = 0; i < cs.length; i++) {
    const c = cs[i]!;
    // The criterion's result code (written out here rather than called: one call fewer per criterion).
    let code: Code;
    if (c.when !== null) {
      // "when W then T" is (not W) or T, in three-valued logic: a passing T settles it even if W is unknown.
      const w = c.when(f);
      if (w === FAIL) code = NA;
      else {
        const t = c.test === null ? UNKNOWN : c.test(f);
        code = w === PASS || t === PASS ? t : UNKNOWN;
      }
    } else if (c.op !== 0) {
      const x = f[c.single!] as Scalar | Scalar[] | null | undefined;
      if (x === undefined || x === null) code = UNKNOWN;
      else {
        const th = c.opTh;
        switch (c.op) {
          case 1: code = x === th ? PASS : FAIL; break;
          case 2: code = x !== th ? PASS : FAIL; break;
          case 3: code = (x as Scalar) < th ? PASS : FAIL; break;
          case 4: code = (x as Scalar) <= th ? PASS : FAIL; break;
          case 5: code = (x as Scalar) > th ? PASS : FAIL; break;
          case 6: code = (x as Scalar) >= th ? PASS : FAIL; break;
          case 7: code = c.opList.includes(x as Scalar) ? PASS : FAIL; break;
          case 8: code = c.opList.includes(x as Scalar) ? FAIL : PASS; break;
          default: {
            if (!Array.isArray(x)) { code = UNKNOWN; break; }
            let any = false;
            const xs = x as Scalar[];
            for (let k = 0; k < xs.length; k++) if (c.opList.includes(xs[k]!)) { any = true; break; }
            code = (c.op === 9) === any ? PASS : FAIL;
          }
        }
      }
    } else {
      code = c.test === null ? UNKNOWN : c.test(f);
    }
    // An office criterion whose proxy her answers pass is still the office's to judge (nothing more to ask).
    if (code === PASS && c.officeProxy) code = OFFICE;
    codes[i] = code;
    if (code === FAIL) {
      failed |= 1 << i;
      if (c.unconfirmed) unsettledFail = true;
      else confirmedFail = true;
    } else if (code === UNKNOWN) {
      unknown |= 1 << i;
      if (!missing) {
        const slots = c.factSlots;
        for (let k = 0; k < slots.length; k++) {
          const fv = f[slots[k]!];
          if (fv === undefined || fv === null) {
            missing = true;
            break;
          }
        }
      }
    } else if (code === OFFICE) unknown |= 1 << i;
    const asks = asksOffice(c, code);
    if (asks) office = true;
    if (out !== undefined) {
      const t = texts![i]!;
      if (t.fixed !== undefined) out[i] = t.fixed[code]!;
      else {
        const value = f[c.single!];
        if (value === undefined || value === null || value === true || value === false) {
          const k = code * 3 + (value === true ? 1 : value === false ? 2 : 0);
          out[i] = t.shared[k] ?? (t.shared[k] = Object.freeze(criterionResult(c, t, code, asks, value)));
        } else if (typeof value === "number" && (value & (SMALL - 1)) === value && (value !== 0 || 1 / value > 0)) {
          // (-0 is not shared: it would be reported as 0.)
          const small = (t.small ??= new Array<CriterionResult | undefined>(5 * SMALL));
          const k = code * SMALL + value;
          out[i] = small[k] ?? (small[k] = Object.freeze(criterionResult(c, t, code, asks, value)));
        } else out[i] = criterionResult(c, t, code, asks, value);
      }
    }
  }
  scanFailed = failed;
  scanUnknown = unknown;
  if (confirmedFail) return NOT_ELIGIBLE;
  if (missing) return NEEDS_INFO;
  if (unsettledFail) return LIKELY_NOT_ELIGIBLE;
  return office ? LIKELY_ELIGIBLE : ELIGIBLE;
}

/** The facts whose answer could change a needs_info status, in question order (slot order is question order). */
function missingFacts(v: CompiledVersion, f: Slots, codes: Uint8Array, names: readonly string[]): string[] {
  const slots: number[] = [];
  const cs = v.criteria;
  for (let i = 0; i < cs.length; i++) {
    if (codes[i] !== UNKNOWN) continue;
    const fs = cs[i]!.factSlots;
    for (let k = 0; k < fs.length; k++) {
      const s = fs[k]!;
      const fv = f[s];
      if ((fv === undefined || fv === null) && !slots.includes(s)) slots.push(s);
    }
  }
  slots.sort((a, b) => a - b);
  const out: string[] = new Array(slots.length);
  for (let k = 0; k < slots.length; k++) out[k] = names[slots[k]!]!;
  return out;
}

function criterionResult(c: CompiledCriterion, t: CriterionText, code: Code, asks: boolean, value: unknown): CriterionResult {
  // Always the same fields in the same order: one hidden class for the JIT.
  return {
    id: c.id,
    outcome: OUTCOME_OF[code],
    check_with_office: asks,
    unconfirmed: c.unconfirmed,
    facts: c.facts,
    value: value === undefined ? null : (value as CriterionResult["value"]),
    threshold: c.threshold,
    reason: render(t.renders[code]!, value),
    sources: c.sources,
  };
}

function evaluateVersion(e: Entry, f: Slots, names: readonly string[], codes: Uint8Array): SchemeResult {
  const v = e.v;
  const criteria: CriterionResult[] = new Array(v.criteria.length);
  const status = scan(v, f, codes, e.texts, criteria);
  return {
    scheme: v.scheme,
    category: v.category,
    status: STATUSES[status]!,
    rule_version: v.ruleVersion,
    version_hash: v.hash,
    criteria,
    missing: status === NEEDS_INFO ? missingFacts(v, f, codes, names) : NO_MISSING,
  };
}

function compileVersion(s: Scheme, v: SchemeVersion, order: Map<string, number>): CompiledVersion {
  return {
    scheme: s.id,
    category: s.category,
    source: v,
    effective_from: v.effective_from,
    effective_to: v.effective_to,
    ruleVersion: v.rule_version,
    hash: v.hash,
    criteria: v.criteria.map((c) => compileCriterion(c, v, order)),
    texts: new Map(),
  };
}

/** Whether a criterion is unconfirmed: the rule itself, or a parameter its tests read. */
function isUnconfirmed(c: Criterion, v: SchemeVersion): boolean {
  return c.unconfirmed || criterionLeaves(c).some(({ leaf }) => leaf.param !== undefined && v.parameters[leaf.param]?.unconfirmed);
}

function criterionLeaves(c: Criterion) {
  return [...(c.when ? leafTests(c.when) : []), ...(c.test ? leafTests(c.test) : [])];
}

function compileCriterion(c: Criterion, v: SchemeVersion, order: Map<string, number>): CompiledCriterion {
  const leaves = criterionLeaves(c);
  const facts = [...new Set([...(c.when ? testFacts(c.when) : []), ...(c.test ? testFacts(c.test) : [])])].sort(
    (a, b) => order.get(a)! - order.get(b)!,
  );
  const unconfirmed = isUnconfirmed(c, v);
  const singleLeaf = c.test && isLeaf(c.test) ? c.test : undefined;
  const threshold = singleLeaf ? thresholdOf(singleLeaf, v) : undefined;
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
    checkWithOffice: c.office !== undefined || unconfirmed,
    officeProxy: c.office !== undefined && c.test !== undefined,
    unconfirmed,
    sources: c.sources.length ? c.sources : [...new Set(leaves.flatMap(({ leaf }) => (leaf.param ? v.parameters[leaf.param]!.sources : [])))],
  };
}

function compileTexts(cv: CompiledVersion, lang: Lang): CriterionText[] {
  const v = cv.source;
  return v.criteria.map((c, i) => {
    const cc = cv.criteria[i]!;
    const vars: Record<string, string> = { threshold: formatValue(cc.threshold) };
    for (const [name, p] of Object.entries(v.parameters)) vars[name] = formatValue(p.value);
    const prefix = cc.unconfirmed ? `${localize(ENGINE_TEXT.check_with_office, lang)} ` : "";
    const r = (t: Text) => compileTemplate(prefix + localize(t, lang), vars);
    const pass = r(c.reason.pass);
    const unknown = r(c.office ?? c.reason.unknown ?? ENGINE_TEXT.unknown);
    const renders = [r(c.reason.fail), pass, unknown, r(c.reason.not_applicable ?? c.reason.pass), unknown];
    // Without a single fact to report, the result depends on the result code alone: build the five once.
    const fixed =
      cc.single !== undefined
        ? undefined
        : Object.freeze(
            ([FAIL, PASS, UNKNOWN, NA, OFFICE] as const).map((code) =>
              Object.freeze({
                id: cc.id,
                outcome: OUTCOME_OF[code],
                check_with_office: asksOffice(cc, code),
                unconfirmed: cc.unconfirmed,
                facts: cc.facts,
                reason: render(renders[code]!, undefined),
                sources: cc.sources,
              }),
            ),
          );
    return { renders, fixed, shared: new Array<CriterionResult | undefined>(15), small: undefined };
  });
}

/** A test of a text for some members (see `contentVersions`), compiled: its predicate and the slots of its facts. */
interface ContentTest {
  test: Pred;
  /** In the order the test first reads them. */
  slots: number[];
}

function compileContent(withContent: ReturnType<typeof contentVersions>, order: Map<string, number>): Map<string, ContentTest[]> {
  const out = new Map<string, ContentTest[]>();
  for (const [ruleVersion, { version, tests }] of withContent) {
    out.set(
      ruleVersion,
      tests.map((t) => ({ test: compileTest(t, version, order), slots: testFacts(t).map((name) => order.get(name)!) })),
    );
  }
  return out;
}

/**
 * `contentFacts` (src/engine/next-question.ts) on the facts in slots: the unanswered facts of the content tests
 * her answers leave unsettled. With the compiled tests, so an evaluation never rebuilds her facts by name.
 */
function contentFacts(tests: readonly ContentTest[], f: Slots, names: readonly string[]): string[] {
  const out: string[] = [];
  for (const { test, slots } of tests) {
    if (test(f) !== UNKNOWN) continue;
    for (const s of slots) {
      const fv = f[s];
      if ((fv === undefined || fv === null) && !out.includes(names[s]!)) out.push(names[s]!);
    }
  }
  return out;
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
