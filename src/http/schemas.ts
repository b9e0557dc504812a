/**
 * Request and response schemas of the public API. The same schemas validate requests and generate
 * /api/openapi.json, so the documentation cannot drift from the code.
 */
import { z } from "@hono/zod-openapi";
import { isIsoDate } from "../engine/dates";
import { BASE_FACTS } from "../engine/vocabulary";

import { APPLY_KINDS, CATEGORIES, FACT_TYPES, OUTCOMES, PERIODS, SOURCE_TIERS, STATUSES, SUBSIDY_KINDS } from "../engine/enums";
export { STATUSES };

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: "invalid_request" }),
      message: z.string(),
      issues: z
        .array(z.object({ path: z.string().openapi({ example: "facts.monthly_income" }), message: z.string() }))
        .optional(),
    }),
  })
  .openapi("Error");

export const CountryCodeSchema = z
  .string()
  .regex(/^[A-Za-z]{2}$/, "must be a two-letter country code such as ke")
  .openapi({ example: "ke", description: "ISO 3166-1 alpha-2 code, any case" });

export const DateSchema = z
  .string()
  .refine(isIsoDate, "must be a real date written YYYY-MM-DD")
  .refine((d) => d >= "1900-01-01" && d <= "2100-12-31", "must be between 1900-01-01 and 2100-12-31")
  .openapi({ example: "2025-06-01" });

export const LangSchema = z
  .string()
  .regex(/^[a-z]{2,3}$/, "must be a language code such as en, sw, th or fil")
  .openapi({
    example: "sw",
    description: "Language of reasons and content. A language the country's rules lack falls back to English; the answer says which was used.",
  });

const jsonType = { boolean: "boolean", integer: "integer", number: "number", date: "string", enum: "string", list: "array" } as const;

/**
 * The common vocabulary, documented; countries may add facts (see GET /api/countries/{cc}/schemes).
 * Facts pass through unparsed here: the one facts gate (src/interview/gate.ts) checks them against the country's
 * vocabulary, so that every door (API, form, CSV, USSD) answers the same issues, and no key (not even
 * `__proto__`) is silently dropped on the way.
 */
export const FactsSchema = z.custom<unknown>((v) => v !== undefined, { message: "is required", params: { issue: "required" } }).openapi("Facts", {
  type: "object",
  description:
    "A member's facts, by name from the common vocabulary (and any facts the country adds). null means the member declined to answer; an absent fact was never asked.",
  properties: Object.fromEntries(
    BASE_FACTS.map((f) => [
      f.name,
      {
        type: [jsonType[f.type], "null"],
        description: f.label.en,
        ...(f.type === "date" ? { format: "date" } : {}),
        ...(f.values ? { enum: f.values } : {}),
        ...(f.type === "list" ? { items: { type: "string" } } : {}),
      },
    ]),
  ),
  example: { birth_date: "1980-03-14", worker_type: "self_employed", monthly_income: 9000, region: "kisumu" },
});

export const CheckRequestSchema = z
  .object({
    country: CountryCodeSchema,
    date: DateSchema.optional().openapi({ description: "Evaluation date; today (UTC) when absent" }),
    lang: LangSchema.optional(),
    facts: FactsSchema,
  })
  .strict()
  .openapi("CheckRequest");

const TextOut = z.string();

const SourceSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    url: z.string(),
    date: z.string(),
    tier: z.enum(SOURCE_TIERS),
  })
  .openapi("Source");

const ContributionSchema = z.object({
  amount: z.number().optional(),
  param: z.string().optional(),
  period: z.enum(PERIODS),
  text: TextOut,
});

const ApplyChannelSchema = z.object({
  kind: z.enum(APPLY_KINDS),
  value: z.string().optional(),
  text: TextOut,
});

const scalar = z.union([z.string(), z.number(), z.boolean()]);

const CriterionResultSchema = z
  .object({
    id: z.string(),
    outcome: z.enum(OUTCOMES),
    check_with_office: z.boolean().openapi({ description: "An office must judge this, or its threshold is not yet confirmed" }),
    unconfirmed: z.boolean(),
    facts: z.array(z.string()),
    // null on a typed branch: OpenAPI 3.0 needs a type beside every `nullable`.
    value: z
      .union([z.string(), z.number(), z.boolean(), z.array(z.string())])
      .nullable()
      .optional()
      .openapi({ description: "The value seen (null when not answered), for a criterion on one fact" }),
    threshold: z.union([scalar, z.array(scalar)]).optional(),
    reason: z.string(),
    sources: z.array(z.string()),
  })
  .openapi("CriterionResult");

