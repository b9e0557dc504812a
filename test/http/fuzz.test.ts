/** No input gives a 500: random and hostile payloads at every endpoint, each answered with JSON. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BASE_FACTS } from "../../src/engine/vocabulary";
import { PACKS } from "../../src/rules/generated/index";
import { arbFacts } from "../helpers/arbitraries";
import { call } from "../helpers/http";

const hostileString = fc.oneof(
  fc.string(),
  fc.constantFrom("__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "KE", "ke", "xx", "", " ", "\u0000", "😀", "ضمان", "2025-02-29", "9999-99-99", "-0", "1e309", "NaN"),
  fc.string({ unit: "binary", maxLength: 50 }),
);
const hostileValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  hostileString,
  fc.constantFrom(Number.MAX_SAFE_INTEGER, -1, 1e308, -1e308, 0.1, -0, 1.5, 130, 131),
  fc.array(hostileString, { maxLength: 5 }),
);
const factName = fc.oneof(fc.constantFrom(...BASE_FACTS.map((f) => f.name)), hostileString);
const facts = fc.oneof(fc.dictionary(factName, hostileValue, { maxKeys: 8 }), hostileValue);
/** Valid requests too, so that the engine and the content join run on thousands of real profiles. */
const validBody = fc.record({
  country: fc.constantFrom("ke", "KE"),
  date: fc.date({ min: new Date("2010-01-01"), max: new Date("2030-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  lang: fc.constantFrom("en", "sw", "th"),
  facts: arbFacts(PACKS.ke!),
});
const checkBody = fc.oneof(
  validBody,
  fc.record(
    { country: fc.oneof(fc.constantFrom("ke", "KE", "Ke"), hostileString, hostileValue), date: fc.oneof(hostileString, hostileValue), lang: fc.oneof(fc.constantFrom("en", "sw"), hostileString), facts },
    { requiredKeys: [] },
  ),
  fc.jsonValue({ maxDepth: 4 }),
);
const rawBody = fc.oneof(
  checkBody.map((b) => JSON.stringify(b)),
  fc.string({ maxLength: 200 }),
  fc.constantFrom("{", "[", '{"country":"ke","facts":', "null", "true", '{"__proto__":{"polluted":1},"country":"ke","facts":{}}', "{".repeat(2000) + "}".repeat(2000)),
);

function assertEnvelope(status: number, body: unknown, contentType: string | null) {
  expect(status).not.toBe(500);
  expect(status).toBeLessThan(500);
  expect(contentType ?? "").toMatch(/json|html|csv/);
  // API answers use the JSON envelope; the member's page answers people with an HTML page.
  if (status >= 400 && !(contentType ?? "").includes("html")) expect(body).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
}

describe("fuzzing", () => {
  it("POST /api/check answers valid profiles with 200 and never answers 500", async () => {
    let ok = 0;
    await fc.assert(
      fc.asyncProperty(rawBody, fc.oneof({ arbitrary: fc.constant("application/json"), weight: 6 }, fc.constantFrom("text/plain", "application/x-www-form-urlencoded", "")), async (body, type) => {
        const r = await call("/api/check", { method: "POST", headers: type ? { "content-type": type } : {}, body });
        assertEnvelope(r.status, r.body, r.headers.get("content-type"));
        if (r.status === 200) ok++;
      }),
      { numRuns: 1500 },
    );
    // The valid share must really reach the engine, or this test proves little.
    expect(ok).toBeGreaterThan(100);
  }, 60_000);

  it("GET endpoints never answer 500, whatever the path and query", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("/api/countries", "/api/countries/{x}/schemes", "/api/openapi.json", "/api/docs", "/api/policy-matrix", "/api/policy-matrix.csv", "/", "/check", "/api/{x}", "/{x}"),
        fc.string({ maxLength: 12 }),
        fc.dictionary(fc.constantFrom("lang", "date", "cc", "x", "__proto__"), hostileString, { maxKeys: 3 }),
        async (template, x, query) => {
          const path = template.replace("{x}", encodeURIComponent(x));
          const r = await call(`${path}?${new URLSearchParams(query)}`);
          assertEnvelope(r.status, r.body, r.headers.get("content-type"));
        },
      ),
      { numRuns: 1000 },
    );
  }, 60_000);

  it("any method on any endpoint never answers 500", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD"),
        fc.constantFrom("/api/check", "/api/countries", "/api/countries/ke/schemes", "/api/openapi.json", "/api/docs", "/api/policy-matrix", "/", "/check"),
        rawBody,
        async (method, path, body) => {
          const r = await call(path, { method, headers: { "content-type": "application/json" }, body: method === "GET" || method === "HEAD" ? undefined : body });
          expect(r.status).toBeLessThan(500);
        },
      ),
      { numRuns: 500 },
    );
  }, 60_000);

  it("the member's page form (POST /check, for browsers without JavaScript) never answers 500", async () => {
    const fields = fc.dictionary(
      fc.constantFrom("country", "lang", "state", "fact", "value", "birth_date", "action", "to_lang", "__proto__", "x"),
      fc.oneof(
        hostileString,
        fc.constantFrom("ke", "KE", "sw", "en", "ur", "age", "worker_type", "covered_by", "region", "answer", "back", "results", "more", "restart", "lang", "dont_know", "rather_not", "edit:age", "edit:nothing", "edit:__proto__", "true", "false", "45", "-3", "1e400", "none", "ct_ovc"),
        fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
        validBody.map((b) => JSON.stringify({ country: "ke", lang: b.lang, facts: b.facts, order: Object.keys(b.facts as object), view: "questions" })),
      ),
      { maxKeys: 8 },
    );
    let pages = 0;
    await fc.assert(
      fc.asyncProperty(fields, fc.array(fc.constantFrom("value", "value", "fact"), { maxLength: 3 }), fc.integer({ min: 0, max: 9 }), async (form, repeats, dice) => {
        const body = new URLSearchParams();
        for (const [k, v] of Object.entries(form)) body.append(k, v);
        for (const k of repeats) body.append(k, "none");
        // Mostly a real country, so the flow behind the form runs; sometimes whatever came.
        if (dice < 8) body.set("country", "ke");
        const r = await call("/check", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body });
        expect(r.status).toBeLessThan(500);
        expect(r.headers.get("content-type")).toContain("text/html");
        if (r.status === 200) pages++;
      }),
      { numRuns: 1000 },
    );
    expect(pages).toBeGreaterThan(100);
  }, 60_000);
});
