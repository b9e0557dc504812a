/**
 * Requests to the Worker under test: its real fetch handler, inside workerd, with the real D1 binding.
 * We call the handler directly rather than through SELF / exports.default.fetch, because in
 * vitest-pool-workers 0.15.1 each loopback request gets slower than the last (4 ms → 60 ms over 600 requests,
 * even for a one-line Worker), which makes fuzzing thousands of requests impossible.
 */
import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import worker from "../../src/index";

export const BASE = "http://127.0.0.1:8787";

export async function call(path: string, init?: RequestInit) {
  const ctx = createExecutionContext();
  const res = await worker.fetch(new Request(`${BASE}${path}`, init), env, ctx);
  const text = await res.text();
  // Let work scheduled with waitUntil (check counting) finish, as the runtime would.
  await waitOnExecutionContext(ctx);
  let body: any;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  return { status: res.status, body, headers: res.headers };
}

export function postJson(path: string, body: unknown) {
  return call(path, { method: "POST", headers: { "content-type": "application/json" }, body: typeof body === "string" ? body : JSON.stringify(body) });
}

export const check = (body: unknown) => postJson("/api/check", body);
