/** Glue between the HTTP layer and the workspace operations: the caller from the request, problems as responses. */
import type { Context } from "hono";
import type { Caller, Problem } from "../members/workspace";
import type { AppEnv } from "./env";
import { errorBody, factIssues } from "./errors";
import { PRIVATE_CACHE } from "./middleware";
import { scopeOf } from "./session";

export function callerOf(c: Context<AppEnv>): Caller {
  const s = c.var.session!;
  return { db: c.var.db, principal: s.principal, scope: scopeOf(c), today: c.var.today, now: new Date(), secret: c.env.MEMBER_KEY_SECRET };
}

/** A workspace problem as the API's error envelope, with fact issues in the organizer's language. */
export function problemResponse(c: Context<AppEnv>, p: Problem) {
  c.header("Cache-Control", PRIVATE_CACHE);
  if (p.status === 400) {
    const lang = c.var.session?.user.lang ?? "en";
    const issues = p.facts ? factIssues(p.facts, lang) : p.issues;
    return c.json(errorBody(p.code, p.message, issues), 400);
  }
  return c.json(errorBody(p.code, p.message, undefined, "params" in p && p.params ? { params: p.params } : undefined), p.status);
}
