/** Queries on the anonymous check counts. Each takes the drizzle database first. */
import { sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { DrizzleD1Database } from "drizzle-orm/d1";
import type { SchemeResult } from "../engine/types";
import { dailyChecks, schemeResultCounts } from "./schema";

export type Db = DrizzleD1Database<Record<string, never>> & { $client: D1Database };

/** D1 binds at most 100 parameters per statement; a result row binds 5 (day, country, scheme, status, count). */
const ROWS_PER_STATEMENT = 20;

export interface CountBatch {
  /** Checks per day and country. */
  daily: { day: string; country: string; checks: number }[];
  /** Results per day, country, scheme and status. */
  schemes: { day: string; country: string; scheme: string; status: SchemeResult["status"]; count: number }[];
}

/** Adds a batch of anonymous counts in one D1 transaction. Nothing about any member is stored. */
export async function recordCounts(db: Db, batch: CountBatch): Promise<void> {
  const items: BatchItem<"sqlite">[] = [];
  for (let i = 0; i < batch.daily.length; i += ROWS_PER_STATEMENT) {
    items.push(
      db
        .insert(dailyChecks)
        .values(batch.daily.slice(i, i + ROWS_PER_STATEMENT))
        .onConflictDoUpdate({ target: [dailyChecks.day, dailyChecks.country], set: { checks: sql`${dailyChecks.checks} + excluded.checks` } }),
    );
  }
  for (let i = 0; i < batch.schemes.length; i += ROWS_PER_STATEMENT) {
    items.push(
      db
        .insert(schemeResultCounts)
        .values(batch.schemes.slice(i, i + ROWS_PER_STATEMENT))
        .onConflictDoUpdate({
          target: [schemeResultCounts.day, schemeResultCounts.country, schemeResultCounts.scheme, schemeResultCounts.status],
          set: { count: sql`${schemeResultCounts.count} + excluded.count` },
        }),
    );
  }
  const [first, ...rest] = items;
  if (first) await db.batch([first, ...rest]);
}
