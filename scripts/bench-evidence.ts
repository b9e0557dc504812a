/**
 * The advocacy evidence benchmark (npm run bench:evidence): HomeNet Kenya (demo) at about 100,000 members on the
 * local Worker (`wrangler dev`, local D1), as an advocate would use it:
 *   - the network summary (GET /api/evidence/coverage), without and with a breakdown, the reasons, the CSV;
 *   - a what-if (POST /api/evidence/what-if): the engine over every counted member, twice;
 * then, with the Worker stopped and on the same database, the SQL aggregates (src/db/evidence.ts) against their
 * naive peer: the same figures computed member by member, reading every member's facts, enrollments and events
 * and re-evaluating her with the engine (test/helpers/evidence-peer.ts) — checked equal, and timed.
 * Prints p50 and max; asserts no timing.
 *
 *   npm run bench:evidence [-- --scale=33.4]   (33.4 × the demo's 3,000 Kenyan members ≈ 100,000)
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { Miniflare } from "miniflare";
import { aggregates } from "../src/db/evidence";
import type { Db } from "../src/db/queries";
import { breakdownSql, functionsOf, schemesInForce } from "../src/evidence/catalogue";
import { monthsTo } from "../src/evidence/service";
import { getEngine, getPack } from "../src/rules/registry";
import { peerAggregates, type PeerEvent, type PeerMember } from "../test/helpers/evidence-peer";
import { startDevServer } from "./dev-server";

const SCALE = process.argv.find((a) => a.startsWith("--scale="))?.slice(8) ?? "33.4";
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
const fmt = (ms: number) => `${ms.toFixed(ms < 10 ? 2 : 0)} ms`;
function report(name: string, times: number[], note = "") {
  console.log(`  ${name.padEnd(62)} n=${String(times.length).padStart(3)}  p50 ${fmt(pct(times, 50)).padStart(9)}  max ${fmt(Math.max(...times)).padStart(9)}  ${note}`);
  return pct(times, 50);
}
async function timed(n: number, f: () => Promise<void>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await f();
    out.push(performance.now() - t);
  }
  return out;
}

async function main() {
  console.log(`bench:evidence on ${cpus().length} cores (${cpus()[0]?.model}), load ${loadavg().map((l) => l.toFixed(2)).join(" ")}`);
  const dir = mkdtempSync(join(tmpdir(), "hbw-bench-evidence-"));
  const seedFile = join(dir, "seed.sql");
  let t = performance.now();
  const gen = spawnSync(process.execPath, ["--import", "tsx", "scripts/seed-demo.ts", seedFile, `--scale=${SCALE}`], { stdio: "inherit" });
  if (gen.status !== 0) throw new Error("generating the seed failed");
  console.log(`seed generated in ${((performance.now() - t) / 1000).toFixed(1)} s; loading it (the derived tables fill by trigger as it loads)…`);
  t = performance.now();
  const server = await startDevServer({ quiet: true, stateDir: dir, seedFile, vars: { MEMBER_KEY_SECRET: "bench-only" } });
  console.log(`loaded and serving in ${((performance.now() - t) / 1000).toFixed(1)} s at ${server.baseUrl}\n`);
  const base = server.baseUrl;
  const today = new Date().toISOString().slice(0, 10);
  try {
    const r = await fetch(`${base}/api/session`, { method: "POST", headers: { "content-type": "application/json", origin: base }, body: JSON.stringify({ email: "advocate@demo.local", password: "demo-password-1" }) });
    if (r.status !== 200) throw new Error(`sign-in: ${r.status}`);
    const cookie = r.headers.get("set-cookie")!.split(";")[0]!;
    const get = async (path: string) => {
      const res = await fetch(`${base}${path}`, { headers: { cookie } });
      if (res.status !== 200) throw new Error(`${path}: ${res.status} ${(await res.text()).slice(0, 300)}`);
      return res.text();
    };
    const members = JSON.parse(await get("/api/evidence/coverage")).stamp.members.value;
    console.log(`network: ${members} members counted (statistics consent, screened)\n`);
    console.log("Through the Worker (one request at a time):");
    report("GET /api/session (the peer: a request that only checks the session)", await timed(RUNS, () => get("/api/session").then(() => undefined)));
    report("GET /api/evidence/coverage (network summary)", await timed(RUNS, () => get("/api/evidence/coverage").then(() => undefined)));
    report("GET /api/evidence/coverage?by=cluster", await timed(RUNS, () => get("/api/evidence/coverage?by=cluster").then(() => undefined)));
    report("GET /api/evidence/coverage?by=age_band", await timed(RUNS, () => get("/api/evidence/coverage?by=age_band").then(() => undefined)));
    report("GET /api/evidence/reasons", await timed(RUNS, () => get("/api/evidence/reasons").then(() => undefined)));
    report("GET /api/evidence/coverage.csv?by=cluster&excel=1", await timed(RUNS, () => get("/api/evidence/coverage.csv?by=cluster&excel=1").then(() => undefined)));
    let took = 0;
    let gains = "";
    report(
      "POST /api/evidence/what-if (Haba Haba without its citizen-or-refugee rule, by cluster)",
      await timed(RUNS, async () => {
        const res = await fetch(`${base}/api/evidence/what-if`, { method: "POST", headers: { cookie, "content-type": "application/json", origin: base }, body: JSON.stringify({ change: { kind: "drop_criterion", scheme: "nssf_haba_haba", criterion: "kenyan_or_refugee" }, by: "cluster" }) });
        if (res.status !== 200) throw new Error(`what-if: ${res.status} ${await res.text()}`);
        const body = (await res.json()) as { took_ms: number; table: { col_totals: { value: number | null }[] } };
        took = body.took_ms;
        gains = body.table.col_totals.map((f) => f.value ?? "<11").join(" / ");
      }),
      `(the Worker's own timing of the last: ${took} ms; before / after / gain / loss: ${gains})`,
    );
  } finally {
    await server.stop();
  }

  console.log("\nStraight on D1 (Miniflare, same database): the SQL aggregates against the member-by-member peer:");
  const mf = new Miniflare({ modules: true, script: "export default { fetch() { return new Response(null) } }", d1Databases: { DB: "00000000-0000-0000-0000-000000000000" }, d1Persist: join(dir, "v3", "d1") });
  try {
    const d1 = await mf.getD1Database("DB");
    const db = { $client: d1 } as unknown as Db;
    const network = "demo_hnk";
    const pack = getPack("ke")!;
    const engine = getEngine("ke")!;
    const schemes = schemesInForce(pack, today).map(({ scheme }) => ({ id: scheme.id, functions: functionsOf(scheme) }));
    const months = monthsTo(today);
    let sql!: Awaited<ReturnType<typeof aggregates>>;
    const sqlMs = report(
      "SQL aggregates over the derived tables (by cluster)",
      await timed(RUNS, async () => {
        sql = await aggregates(db, { scope: { network_id: network, clusters: "all" }, today, schemes, breakdown: breakdownSql("cluster", today), months });
      }),
    );
    let peer!: ReturnType<typeof peerAggregates>;
    const peerMs = report(
      "naive peer: read every member, re-evaluate her, count in JS",
      await timed(Math.min(RUNS, 3), async () => {
        const rows = (await d1.prepare("SELECT id, cluster_id, facts, consent_state, stats_consent FROM members WHERE network_id = ?").bind(network).all()).results as { id: string; cluster_id: string; facts: string; consent_state: string; stats_consent: number }[];
        const enr = (await d1.prepare("SELECT member_id, scheme, state, barrier FROM enrollments WHERE network_id = ?").bind(network).all()).results as { member_id: string; scheme: string; state: string; barrier: string | null }[];
        const latest = (await d1.prepare("SELECT s.member_id, s.facts, s.date FROM screenings s WHERE s.network_id = ? AND s.id IN (SELECT screening_id FROM screening_results WHERE latest = 1)").bind(network).all()).results as { member_id: string; facts: string; date: string }[];
        const screening = new Map(latest.map((x) => [x.member_id, { facts: JSON.parse(x.facts), date: x.date }]));
        const events = (await d1.prepare("SELECT e.member_id, e.scheme, e.from_state, e.to_state, e.occurred_on, e.recorded_at FROM enrollment_events e JOIN members m ON m.id = e.member_id WHERE m.network_id = ?").bind(network).all()).results as unknown as PeerEvent[];
        const byMember = new Map<string, Record<string, { state: string; barrier: string | null }>>();
        for (const e of enr) byMember.set(e.member_id, { ...byMember.get(e.member_id), [e.scheme]: { state: e.state, barrier: e.barrier } });
        const members: PeerMember[] = rows.map((m) => ({ id: m.id, cluster_id: m.cluster_id, counted: m.consent_state === "given" && m.stats_consent === 1, facts: JSON.parse(m.facts), screening: screening.get(m.id) ?? null, enrollments: byMember.get(m.id) ?? {} }));
        peer = peerAggregates(engine, members, events, { today, schemes, by: "cluster", months });
      }),
    );
    const same =
      JSON.stringify([...sql.members].sort()) === JSON.stringify([...peer.members].sort()) &&
      JSON.stringify(sql.reasons.map(([s, c, a, o]) => `${s}|${c}=${a},${o}`).sort()) === JSON.stringify([...peer.reasons].map(([k, [a, o]]) => `${k}=${a},${o}`).sort()) &&
      JSON.stringify(sql.schemeRungs.map(([s, k, c, n]) => `${s}|${k}|${c}=${n}`).sort()) === JSON.stringify([...peer.schemeRungs].map(([k, n]) => `${k}=${n}`).sort()) &&
      JSON.stringify(sql.functionRungs.map(([s, k, c, n]) => `${s}|${k}|${c}=${n}`).sort()) === JSON.stringify([...peer.functionRungs].map(([k, n]) => `${k}=${n}`).sort());
    console.log(`\n  same figures (members, scheme and function ladders, reasons): ${same ? "yes" : "NO"}; the peer takes ${(peerMs / sqlMs).toFixed(1)}× the SQL's time`);
  } finally {
    await mf.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
