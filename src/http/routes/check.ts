/** POST /api/check: a member's facts in, every scheme's status with reasons out. Stores no personal data. */
import { createRoute } from "@hono/zod-openapi";
import { countChecks } from "../count";
import { checkFacts, factDefs, factLabel } from "../../interview";
import { countryCodes, getEngine } from "../../rules/registry";
import { presentResults } from "../../present/content";
import { factIssues, invalid } from "../errors";
import { PRIVATE_CACHE } from "../middleware";
import { createRouter } from "../router";
import { CheckRequestSchema, CheckResponseSchema, ErrorSchema } from "../schemas";

const route = createRoute({
  method: "post",
  path: "/api/check",
  operationId: "checkEligibility",
  tags: ["check"],
  summary: "Check a member's eligibility",
  description:
    "Evaluates the member's facts against every scheme of the country in force on the date. Nothing about the member is stored: the Worker only counts checks per day (the server's date), country, scheme and status. The answer echoes her facts' outcomes, so it is never cached (Cache-Control: no-store).",
  security: [],
  request: { body: { required: true, content: { "application/json": { schema: CheckRequestSchema } } } },
  responses: {
    200: { description: "Each scheme's status, criteria with reasons, missing facts and the next question", content: { "application/json": { schema: CheckResponseSchema } } },
    400: { description: "Invalid body, unknown country or fact, ill-typed value or impossible date", content: { "application/json": { schema: ErrorSchema } } },
    413: { description: "Body larger than 64 KiB", content: { "application/json": { schema: ErrorSchema } } },
  },
});

export const checkRoutes = createRouter().openapi(route, async (c) => {
  c.header("Cache-Control", PRIVATE_CACHE);
  const body = c.req.valid("json");
  const engine = getEngine(body.country);
  const asked = body.lang ?? "en";
  if (!engine) {
    return invalid(c, [{ path: "country", code: "unknown_country", params: { country: body.country.slice(0, 8) }, message: `unknown country "${body.country}"; rules exist for: ${countryCodes().join(", ")}` }]);
  }
  const { pack } = engine;
  const date = body.date ?? c.var.today;
  const checked = checkFacts(pack, body.facts, date);
  if (!checked.ok) {
    const lang = pack.country.languages.includes(asked) ? asked : "en";
    const unknown = checked.issues.some((i) => i.code === "unknown_fact");
    // The facts this country knows, listed once (not in every issue).
    return invalid(c, factIssues(checked.issues, lang), undefined, unknown ? { known_facts: [...factDefs(pack).keys()] } : undefined);
  }

  const evaluation = engine.evaluate(checked.facts, { date, lang: asked });
  const lang = evaluation.lang;
  const next = evaluation.next_question;
  countChecks(c, pack.country.code, evaluation.results);
  return c.json(
    {
      country: evaluation.country,
      date,
      lang,
      rules_version: evaluation.rules_version,
      results: presentResults(pack, evaluation, checked.facts),
      next_question: next ? { ...next, label: factLabel(pack, next.fact, lang) } : null,
    },
    200,
  );
});
