/**
 * One JSON error envelope for every failure: `{ "error": { "code", "message", "issues"? } }`. Field-level issues
 * name the field as a dotted path (`facts.monthly_income`). Unknown errors are logged without request data and
 * answered with a generic 500.
 */
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";

export interface Issue {
  path: string;
  message: string;
}

export function errorBody(code: string, message: string, issues?: Issue[]) {
  return { error: { code, message, ...(issues ? { issues } : {}) } };
}

export function invalid(c: Context, issues: Issue[], message = "The request is not valid; see issues.") {
  return c.json(errorBody("invalid_request", message, issues), 400);
}

export function pathOf(path: readonly PropertyKey[]): string {
  return path.map(String).join(".") || "(body)";
}

/** zod issues as envelope issues; a missing required field says so plainly. */
export function zodIssues(issues: readonly { path: readonly PropertyKey[]; message: string; code?: string; input?: unknown; keys?: string[] }[]): Issue[] {
  return issues.flatMap((i) => {
    if (i.code === "unrecognized_keys" && i.keys) return i.keys.map((k) => ({ path: pathOf([...i.path, k]), message: "unknown field" }));
    if (i.code === "invalid_type" && i.input === undefined) return [{ path: pathOf(i.path), message: "is required" }];
    return [{ path: pathOf(i.path), message: i.message }];
  });
}

const CODES: Record<number, string> = {
  400: "invalid_request",
  404: "not_found",
  405: "method_not_allowed",
  413: "payload_too_large",
  415: "unsupported_media_type",
};

export function onError(err: Error, c: Context) {
  if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode;
    const message = err.message || "The request could not be handled.";
    return c.json(errorBody(CODES[status] ?? "error", message), status);
  }
  // Log what went wrong and where, never the body: it may hold a member's facts.
  console.error(`unhandled error on ${c.req.method} ${new URL(c.req.url).pathname}: ${err.name}: ${err.message}`);
  return c.json(errorBody("internal_error", "Something went wrong on our side. Please try again."), 500);
}

export function notFound(c: Context) {
  return c.json(errorBody("not_found", `No such resource: ${c.req.method} ${new URL(c.req.url).pathname}`), 404);
}
