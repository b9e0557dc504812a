/** The Queue consumer's part for imports: one chunk of a dry run or an apply (logic in src/members/import/). */
import { drizzle } from "drizzle-orm/d1";
import type { Db } from "../db/queries";
import { networkOf } from "../db/accounts";
import type { Bindings } from "../http/env";
import { applyChunk, checkChunk, type ImportJob } from "../members/import/service";
import { imports } from "../db/schema";
import { eq } from "drizzle-orm";
import { getEngine } from "../rules/registry";

export async function runImportJob(job: ImportJob, env: Bindings): Promise<void> {
  const db = drizzle(env.DB) as Db;
  const imp = await db.select().from(imports).where(eq(imports.id, job.import_id)).get();
  // An import deleted meanwhile leaves nothing to do.
  if (!imp) return;
  const network = (await networkOf(db, imp.network_id))!;
  const now = new Date();
  const ctx = { db, pack: getEngine(network.country)!.pack, secret: env.MEMBER_KEY_SECRET ?? "", today: now.toISOString().slice(0, 10), now: now.toISOString() };
  if (job.phase === "check") {
    if (!env.MEMBER_KEY_SECRET) throw new Error("MEMBER_KEY_SECRET is not set");
    await checkChunk(ctx, imp, job.seq);
  } else await applyChunk(ctx, imp, job.seq, job.by ?? imp.created_by);
}
