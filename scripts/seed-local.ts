/**
 * `npm start`'s last step before the Worker starts: makes the local database a demo. Writes `.dev.vars` with a
 * random MEMBER_KEY_SECRET if there is none (local only, git-ignored), loads the anonymous check counts, and loads
 * the demo networks, members and accounts (scripts/seed-demo.ts) unless the local database already has them.
 * Local only: every wrangler call here says --local.
 */
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { loadSql } from "./load-sql";

function wrangler(args: string[], capture = false) {
  const r = spawnSync("sh", ["scripts/wrangler.sh", ...args], { encoding: "utf8", stdio: capture ? ["ignore", "pipe", "pipe"] : "inherit" });
  if (r.status !== 0) throw new Error(`wrangler ${args.join(" ")} failed (exit ${r.status})\n${r.stdout ?? ""}${r.stderr ?? ""}`);
  return r.stdout ?? "";
}

const vars = existsSync(".dev.vars") ? readFileSync(".dev.vars", "utf8") : "";
if (!/^MEMBER_KEY_SECRET=/m.test(vars)) {
  writeFileSync(".dev.vars", `${vars}${vars && !vars.endsWith("\n") ? "\n" : ""}# Local only (git-ignored). A deployment sets its own: wrangler secret put MEMBER_KEY_SECRET\nMEMBER_KEY_SECRET=${randomBytes(32).toString("hex")}\n`);
  console.log("wrote .dev.vars with a local MEMBER_KEY_SECRET");
}

wrangler(["d1", "execute", "DB", "--local", "--file", "scripts/demo.sql"], true);
const seeded = wrangler(["d1", "execute", "DB", "--local", "--json", "--command", "SELECT count(*) AS n FROM networks WHERE id = 'demo_hnk'"], true);
if (/"n":\s*1/.test(seeded)) {
  console.log("local demo data already loaded (delete .wrangler/state to start afresh)");
} else {
  // One Kenyan member in 20 last screened before SHA replaced NHIF: the Worker's first request notices the rule
  // change and re-screens them in the background (see "What changed" at /org/changes).
  const gen = spawnSync(process.execPath, ["--import", "tsx", "scripts/seed-demo.ts", ".wrangler/demo-seed.sql", "--stale=0.05"], { stdio: "inherit" });
  if (gen.status !== 0) process.exit(gen.status ?? 1);
  console.log("loading the demo into the local D1…");
  // Where `wrangler dev` keeps the local D1 by default.
  await loadSql(".wrangler/state", ".wrangler/demo-seed.sql");
  console.log("demo loaded: sign in at http://127.0.0.1:8787/org with admin@demo.local / demo-password-1");
}
