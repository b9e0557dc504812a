/** Queries on the anonymous check counts. Each takes the drizzle database first. */
import { eq, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { DrizzleD1Database } from "drizzle-orm/d1";
import type { SchemeResult } from "../engine/types";
import { dailyChecks, schemeResultCounts } from "./schema";

export type Db = DrizzleD1Database<Record<string, never>>;

/** D1 binds at most 100 parameters per statement; a result row binds 5 (day, country, scheme, status, count). */
const ROWS_PER_STATEMENT = 20;

/** Counts one check: its day and country, and each scheme's status. Nothing about the member is stored. */
export async function recordCheck(
  db: Db,
  day: string,
  country: string,
  results: readonly Pick<SchemeResult, "scheme" | "status">[],
): Promise<void> {
  const first = db
    .insert(dailyChecks)
    .values({ day, country, checks: 1 })
    .onConflictDoUpdate({ target: [dailyChecks.day, dailyChecks.country], set: { checks: sql`${dailyChecks.checks} + 1` } });
  const rest: BatchItem<"sqlite">[] = [];
  for (let i = 0; i < results.length; i += ROWS_PER_STATEMENT) {
    const rows = results.slice(i, i + ROWS_PER_STATEMENT).map((r) => ({ day, country, scheme: r.scheme, status: r.status, count: 1 }));
    rest.push(
      db
        .insert(schemeResultCounts)
        .values(rows)
        .onConflictDoUpdate({
          target: [schemeResultCounts.day, schemeResultCounts.country, schemeResultCounts.scheme, schemeResultCounts.status],
          set: { count: sql`${schemeResultCounts.count} + 1` },
        }),
    );
  }
  await db.batch([first, ...rest]);
}

/** The counts recorded for a country, per day and per scheme and status. */
export async function checkCounts(db: Db, country: string) {
  return {
    daily: await db.select().from(dailyChecks).where(eq(dailyChecks.country, country)),
    schemes: await db.select().from(schemeResultCounts).where(eq(schemeResultCounts.country, country)),
  };
}
