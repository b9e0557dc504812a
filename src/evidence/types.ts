/**
 * The advocacy evidence's shapes: what the SQL aggregates produce (before suppression), and what leaves the tool
 * (after it). Pure; shared by src/evidence (aggregates, disclosure control, exports), src/http (the API) and web/
 * (the advocate's page and the printable brief).
 *
 * Every published count is a `Figure`: its value, or null when disclosure control withheld it, with why.
 */
import type { Category, Source, Status } from "../engine/types";

/** The social-protection functions coverage is counted by (ILO World Social Protection Report, shortened). */
export const FUNCTIONS = ["health", "old_age", "maternity", "accident", "cash_support", "labour_protection"] as const;
export type SpFunction = (typeof FUNCTIONS)[number];

/**
 * Which functions a scheme's category serves. Life insurance (PMJJBY) is counted with accident and injury, as
 * "accident, injury and death"; the informal workers' registration schemes (e-Shram, Section 40's registration)
 * with labour protection. A scheme's `also_covers` adds functions (JKN: maternity).
 */
export const FUNCTION_OF: Record<Category, SpFunction> = {
  health_insurance: "health",
  pension: "old_age",
  maternity: "maternity",
  accident: "accident",
  life_insurance: "accident",
  cash_transfer: "cash_support",
  labour_protection: "labour_protection",
  informal_worker: "labour_protection",
};

/**
 * A member's rung on the coverage ladder of one function (or one scheme), the first that holds, top down:
 * - `covered`: enrolled in a scheme of the function;
 * - `lapsed`: was enrolled, and lapsed (and is not covered by another);
 * - `in_progress`: the law admits her (eligible or likely eligible) and her application is under way (gathering
 *   documents, ready to apply, applied, appealed);
 * - `not_started`: the law admits her and nothing is under way (never started, declined, rejected or exited);
 * - `unknown`: a scheme could admit her but needs an answer or an office's word (needs information, or "likely
 *   not, check with the office"), or she has not been screened for the function's schemes;
 * - `excluded`: every scheme of the function refuses her on a settled criterion, or the country has none.
 */
export const RUNGS = ["covered", "lapsed", "in_progress", "not_started", "unknown", "excluded"] as const;
export type Rung = (typeof RUNGS)[number];
/** The rungs where the law admits her (legal coverage), and where she is enrolled (effective coverage). */
export const LEGAL_RUNGS: readonly Rung[] = ["covered", "lapsed", "in_progress", "not_started"];

/** The second dimension a table may be broken down by, beside its own (function, scheme or month). */
export const BREAKDOWNS = ["cluster", "worker_type", "sex", "age_band"] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];

/** Age bands, on the day of the figures (from her birth date, or the age she gave). */
export const AGE_BANDS = ["under_18", "18_29", "30_39", "40_49", "50_59", "60_plus", "unknown"] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/**
 * Why a figure is withheld:
 * - `small`: a count from 1 to threshold-1 (primary suppression), or a rate whose numerator or denominator is;
 * - `secondary`: withheld so that a small one cannot be solved from the row, column and totals;
 * - `window`: withheld in every month of a trend because it is withheld in one;
 * - `pair`: a what-if's before or after (or its change), withheld because the other is.
 */
export const FLAGS = ["", "small", "secondary", "window", "pair"] as const;
export type Flag = (typeof FLAGS)[number];

export interface Figure {
  value: number | null;
  flag: Flag;
}

/** A rate (0–1) with the counts it comes from; null when either count is withheld or the denominator is 0. */
export interface Rate {
  value: number | null;
  numerator: Figure;
  denominator: Figure;
  flag: Flag;
}

export interface Heading {
  key: string;
  label: string;
}

/**
 * A published two-way table: rows by one dimension, columns by another (a rung, a state, a criterion...), with
 * totals. `row_totals[i]` is row i's total, `col_totals[j]` column j's; totals are additive (the sum of the
 * row or column) unless `additive` is false, when they are counted separately (distinct members).
 */
export interface PublishedTable {
  /** Catalogue id, e.g. `ladder.health.cluster`, `schemes`, `barriers` (src/evidence/catalogue.ts). */
  id: string;
  row_dim: string;
  col_dim: string;
  rows: Heading[];
  cols: Heading[];
  cells: Figure[][];
  row_totals: Figure[];
  col_totals: Figure[];
  total: Figure;
  additive: boolean;
}

/** A table of raw counts before disclosure control: the input of src/evidence/disclosure.ts. */
export interface CountTable {
  rows: string[];
  cols: string[];
  cells: number[][];
  /** Distinct-member totals when they are not the sums (a member in two columns); absent: the sums. */
  row_totals?: number[];
  col_totals?: number[];
  total?: number;
}

