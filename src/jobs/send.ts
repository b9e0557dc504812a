/** Putting jobs on the queue: at most 100 messages per call, as Queues allow. The one place that sends. */
import type { Job } from "./types";

export async function enqueue(queue: Queue<Job>, jobs: readonly Job[]): Promise<void> {
  for (let i = 0; i < jobs.length; i += 100) await queue.sendBatch(jobs.slice(i, i + 100).map((body) => ({ body, contentType: "json" })));
}
