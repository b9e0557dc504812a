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
  expect(contentType ?? "").toMatch(/json|html/);
  if (status >= 400) expect(body).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
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
        fc.constantFrom("/api/countries", "/api/countries/{x}/schemes", "/api/openapi.json", "/api/docs", "/", "/api/{x}", "/{x}"),
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
        fc.constantFrom("/api/check", "/api/countries", "/api/countries/ke/schemes", "/api/openapi.json", "/api/docs", "/"),
        rawBody,
        async (method, path, body) => {
          const r = await call(path, { method, headers: { "content-type": "application/json" }, body: method === "GET" || method === "HEAD" ? undefined : body });
          expect(r.status).toBeLessThan(500);
        },
      ),
      { numRuns: 500 },
    );
  }, 60_000);
});
