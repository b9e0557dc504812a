/** Small middleware: the database in `c.var.db`, one clock read per request in `c.var.today`, cache policy. */
import { drizzle } from "drizzle-orm/d1";
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "./env";
import type { PageRenderer } from "./pages";

/** Per-request variables: db, today and the page renderer. */
export function requestContext(pages: PageRenderer): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set("db", drizzle(c.env.DB));
    c.set("today", new Date().toISOString().slice(0, 10));
    c.set("pages", pages);
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
