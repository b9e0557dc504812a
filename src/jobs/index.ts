/**
 * The Worker's background work: the `hbw-jobs` queue's consumer, dispatching each message by its `kind`, and the
 * daily Cron Trigger. Thin: the work itself is in src/members/. Each message is acknowledged or retried on its
 * own, so one failing message does not repeat the others of its batch.
 */
import type { Bindings } from "../http/env";
import { noticeIfRulesChanged, noticeRuleChanges, runRescreenJob, type Jobs } from "../members/rescreen";
import { runImportJob } from "./import";
import { enqueue } from "./send";
import type { Job } from "./types";

export type { Job } from "./types";

/** The jobs' dependencies from the Worker's bindings. */
export function jobsOf(env: Bindings): Jobs {
  const chunk = Number(env.RESCREEN_CHUNK_SIZE);
  return {
    d1: env.DB,
    send: (jobs) => enqueue(env.JOBS, jobs),
    now: () => new Date(),
    ...(chunk > 0 ? { chunkSize: chunk } : {}),
  };
}

/** The date of a time in milliseconds; now, if the time is missing (a local trigger may send none). */
const dateOf = (ms: number | undefined) => new Date(Number.isFinite(ms) && ms! > 0 ? ms! : Date.now()).toISOString().slice(0, 10);

export async function handleQueue(batch: MessageBatch<Job>, env: Bindings, _ctx: ExecutionContext): Promise<void> {
  const jobs = jobsOf(env);
  const today = dateOf(Date.now());
  for (const message of batch.messages) {
    const job = message.body;
    try {
      switch (job.kind) {
        case "rescreen":
          await runRescreenJob(jobs, job, today);
          break;
        case "import":
          await runImportJob(job, env);
          break;
        default:
          // A kind this Worker does not know (sent by a newer or older version): drop it, saying so.
          console.error(`hbw-jobs: unknown job kind ${JSON.stringify((job as { kind?: unknown }).kind)}; dropped`);
      }
      message.ack();
    } catch (e) {
      console.error(`hbw-jobs: ${job.kind} failed (attempt ${message.attempts}): ${e instanceof Error ? e.message : String(e)}`);
      message.retry();
    }
  }
}

/** The daily Cron Trigger: notice rule changes on the scheduled date (RESCREEN_ALL=1: re-screen everyone screened). */
export async function handleScheduled(controller: ScheduledController, env: Bindings, _ctx: ExecutionContext): Promise<void> {
  const all = env.RESCREEN_ALL === "1";
  try {
    await noticeRuleChanges(jobsOf(env), dateOf(controller.scheduledTime), all ? "all" : "cron", all ? "all" : "affected");
  } catch (e) {
    console.error(`cron: noticing rule changes failed: ${e instanceof Error ? e.message : String(e)}`);
    throw e;
  }
}

let checkedOn: string | undefined;

/**
 * Called on every request: the first of each day in this isolate checks whether the rules changed since they were
 * last processed (a deploy, or a dated version coming into force), in the background of that request.
 */
export function checkRulesOnFirstRequest(env: Bindings, ctx: ExecutionContext): void {
  const today = dateOf(Date.now());
  if (checkedOn === today || !env.JOBS) return;
  checkedOn = today;
  ctx.waitUntil(
    noticeIfRulesChanged(jobsOf(env), today).catch((e: unknown) => {
      checkedOn = undefined;
      console.error(`rules check failed: ${e instanceof Error ? e.message : String(e)}`);
    }),
  );
}
