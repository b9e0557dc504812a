/**
 * The OpenAPI document passes a standard linter's recommended rules (Redocly's, as `redocly lint` applies them),
 * so that generated clients and tools can rely on it. Runs the app's real document through the real linter.
 */
import { createConfig, lintFromString } from "@redocly/openapi-core";
import { describe, expect, it } from "vitest";
import { createApp } from "../../src/http/app";
import { OPENAPI_CONFIG } from "../../src/http/routes/docs";
import { pages } from "../../web/src/server";
import { orgPages } from "../../web/src/org/pages";

const doc = createApp({ pages, orgPages }).getOpenAPI31Document(OPENAPI_CONFIG);

async function lint(source: unknown) {
  const config = await createConfig({ extends: ["recommended"] });
  const problems = await lintFromString({ source: JSON.stringify(source), absoluteRef: "openapi.json", config });
  return problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location.map((l) => l.pointer).join(", ")}`);
}

describe("the OpenAPI document", () => {
  it("is lint clean under the recommended rules: no errors, no warnings", async () => {
    expect(await lint(doc)).toEqual([]);
  });

  it("names every operation; public routes need no credentials, and every workspace route declares the session cookie", () => {
    const PUBLIC = new Set(["POST /api/session", "POST /api/invitations/{token}/accept"]);
    for (const [path, item] of Object.entries(doc.paths ?? {})) {
      for (const [method, op] of Object.entries(item as Record<string, { operationId?: string; security?: unknown[]; tags?: string[] }>)) {
        expect(op.operationId, `${method} ${path}`).toMatch(/^[a-z][A-Za-z]+$/);
        const workspace = (op.tags?.includes("workspace") || op.tags?.includes("evidence")) && !PUBLIC.has(`${method.toUpperCase()} ${path}`);
        expect(op.security, `${method} ${path}`).toEqual(workspace ? [{ session: [] }] : []);
      }
    }
    expect((doc.components as { securitySchemes?: Record<string, unknown> }).securitySchemes?.session).toMatchObject({ type: "apiKey", in: "cookie" });
    for (const required of ["/api/session", "/api/members", "/api/members/{id}", "/api/members/{id}/consents", "/api/members/{id}/screenings", "/api/members/{id}/enrollments/{scheme}", "/api/audit"]) expect(doc.paths?.[required], required).toBeDefined();
    expect(doc.servers?.length).toBeGreaterThan(0);
    expect(doc.info.license?.name).toBeTruthy();
  });

  it("would fail on the defects it guards against (the linter is really applied)", async () => {
    const broken = structuredClone(doc) as unknown as { info: Record<string, unknown>; paths: Record<string, Record<string, Record<string, unknown>>> };
    delete broken.info.license;
    delete broken.paths["/api/check"]!.post!.operationId;
    const problems = await lint(broken);
    expect(problems.some((p) => p.includes("info-license"))).toBe(true);
    expect(problems.some((p) => p.includes("operation-operationId"))).toBe(true);
  });
});
