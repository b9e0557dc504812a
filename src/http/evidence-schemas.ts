/**
 * The advocacy evidence in the OpenAPI document: figures with their disclosure flags, the catalogue's tables,
 * reasons, funnels, trends, the stamp, and the what-if. Mirrors src/evidence/types.ts.
 */
import { z } from "@hono/zod-openapi";
import { BREAKDOWNS, FLAGS, FUNCTIONS } from "../evidence/types";

export const FigureSchema = z
  .object({
    value: z.number().nullable().openapi({ description: "null: withheld by disclosure control (see flag)" }),
    flag: z.enum(FLAGS).openapi({ description: "'' published; small: a count from 1 to threshold-1; secondary: withheld so a small one cannot be solved from totals; window: withheld in every month of a trend; pair: a what-if's row withheld together" }),
  })
  .openapi("Figure");

export const RateSchema = z
  .object({ value: z.number().nullable().openapi({ description: "0–1" }), numerator: FigureSchema, denominator: FigureSchema, flag: z.enum(FLAGS) })
  .openapi("Rate");

const Heading = z.object({ key: z.string(), label: z.string() });
export const TableSchema = z
  .object({
    id: z.string().openapi({ description: "Catalogue id (ladder.<function>[.<breakdown>], schemes, barriers, public_counts, what_if.<scheme>[.<breakdown>])" }),
    row_dim: z.string(),
    col_dim: z.string(),
    rows: z.array(Heading),
    cols: z.array(Heading),
    cells: z.array(z.array(FigureSchema)),
    row_totals: z.array(FigureSchema),
    col_totals: z.array(FigureSchema),
    total: FigureSchema,
    additive: z.boolean(),
  })
  .openapi("EvidenceTable");

const SourceSchema = z.object({ id: z.string(), title: z.string(), url: z.string(), date: z.string(), tier: z.string() });

export const StampSchema = z
  .object({
    generated_on: z.string(),
    network: z.object({ id: z.string(), code: z.string(), name: z.string() }),
    country: z.string(),
    rules_version: z.string().openapi({ description: "Content hash of the country's rule pack" }),
    scheme_versions: z.array(z.object({ scheme: z.string(), name: z.string(), rule_version: z.string(), hash: z.string(), effective_from: z.string(), sources: z.array(SourceSchema) })),
    threshold: z.number().int().openapi({ description: "Counts from 1 to threshold-1 are withheld" }),
    members: FigureSchema,
  })
  .openapi("EvidenceStamp");

export const ReasonsSchema = z
  .object({
    scheme: z.string(),
    name: z.string(),
    rule_version: z.string(),
    effective_from: z.string(),
    excluded: FigureSchema,
    criteria: z.array(
      z.object({
        criterion: z.object({ id: z.string(), label: z.string(), sources: z.array(SourceSchema), unconfirmed: z.boolean() }),
        any: FigureSchema.openapi({ description: "Excluded members failing this criterion (and maybe others)" }),
        binding: FigureSchema.openapi({ description: "Excluded members failing only this criterion: they would qualify but for it" }),
      }),
    ),
    several: FigureSchema,
  })
  .openapi("ExclusionReasons");

export const EvidenceSchema = z
  .object({
    stamp: StampSchema,
    breakdown: z.enum(BREAKDOWNS).nullable(),
    indicators: z.object({
      members: FigureSchema,
      covered_any: RateSchema.openapi({ description: "Covered by at least one scheme: an SDG 1.3.1-like figure of the network's own members, not comparable to the national one" }),
      legal_any: RateSchema,
      functions: z.array(z.object({ function: z.enum(FUNCTIONS), legal: RateSchema, effective: RateSchema, eligible_not_enrolled: FigureSchema, lapsed: FigureSchema })),
    }),
    ladders: z.array(z.object({ function: z.enum(FUNCTIONS), table: TableSchema })),
    schemes: TableSchema,
    reasons: z.array(ReasonsSchema),
    barriers: TableSchema,
    funnels: z.array(
      z.object({
        scheme: z.string(),
        name: z.string(),
        states: z.record(z.string(), FigureSchema),
        median_days: z.array(z.object({ from: z.string(), to: z.string(), days: z.number().nullable(), moves: FigureSchema })),
        rejection_rate: RateSchema,
      }),
    ),
    trend: z.object({
      months: z.array(z.string()),
      series: z.array(z.object({ scheme: z.string(), name: z.string(), values: z.array(FigureSchema) })),
      markers: z.array(z.object({ month: z.string(), scheme: z.string(), rule_version: z.string(), kind: z.enum(["in_force", "ended"]) })),
    }),
    public_counts: z.object({ from: z.string(), to: z.string(), checks: FigureSchema, table: TableSchema }),
  })
  .openapi("Evidence");

const Scalar = z.union([z.number(), z.string(), z.boolean()]);
export const RuleChangeSchema = z
  .discriminatedUnion("kind", [
    z.object({ kind: z.literal("parameter"), scheme: z.string().max(64), parameter: z.string().max(64), value: z.union([Scalar, z.array(Scalar).max(50)]) }).strict(),
    z.object({ kind: z.literal("drop_criterion"), scheme: z.string().max(64), criterion: z.string().max(64) }).strict(),
    z.object({ kind: z.literal("admit_worker_type"), scheme: z.string().max(64), worker_type: z.string().max(64) }).strict(),
  ])
  .openapi("RuleChange");

export const WhatIfInputSchema = z
  .object({ change: RuleChangeSchema, by: z.enum(BREAKDOWNS).nullable().optional().openapi({ description: "A breakdown of the catalogue (default none)" }) })
  .strict()
  .openapi("WhatIfInput");

export const WhatIfSchema = z
  .object({
    stamp: StampSchema,
    change: RuleChangeSchema,
    description: z.string(),
    scheme: z.string(),
    breakdown: z.enum(BREAKDOWNS).nullable(),
    table: TableSchema.openapi({ description: "Rows: the breakdown's values; columns: before, after (members the law admits), gain, loss; the column totals are the network's" }),
    members: FigureSchema,
    took_ms: z.number(),
  })
  .openapi("WhatIf");

export const ByQuerySchema = z.object({
  by: z
    .string()
    .max(20)
    .optional()
    .openapi({ description: `A breakdown from the fixed catalogue: ${BREAKDOWNS.join(", ")} (or none)` }),
  excel: z.enum(["0", "1"]).optional().openapi({ description: "CSV only: 1 for the Excel variant (byte-order mark, formulas neutralised)" }),
});
