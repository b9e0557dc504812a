/**
 * The D1 schema (drizzle). Anonymous check counts only: no facts and nothing about the person who checked.
 * Migrations are generated from this file by `npm run db:generate` into src/db/migrations/.
 */
import { STATUSES } from "../engine/enums";
import { integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

/** Checks made, per day and country. */
export const dailyChecks = sqliteTable(
  "daily_checks",
  {
    day: text("day").notNull(),
    country: text("country").notNull(),
    checks: integer("checks").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.country] })],
);

/** Results of checks, per day, country, scheme and status: the first anonymous evidence for advocates. */
export const schemeResultCounts = sqliteTable(
  "scheme_result_counts",
  {
    day: text("day").notNull(),
    country: text("country").notNull(),
    scheme: text("scheme").notNull(),
    status: text("status", { enum: STATUSES }).notNull(),
    count: integer("count").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.country, t.scheme, t.status] })],
);
