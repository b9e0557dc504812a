/**
 * The OpenAPI document passes a standard linter's recommended rules (Redocly's, as `redocly lint` applies them),
 * so that generated clients and tools can rely on it. Runs the app's real document through the real linter.
 */
import { createConfig, lintFromString } from "@redocly/openapi-core";
import { describe, expect, it } from "vitest";
import { createApp } from "../../src/http/app";
import { OPENAPI_CONFIG } from "../../src/http/routes/docs";
import { pages } from "../../web/src/server";

const doc = createApp({ pages }).getOpenAPI31Document(OPENAPI_CONFIG);

async function lint(source: unknown) {
  const config = await createConfig({ extends: ["recommended"] });
  const problems = await lintFromString({ source: JSON.stringify(source), absoluteRef: "openapi.json", config });
  return problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location.map((l) => l.pointer).join(", ")}`);
}

describe("the OpenAPI document", () => {
  it("is lint clean under the recommended rules: no errors, no warnings", async () => {
    expect(await lint(doc)).toEqual([]);
  });

  it("names every operation, and declares public routes as needing no credentials", () => {
    for (const [path, item] of Object.entries(doc.paths ?? {})) {
      for (const [method, op] of Object.entries(item as Record<string, { operationId?: string; security?: unknown[] }>)) {
        expect(op.operationId, `${method} ${path}`).toMatch(/^[a-z][A-Za-z]+$/);
        expect(op.security, `${method} ${path}`).toEqual([]);
      }
    }
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
