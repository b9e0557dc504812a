/**
 * One JSON error envelope for every API failure: `{ "error": { "code", "message", "issues"? } }`. Field-level
 * issues name the field as a dotted path (`facts.monthly_income`), with a code, its parameters and a message in
 * the request's language. Page routes answer errors as pages a member can read. Unknown errors are logged
 * without request data and answered with a generic 500.
 */
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { FactIssue, IssueParams } from "../interview/issues";
import { issueText } from "../interview/issues";
import type { AppEnv } from "./env";
import { preferredLang } from "./lang";

export interface Issue {
  path: string;
  message: string;
  code?: string;
  params?: IssueParams;
}

export function errorBody(code: string, message: string, issues?: Issue[], extra?: Record<string, unknown>) {
  return { error: { code, message, ...(issues ? { issues } : {}), ...extra } };
}

export function invalid(c: Context, issues: Issue[], message = "The request is not valid; see issues.", extra?: Record<string, unknown>) {
  return c.json(errorBody("invalid_request", message, issues, extra), 400);
}

export function pathOf(path: readonly PropertyKey[]): string {
  return path.map(String).join(".") || "(body)";
}

/** Fact issues (codes) as envelope issues, with messages in `lang`. */
export function factIssues(issues: readonly FactIssue[], lang: string): Issue[] {
  return issues.map((i) => ({ path: pathOf(i.path), code: i.code, ...(i.params ? { params: i.params } : {}), message: issueText(i, lang) }));
}

/** zod issues as envelope issues; a missing required field says so plainly. */
export function zodIssues(issues: readonly { path: readonly PropertyKey[]; message: string; code?: string; keys?: string[]; params?: Record<string, unknown> }[]): Issue[] {
  return issues.slice(0, 20).flatMap((i) => {
    if (i.code === "custom" && typeof i.params?.issue === "string") return [{ path: pathOf(i.path), code: i.params.issue, message: i.message }];
    if (i.code === "unrecognized_keys" && i.keys) return i.keys.slice(0, 20).map((k) => ({ path: pathOf([...i.path, k]), code: "unknown_field", message: "unknown field" }));
    if (i.code === "invalid_type" && / received undefined$/.test(i.message)) return [{ path: pathOf(i.path), code: "required", message: "is required" }];
    return [{ path: pathOf(i.path), code: i.code ?? "invalid", message: i.message }];
  });
}

const CODES: Record<number, string> = {
  400: "invalid_request",
  404: "not_found",
  405: "method_not_allowed",
  413: "payload_too_large",
  415: "unsupported_media_type",
};

/** Whether a path is the API's (JSON answers) rather than a page's (HTML answers for people). */
export const isApi = (c: Context) => new URL(c.req.url).pathname.startsWith("/api/");

/** A page for a person: an error page in her language, never JSON. */
export function errorPage(c: Context<AppEnv>, status: 400 | 404 | 405 | 413 | 500) {
  c.header("Cache-Control", "no-store");
  return c.html(c.var.pages.error(status, preferredLang(c)), status);
}

export function onError(err: Error, c: Context<AppEnv>) {
  if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode;
    if (!isApi(c) && c.var.pages && (status === 400 || status === 404 || status === 413)) return errorPage(c, status);
    const message = err.message || "The request could not be handled.";
    return c.json(errorBody(CODES[status] ?? "error", message), status);
  }
  // Log what went wrong and where, never the body: it may hold a member's facts.
  console.error(`unhandled error on ${c.req.method} ${new URL(c.req.url).pathname}: ${err.name}: ${err.message}`);
  if (!isApi(c) && c.var.pages) return errorPage(c, 500);
  return c.json(errorBody("internal_error", "Something went wrong on our side. Please try again."), 500);
}