/** The rule a criterion belongs to, for citing it beside a reason: its version, sources and their dates. */
export interface CriterionInfo {
  id: string;
  /** Her reason when she fails it, in the advocate's language, thresholds filled in. */
  label: string;
  sources: Source[];
  unconfirmed: boolean;
}

/** Why members are excluded from one scheme: per criterion, how many fail it at all and how many fail only it. */
export interface SchemeReasons {
  scheme: string;
  name: string;
  rule_version: string;
  effective_from: string;
  /** Members the scheme refuses on a settled criterion. */
  excluded: Figure;
  criteria: { criterion: CriterionInfo; any: Figure; binding: Figure }[];
  /** Members failing two criteria or more (binding counts + this = excluded). */
  several: Figure;
}

/** One scheme's enrollment funnel. */
export interface Funnel {
  scheme: string;
  name: string;
  /** Members per current enrollment state (ENROLLMENT_STATES order). */
  states: Record<string, Figure>;
  /** Median days from one state to the next, over the moves recorded; null when too few moves to publish. */
  median_days: { from: string; to: string; days: number | null; moves: Figure }[];
  /** Rejected among those who applied. */
  rejection_rate: Rate;
}

export interface TrendMarker {
  month: string;
  scheme: string;
  rule_version: string;
  /** What changed: `in_force` (a version came into force) or `ended`. */
  kind: "in_force" | "ended";
}

/** Members enrolled at each month's end, per scheme, over a window of months. */
export interface Trend {
  months: string[];
  series: { scheme: string; name: string; values: Figure[] }[];
  markers: TrendMarker[];
}

/** Stamped on every export: enough to reproduce the figures. */
export interface Stamp {
  generated_on: string;
  network: { id: string; code: string; name: string };
  country: string;
  /** The pack's content hash (the rules version shown on every page). */
  rules_version: string;
  scheme_versions: { scheme: string; name: string; rule_version: string; hash: string; effective_from: string; sources: Source[] }[];
  /** Counts from 1 to threshold-1 are withheld. */
  threshold: number;
  /** Members counted: those whose consent includes anonymous statistics. */
  members: Figure;
}

export interface Indicators {
  members: Figure;
  /** Covered by at least one scheme (any function): an SDG 1.3.1-like figure, not comparable to the national one. */
  covered_any: Rate;
  /** Admitted by the law to at least one scheme. */
  legal_any: Rate;
  /** Per function: legal and effective coverage. */
  functions: { function: SpFunction; legal: Rate; effective: Rate; eligible_not_enrolled: Figure; lapsed: Figure }[];
}

/** The public self-checks' anonymous counts over a window: results per scheme and status (not members). */
export interface PublicCounts {
  from: string;
  to: string;
  checks: Figure;
  table: PublishedTable;
}

/** The advocate's evidence for one network, as the API returns it and the brief prints it. */
export interface Evidence {
  stamp: Stamp;
  /** The breakdown asked for (beside function or scheme), if any. */
  breakdown: Breakdown | null;
  indicators: Indicators;
  /** One ladder per function: rows = the breakdown's values (or one row, `all`), columns = RUNGS. */
  ladders: { function: SpFunction; table: PublishedTable }[];
  /** Per scheme: rows = schemes, columns = RUNGS (legal = the first four, effective = `covered`). */
  schemes: PublishedTable;
  reasons: SchemeReasons[];
  /** Barriers recorded by organizers among the eligible not enrolled: rows = schemes, columns = BARRIERS. */
  barriers: PublishedTable;
  funnels: Funnel[];
  trend: Trend;
  public_counts: PublicCounts;
}

/** A proposed rule change an advocate asks about (applied to the pack by src/engine/override.ts). */
export type { RuleChange } from "../engine/override";
import type { RuleChange } from "../engine/override";

/** Who would gain or lose a scheme under a rule change, by a breakdown. Before and after are withheld together. */
export interface WhatIf {
  stamp: Stamp;
  change: RuleChange;
  /** The change in words, in the advocate's language. */
  description: string;
  scheme: string;
  breakdown: Breakdown | null;
  /**
   * Rows = the breakdown's values (or `all`); columns: `before` and `after` (members the law admits: eligible or
   * likely eligible), `gain` (admitted after, not before) and `loss` (before, not after). after = before + gain -
   * loss in every row, so a row's four figures are withheld together when any one is.
   */
  table: PublishedTable;
  /** Members evaluated (those counted: statistics consent, screened, in the network). */
  members: Figure;
  took_ms: number;
}

export type { Status };
