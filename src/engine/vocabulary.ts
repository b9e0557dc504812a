/**
 * The member profile vocabulary: one set of snake_case fact names shared by the API, the page, CSV import and
 * exports. The order is the order questions are asked in when two questions settle as many schemes.
 */
import type { Country, FactDef } from "./types";

export const WORKER_TYPES = ["self_employed", "homeworker", "employee", "unpaid_family_worker", "other"] as const;
export const SEXES = ["female", "male", "other"] as const;
export const RESIDENCY = ["citizen", "resident", "refugee", "other"] as const;
export const MARITAL_STATUSES = ["never_married", "married", "widowed", "divorced_or_separated"] as const;

/**
 * `age` is what rules test. A member answers either `birth_date` (age is then computed as of the evaluation
 * date) or `age` in whole years; the engine resolves both into `age`.
 */
export const BASE_FACTS: readonly FactDef[] = [
  { name: "age", type: "integer", unit: "years", min: 0, max: 130, label: { en: "Age in whole years" } },
  { name: "birth_date", type: "date", answers: "age", label: { en: "Date of birth" } },
  { name: "worker_type", type: "enum", values: [...WORKER_TYPES], label: { en: "Kind of work" } },
  { name: "residency_status", type: "enum", values: [...RESIDENCY], label: { en: "Citizenship or residence" } },
  { name: "monthly_income", type: "number", unit: "money", min: 0, label: { en: "Monthly income, in local currency" } },
  { name: "covered_by", type: "list", label: { en: "Schemes and programmes already covering the member" } },
  { name: "receives_pension", type: "boolean", label: { en: "Receives a pension" } },
  { name: "in_poverty_registry", type: "boolean", label: { en: "Listed in the country's poverty registry" } },
  { name: "income_tax_payer", type: "boolean", label: { en: "Pays income tax (now or in the past)" } },
  { name: "has_national_id", type: "boolean", label: { en: "Has a national ID document" } },
  { name: "sex", type: "enum", values: [...SEXES], label: { en: "Sex" } },
  { name: "is_pregnant", type: "boolean", label: { en: "Is pregnant" } },
  { name: "has_disability", type: "boolean", label: { en: "Has a disability" } },
  { name: "household_size", type: "integer", unit: "count", min: 1, max: 100, label: { en: "People in the household" } },
  { name: "household_monthly_income", type: "number", unit: "money", min: 0, label: { en: "Monthly income of the whole household, in local currency" } },
  { name: "marital_status", type: "enum", values: [...MARITAL_STATUSES], label: { en: "Marital status" } },
  { name: "children_count", type: "integer", unit: "count", min: 0, max: 30, label: { en: "Children under 18 the member cares for" } },
  { name: "youngest_child_age", type: "integer", unit: "years", min: 0, max: 17, label: { en: "Age in whole years of the youngest child under 18 (0 for a baby under one)" } },
  { name: "has_bank_account", type: "boolean", label: { en: "Has a bank or mobile-money account" } },
  { name: "region", type: "enum", label: { en: "Region, county or province" } },
];

/**
 * The facts a country's members may give: the common vocabulary with the country's codes filled in (regions;
 * for covered_by, its scheme ids and external programme codes), then the country's own facts.
 */
export function countryFacts(country: Country, schemeIds: readonly string[]): FactDef[] {
  const base = BASE_FACTS.map((f): FactDef => {
    if (f.name === "region") return { ...f, values: country.regions.map((r) => r.code) };
    if (f.name === "covered_by") return { ...f, values: [...schemeIds, ...country.external_programmes.map((p) => p.code)] };
    return f;
  });
  return [...base, ...country.facts];
}

/**
 * For a fact rules read, the fact a member may answer instead (`age` → `birth_date`), from `answers:` of the
 * definitions: the one place that knows how the two answer each other.
 */
export const ANSWERED_BY: Readonly<Record<string, string>> = Object.fromEntries(
  BASE_FACTS.filter((f) => f.answers !== undefined).map((f) => [f.answers!, f.name]),
);
