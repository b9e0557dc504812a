/** Cache and cross-origin policy: open data is cacheable, validated and readable anywhere; answers about a member never cached. */
import { describe, expect, it } from "vitest";
import { call, check } from "../helpers/http";

const OPEN = ["/api/countries", "/api/countries/ke/schemes", "/api/policy-matrix", "/api/policy-matrix.csv", "/api/openapi.json"];

describe("open data", () => {
  it.each(OPEN)("%s is cacheable, has an ETag that revalidates to 304, and is readable from any origin", async (path) => {
    const r = await call(path, { headers: { origin: "https://example.org" } });
    expect(r.status).toBe(200);
    expect(r.headers.get("cache-control")).toContain("public");
    expect(r.headers.get("access-control-allow-origin")).toBe("*");
    const tag = r.headers.get("etag");
    expect(tag).toBeTruthy();
    const again = await call(path, { headers: { "if-none-match": tag! } });
    expect(again.status).toBe(304);
  });

  it("answers a cross-origin preflight", async () => {
    const r = await call("/api/countries", { method: "OPTIONS", headers: { origin: "https://example.org", "access-control-request-method": "GET" } });
    expect(r.status).toBe(204);
    expect(r.headers.get("access-control-allow-methods")).toContain("GET");
  });
});

describe("what concerns a member", () => {
  it("the check's answer is never stored by any cache, and not readable cross-origin", async () => {
    const r = await check({ country: "ke", date: "2025-06-01", facts: { age: 45 } });
    expect(r.headers.get("cache-control")).toBe("no-store");
    expect(r.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("the member's pages are never cached", async () => {
    for (const path of ["/", "/check?country=ke&lang=sw"]) {
      const r = await call(path);
      expect(r.headers.get("cache-control"), path).toBe("no-store");
    }
  });
});
