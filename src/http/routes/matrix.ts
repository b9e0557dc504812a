/** GET /api/policy-matrix(.csv): the cross-country policy matrix, derived from the bundled rule packs. */
import { createRoute, z } from "@hono/zod-openapi";
import { PACKS, RULES_VERSION } from "../../rules/generated/index";
import { CATEGORIES, SOURCE_TIERS, SUBSIDY_KINDS } from "../../engine/enums";
import { ACCESS, matrixCsv, policyMatrix, type MatrixRow } from "../../rules/matrix";
import { DateSchema, ErrorSchema } from "../schemas";
import { createRouter } from "../router";

const access = z.enum([...ACCESS, ""]);
const RowSchema = z
  .object({
    country: z.string(),
    category: z.enum(CATEGORIES),
    scheme: z.string().openapi({ description: "Empty when the country has no scheme of this category: a coverage gap" }),
    name: z.string(),
    rule_version: z.string(),
    self_employed: access.openapi({
      description: "Can a self-employed home-based worker join? office = an office decides; unsettled = by the last known rule no, but the rule is not settled (check with the office)",
    }),
    homeworker: access.openapi({ description: "Can a homeworker (sub-contracted, paid per piece) join?" }),
    self_employed_reason: z.string(),
    homeworker_reason: z.string(),
    min_entry_age: z.number().nullable(),
    max_entry_age: z.number().nullable(),
    income_ceiling: z.number().nullable().openapi({ description: "Monthly income ceiling in the country's currency" }),
    currency: z.string(),
    subsidy: z.enum([...SUBSIDY_KINDS, ""]),
    unconfirmed: z.boolean(),
    source_title: z.string(),
    source_url: z.string(),
    source_tier: z.enum([...SOURCE_TIERS, ""]),
  })
  .openapi("PolicyMatrixRow");

const query = z.object({ date: DateSchema.optional().openapi({ description: "Schemes in force on this date; today when absent" }) });

const jsonRoute = createRoute({
  method: "get",
  path: "/api/policy-matrix",
  operationId: "getPolicyMatrix",
  tags: ["open data"],
  security: [],
  summary: "Cross-country policy matrix (JSON)",
  description: "Per country and category: schemes in force, whether self-employed home-based workers and homeworkers can join, entry ages, income ceilings, subsidies and the best source. Derived from the rule packs, never edited by hand.",
  request: { query },
  responses: {
    200: { description: "The matrix", content: { "application/json": { schema: z.object({ date: z.string(), rules_version: z.string(), rows: z.array(RowSchema) }) } } },
    400: { description: "Invalid date", content: { "application/json": { schema: ErrorSchema } } },
  },
});

const csvRoute = createRoute({
  method: "get",
  path: "/api/policy-matrix.csv",
  operationId: "getPolicyMatrixCsv",
  tags: ["open data"],
  security: [],
  summary: "Cross-country policy matrix (CSV)",
  request: { query },
  responses: {
    200: { description: "The same rows as CSV, snake_case headers", content: { "text/csv": { schema: z.string() } } },
    400: { description: "Invalid date", content: { "application/json": { schema: ErrorSchema } } },
  },
});

const cache = new Map<string, MatrixRow[]>();
function rowsOn(date: string): MatrixRow[] {
  let rows = cache.get(date);
  if (!rows) {
    rows = policyMatrix(Object.values(PACKS), date);
    if (cache.size > 64) cache.clear();
    cache.set(date, rows);
  }
  return rows;
}

export const matrixRoutes = createRouter()
  .openapi(jsonRoute, (c) => {
    const date = c.req.valid("query").date ?? c.var.today;
    return c.json({ date, rules_version: RULES_VERSION, rows: rowsOn(date) }, 200);
  })
  .openapi(csvRoute, (c) => {
    const date = c.req.valid("query").date ?? c.var.today;
    c.header("Content-Disposition", `attachment; filename="policy-matrix-${date}.csv"`);
    return c.body(matrixCsv(rowsOn(date)), 200, { "Content-Type": "text/csv; charset=utf-8" });
  });
