/**
 * The rule-file format: the one zod schema that says what `rules/<cc>/country.yaml`, `rules/<cc>/schemes/*.yaml`
 * and their test vectors `*.test.yaml` may contain. rules/README.md explains it to rule authors.
 */
import { z } from "zod";
import { isIsoDate } from "../engine/dates";
import { APPLY_KINDS, CATEGORIES, FACT_TYPES, OPS, PERIODS, SOURCE_TIERS, STATUSES, SUBSIDY_KINDS } from "../engine/enums";

const snake = z.string().regex(/^[a-z][a-z0-9_]*$/, "must be snake_case: lower-case letters, digits and _");
const langCode = z.string().regex(/^[a-z]{2,3}$/, "must be a language code such as en, sw, th, fil");

/** An ISO date. YAML turns unquoted 2024-10-01 into a Date; both forms are accepted and normalised. */
export const IsoDateSchema = z
  .union([z.string(), z.date()])
  .transform((v, ctx) => {
    const s = v instanceof Date ? v.toISOString().slice(0, 10) : v;
    if (!isIsoDate(s)) {
      ctx.addIssue({ code: "custom", message: `"${s}" is not a real date in the form YYYY-MM-DD` });
      return z.NEVER;
    }
    return s;
  });


/** Text in several languages, or a plain string for English only. English is required. */
export const TextSchema = z
  .union([z.string().min(1), z.record(langCode, z.string().min(1))])
  .transform((v, ctx) => {
    if (typeof v === "string") return { en: v };
    if (!v.en) {
      ctx.addIssue({ code: "custom", message: "needs an English text (en:), which is the fallback" });
      return z.NEVER;
    }
    return v as { en: string } & Record<string, string>;
  });

const scalar = z.union([z.string(), z.number(), z.boolean()]);


export const LeafTestSchema = z
  .object({
    fact: snake,
    op: z.enum(OPS, { error: (i) => `unknown operator ${JSON.stringify(i.input)}; use one of ${OPS.join(", ")}` }),
    value: z.union([scalar, z.array(scalar)]).optional(),
    param: snake.optional(),
  })
  .strict()
  .refine((t) => (t.value === undefined) !== (t.param === undefined), {
    message: "give exactly one of value: (a number or text) and param: (the name of a parameter)",
  });

export type TestInput =
  | z.infer<typeof LeafTestSchema>
  | { all: TestInput[] }
  | { any: TestInput[] }
  | { not: TestInput };

export const TestSchema: z.ZodType<TestInput> = z.lazy(() =>
  z.union([
    LeafTestSchema,
    z.object({ all: z.array(TestSchema).min(1) }).strict(),
    z.object({ any: z.array(TestSchema).min(1) }).strict(),
    z.object({ not: TestSchema }).strict(),
  ]),
);

export const CriterionSchema = z
  .object({
    id: snake,
    test: TestSchema.optional(),
    when: TestSchema.optional(),
    office: TextSchema.optional(),
    no_proxy: z.string().min(10, "say in a sentence why no answer of the member can contradict the office's judgement").optional(),
    reason: z
      .object({
        pass: TextSchema,
        fail: TextSchema,
        unknown: TextSchema.optional(),
        not_applicable: TextSchema.optional(),
      })
      .strict(),
    sources: z.array(snake).default([]),
    unconfirmed: z.boolean().default(false),
  })
  .strict()
  .refine((c) => c.test !== undefined || c.office !== undefined, {
    message: "a criterion needs a test: or, when only an office can judge it, an office: text",
  })
  .refine((c) => c.no_proxy === undefined || (c.office !== undefined && c.test === undefined), {
    message: "no_proxy: is for an office: criterion without a test: (a proxy test her answers can fail)",
  });

export const ParameterSchema = z
  .object({
    value: z.union([scalar, z.array(scalar)]),
    unit: z.string().optional(),
    sources: z.array(snake).min(1, "every parameter cites at least one source"),
    unconfirmed: z.boolean().default(false),
    note: z.string().optional(),
  })
  .strict();

export const ContributionSchema = z
  .object({
    amount: z.number().nonnegative().optional(),
    param: snake.optional(),
    period: z.enum(PERIODS),
    text: TextSchema,
    /** Shown only to a member whose answers pass this test (what she pays at her age, in her region). */
    when: z.lazy(() => TestSchema).optional(),
  })
  .strict();

/** A text for some members: shown instead of the general text to a member whose answers pass `when`. */
export const VariantSchema = z.object({ when: z.lazy(() => TestSchema), text: TextSchema, ask: z.boolean().optional() }).strict();

/**
 * A benefit or document: a text for everyone; or `{ text, when }`, for some members only (dropped when her answers
 * fail the test, shown when they pass or do not settle it); or `{ text, variants }`, a general text with texts for
 * some members instead. `ask: true` beside a `when:` has its facts asked. Read as `{ text, when?, ask?, variants? }`.
 */
