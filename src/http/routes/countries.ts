/** GET /api/countries and GET /api/countries/{cc}/schemes: what rules exist, in a requested language. */
import { createRoute, z } from "@hono/zod-openapi";
import { inForce } from "../../engine/dates";
import { factDefs } from "../../interview/gate";
import { localizeAll } from "../../engine/text";
import { countryCodes, getPack, RULES_VERSION } from "../../rules/registry";
import { errorBody } from "../errors";
import { CountriesResponseSchema, CountryCodeSchema, CountrySchemesResponseSchema, DateSchema, ErrorSchema, LangSchema } from "../schemas";
import { createRouter } from "../router";

const listRoute = createRoute({
  method: "get",
  path: "/api/countries",
  operationId: "listCountries",
  tags: ["open data"],
  security: [],
  summary: "List the countries with rule packs",
  request: { query: z.object({ lang: LangSchema.optional() }) },
  responses: {
    200: { description: "Countries, their languages and scheme ids", content: { "application/json": { schema: CountriesResponseSchema } } },
    400: { description: "Invalid query", content: { "application/json": { schema: ErrorSchema } } },
  },
});

const schemesRoute = createRoute({
  method: "get",
  path: "/api/countries/{cc}/schemes",
  operationId: "getCountrySchemes",
  tags: ["open data"],
  security: [],
  summary: "A country's schemes: versions, parameters, criteria, sources and content",
  request: {
    params: z.object({ cc: CountryCodeSchema }),
    query: z.object({ lang: LangSchema.optional(), date: DateSchema.optional() }),
  },
  responses: {
    200: { description: "The country's facts and schemes, texts in the requested language", content: { "application/json": { schema: CountrySchemesResponseSchema } } },
    400: { description: "Invalid query", content: { "application/json": { schema: ErrorSchema } } },
    404: { description: "No rules for that country", content: { "application/json": { schema: ErrorSchema } } },
  },
});

export const countryRoutes = createRouter()
  .openapi(listRoute, (c) => {
    const { lang = "en" } = c.req.valid("query");
    const countries = countryCodes().map((cc) => {
      const pack = getPack(cc)!;
      const { country } = pack;
      return {
        code: country.code,
        name: localizeAll(country.name, lang),
        currency: country.currency,
        languages: country.languages,
        schemes: pack.schemes.map((s) => s.id),
        rules_hash: pack.hash,
      };
    });
    return c.json({ rules_version: RULES_VERSION, countries }, 200);
  })
  .openapi(schemesRoute, (c) => {
    const { cc } = c.req.valid("param");
    const pack = getPack(cc);
    if (!pack) return c.json(errorBody("not_found", `No rules for country "${cc}"; rules exist for: ${countryCodes().join(", ")}`), 404);
    const { lang: asked = "en", date = c.var.today } = c.req.valid("query");
    const lang = pack.country.languages.includes(asked) ? asked : "en";
    const { needs_review: _, facts: _f, ...country } = pack.country;
    return c.json(
      {
        rules_version: pack.hash,
        lang,
        country: { ...localizeAll(country, lang), facts: localizeAll([...factDefs(pack).values()], lang) },
        schemes: pack.schemes.map((s) => ({
          ...localizeAll(s, lang),
          versions: s.versions.map((v) => ({
            ...localizeAll(v, lang),
            in_force: inForce(v, date),
          })),
        })),
      },
      200,
    );
  });
