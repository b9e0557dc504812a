/**
 * The cross-country policy matrix advocates use in regional dialogue, derived from the rule packs alone: per
 * country and category, which schemes exist on a date, whether self-employed home-based workers and homeworkers
 * can join, entry ages, income ceilings, subsidies and the best source. Categories with no scheme are rows too:
 * they are the gaps.
 */
import { compilePack } from "../engine/compile";
import { versionOn } from "../engine/dates";
import { isLeaf } from "../engine/tests";
import type { Category, Criterion, Pack, Scheme, SchemeVersion, Source, Test } from "../engine/types";

/** Matrix categories in the order advocates read them; the first five are the core set. */
export const MATRIX_CATEGORIES: Category[] = [
  "health_insurance",
  "pension",
  "maternity",
  "accident",
  "labour_protection",
  "informal_worker",
  "cash_transfer",
  "life_insurance",
];

/**
 * `yes`; `no`; `office` when an office decides; `unsettled` when the last known rule says no but the sources do not
 * settle it (members are told "probably not — ask the office").
 */
export const ACCESS = ["yes", "no", "office", "unsettled"] as const;
export type Access = (typeof ACCESS)[number];

export interface MatrixRow {
  country: string;
  category: Category;
  /** Empty when the country has no scheme of this category in force: a coverage gap. */
  scheme: string;
  name: string;
  rule_version: string;
  self_employed: Access | "";
  homeworker: Access | "";
  /** Why a worker type cannot join (the failing criterion's reason), when it cannot. */
  self_employed_reason: string;
  homeworker_reason: string;
  min_entry_age: number | null;
  max_entry_age: number | null;
  /** Monthly income ceiling, in the country's currency. */
  income_ceiling: number | null;
  currency: string;
  subsidy: SchemeVersion["subsidy"]["kind"] | "";
  /** A threshold in this row rests on an unconfirmed value. */
  unconfirmed: boolean;
  source_title: string;
  source_url: string;
  source_tier: Source["tier"] | "";
}

export const MATRIX_COLUMNS: (keyof MatrixRow)[] = [
  "country",
  "category",
  "scheme",
  "name",
  "rule_version",
  "self_employed",
  "homeworker",
  "self_employed_reason",
  "homeworker_reason",
  "min_entry_age",
  "max_entry_age",
  "income_ceiling",
  "currency",
  "subsidy",
  "unconfirmed",
  "source_title",
  "source_url",
  "source_tier",
];

const TIER_RANK: Record<Source["tier"], number> = { law: 0, official: 1, news: 2, secondary: 3 };

/**
 * The matrix for every pack on `date`.
 * @example policyMatrix([PACKS.ke], "2025-06-01").filter((r) => r.category === "pension")
 */
export function policyMatrix(packs: readonly Pack[], date: string): MatrixRow[] {
  const rows: MatrixRow[] = [];
  for (const pack of [...packs].sort((a, b) => a.country.code.localeCompare(b.country.code))) {
    const engine = compilePack(pack);
    const access = (worker: string) => {
      const results = engine.evaluate({ worker_type: worker }, { date }).results;
      return new Map(results.map((r) => [r.scheme, r]));
    };
    const self = access("self_employed");
    const home = access("homeworker");
    for (const category of MATRIX_CATEGORIES) {
      const inForce = pack.schemes
        .filter((s) => s.category === category)
        .map((s) => ({ s, v: versionOn(s.versions, date) }))
        .filter((x): x is { s: Scheme; v: SchemeVersion } => x.v !== undefined);
      if (inForce.length === 0) {
        rows.push(gapRow(pack, category));
        continue;
      }
      for (const { s, v } of inForce) {
        const [se, seReason] = workerAccess(self.get(s.id));
        const [hw, hwReason] = workerAccess(home.get(s.id));
        const limits = thresholds(v);
        const source = bestSource(s, v);
        rows.push({
          country: pack.country.code,
          category,
          scheme: s.id,
          name: s.name.en,
          rule_version: v.rule_version,
          self_employed: se,
          homeworker: hw,
          self_employed_reason: seReason,
          homeworker_reason: hwReason,
          ...limits,
          currency: pack.country.currency,
          subsidy: v.subsidy.kind,
          source_title: source?.title ?? "",
          source_url: source?.url ?? "",
          source_tier: source?.tier ?? "",
        });
      }
    }
  }
  return rows;
}

