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
  it("gathers checks and writes them, aggregated, in one scheduled write", async () => {
    const counter = new CheckCounter(0);
    counter.add("2040-01-01", "ke", results);
    const write = counter.schedule(db());
    expect(write).toBeDefined();
    counter.add("2040-01-01", "ke", results);
    // A write is already pending: it takes the new counts too.
    expect(counter.schedule(db())).toBeUndefined();
    counter.add("2040-01-01", "ke", results);
    await write;
    expect(counter.unwritten).toBe(0);
    expect(await counts("2040-01-01")).toEqual({
      checks: 3,
      rows: [
        { scheme: "inua_jamii_opct", status: "not_eligible", count: 3 },
        { scheme: "sha", status: "likely_eligible", count: 3 },
      ],
    });
    // Nothing to schedule when nothing waits; a later write adds to the stored counts.
    expect(counter.schedule(db())).toBeUndefined();
    counter.add("2040-01-01", "ke", results);
    await counter.schedule(db());
    expect((await counts("2040-01-01")).checks).toBe(4);
  });

  it("keeps its counts when D1 refuses the write, backs off, and writes them once D1 is back", async () => {
    const counter = new CheckCounter(0);
    counter.add("2040-02-01", "ke", results);
    await env.DB.exec("DROP TABLE scheme_result_counts");
    await counter.schedule(db());
    // Refused: nothing lost, nothing written.
    expect(counter.unwritten).toBe(1);
    await env.DB.exec("DROP TABLE daily_checks");
    await env.DB.exec("DELETE FROM d1_migrations WHERE name = '0000_init.sql'");
    await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
    // The retry waits (a second after one failure, doubling after each) instead of hammering the database.
    expect(counter.nextWaitMs).toBe(1000);
    await counter.schedule(db());
    expect(counter.unwritten).toBe(0);
    expect((await counts("2040-02-01")).checks).toBe(1);
  });
});
