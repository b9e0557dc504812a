/**
 * The advocacy evidence as JSON and CSV: coverage (ladders, indicators, per scheme, barriers, funnels, trend, the
 * public self-checks beside), exclusion reasons, and what-if. Any role sees aggregates of her network (or of the
 * clusters of her grants) — never a member row; every figure has been through disclosure control. Never cached.
 */
import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { aggregateScope } from "../../auth/access";
import { parseBreakdown } from "../../evidence/catalogue";
import { thresholdFrom } from "../../evidence/disclosure";
import { evidenceRows, toCsv } from "../../evidence/export";
import { buildEvidence, type EvidenceContext } from "../../evidence/service";
import { runWhatIf } from "../../evidence/what-if";
import type { Breakdown } from "../../evidence/types";
import { getPack } from "../../rules/registry";
import { clustersOf } from "../../db/accounts";
import type { AppEnv } from "../env";
import { errorBody } from "../errors";
import { PRIVATE_CACHE } from "../middleware";
import { createRouter } from "../router";
import { ErrorSchema } from "../schemas";
import { SESSION_SECURITY } from "../workspace-schemas";
import { ByQuerySchema, EvidenceSchema, ReasonsSchema, StampSchema, WhatIfInputSchema, WhatIfSchema } from "../evidence-schemas";

const res = <T extends z.ZodType>(description: string, schema: T) => ({ description, content: { "application/json": { schema } } });
const err = (description: string) => res(description, ErrorSchema);
const common = { 400: err("Invalid query or change"), 401: err("Not signed in"), 403: err("No role in force") };
const base = { tags: ["evidence"], security: SESSION_SECURITY };
const METHOD =
  "Members counted: those of the network (or of your clusters) whose consent includes anonymous statistics and who have been screened or have an application. Counts from 1 to the threshold less one are withheld, and enough others (secondary suppression over rows, columns and totals; whole series of a trend; whole rows of a what-if) that none can be solved from the published totals.";

const coverage = createRoute({
  ...base,
  method: "get",
  path: "/api/evidence/coverage",
  operationId: "getCoverageEvidence",
  summary: "Legal and effective coverage of the network's own members",
  description: `The coverage ladder per function (covered, lapsed, eligible in progress, eligible not started, unknown, excluded), indicators (covered by at least one scheme — not comparable to the national SDG 1.3.1 figure —, legal and effective coverage per function), coverage per scheme, exclusion reasons, barriers recorded among the eligible not enrolled, funnels, the monthly trend of enrollment with the rule changes marked, and the public self-checks' anonymous counts beside (not members). ${METHOD} Stamped with the date, the rules version and every scheme version's hash. Also as CSV: /api/evidence/coverage.csv.`,
  request: { query: ByQuerySchema },
  responses: { 200: res("The evidence", EvidenceSchema), ...common },
});

const coverageCsv = createRoute({
  ...base,
  method: "get",
  path: "/api/evidence/coverage.csv",
  operationId: "getCoverageEvidenceCsv",
  summary: "The same evidence as CSV in long format",
  description: `One figure a row with its table, dimensions, measure and flag; a withheld figure is an empty value with its flag. excel=1 gives the variant for Excel: a byte-order mark, CRLF, and text cells that begin with = + - @ neutralised. ${METHOD}`,
  request: { query: ByQuerySchema },
  responses: { 200: { description: "CSV", content: { "text/csv": { schema: z.string() } } }, ...common },
});

const reasons = createRoute({
  ...base,
  method: "get",
  path: "/api/evidence/reasons",
  operationId: "getExclusionReasons",
  summary: "Why members are excluded, per scheme and criterion",
  description: `For each scheme in force: the members it refuses on a settled criterion, and per criterion how many fail it at all ("any") and how many fail only it ("binding": they would qualify but for it), with the rule's text, sources and dates. ${METHOD}`,
  responses: { 200: res("Reasons", z.object({ stamp: StampSchema, reasons: z.array(ReasonsSchema) })), ...common },
});