export const ContentItemSchema = z.union([
  z
    .object({
      text: TextSchema,
      when: z.lazy(() => TestSchema).optional(),
      ask: z.boolean().optional(),
      variants: z.array(VariantSchema).min(1).optional(),
    })
    .strict()
    .refine((i) => i.when !== undefined || i.variants !== undefined, {
      message: "give when: (who the text is for) or variants: (texts for some members); a text for everyone needs no text: key",
    })
    .refine((i) => i.ask === undefined || i.when !== undefined, { message: "ask: goes with a when: (the test whose facts are asked)" }),
  TextSchema.transform((text) => ({ text })),
]);

/** A scheme's summary: one text, or a general text with variants for some members (her province). */
export const SummarySchema = z.union([
  z.object({ text: TextSchema, variants: z.array(VariantSchema).min(1) }).strict(),
  TextSchema.transform((text) => ({ text })),
]);

export const ApplyChannelSchema = z
  .object({
    kind: z.enum(APPLY_KINDS),
    value: z.string().optional(),
    text: TextSchema,
  })
  .strict();

/** Content a version may give, or inherit from the version before it (or from the scheme's defaults). */
const contentFields = {
  contributions: z.array(ContributionSchema).optional(),
  /** Whether the government pays part or all of members' contributions (for the policy matrix). */
  subsidy: z
    .object({ kind: z.enum(SUBSIDY_KINDS), sources: z.array(snake).default([]), text: TextSchema.optional() })
    .strict()
    .optional(),
  benefits: z.array(ContentItemSchema).optional(),
  documents: z.array(ContentItemSchema).optional(),
  apply: z.array(ApplyChannelSchema).optional(),
};

export const VersionSchema = z
  .object({
    effective_from: IsoDateSchema,
    effective_to: IsoDateSchema.optional(),
    repealed_by: z.string().optional(),
    sources: z.array(snake).min(1, "cite the source that sets this version's start date"),
    parameters: z.record(snake, ParameterSchema).optional(),
    criteria: z.array(CriterionSchema).optional(),
    ...contentFields,
  })
  .strict();

export const SourceSchema = z
  .object({
    id: snake,
    title: z.string().min(1),
    url: z.url(),
    date: IsoDateSchema,
    tier: z.enum(SOURCE_TIERS),
  })
  .strict();

export const SchemeFileSchema = z
  .object({
    id: snake,
    category: z.enum(CATEGORIES),
    name: TextSchema,
    administering_body: TextSchema,
    summary: SummarySchema,
    /** Other categories the scheme serves, for ordering (`maternity`: first for a pregnant member). */
    also_covers: z.array(z.enum(CATEGORIES)).optional(),
    needs_review: z.array(langCode).default([]),
    sources: z.array(SourceSchema).min(1),
    ...contentFields,
    versions: z.array(VersionSchema).min(1),
  })
  .strict();

const FactDefSchema = z
  .object({
    name: snake,
    type: z.enum(FACT_TYPES),
    values: z.array(snake).optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    /** The question as the member reads it, in every language of the country: a question, not a statement. */
    label: TextSchema,
    /** A short hint under the question. */
    hint: TextSchema.optional(),
    /** What each value of an enum or list fact is called, in the member's words. */
    options: z.record(snake, TextSchema).optional(),
  })
  .strict()
  .refine((f) => !f.options || (f.values !== undefined && Object.keys(f.options).every((k) => f.values!.includes(k))), {
    message: "options: names only values listed in values:",
  });

export const CountryFileSchema = z
  .object({
    code: z.string().regex(/^[a-z]{2}$/, "must be the ISO 3166-1 alpha-2 code in lower case"),
    name: TextSchema,
    currency: z.string().regex(/^[A-Z]{3}$/, "must be an ISO 4217 code such as KES"),
    languages: z.array(langCode).min(1),
    needs_review: z.array(langCode).default([]),
    id_documents: z.array(z.object({ id: snake, name: TextSchema }).strict()).default([]),
    poverty_registry: z.object({ name: TextSchema }).strict().optional(),
    external_programmes: z.array(z.object({ code: snake, name: TextSchema }).strict()).default([]),
    regions: z.array(z.object({ code: snake, name: TextSchema }).strict()).default([]),
    facts: z.array(FactDefSchema).default([]),
  })
  .strict();

const STATUS_OR_ABSENT = z.enum([...STATUSES, "not_in_force"]);

export const VectorSchema = z
  .object({
    name: z.string().min(1),
    date: IsoDateSchema,
    facts: z.record(z.string(), z.unknown()),
    expect: z.record(
      snake,
      z.union([
        STATUS_OR_ABSENT,
        z.object({ status: STATUS_OR_ABSENT, missing: z.array(snake).optional() }).strict(),
      ]),
    ),
  })
  .strict();

export const VectorFileSchema = z.array(VectorSchema).min(1, "a vector file needs at least one vector");

export type SchemeFile = z.infer<typeof SchemeFileSchema>;
export type CountryFile = z.infer<typeof CountryFileSchema>;
export type Vector = z.infer<typeof VectorSchema>;
