/**
 * One definition of each enumeration: the engine's types, the rule-file schema, the API schemas and the database
 * columns all derive from these lists, so a new value is added in one place.
 */

/**
 * A scheme's status for a member on a date.
 * - `eligible`: every criterion passes on her answers.
 * - `likely_eligible`: every criterion her answers can settle passes; what remains is an office's judgement (a means
 *   test, a registry check) or a passed threshold the sources do not settle, and nothing she said speaks against it.
 * - `likely_not_eligible`: by the last known rule she does not qualify, but that rule is not settled by the sources
 *   (an unconfirmed threshold or rule she fails): check with the office. Never a yes.
 * - `not_eligible`: she fails a settled criterion.
 * - `needs_info`: an answer she has not given could change the status.
 */
export const STATUSES = ["eligible", "likely_eligible", "likely_not_eligible", "not_eligible", "needs_info"] as const;
export type Status = (typeof STATUSES)[number];

/** What a scheme is for: the social-protection functions advocates count coverage by. */
export const CATEGORIES = [
  "health_insurance",
  "pension",
  "informal_worker",
  "maternity",
  "cash_transfer",
  "accident",
  "labour_protection",
  "life_insurance",
] as const;
export type Category = (typeof CATEGORIES)[number];

/** How much weight a source carries: a law or gazette, an official page, a news report, a secondary study. */
export const SOURCE_TIERS = ["law", "official", "news", "secondary"] as const;
export type SourceTier = (typeof SOURCE_TIERS)[number];

/** How often a contribution is paid. */
export const PERIODS = ["day", "week", "month", "quarter", "year", "once"] as const;
export type Period = (typeof PERIODS)[number];

/** Where and how a member applies. */
export const APPLY_KINDS = ["office", "ussd", "web", "app", "phone", "agent", "sms"] as const;
export type ApplyKind = (typeof APPLY_KINDS)[number];

/** Whether the government pays part or all of members' contributions. */
export const SUBSIDY_KINDS = ["none", "partial", "full", "unknown"] as const;
export type SubsidyKind = (typeof SUBSIDY_KINDS)[number];

/** Types of facts in the vocabulary. */
export const FACT_TYPES = ["boolean", "integer", "number", "date", "enum", "list"] as const;
export type FactType = (typeof FACT_TYPES)[number];

/** Comparison operators of a rule's leaf test. */
export const COMPARE_OPS = ["eq", "ne", "lt", "lte", "gt", "gte"] as const;
export const LIST_OPS = ["in", "not_in", "includes_any", "includes_none"] as const;
export const OPS = [...COMPARE_OPS, ...LIST_OPS] as const;
export type CompareOp = (typeof COMPARE_OPS)[number];
export type ListOp = (typeof LIST_OPS)[number];

/** The outcome of one criterion in three-valued logic. */
export const OUTCOMES = ["passed", "failed", "unknown"] as const;
export type Outcome = (typeof OUTCOMES)[number];
