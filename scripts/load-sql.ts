/**
 * Loads a large SQL file (one statement a line, as scripts/seed-demo.ts writes) into a local D1 folder straight
 * through Miniflare's D1, in chunks of a few megabytes: `wrangler d1 execute --file` takes minutes on the
 * 31,000-member benchmark seed. Local only, by construction: it opens a folder on this machine.
 */
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { join } from "node:path";
import { Miniflare } from "miniflare";

/** The database id in wrangler.toml: wrangler dev keeps the local D1 under this name. */
const DATABASE_ID = "00000000-0000-0000-0000-000000000000";

export async function loadSql(stateDir: string, file: string): Promise<number> {
  const mf = new Miniflare({ modules: true, script: "export default { fetch() { return new Response(null) } }", d1Databases: { DB: DATABASE_ID }, d1Persist: join(stateDir, "v3", "d1") });
  try {
    const db = await mf.getD1Database("DB");
    // Read line by line: a 100,000-member seed is larger than one string can be.
    let statements = 0;
    let chunk: string[] = [];
    let size = 0;
    for await (const s of createInterface({ input: createReadStream(file, "utf8"), crlfDelay: Infinity })) {
      if (!s.trim() || s.startsWith("--")) continue;
      statements++;
      chunk.push(s);
      size += s.length;
      if (size > 2_000_000) {
        await db.exec(chunk.join("\n"));
        chunk = [];
        size = 0;
      }
    }
    if (chunk.length) await db.exec(chunk.join("\n"));
    return statements;
  } finally {
    await mf.dispose();
  }
}
