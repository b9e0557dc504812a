import { applyD1Migrations, env } from "cloudflare:test";
import { drizzle } from "drizzle-orm/d1";
import { describe, expect, it } from "vitest";
import { CheckCounter } from "../../src/db/check-counter";

const db = () => drizzle(env.DB);
const results = [
  { scheme: "sha", status: "likely_eligible" as const },
  { scheme: "inua_jamii_opct", status: "not_eligible" as const },
];

async function counts(day: string) {
  const daily = await env.DB.prepare("SELECT checks FROM daily_checks WHERE day = ?").bind(day).first<{ checks: number }>();
  const rows = await env.DB.prepare("SELECT scheme, status, count FROM scheme_result_counts WHERE day = ? ORDER BY scheme").bind(day).all();
  return { checks: daily?.checks ?? 0, rows: rows.results };
}

describe("check counter", () => {
  it("is due after the batch size or the age limit, and writes aggregated counts in one go", async () => {
    const counter = new CheckCounter(3, 10_000);
    counter.add("2040-01-01", "ke", results, 0);
    counter.add("2040-01-01", "ke", results, 1);
    expect(counter.due(2)).toBe(false);
    expect(counter.due(10_000)).toBe(true);
    counter.add("2040-01-01", "ke", results, 3);
    expect(counter.due(4)).toBe(true);
    await counter.flush(db());
    expect(await counts("2040-01-01")).toEqual({
      checks: 3,
      rows: [
        { scheme: "inua_jamii_opct", status: "not_eligible", count: 3 },
        { scheme: "sha", status: "likely_eligible", count: 3 },
      ],
    });
    // Nothing pending after a flush; a second flush adds to the stored counts.
    expect(counter.due(1e9)).toBe(false);
    counter.add("2040-01-01", "ke", results, 5);
    await counter.flush(db());
    expect((await counts("2040-01-01")).checks).toBe(4);
  });

  it("keeps its counts when D1 refuses the write, and writes them next time", async () => {
    const counter = new CheckCounter(1, 10_000);
    counter.add("2040-02-01", "ke", results, 0);
    await env.DB.exec("DROP TABLE scheme_result_counts");
    await expect(counter.flush(db())).rejects.toThrow();
    await env.DB.exec("DROP TABLE daily_checks");
    await env.DB.exec("DELETE FROM d1_migrations");
    await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
    expect(counter.due(0)).toBe(true);
    await counter.flush(db());
    expect((await counts("2040-02-01")).checks).toBe(1);
  });
});
