/** Our own failures: logged without request data, answered as a page on page routes and as JSON under /api. */
import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it, vi } from "vitest";
import { createApp } from "../../src/http/app";
import { pages } from "../../web/src/server";
import { orgPages } from "../../web/src/org/pages";

/** An app whose interview page and check content throw, as a bug would. */
const broken = createApp({
  pages: {
    ...pages,
    interview: () => {
      throw new Error("renderer bug");
    },
  },
  orgPages,
});

async function call(path: string, init?: RequestInit) {
  const ctx = createExecutionContext();
  const res = await broken.fetch(new Request(`http://127.0.0.1${path}`, init), env, ctx);
  await waitOnExecutionContext(ctx);
  return { status: res.status, type: res.headers.get("content-type") ?? "", body: await res.text() };
}

describe("a failure of ours", () => {
  it("on the member's page is a page in her language, never JSON, and the log holds no answers", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const form = new URLSearchParams({ country: "ke", lang: "sw", state: JSON.stringify({ country: "ke", facts: { monthly_income: 8123 }, order: [], view: "questions" }) });
    const r = await call("/check?lang=sw", { method: "POST", body: form });
    expect(r.status).toBe(500);
    expect(r.type).toContain("text/html");
    expect(r.body).toContain("Kuna hitilafu upande wetu");
    const logged = log.mock.calls.flat().join(" ");
    expect(logged).toContain("renderer bug");
    expect(logged).not.toContain("8123");
    log.mockRestore();
  });

  it("under /api stays the JSON envelope", async () => {
    const r = await call("/api/nothing");
    expect(r.type).toContain("json");
    expect(JSON.parse(r.body).error.code).toBe("not_found");
  });
});