const whatIf = createRoute({
  ...base,
  method: "post",
  path: "/api/evidence/what-if",
  operationId: "runWhatIf",
  summary: "Who would gain or lose a scheme under a proposed rule change",
  description: `The real engine runs over the network's counted members twice, with the rule pack as it is and with the change (a parameter's value, a criterion dropped, a worker type admitted): members the law admits before and after, who gains and who loses, by a breakdown. A row's four figures are withheld together. ${METHOD}`,
  request: { body: { content: { "application/json": { schema: WhatIfInputSchema } }, required: true } },
  responses: { 200: res("The what-if", WhatIfSchema), ...common },
});

export type EvidenceCaller = { ctx: EvidenceContext } | { status: 400 | 403; body: ReturnType<typeof errorBody> };

/** The caller's evidence context: her network's pack, her aggregate scope, the clusters she may see by name. */
export async function evidenceContext(c: Context<AppEnv>): Promise<EvidenceCaller> {
  const s = c.var.session!;
  const scope = aggregateScope(s.principal);
  if (!scope) return { status: 403, body: errorBody("forbidden", "Your account has no role in force.") };
  const pack = getPack(s.network.country);
  if (!pack) return { status: 400, body: errorBody("no_rules", `No rules for the network's country (${s.network.country}).`) };
  const all = await clustersOf(c.var.db, scope.network_id);
  const clusters = (scope.clusters === "all" ? all : all.filter((cl) => scope.clusters.includes(cl.id))).map((cl) => ({ id: cl.id, name: cl.name }));
  return {
    ctx: {
      db: c.var.db,
      network: { id: s.network.id, code: s.network.code, name: s.network.name, country: s.network.country },
      scope,
      clusters,
      today: c.var.today,
      lang: s.user.lang,
      threshold: thresholdFrom(c.env.EVIDENCE_MIN_COUNT),
      pack,
    },
  };
}

const badBy = () => errorBody("invalid_request", "The request is not valid; see issues.", [{ path: "by", code: "unknown_breakdown", message: "is not a breakdown of the catalogue (cluster, worker_type, sex, age_band or none)" }]);

export const evidenceRoutes = createRouter()
  .openapi(coverage, async (c) => {
    c.header("Cache-Control", PRIVATE_CACHE);
    const by = parseBreakdown(c.req.valid("query").by);
    if (by === undefined) return c.json(badBy(), 400);
    const caller = await evidenceContext(c);
    if (!("ctx" in caller)) return c.json(caller.body, caller.status);
    return c.json(await buildEvidence(caller.ctx, by), 200);
  })
  .openapi(coverageCsv, async (c) => {
    c.header("Cache-Control", PRIVATE_CACHE);
    const query = c.req.valid("query");
    const by = parseBreakdown(query.by);
    if (by === undefined) return c.json(badBy(), 400);
    const caller = await evidenceContext(c);
    if (!("ctx" in caller)) return c.json(caller.body, caller.status);
    const evidence = await buildEvidence(caller.ctx, by);
    const excel = query.excel === "1";
    const file = `evidence-${caller.ctx.network.code}-${caller.ctx.today}${by ? `-${by}` : ""}${excel ? "-excel" : ""}.csv`;
    c.header("Content-Disposition", `attachment; filename="${file}"`);
    return c.body(toCsv(evidenceRows(evidence), { excel }), 200, { "Content-Type": "text/csv; charset=utf-8" });
  })
  .openapi(reasons, async (c) => {
    c.header("Cache-Control", PRIVATE_CACHE);
    const caller = await evidenceContext(c);
    if (!("ctx" in caller)) return c.json(caller.body, caller.status);
    const evidence = await buildEvidence(caller.ctx, null);
    return c.json({ stamp: evidence.stamp, reasons: evidence.reasons }, 200);
  })
  .openapi(whatIf, async (c) => {
    c.header("Cache-Control", PRIVATE_CACHE);
    const input = c.req.valid("json");
    const caller = await evidenceContext(c);
    if (!("ctx" in caller)) return c.json(caller.body, caller.status);
    const r = await runWhatIf(caller.ctx, input.change, (input.by ?? null) as Breakdown | null);
    if (!r.ok) return c.json(errorBody("invalid_request", "The change is not valid; see issues.", [r.issue]), 400);
    return c.json(r.whatIf, 200);
  });
