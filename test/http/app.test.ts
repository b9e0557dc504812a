import { describe, expect, it } from "vitest";
import { call, check, postJson } from "../helpers/http";

describe("countries", () => {
  it("lists countries with languages, schemes and the rules version", async () => {
    const r = await call("/api/countries");
    expect(r.status).toBe(200);
    const ke = r.body.countries.find((c: any) => c.code === "ke");
    expect(ke).toMatchObject({ name: "Kenya", currency: "KES", languages: ["en", "sw"] });
    expect(ke.schemes).toContain("inua_jamii_opct");
    expect(r.body.rules_version).toMatch(/^[0-9a-f]{16}$/);
  });

  it("describes a country's schemes, versions, parameters and sources in the requested language", async () => {
    const r = await call("/api/countries/KE/schemes?lang=sw&date=2025-06-01");
    expect(r.status).toBe(200);
    expect(r.body.lang).toBe("sw");
    const inua = r.body.schemes.find((s: any) => s.id === "inua_jamii_opct");
    expect(inua.name).toBe("Inua Jamii – Pesa kwa Wazee");
    expect(inua.versions[0]).toMatchObject({ rule_version: "ke/inua_jamii_opct@2018-01-01", in_force: true });
    expect(inua.versions[0].parameters.min_age).toMatchObject({ value: 70, sources: ["ke27", "ke28"], unconfirmed: false });
    expect(inua.sources[0]).toMatchObject({ id: "ke27", tier: "official" });
    expect(r.body.country.facts.map((f: any) => f.name)).toContain("monthly_income");
    expect(r.body.country.facts.find((f: any) => f.name === "region").values).toContain("kisumu");
  });

  it("answers 404 as JSON for a country without rules", async () => {
    const r = await call("/api/countries/zz/schemes");
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe("not_found");
  });

  it("rejects an impossible date in the query", async () => {
    const r = await call("/api/countries/ke/schemes?date=2025-13-01");
    expect(r.status).toBe(400);
    expect(r.body.error.issues[0].path).toBe("date");
  });
});

describe("errors", () => {
  it("answers an unknown path with a JSON 404", async () => {
    const r = await call("/api/nothing-here");
    expect(r.status).toBe(404);
    expect(r.body).toEqual({ error: { code: "not_found", message: "No such resource: GET /api/nothing-here" } });
  });

  it("answers a wrong method with a JSON 405 and an Allow header", async () => {
    const r = await call("/api/check");
    expect(r.status).toBe(405);
    expect(r.headers.get("allow")).toBe("POST");
    expect(r.body.error.code).toBe("method_not_allowed");
    const d = await call("/api/countries", { method: "DELETE" });
    expect(d.status).toBe(405);
  });

  it("refuses a body over the size limit with a JSON 413", async () => {
    const r = await postJson("/api/check", { country: "ke", facts: {}, pad: "x".repeat(70 * 1024) });
    expect(r.status).toBe(413);
    expect(r.body.error.code).toBe("payload_too_large");
  });
});

describe("security headers", () => {
  it.each(["/api/countries", "/api/docs", "/", "/api/nothing"])("are on %s", async (path) => {
    const r = await call(path);
    const csp = r.headers.get("content-security-policy")!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
    expect(r.headers.get("strict-transport-security")).toContain("max-age=");
    expect(r.headers.get("x-content-type-options")).toBe("nosniff");
    expect(r.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  });

  it("are on errors and on the check itself", async () => {
    const r = await check({ country: "ke", facts: {} });
    expect(r.headers.get("x-content-type-options")).toBe("nosniff");
    const bad = await check({});
    expect(bad.headers.get("content-security-policy")).toContain("default-src 'self'");
  });
});

describe("API documentation", () => {
  it("serves an OpenAPI document generated from the request schemas", async () => {
    const r = await call("/api/openapi.json");
    expect(r.status).toBe(200);
    expect(r.body.openapi).toMatch(/^3\./);
    expect(Object.keys(r.body.paths)).toEqual(expect.arrayContaining(["/api/check", "/api/countries", "/api/countries/{cc}/schemes"]));
    const body = r.body.paths["/api/check"].post.requestBody.content["application/json"].schema;
    expect(body.$ref).toBe("#/components/schemas/CheckRequest");
    expect(r.body.components.schemas.CheckRequest.required).toEqual(expect.arrayContaining(["country", "facts"]));
    expect(r.body.components.schemas.Facts.properties.worker_type.enum).toContain("homeworker");
  });

  it("serves a human-readable API page", async () => {
    const r = await call("/api/docs");
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toContain("text/html");
    expect(r.body).toContain("/api/check");
    expect(r.body).toContain("monthly_income");
  });
});
