/** Small middleware: the database in `c.var.db`, one clock read per request in `c.var.today`, cache policy. */
import { drizzle } from "drizzle-orm/d1";
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "./env";
import type { Db } from "../db/queries";
import { RULES_VERSION } from "../rules/generated/countries";
import type { PageRenderer } from "../present/pages";
import type { OrgPageRenderer } from "../present/org-pages";

/** One drizzle wrapper per D1 binding (the binding lives as long as the isolate), not one per request. */
const wrappers = new WeakMap<D1Database, Db>();
function dbFor(binding: D1Database): Db {
  let db = wrappers.get(binding);
  if (!db) wrappers.set(binding, (db = drizzle(binding)));
  return db;
}

/** Per-request variables: db, today and the page renderer. */
export function requestContext(pages: PageRenderer, orgPages: OrgPageRenderer): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set("db", dbFor(c.env.DB));
    c.set("today", new Date().toISOString().slice(0, 10));
    c.set("pages", pages);
    c.set("orgPages", orgPages);
    await next();
  };
}

/**
 * Open data (countries, schemes, the policy matrix, the API description): cacheable for five minutes and
 * revalidated with an ETag, and readable from any origin so that others can build on it.
 */
export const OPEN_DATA_CACHE = "public, max-age=300, stale-while-revalidate=86400";

/** Anything that echoes or holds a member's answers: never cached, anywhere. */
export const PRIVATE_CACHE = "no-store";

/**
 * Open-data answers depend only on the rule set, the server's date and the URL, so their validator is made from
 * those, and a client that already has the answer gets a 304 before anything is computed.
 */
export const openData: MiddlewareHandler<AppEnv> = async (c, next) => {
  const url = new URL(c.req.url);
  const tag = `W/"${RULES_VERSION}-${fnv1a(`${c.var.today}|${url.pathname}|${url.search}`)}"`;
  const seen = c.req.header("if-none-match");
  if (seen && seen.split(",").some((t) => t.trim() === tag)) {
    return c.body(null, 304, { ETag: tag, "Cache-Control": OPEN_DATA_CACHE });
  }
  await next();
  if (c.res.status === 200) {
    c.header("ETag", tag);
    c.header("Cache-Control", OPEN_DATA_CACHE);
  }
};

/** FNV-1a, 32 bits, as hex: a cheap, stable fingerprint (not a security hash). */
function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, "0");
}
