/**
 * POST /api/counts: the member's page, when it runs the check on her phone, sends one anonymous count when she
 * sees her results — the country, and each scheme's status; nothing she typed — as the page tells her. Counted on
 * the server's date with the checks of the other paths.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { STATUSES } from "../../engine/enums";
import { versionOn } from "../../engine/dates";
import { countryCodes, getPack } from "../../rules/registry";
import { countChecks } from "../count";
import { invalid } from "../errors";
import { PRIVATE_CACHE } from "../middleware";
import { createRouter } from "../router";
import { CountryCodeSchema, ErrorSchema } from "../schemas";

const CountRequestSchema = z
  .object({
    country: CountryCodeSchema,
    results: z
      .array(z.object({ scheme: z.string().max(64), status: z.enum(STATUSES) }).strict())
      .max(100)
      .openapi({ description: "Each scheme in force today with the status the check on her phone gave it" }),
  })
  .strict()
  .openapi("CountRequest");

const route = createRoute({
  method: "post",
  path: "/api/counts",
  operationId: "recordCheckCount",
  tags: ["check"],
  security: [],
  summary: "Count a check made on the member's phone (anonymous)",
  description:
    "The member's page runs the check on her phone and sends nothing she typed; when she sees her results it sends this one anonymous count, as the page tells her. Counted per day (the server's date), country, scheme and status.",
  request: { body: { required: true, content: { "application/json": { schema: CountRequestSchema } } } },
  responses: {
    204: { description: "Counted" },
    400: { description: "Unknown country, or a scheme not in force today, or a scheme twice", content: { "application/json": { schema: ErrorSchema } } },
  },
});

export const countRoutes = createRouter().openapi(route, (c) => {
  c.header("Cache-Control", PRIVATE_CACHE);
  const { country, results } = c.req.valid("json");
  const pack = getPack(country);
  if (!pack) return invalid(c, [{ path: "country", code: "unknown_country", message: `unknown country "${country}"; rules exist for: ${countryCodes().join(", ")}` }]);
  const inForce = new Set(pack.schemes.filter((s) => versionOn(s.versions, c.var.today)).map((s) => s.id));
  const seen = new Set<string>();
  const issues = results.flatMap((r, i) => {
    if (!inForce.has(r.scheme)) return [{ path: `results.${i}.scheme`, code: "unknown_scheme", message: `no scheme "${r.scheme.slice(0, 64)}" of ${pack.country.code} is in force today` }];
    if (seen.has(r.scheme)) return [{ path: `results.${i}.scheme`, code: "repeated_scheme", message: `"${r.scheme}" is counted twice` }];
    seen.add(r.scheme);
    return [];
  });
  if (issues.length) return invalid(c, issues.slice(0, 20));
  countChecks(c, pack.country.code, results);
  return c.body(null, 204);
});
