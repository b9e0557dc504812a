/**
 * Anonymous check counts, gathered in the Worker's memory and written to D1 in batches. Every check updating the
 * same rows would serialise all checks on D1 (one query at a time per database); a batch of 50 checks costs one
 * transaction. An isolate that is shut down loses at most its unwritten counts (under one batch): acceptable for
 * aggregate statistics, never for member data, which this is not.
 */
import type { SchemeResult } from "../engine/types";
import { recordCounts, type CountBatch, type Db } from "./queries";

export class CheckCounter {
  private daily = new Map<string, number>();
  private schemes = new Map<string, number>();
  private checks = 0;
  private oldest = 0;

  constructor(
    private readonly maxChecks: number,
    private readonly maxAgeMs: number,
  ) {}

  /** Adds one check; `now` is a timestamp in milliseconds. */
  add(day: string, country: string, results: readonly Pick<SchemeResult, "scheme" | "status">[], now: number) {
    if (this.checks === 0) this.oldest = now;
    this.checks++;
    const d = `${day}|${country}`;
    this.daily.set(d, (this.daily.get(d) ?? 0) + 1);
    for (const r of results) {
      const k = `${d}|${r.scheme}|${r.status}`;
      this.schemes.set(k, (this.schemes.get(k) ?? 0) + 1);
    }
  }

  /** Whether enough checks, or old enough ones, wait to be written. */
  due(now: number): boolean {
    return this.checks >= this.maxChecks || (this.checks > 0 && now - this.oldest >= this.maxAgeMs);
  }

  /** Writes what is pending. If D1 refuses, the counts are kept for the next flush rather than dropped. */
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
