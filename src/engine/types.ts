/**
 * Types of the compiled rule packs the engine evaluates, the facts it reads and the results it returns.
 * Plain data only: packs are produced at build time from `rules/<cc>/*.yaml` (see src/rules/) and
 * bundled as JSON-like modules, so the same types serve the Worker, the browser and Node.
 */
import type { ApplyKind, Category, CompareOp, FactType, ListOp, Outcome, Period, SourceTier, Status, SubsidyKind } from "./enums";

export type { ApplyKind, Category, CompareOp, FactType, ListOp, Outcome, Period, SourceTier, Status, SubsidyKind };

/** ISO 639-1 language code (`en`, `sw`, `th`, ...), or `fil` for Filipino. */
export type Lang = string;

/** Member-facing text in several languages; `en` is always present and is the fallback. */
export type Text = { en: string } & Record<Lang, string>;


export interface Source {
  id: string;
  title: string;
  url: string;
  /** Date of the document (or when it was read, if undated), ISO `YYYY-MM-DD`. */
  date: string;
  tier: SourceTier;
}

export type Scalar = string | number | boolean;

/** A threshold or amount with the sources that settle it. */
export interface Parameter {
  value: Scalar | Scalar[];
  unit?: string;
  sources: string[];
  /** The sources do not settle this value: members are told to check with the office. */
  unconfirmed: boolean;
  note?: string;
  /**
   * Set only by a what-if (`applyChange`, src/engine/override.ts): the value is an advocate's proposal, not the
   * rule in force. Never in a rule file.
   */
  proposed?: boolean;
}


/** A comparison of one fact with a literal or a named parameter of the version. */
export interface LeafTest {
  fact: string;
  op: CompareOp | ListOp;
  /** Literal threshold; exactly one of `value` and `param` is set. */
  value?: Scalar | Scalar[];
  param?: string;
}

export type Test = LeafTest | { all: Test[] } | { any: Test[] } | { not: Test };

export interface Criterion {
  id: string;
  /**
   * What the member's answers can settle. For an office criterion (with `office`), a sourced proxy her answers
   * can contradict (an income far above the means-test line, "not in the registry"): when it fails the criterion
   * fails; when it passes the office still judges. Absent for an office criterion her answers cannot speak to.
   */
  test?: Test;
  /** The criterion applies only when this holds; otherwise it passes as not applicable. */
  when?: Test;
  /** What the office assesses, for judgement criteria. */
  office?: Text;
  /** For an office criterion without a proxy test: why no answer of the member can contradict it. */
  no_proxy?: string;
  reason: { pass: Text; fail: Text; unknown?: Text; not_applicable?: Text };
  sources: string[];
  /** The rule itself (not only a threshold) is not settled by the sources. */
  unconfirmed: boolean;
}


export interface Contribution {
  /** Amount in the country's currency, or a parameter name holding it; absent when it varies. */
  amount?: number;
  param?: string;
  period: Period;
  text: Text;
  /** Shown only to a member whose answers pass this test (what she pays at her age, in her region). */
  when?: Test;
}

/** A text shown instead of a general one to a member whose answers pass `when` (her province's limit). */
export interface Variant {
  when: Test;
  text: Text;
  /** Ask the facts `when` reads, last, if no rule asks them (see `ContentCondition.ask`). */
  ask?: boolean;
}

/**
 * How a benefit or document depends on her answers (rules/README.md, "Texts for some members"). Its general text
 * stays in `benefits` or `documents`, so a reader that ignores conditions still has the text for everyone.
 */
export interface ContentCondition {
  /** For some members only: dropped when her answers fail this test, shown otherwise (even when unsettled). */
  when?: Test;
  /**
   * Ask the facts `when` reads if no rule asks them: last, after every question about who can join, and only for
   * schemes she can or may join. Without it a text never adds a question.
   */
  ask?: boolean;
  /**
   * Shown instead of the general text: the first variant her answers pass. When her answers leave a variant before
   * it unsettled, or fail them all, she sees the general text.
   */
  variants?: Variant[];
}

export interface ApplyChannel {
  kind: ApplyKind;
  /** USSD code, URL, phone number or office name, when there is one. */
  value?: string;
  text: Text;
}