function gapRow(pack: Pack, category: Category): MatrixRow {
  return {
    country: pack.country.code,
    category,
    scheme: "",
    name: "",
    rule_version: "",
    self_employed: "",
    homeworker: "",
    self_employed_reason: "",
    homeworker_reason: "",
    min_entry_age: null,
    max_entry_age: null,
    income_ceiling: null,
    currency: pack.country.currency,
    subsidy: "",
    unconfirmed: false,
    source_title: "",
    source_url: "",
    source_tier: "",
  };
}



/** Whether a worker type can join, judged only by the criteria that read worker_type. */
function workerAccess(result: ReturnType<ReturnType<typeof compilePack>["evaluate"]>["results"][number] | undefined): [Access, string] {
  if (!result) return ["no", ""];
  const onWorker = result.criteria.filter((c) => c.facts.includes("worker_type"));
  const failed = onWorker.filter((c) => c.outcome === "failed");
  const settled = failed.find((c) => !c.unconfirmed);
  if (settled) return ["no", settled.reason];
  if (failed[0]) return ["unsettled", failed[0].reason];
  if (onWorker.some((c) => c.check_with_office)) return ["office", ""];
  return ["yes", ""];
}

/** Entry ages and income ceiling from criteria that are plain conjunctions of comparisons (not conditional). */
function thresholds(v: SchemeVersion): Pick<MatrixRow, "min_entry_age" | "max_entry_age" | "income_ceiling" | "unconfirmed"> {
  let min: number | null = null;
  let max: number | null = null;
  let ceiling: number | null = null;
  let unconfirmed = false;
  for (const c of v.criteria) {
    if (c.when) continue;
    for (const leaf of conjunctiveLeaves(c)) {
      const raw = leaf.param !== undefined ? v.parameters[leaf.param]?.value : leaf.value;
      if (typeof raw !== "number") continue;
      const paramUnconfirmed = leaf.param !== undefined && v.parameters[leaf.param]?.unconfirmed === true;
      if (leaf.fact === "age") {
        if (leaf.op === "gte" || leaf.op === "gt") min = Math.max(min ?? 0, leaf.op === "gt" ? raw + 1 : raw);
        else if (leaf.op === "lte" || leaf.op === "lt") max = Math.min(max ?? Infinity, leaf.op === "lt" ? raw - 1 : raw);
        else continue;
      } else if (leaf.fact === "monthly_income" && (leaf.op === "lte" || leaf.op === "lt")) {
        ceiling = Math.min(ceiling ?? Infinity, raw);
      } else continue;
      if (paramUnconfirmed || c.unconfirmed) unconfirmed = true;
    }
  }
  return { min_entry_age: min, max_entry_age: max, income_ceiling: ceiling, unconfirmed };
}

function conjunctiveLeaves(c: Criterion) {
  const out: Extract<Test, { fact: string }>[] = [];
  const walk = (t: Test) => {
    if (isLeaf(t)) out.push(t);
    else if ("all" in t) t.all.forEach(walk);
  };
  if (c.test) walk(c.test);
  return out;
}

/** The highest-tier source the version cites (law before official before news before secondary). */
function bestSource(s: Scheme, v: SchemeVersion): Source | undefined {
  const ids = new Set([...v.sources, ...v.criteria.flatMap((c) => c.sources), ...Object.values(v.parameters).flatMap((p) => p.sources)]);
  return s.sources.filter((x) => ids.has(x.id)).sort((a, b) => TIER_RANK[a.tier] - TIER_RANK[b.tier])[0];
}

/** RFC 4180 CSV with a header row of the snake_case column names. */
export function matrixCsv(rows: readonly MatrixRow[]): string {
  const cell = (v: unknown) => {
    const s = v === null || v === undefined ? "" : String(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [MATRIX_COLUMNS.join(","), ...rows.map((r) => MATRIX_COLUMNS.map((k) => cell(r[k])).join(","))].join("\r\n") + "\r\n";
}
