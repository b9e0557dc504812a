/**
 * The Worker's Queue consumer: long work in chunks (imports of member lists; re-screening), each message one
 * chunk, acknowledged when done and retried by the Queue when it fails (each job is safe to run twice).
 */
import type { Bindings } from "../http/env";
import { runImportJob } from "./import";
import type { Job } from "./types";

export async function handleQueue(batch: MessageBatch<Job>, env: Bindings, _ctx?: ExecutionContext): Promise<void> {
  for (const message of batch.messages) {
    try {
      const job = message.body;
      if (job.kind === "import") await runImportJob(job, env);
      message.ack();
    } catch (e) {
      // Logged without the message body: it names no member, but stay consistent with every other log line.
      console.error(`job failed (${message.body?.kind ?? "?"}, attempt ${message.attempts}): ${e instanceof Error ? e.message : String(e)}`);
      message.retry();
    }
  }
}
