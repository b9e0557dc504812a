/**
 * Anonymous check counts (per day, country, scheme and status — never facts), gathered in the isolate's memory
 * and written to D1 at most `COUNTS_FLUSH_MS` after the first unwritten check (1 s by default), in one
 * transaction for everything gathered meanwhile. Every check updating the same rows at once would serialise all
 * checks on D1; one write a second does not, at any rate.
 *
 * Loss bound: a write is scheduled with `waitUntil` by the request that makes the first unwritten count, so an
 * isolate that ends normally writes everything; an isolate killed outright loses at most the checks of its last
 * flush window (measured in BENCHMARKS.md). When D1 refuses, counts stay in memory and the next write waits
 * twice as long (up to a minute), instead of a write per request against a failing database.
 *
 * The day is always the server's date, never a date the caller chose. Counts are raw aggregates: anything that
 * publishes them must suppress small numbers first (the evidence exports do).
 */
import type { SchemeResult } from "../engine/types";
import { recordCounts, type CountBatch, type Db } from "./queries";

const MAX_BACKOFF_MS = 60_000;

export class CheckCounter {
  private daily = new Map<string, number>();
  private schemes = new Map<string, number>();
  private checks = 0;
  /** The scheduled write, while one is pending. */
  private pending: Promise<void> | undefined;
  private failures = 0;

  constructor(private readonly flushMs: number) {}

  /** Checks gathered and not yet written. */
  get unwritten(): number {
    return this.checks;
  }

  /** How long the next write waits: the flush window, or after failures 1 s, 2 s, 4 s … up to a minute. */
  get nextWaitMs(): number {
    return this.failures ? Math.min(MAX_BACKOFF_MS, 1000 * 2 ** (this.failures - 1)) : this.flushMs;
  }

  /** Adds one check. */
  add(day: string, country: string, results: readonly Pick<SchemeResult, "scheme" | "status">[]) {
    this.checks++;
    const d = `${day}|${country}`;
    this.daily.set(d, (this.daily.get(d) ?? 0) + 1);
    for (const r of results) {
      const k = `${d}|${r.scheme}|${r.status}`;
      this.schemes.set(k, (this.schemes.get(k) ?? 0) + 1);
    }
  }

  /**
   * The write that will take the counts gathered so far: a new one (to hand to `waitUntil`), or undefined when
   * one is already pending and will take them too.
   */
  schedule(db: Db): Promise<void> | undefined {
    if (this.pending || this.checks === 0) return undefined;
    const wait = this.nextWaitMs;
    const write = sleep(wait)
      .then(() => this.flush(db))
      .then(
        () => {
          this.failures = 0;
        },
        (e: unknown) => {
          this.failures++;
          console.error(`could not record check counts (attempt ${this.failures}): ${e instanceof Error ? e.message : String(e)}`);
        },
      )
      .finally(() => {
        this.pending = undefined;
      });
    this.pending = write;
    return write;
  }

  /** Writes what is pending now. If D1 refuses, the counts are kept for the next write rather than dropped. */
  async flush(db: Db): Promise<void> {
    if (this.checks === 0) return;
    const daily = this.daily;
    const schemes = this.schemes;
    const checks = this.checks;
    this.daily = new Map();
    this.schemes = new Map();
    this.checks = 0;
    const batch: CountBatch = {
      daily: [...daily].map(([k, checks]) => {
        const [day, country] = k.split("|") as [string, string];
        return { day, country, checks };
      }),
      schemes: [...schemes].map(([k, count]) => {
        const [day, country, scheme, status] = k.split("|") as [string, string, string, SchemeResult["status"]];
        return { day, country, scheme, status, count };
      }),
    };
    try {
      await recordCounts(db, batch);
    } catch (e) {
      for (const [k, n] of daily) this.daily.set(k, (this.daily.get(k) ?? 0) + n);
      for (const [k, n] of schemes) this.schemes.set(k, (this.schemes.get(k) ?? 0) + n);
      this.checks += checks;
      throw e;
    }
  }
}

function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((r) => setTimeout(r, ms)) : Promise.resolve();
}
