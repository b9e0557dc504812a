/** POST /api/check: a member's facts in, every scheme's status with reasons out. Stores no personal data. */
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { drizzle } from "drizzle-orm/d1";
import { CheckCounter } from "../../db/check-counter";
import { checkFacts, factDefs } from "../../engine/facts";
import { localize } from "../../engine/text";
import { countryCodes, getEngine } from "../../rules/registry";
import { presentResults } from "../../rules/content";
import type { AppEnv } from "../env";
import { invalid, pathOf } from "../errors";
import { CheckRequestSchema, CheckResponseSchema, ErrorSchema } from "../schemas";
import { validationHook } from "../validation";

const route = createRoute({
  method: "post",
  path: "/api/check",
  summary: "Check a member's eligibility",
  description:
    "Evaluates the member's facts against every scheme of the country in force on the date. Nothing about the member is stored: the Worker only counts checks per day, country, scheme and status.",
  request: { body: { required: true, content: { "application/json": { schema: CheckRequestSchema } } } },
  responses: {
    200: { description: "Each scheme's status, criteria with reasons, missing facts and the next question", content: { "application/json": { schema: CheckResponseSchema } } },
    400: { description: "Invalid body, unknown country or fact, ill-typed value or impossible date", content: { "application/json": { schema: ErrorSchema } } },
    413: { description: "Body larger than 64 KiB", content: { "application/json": { schema: ErrorSchema } } },
  },
});

let counter: CheckCounter | undefined;
function counterFor(batch: string | undefined): CheckCounter {
  counter ??= new CheckCounter(Math.max(1, Number(batch) || 50), 10_000);
  return counter;
}

export const checkRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(route, async (c) => {
  const body = c.req.valid("json");
  const engine = getEngine(body.country);
  if (!engine) {
    return invalid(c, [{ path: "country", message: `unknown country "${body.country}"; rules exist for: ${countryCodes().join(", ")}` }]);
  }
  const date = body.date ?? new Date().toISOString().slice(0, 10);
  const checked = checkFacts(engine.pack, body.facts, date);
  if (!checked.ok) return invalid(c, checked.issues.map((i) => ({ path: pathOf(i.path), message: i.message })));

  const evaluation = engine.evaluate(checked.facts, { date, lang: body.lang });
  const { pack } = engine;
  const lang = evaluation.lang;
  const next = evaluation.next_question;
  const results = presentResults(pack, evaluation);

  // Count the check (no facts): in memory, written to D1 in batches after the response.
  const now = Date.now();
  const counter = counterFor(c.env.COUNTS_BATCH);
  counter.add(date, pack.country.code, evaluation.results, now);
  if (counter.due(now)) {
    c.executionCtx.waitUntil(
      counter.flush(drizzle(c.env.DB)).catch((e: unknown) => {
        console.error(`could not record check counts: ${e instanceof Error ? e.message : String(e)}`);
      }),
    );
  }

  return c.json(
    {
      country: evaluation.country,
      date,
      lang,
      rules_version: evaluation.rules_version,
      results,
      next_question: next ? { ...next, label: localize(factDefs(pack).get(next.fact)!.label, lang) } : null,
    },
    200,
  );
});
