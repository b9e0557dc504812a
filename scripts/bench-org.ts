/**
 * The organizer's workspace benchmark (npm run bench:org): HomeNet Kenya (demo) at 31,000 members on the local
 * Worker (`wrangler dev`, local D1), driven one request at a time as an organizer's phone would:
 *   - sign-in (PBKDF2-SHA-256 at 100,000 iterations) against a request that only checks the session (the peer);
 *   - the member list (whole network for an admin, one cluster for an organizer), name search, member-number
 *     search, a scheme-status filter, a deep page reached by keyset cursors, the follow-up lists;
 *   - reading a member, and saving a screening.
 * Then, on the same database with the Worker stopped, the same list and follow-up queries run straight on D1
 * (Miniflare) against their naive peers: OFFSET paging instead of the keyset cursor, and the table scanned
 * (`NOT INDEXED`) instead of the indexes. Prints p50/p99 and ratios; asserts no timing.
 *
 *   npm run bench:org [-- --scale=10.34]   (10.34 × the demo's 3,000 Kenyan members ≈ 31,000)
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { Miniflare } from "miniflare";
import { startDevServer } from "./dev-server";

const SCALE = process.argv.find((a) => a.startsWith("--scale="))?.slice(8) ?? "10.34";
const RUNS = Number(process.env.BENCH_RUNS ?? 200);

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
const fmt = (ms: number) => `${ms.toFixed(ms < 10 ? 2 : 1)} ms`;
const rows: string[][] = [];
function report(name: string, times: number[], note = "") {
  const row = [name, String(times.length), fmt(pct(times, 50)), fmt(pct(times, 99)), note];
  rows.push(row);
  console.log(`  ${row[0]!.padEnd(58)} n=${row[1]!.padStart(4)}  p50 ${row[2]!.padStart(9)}  p99 ${row[3]!.padStart(9)}  ${note}`);
}

async function timed(n: number, f: (i: number) => Promise<void>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await f(i);
    out.push(performance.now() - t);
  }
  return out;
}

async function main() {
  console.log(`bench:org on ${cpus().length} cores (${cpus()[0]?.model}), load ${loadavg().map((l) => l.toFixed(2)).join(" ")}`);
  const dir = mkdtempSync(join(tmpdir(), "hbw-bench-org-"));
  const seedFile = join(dir, "seed.sql");
  let t = performance.now();
  const gen = spawnSync(process.execPath, ["--import", "tsx", "scripts/seed-demo.ts", seedFile, `--scale=${SCALE}`], { stdio: "inherit" });
  if (gen.status !== 0) throw new Error("generating the seed failed");
  console.log(`seed generated in ${((performance.now() - t) / 1000).toFixed(1)} s; loading it…`);
  t = performance.now();
  const server = await startDevServer({ quiet: true, stateDir: dir, seedFile, vars: { MEMBER_KEY_SECRET: "bench-only" } });
  console.log(`loaded and serving in ${((performance.now() - t) / 1000).toFixed(1)} s at ${server.baseUrl}\n`);
  const base = server.baseUrl;
  try {
    const json = { "content-type": "application/json", origin: base };
    const signIn = async (email: string) => {
      const r = await fetch(`${base}/api/session`, { method: "POST", headers: json, body: JSON.stringify({ email, password: "demo-password-1" }) });
      if (r.status !== 200) throw new Error(`sign-in of ${email}: ${r.status} ${await r.text()}`);
      return r.headers.get("set-cookie")!.split(";")[0]!;
    };
    const admin = await signIn("admin@demo.local");
    const kisumu = await signIn("kisumu@demo.local");
    const get = async (cookie: string, path: string) => {
      const r = await fetch(`${base}${path}`, { headers: { cookie } });
      if (r.status !== 200) throw new Error(`${path}: ${r.status} ${(await r.text()).slice(0, 300)}`);
      return r.json() as Promise<any>;
    };
    const total = (await get(admin, "/api/members?limit=1")) && (await fetch(`${base}/org`, { headers: { cookie: admin } }).then((r) => r.text())).match(/(\d[\d,]*)\s/)?.[1];
    console.log(`network: ${total ?? "?"} members visible to the admin\n`);

    console.log("Through the Worker (one request at a time):");
    report("POST /api/session (sign-in, PBKDF2 100,000)", await timed(20, () => signIn("nairobi@demo.local").then(() => undefined)));
    report("GET /api/session (the peer: session check only)", await timed(RUNS, () => get(admin, "/api/session")));
    report("GET /api/members?limit=50 (admin, whole network)", await timed(RUNS, () => get(admin, "/api/members?limit=50")));
    report("GET /api/members?limit=50 (organizer, her cluster)", await timed(RUNS, () => get(kisumu, "/api/members?limit=50")));
    const names = ["wanjiku", "achieng otieno", "kemunto", "mutua", "zawadi"];
    report("GET /api/members?q=<part of a name> (admin)", await timed(RUNS, (i) => get(admin, `/api/members?q=${encodeURIComponent(names[i % names.length]!)}`)));
    report("GET /api/members?q=<member number> (admin)", await timed(RUNS, (i) => get(admin, `/api/members?q=HNK-KIS-${String(1500 + i).padStart(5, "0")}`)));
    report("GET /api/members?scheme=sha&status=eligible (admin)", await timed(RUNS, () => get(admin, "/api/members?scheme=sha&status=eligible&limit=50")));
    let cursor: string | null = null;
    const deep = await timed(100, async () => {
      const page = await get(admin, `/api/members?limit=50${cursor ? `&cursor=${cursor}` : ""}`);
      cursor = page.next_cursor;
    });
    report("GET /api/members, pages 1–100 by keyset cursor (admin)", deep, `page 100: ${fmt(deep.at(-1)!)}`);
    report("GET /api/follow-ups (organizer)", await timed(RUNS, () => get(kisumu, "/api/follow-ups")));
    report("GET /api/follow-ups (admin, whole network)", await timed(RUNS, () => get(admin, "/api/follow-ups")));
    const ids = (await get(kisumu, "/api/members?limit=100")).items.map((m: { id: string }) => m.id) as string[];
    report("GET /api/members/{id} (organizer; audited)", await timed(RUNS, (i) => get(kisumu, `/api/members/${ids[i % ids.length]}`)));
    report(
      "POST /api/members/{id}/screenings (save)",
      await timed(RUNS, async (i) => {
        const r = await fetch(`${base}/api/members/${ids[i % ids.length]}/screenings`, { method: "POST", headers: { ...json, cookie: kisumu }, body: "{}" });
        if (r.status !== 201) throw new Error(`screening: ${r.status} ${await r.text()}`);
      }),
    );
  } finally {
    await server.stop();
  }

  console.log("\nStraight on D1 (Miniflare, same database), index-backed vs naive:");
  const mf = new Miniflare({ modules: true, script: "export default { fetch() { return new Response(null) } }", d1Databases: { DB: "00000000-0000-0000-0000-000000000000" }, d1Persist: join(dir, "v3", "d1") });
  try {
    const db = await mf.getD1Database("DB");
    const n = (await db.prepare("SELECT count(*) AS n FROM members WHERE network_id = 'demo_hnk'").first<{ n: number }>())!.n;
    console.log(`  (${n} members in HomeNet Kenya (demo))`);
    const at = await db.prepare("SELECT name_key, id FROM members WHERE network_id = 'demo_hnk' ORDER BY name_key, id LIMIT 1 OFFSET 15000").first<{ name_key: string; id: string }>();
    const q = async (sql: string, ...args: unknown[]) => {
      await db.prepare(sql).bind(...args).all();
    };
    const pair = async (name: string, good: () => Promise<void>, naive: () => Promise<void>, runs = 100) => {
      const a = await timed(runs, good);
      const b = await timed(runs, naive);
      report(`${name}: ours`, a);
      report(`${name}: naive`, b, `naive/ours ${(pct(b, 50) / pct(a, 50)).toFixed(1)}× at p50`);
    };
    await pair(
      "page at row 15,000 (keyset vs OFFSET)",
      () => q("SELECT id, name FROM members m WHERE m.network_id = ? AND (m.name_key, m.id) > (?, ?) ORDER BY m.name_key, m.id LIMIT 51", "demo_hnk", at!.name_key, at!.id),
      () => q("SELECT id, name FROM members m WHERE m.network_id = ? ORDER BY m.name_key, m.id LIMIT 51 OFFSET 15000", "demo_hnk"),
    );
    await pair(
      "first page, whole network (index vs NOT INDEXED + sort)",
      () => q("SELECT id, name FROM members m WHERE m.network_id = ? ORDER BY m.name_key, m.id LIMIT 51", "demo_hnk"),
      () => q("SELECT id, name FROM members m NOT INDEXED WHERE m.network_id = ? ORDER BY m.name_key, m.id LIMIT 51", "demo_hnk"),
    );
    await pair(
      "member number (unique index vs scan)",
      () => q("SELECT id FROM members m WHERE m.network_id = ? AND m.member_no = ?", "demo_hnk", "HNK-KIS-01500"),
      () => q("SELECT id FROM members m NOT INDEXED WHERE m.network_id = ? AND m.member_no = ?", "demo_hnk", "HNK-KIS-01500"),
    );
    await pair(
      "follow-ups due in a cluster (index vs NOT INDEXED)",
      () => q("SELECT t.id FROM tasks t JOIN members m ON m.id = t.member_id WHERE t.status = 'open' AND t.due_on <= ? AND t.cluster_id = ? ORDER BY t.due_on LIMIT 30", "2099-01-01", "demo_ke_kisumu"),
      () => q("SELECT t.id FROM tasks t NOT INDEXED JOIN members m ON m.id = t.member_id WHERE t.status = 'open' AND t.due_on <= ? AND t.cluster_id = ? ORDER BY t.due_on LIMIT 30", "2099-01-01", "demo_ke_kisumu"),
    );
  } finally {
    await mf.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
  console.log("\n| measure | n | p50 | p99 | note |\n| --- | --- | --- | --- | --- |");
  for (const r of rows) console.log(`| ${r.join(" | ")} |`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