export const SchemeResultSchema = z
  .object({
    scheme: z.string(),
    name: z.string(),
    category: z.enum(CATEGORIES),
    status: z.enum(STATUSES).openapi({
      description:
        "eligible: every criterion passes on her answers. likely_eligible: every criterion her answers can settle passes; an office judges the rest (a means test, a registry) and nothing she said speaks against it. likely_not_eligible: by the last known rule she does not qualify, but that rule is not settled by the sources; check with the office (never a yes). not_eligible: she fails a settled criterion, or her answers contradict an office criterion's sourced proxy. needs_info: an answer she has not given could change the status (see missing).",
    }),
    rule_version: z.string().openapi({ example: "ke/sha@2024-10-01" }),
    effective_from: z.string(),
    criteria: z.array(CriterionResultSchema),
    missing: z.array(z.string()),
    summary: z.string(),
    contributions: z.array(ContributionSchema),
    subsidy: z.object({ kind: z.enum(SUBSIDY_KINDS), sources: z.array(z.string()), text: z.string().optional() }),
    benefits: z.array(z.string()),
    documents: z.array(z.string()),
    apply: z.array(ApplyChannelSchema),
    sources: z.array(SourceSchema),
  })
  .openapi("SchemeResult");

export const CheckResponseSchema = z
  .object({
    country: z.string(),
    date: z.string(),
    lang: z.string(),
    rules_version: z.string().openapi({ description: "Content hash of the whole rule set" }),
    results: z.array(SchemeResultSchema),
    next_question: z
      .object({ fact: z.string(), label: z.string(), schemes: z.array(z.string()) })
      .nullable()
      .openapi({ description: "The fact whose answer settles the most open schemes, or null when none is left" }),
  })
  .openapi("CheckResponse");

const ParameterSchema = z.object({
  value: z.union([scalar, z.array(scalar)]),
  unit: z.string().optional(),
  sources: z.array(z.string()),
  unconfirmed: z.boolean(),
  note: z.string().optional(),
});

/** A criterion as the rule file states it (texts in the requested language). */
const RuleCriterionSchema = z
  .object({
    id: z.string(),
    test: z.custom<object>().optional().openapi({ type: "object", description: "A leaf { fact, op, value | param } or { all | any: [...] } or { not: ... }" }),
    when: z.custom<object>().optional().openapi({ type: "object", description: "The criterion applies only when this test holds" }),
    office: z.string().optional().openapi({ description: "What an office judges; with a test, the test is a sourced proxy her answers can fail" }),
    no_proxy: z.string().optional(),
    reason: z.record(z.string(), z.string()),
    sources: z.array(z.string()),
    unconfirmed: z.boolean(),
  })
  .openapi("RuleCriterion");

const FactDefSchema = z.object({
  name: z.string(),
  type: z.enum(FACT_TYPES),
  values: z.array(z.string()).optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  label: z.string(),
});

export const CountrySummarySchema = z
  .object({
    code: z.string(),
    name: z.string(),
    currency: z.string(),
    languages: z.array(z.string()),
    schemes: z.array(z.string()),
    rules_hash: z.string(),
  })
  .openapi("CountrySummary");

export const CountriesResponseSchema = z
  .object({ rules_version: z.string(), countries: z.array(CountrySummarySchema) })
  .openapi("Countries");

export const CountrySchemesResponseSchema = z
  .object({
    rules_version: z.string(),
    lang: z.string(),
    country: z.object({
      code: z.string(),
      name: z.string(),
      currency: z.string(),
      languages: z.array(z.string()),
      id_documents: z.array(z.object({ id: z.string(), name: z.string() })),
      poverty_registry: z.object({ name: z.string() }).optional(),
      external_programmes: z.array(z.object({ code: z.string(), name: z.string() })),
      regions: z.array(z.object({ code: z.string(), name: z.string() })),
      facts: z.array(FactDefSchema).openapi({ description: "Every fact a member of this country may give" }),
    }),
    schemes: z.array(
      z.object({
        id: z.string(),
        category: z.enum(CATEGORIES),
        name: z.string(),
        administering_body: z.string(),
        summary: z.string(),
        needs_review: z.array(z.string()),
        sources: z.array(SourceSchema),
        versions: z.array(
          z.object({
            rule_version: z.string(),
            effective_from: z.string(),
            effective_to: z.string().optional(),
            repealed_by: z.string().optional(),
            in_force: z.boolean().openapi({ description: "In force on the requested date (default today)" }),
            sources: z.array(z.string()),
            parameters: z.record(z.string(), ParameterSchema),
            criteria: z.array(RuleCriterionSchema),
            contributions: z.array(ContributionSchema),
            benefits: z.array(z.string()),
            documents: z.array(z.string()),
            apply: z.array(ApplyChannelSchema),
          }),
        ),
      }),
    ),
  })
  .openapi("CountrySchemes");
