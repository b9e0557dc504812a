/** Counting checks from every path that runs one, into the isolate's batched counter (src/db/check-counter.ts). */
import type { Context } from "hono";
import { CheckCounter } from "../db/check-counter";
import type { SchemeResult } from "../engine/types";
import type { AppEnv } from "./env";

let counter: CheckCounter | undefined;

/** The isolate's counter (one per isolate: counts from all requests share its writes). */
export function isolateCounter(flushMs: number): CheckCounter {
  counter ??= new CheckCounter(flushMs);
  return counter;
}

/**
 * Counts one check made on any path (the API, the page without JavaScript, the in-browser check's anonymous
 * count), on the server's date, and makes sure a write is scheduled.
 */
export function countChecks(c: Context<AppEnv>, country: string, results: readonly Pick<SchemeResult, "scheme" | "status">[]) {
  const raw = Number(c.env.COUNTS_FLUSH_MS);
  const k = isolateCounter(Number.isFinite(raw) && raw >= 0 ? raw : 1000);
  k.add(c.var.today, country, results);
  const write = k.schedule(c.var.db);
  if (write) c.executionCtx.waitUntil(write);
}
