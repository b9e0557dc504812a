/**
 * The timing harness of the engine benchmark. Each engine runs in its own worker thread (scripts/bench/worker.ts),
 * so engines do not share a heap, garbage or JIT feedback; but they run one at a time, taking turns batch by
 * batch with the order rotating each round, so a noisy neighbour slows all of them alike and ratios within one
 * run stay fair. After a warm-up that picks a batch size (about `batchMs` per batch), each batch gives one
 * figure, ns per member; we report the median and the 90th percentile over batches.
 */
import { hrtime } from "node:process";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { Worker } from "node:worker_threads";

/** One engine under test; `i` indexes the member pool. The returned number feeds a checksum so no work is dropped. */
export type Subject = { sync: (i: number) => number } | { async: (i: number) => Promise<number> };

export interface Stats {
  subject: string;
  batchSize: number;
  batches: number;
  medianNs: number;
  p90Ns: number;
  minNs: number;
}

export interface MeasureOptions {
  /** Members in the pool; batches walk it round-robin. */
  pool: number;
  warmupMs: number;
  batchMs: number;
  /** Stop starting new rounds after this much measuring, once `minRounds` are done. */
  budgetMs: number;
  minRounds: number;
  maxRounds: number;
}

/** Main thread to worker. */
export type Request = { kind: "warmup"; ms: number; batchMs: number; pool: number } | { kind: "batch"; start: number; n: number; pool: number } | { kind: "checksum" };
/** Worker to main thread. */
export type Reply = { kind: "ready" } | { kind: "size"; size: number } | { kind: "ns"; ns: number } | { kind: "checksum"; value: number };

setFlagsFromString("--expose-gc");
/** A full garbage collection (in the calling thread's heap). */
export const gc = runInNewContext("gc") as () => void;

let checksum = 0;
/** Folded results of every evaluation in this thread. */
export const sink = (): number => checksum;

/** Runs members start .. start+n-1 (mod pool) through the subject; returns the elapsed ns. */
export async function runBatch(s: Subject, start: number, n: number, pool: number): Promise<number> {
  let acc = 0;
  let t0: bigint;
  let t1: bigint;
  if ("sync" in s) {
    const fn = s.sync;
    t0 = hrtime.bigint();
    for (let k = 0; k < n; k++) acc += fn((start + k) % pool);
    t1 = hrtime.bigint();
  } else {
    const fn = s.async;
    t0 = hrtime.bigint();
    for (let k = 0; k < n; k++) acc += await fn((start + k) % pool);
    t1 = hrtime.bigint();
  }
  checksum = (checksum + acc) | 0;
  return Number(t1 - t0);
}

/** Warm-up: double the batch until it takes a quarter of batchMs, keep going until `ms` is over; returns a batch size. */
export async function warmUp(s: Subject, ms: number, batchMs: number, pool: number): Promise<number> {
  let size = 1;
  let last = 0;
  const until = Date.now() + ms;
  do {
    last = await runBatch(s, 0, size, pool);
    if (last < (batchMs * 1e6) / 4 && size < 1 << 16) size *= 2;
  } while (Date.now() < until);
  return Math.max(1, Math.min(1 << 16, Math.round((batchMs * 1e6) / (last / size))));
}

/** The q-quantile (0..1) of sorted numbers, linearly interpolated. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/** A worker thread running scripts/bench/worker.ts for one subject, answering one request at a time. */
class SubjectThread {
  private readonly worker: Worker;
  private pending: ((r: Reply) => void) | undefined;
  private readonly ready: Promise<Reply>;

  constructor(subject: string) {
    // tsx's loader is not active in a worker's entry module, so the entry registers it and then imports the TS.
    const tsx = import.meta.resolve("tsx/esm/api");
    const entry = new URL("./worker.ts", import.meta.url).href;
    this.worker = new Worker(`import(${JSON.stringify(tsx)}).then((t) => t.register()).then(() => import(${JSON.stringify(entry)}))`, {
      eval: true,
      workerData: { subject },
    });
    this.worker.on("error", (e) => {
      console.error(`worker for ${subject} failed:`, e);
      process.exit(1);
    });
    this.ready = new Promise((resolve) => (this.pending = resolve));
    this.worker.on("message", (r: Reply) => {
      const p = this.pending;
      this.pending = undefined;
      p?.(r);
    });
  }

  async ask(req: Request): Promise<Reply> {
    await this.ready;
    return new Promise((resolve) => {
      this.pending = resolve;
      this.worker.postMessage(req);
    });
  }

  terminate(): Promise<number> {
    return this.worker.terminate();
  }
}

/** Times each subject (by name, built in its own thread) in turns; returns their stats and the threads' checksum. */
export async function measure(subjects: readonly string[], o: MeasureOptions): Promise<{ stats: Stats[]; checksum: number }> {
  const threads = subjects.map((s) => new SubjectThread(s));
  try {
    const sizes: number[] = [];
    for (const t of threads) {
      const r = await t.ask({ kind: "warmup", ms: o.warmupMs, batchMs: o.batchMs, pool: o.pool });
      if (r.kind !== "size") throw new Error(`unexpected reply ${r.kind}`);
      sizes.push(r.size);
    }
    const samples: number[][] = subjects.map(() => []);
    const cursor: number[] = subjects.map(() => 0);
    const started = Date.now();
    for (let round = 0; round < o.maxRounds; round++) {
      if (round >= o.minRounds && Date.now() - started > o.budgetMs) break;
      for (let j = 0; j < threads.length; j++) {
        const k = (j + round) % threads.length;
        const n = sizes[k]!;
        const r = await threads[k]!.ask({ kind: "batch", start: cursor[k]!, n, pool: o.pool });
        if (r.kind !== "ns") throw new Error(`unexpected reply ${r.kind}`);
        cursor[k] = (cursor[k]! + n) % o.pool;
        samples[k]!.push(r.ns / n);
      }
    }
    let sum = 0;
    for (const t of threads) {
      const r = await t.ask({ kind: "checksum" });
      if (r.kind === "checksum") sum = (sum + r.value) | 0;
    }
    const stats = subjects.map((subject, k) => {
      const sorted = [...samples[k]!].sort((a, b) => a - b);
      return {
        subject,
        batchSize: sizes[k]!,
        batches: sorted.length,
        medianNs: quantile(sorted, 0.5),
        p90Ns: quantile(sorted, 0.9),
        minNs: sorted[0] ?? NaN,
      };
    });
    return { stats, checksum: sum };
  } finally {
    await Promise.all(threads.map((t) => t.terminate()));
  }
}