export interface SchemeVersion {
  /** `<cc>/<scheme_id>@<effective_from>` */
  rule_version: string;
  /**
   * Content hash of this version as members are judged by it (criteria, parameters, dates, content), set at
   * build time: a stored screening can tell whether the rule it used has since been edited in place.
   */
  hash: string;
  effective_from: string;
  /** Last day in force (inclusive), if the version has ended. */
  effective_to?: string;
  repealed_by?: string;
  sources: string[];
  parameters: Record<string, Parameter>;
  criteria: Criterion[];
  contributions: Contribution[];
  /** Whether the government pays part or all of the contribution (`unknown` when the file does not say). */
  subsidy: { kind: SubsidyKind; sources: string[]; text?: Text };
  /** What she gets, as a member whose answers settle nothing reads it (see `conditions`). */
  benefits: Text[];
  documents: Text[];
  /** Benefits and documents that depend on her answers, by their position in `benefits` and `documents`. */
  conditions?: { benefits?: Record<number, ContentCondition>; documents?: Record<number, ContentCondition> };
  apply: ApplyChannel[];
}

export interface Scheme {
  id: string;
  category: Category;
  name: Text;
  administering_body: Text;
  /** The summary for a member whose answers do not pick one of `summary_variants`. */
  summary: Text;
  /** Summaries for some members (her province, her pregnancy): the first whose test she passes. */
  summary_variants?: Variant[];
  /**
   * Other categories the scheme serves, for ordering what matters to her first: health insurance that pays for
   * pregnancy and birth (`maternity`) comes first for a pregnant member, like a maternity scheme.
   */
  also_covers?: Category[];
  sources: Source[];
  versions: SchemeVersion[];
  /** Languages whose translation of this scheme is still to be reviewed by a native speaker. */
  needs_review: Lang[];
}


/** What a number means: money in the country's currency, whole years, or a count of people or things. */
export type FactUnit = "money" | "years" | "count";

export interface FactDef {
  name: string;
  type: FactType;
  unit?: FactUnit;
  /** A fact the member may answer instead of this one, which rules read as this one (`birth_date` → `age`). */
  answers?: string;
  /** Allowed values for `enum` and the items of `list`; for `list` facts of a country, filled at build. */
  values?: string[];
  min?: number;
  max?: number;
  /** What the fact is; for a country's own facts, the question as the member reads it. */
  label: Text;
  /** A short hint shown under the question. */
  hint?: Text;
  /** What each value of an enum or list fact is called, in the member's words. */
  options?: Record<string, Text>;
}

export interface Country {
  code: string;
  name: Text;
  currency: string;
  languages: Lang[];
  id_documents: { id: string; name: Text }[];
  poverty_registry?: { name: Text };
  external_programmes: { code: string; name: Text }[];
  regions: { code: string; name: Text }[];
  /** Facts this country adds to the common vocabulary. */
  facts: FactDef[];
  needs_review: Lang[];
}

export interface Pack {
  country: Country;
  schemes: Scheme[];
  /** Content hash of this country's pack. */
  hash: string;
}

/** The value of a fact as given: `null` means the member declined to answer; absent means never asked. */
export type FactValue = Scalar | string[] | null;
export type Facts = Record<string, FactValue>;


export interface CriterionResult {
  id: string;
  outcome: Outcome;
  /** An office must judge this criterion (means test), or its threshold is unconfirmed. */
  check_with_office: boolean;
  unconfirmed: boolean;
  /** Facts this criterion read. */
  facts: string[];
  /** The value seen, for a criterion on a single fact. */
  value?: FactValue;
  /** The threshold compared with, for a criterion on a single fact. */
  threshold?: Scalar | Scalar[];
  reason: string;
  sources: string[];
}

export interface SchemeResult {
  scheme: string;
  category: Category;
  status: Status;
  rule_version: string;
  /** Content hash of the version used (see SchemeVersion.hash). */
  version_hash: string;
  criteria: CriterionResult[];
  /** Facts whose answer could change the status, in question order. */
  missing: string[];
}

export interface NextQuestion {
  fact: string;
  /**
   * Open schemes this answer helps settle; or, once nothing is left to settle, the schemes whose texts for her
   * depend on it (a benefit for pregnant members).
   */
  schemes: string[];
}

export interface Evaluation {
  country: string;
  date: string;
  lang: Lang;
  /** Content hash of the country's rule pack used. */
  rules_version: string;
  results: SchemeResult[];
  next_question: NextQuestion | null;
}

