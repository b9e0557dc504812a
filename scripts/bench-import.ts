/**
 * Import benchmark (npm run bench:import): a 50,000-row member list (KoboToolbox-shaped: `;`, every field quoted,
 * CRLF, 2% bad rows) through the local Worker end to end — upload and parse, the dry run and the apply on the jobs
 * Queue in chunks (miniflare's local Queue, as deployed) — polling progress as the organizer's page does. Then the
 * same file again (every row unchanged: the idempotent re-import) as the peer, and papaparse alone on the same text
 * in Node for the parse's share. Prints wall times and rows per second; asserts no timing.
 *
 *   npm run bench:import [-- --rows=50000]
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import Papa from "papaparse";
import { serverLogTail, startDevServer } from "./dev-server";

const ROWS = Number(process.argv.find((a) => a.startsWith("--rows="))?.slice(7) ?? 50_000);

function file(rows: number): string {
  const given = ["Achieng", "Wanjiku", "Nafula", "Chebet", "Kemunto", "Mwikali", "Akinyi", "Moraa", "Zawadi", "Auma"];
  const family = ["Otieno", "Kamau", "Wekesa", "Ruto", "Nyaboke", "Mutua", "Odhiambo", "Onsongo", "Ali", "Barasa"];
  const header = ["start", "grp/member_no", "grp/full_name", "grp/phone", "grp/sex", "grp/birth_date", "grp/monthly_income", "grp/cluster", "_id", "_uuid", "_submission_time", "_validation_status", "_index"];
  const clusters = ["kisumu", "nairobi", "bungoma", "kisii", "machakos", "lodwar"];
  const lines = [header.map((h) => `"${h}"`).join(";")];
  for (let i = 0; i < rows; i++) {
    const bad = i % 50 === 7;
    const cells = [
      "2026-01-05T10:00:00.000+03:00",
      `BENCH-${String(i).padStart(6, "0")}`,
      // Names unique enough that the "same name in the cluster" check finds only the planted twins (every 100th row).
      `${given[i % 10]} ${String.fromCharCode(65 + (i % 26))}. ${family[(i * 7) % 10]}-${i % 100 === 99 ? Math.floor((i - 1) / 26) : Math.floor(i / 26)}${i % 3 === 0 ? "\nwa Kisumu" : ""}`,
      i % 4 === 0 ? "" : `07${String(10_000_000 + i).slice(-8)}`,
      i % 2 ? "female" : "F",
      bad ? "31/02/1990" : `${1950 + (i % 50)}-0${1 + (i % 9)}-1${i % 9}`,
      String(2000 + (i % 20) * 500),
      clusters[i % 6]!,
      String(i),
      `uuid-${i}`,
      "2026-01-05T07:05:00",
      "",
      String(i),
    ];
    lines.push(cells.map((c) => `"${c.replace(/"/g, '""')}"`).join(";"));
  }
  return `${lines.join("\r\n")}\r\n`;
}

async function main() {
  console.log(`bench:import on ${cpus().length} cores (${cpus()[0]?.model}), load ${loadavg().map((l) => l.toFixed(2)).join(" ")}`);
  const text = file(ROWS);
  console.log(`file: ${ROWS} rows, ${(Buffer.byteLength(text) / 1024 / 1024).toFixed(1)} MiB`);
  let t = performance.now();
  const parsed = Papa.parse(text.replace(/\r\n?/g, "\n"), { delimiter: ";" });
  console.log(`papaparse alone (Node): ${parsed.data.length} records in ${(performance.now() - t).toFixed(0)} ms`);

  const dir = mkdtempSync(join(tmpdir(), "hbw-bench-import-"));
  const seedFile = join(dir, "seed.sql");
  spawnSync(process.execPath, ["--import", "tsx", "scripts/seed-demo.ts", seedFile], { stdio: "inherit" });
  const server = await startDevServer({ quiet: true, logLevel: "warn", stateDir: dir, seedFile, vars: { MEMBER_KEY_SECRET: "bench-only" } });
  const base = server.baseUrl;
  try {
    const sign = await fetch(`${base}/api/session`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: "admin@demo.local", password: "demo-password-1" }) });
    if (sign.status !== 200) throw new Error(`sign-in: ${sign.status} (run with the demo seed)`);
    const cookie = sign.headers.get("set-cookie")!.split(";")[0]!;
    const headers = { cookie, origin: base };
    const run = async (label: string) => {
      const t0 = performance.now();
      const up = await fetch(`${base}/api/imports?file_name=bench.csv`, { method: "POST", headers: { ...headers, "content-type": "text/csv" }, body: text });
      const body = (await up.json()) as { id: string; suggested: Record<string, string>; total_rows: number; chunks: number };
      if (up.status !== 201) throw new Error(`upload: ${up.status} ${JSON.stringify(body).slice(0, 300)}`);
      const tUp = performance.now() - t0;
      const mapping = { columns: { ...body.suggested, 7: "cluster" } };
      const t1 = performance.now();
      const check = await fetch(`${base}/api/imports/${body.id}/check`, { method: "POST", headers: { ...headers, "content-type": "application/json" }, body: JSON.stringify(mapping) });
      if (check.status !== 202) throw new Error(`check: ${check.status} ${await check.text()}`);
      const checked = await until(base, cookie, body.id, "checked");
      const tCheck = performance.now() - t1;
      const t2 = performance.now();
      const apply = await fetch(`${base}/api/imports/${body.id}/apply`, { method: "POST", headers: { ...headers, "content-type": "application/json" }, body: "{}" });
      if (apply.status !== 202) throw new Error(`apply: ${apply.status} ${await apply.text()}`);
      await until(base, cookie, body.id, "applied");
      const tApply = performance.now() - t2;
      const s = checked.summary;
      console.log(`\n${label}: ${body.total_rows} rows in ${body.chunks} chunks`);
      console.log(`  upload + parse + store  ${(tUp / 1000).toFixed(1)} s`);
      console.log(`  dry run (queued)       ${(tCheck / 1000).toFixed(1)} s  ${Math.round(body.total_rows / (tCheck / 1000))} rows/s  → new ${s.new}, update ${s.update}, unchanged ${s.unchanged}, duplicates ${s.possible_duplicate}, errors ${s.error}`);
      console.log(`  apply (queued)         ${(tApply / 1000).toFixed(1)} s  ${Math.round(body.total_rows / (tApply / 1000))} rows/s`);
      console.log(`  end to end             ${((tUp + tCheck + tApply) / 1000).toFixed(1)} s  ${Math.round(body.total_rows / ((tUp + tCheck + tApply) / 1000))} rows/s`);
      return { up: tUp, check: tCheck, apply: tApply };
    };
    const first = await run("first import");
    const again = await run("the same file again (all unchanged)");
    console.log(`\n| run | rows | upload | dry run | apply | end to end |\n| --- | --- | --- | --- | --- | --- |`);
    for (const [name, r] of [["first import", first], ["same file again", again]] as const) console.log(`| ${name} | ${ROWS} | ${(r.up / 1000).toFixed(1)} s | ${(r.check / 1000).toFixed(1)} s | ${(r.apply / 1000).toFixed(1)} s | ${((r.up + r.check + r.apply) / 1000).toFixed(1)} s (${Math.round(ROWS / ((r.up + r.check + r.apply) / 1000))} rows/s) |`);
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function until(base: string, cookie: string, id: string, status: string) {
  let last = "";
  let since = Date.now();
  for (;;) {
    if (Date.now() - since > 120_000) throw new Error(`no progress for 2 minutes (${last.trim()}); the Worker's last lines:\n${serverLogTail().join("\n")}`);
    const r = await fetch(`${base}/api/imports/${id}`, { headers: { cookie } });
    const body = (await r.json()) as { status: string; checked_chunks: number; applied_chunks: number; chunks: number; summary: Record<string, number> };
    if (body.status === status) return body;
    const line = `    ${body.status}: ${body.status === "applying" ? body.applied_chunks : body.checked_chunks}/${body.chunks} chunks`;
    if (line !== last) {
      process.stdout.write(`${line}\r`);
      since = Date.now();
    }
    last = line;
    await new Promise((res) => setTimeout(res, 500));
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
