/**
 * API benchmark (npm run bench:api). Applies the D1 migrations to a throw-away local database, starts the Worker
 * with `wrangler dev` on a free port on 127.0.0.1, waits until it answers, then drives POST /api/check (a Kenya
 * member, reasons in Swahili) and, as the peer, GET /api/countries with autocannon at 1, 10, 50 and 100
 * connections (about 5 s each), printing requests/s and latency percentiles. The difference between the two is
 * the engine's marginal cost (plus body parsing, validation and the per-check D1 count). Prints figures, never
 * asserts timings. The server is always stopped by its process group, also on Ctrl-C.
 */
import { cpus, loadavg } from "node:os";
import autocannon, { type Result } from "autocannon";
import { runWithDevServer, type DevServer } from "./dev-server";

const CONNECTIONS = [1, 10, 50, 100];
const SECONDS = 5;
const WARMUP_SECONDS = 3;
const TARGET = { rps: 1000, p99Ms: 50 };
/** wrangler's own log level: "info" would print a line per request and measure the logger as much as the Worker. */
const LOG_LEVEL = process.env.BENCH_LOG_LEVEL ?? "warn";

const CHECK_BODY = JSON.stringify({
  country: "ke",
  date: "2025-06-01",
  lang: "sw",
  facts: { age: 45, worker_type: "self_employed", residency_status: "citizen", region: "kisumu" },
});

interface Endpoint {
  name: string;
  method: "GET" | "POST";
  path: string;
  body?: string;
}
const CHECK: Endpoint = { name: "POST /api/check", method: "POST", path: "/api/check", body: CHECK_BODY };
const COUNTRIES: Endpoint = { name: "GET /api/countries", method: "GET", path: "/api/countries" };

/** One request of each kind, checked by hand before the load: both must be 200 with the expected shape. */
async function preflight(base: string): Promise<void> {
  const check = await fetch(`${base}/api/check`, { method: "POST", headers: { "content-type": "application/json" }, body: CHECK_BODY });
  const body = (await check.json()) as { results?: { scheme: string; status: string }[]; error?: unknown };
  if (check.status !== 200 || !Array.isArray(body.results)) {
    throw new Error(`POST /api/check answered ${check.status}: ${JSON.stringify(body).slice(0, 500)}`);
  }
  const countries = await fetch(`${base}/api/countries`);
  if (countries.status !== 200) throw new Error(`GET /api/countries answered ${countries.status}: ${(await countries.text()).slice(0, 500)}`);
  const bytes = (await countries.arrayBuffer()).byteLength;
  console.log(`Preflight: POST /api/check → 200, ${body.results.length} schemes (${body.results.map((r) => `${r.scheme}: ${r.status}`).join(", ")}), ${JSON.stringify(body).length} bytes.`);
  console.log(`           GET /api/countries → 200, ${bytes} bytes.`);
  console.log(`Request body: ${CHECK_BODY}\n`);
}

/** A load run's result, with the first few non-2xx answers as received (status and start of the body). */
interface Run {
  result: Result;
  rejected: string[];
}

async function load(base: string, e: Endpoint, connections: number, seconds: number): Promise<Run> {
  const rejected: string[] = [];
  const run = autocannon({
    url: base,
    connections,
    duration: seconds,
    timeout: 10,
    requests: [
      {
        method: e.method,
        path: e.path,
        headers: e.body ? { "content-type": "application/json" } : {},
        body: e.body,
        onResponse: (status, body) => {
          if ((status < 200 || status > 299) && rejected.length < 3) rejected.push(`${status} ${body.slice(0, 300)}`);
        },
      },
    ],
  });
  // Bounded: if autocannon has not finished well after its duration, stop it.
  const watchdog = setTimeout(() => run.stop(), (seconds + 15) * 1000);
  try {
    return { result: await run, rejected };
  } finally {
    clearTimeout(watchdog);
  }
}

interface Row extends Run {
  endpoint: Endpoint;
  connections: number;
}

const rps = (r: Result): number => (r["2xx"] + r.non2xx) / r.duration;

function printTable(rows: Row[]): void {
  const head = ["endpoint", "connections", "requests/s", "p50 ms", "p90 ms", "p99 ms", "max ms", "2xx", "non-2xx", "errors", "timeouts"];
  const cells = rows.map(({ endpoint, connections, result: r }) => [
    endpoint.name,
    String(connections),
    rps(r).toFixed(0),
    String(r.latency.p50),
    String(r.latency.p90),
    String(r.latency.p99),
    String(r.latency.max),
    String(r["2xx"]),
    r.non2xx ? `${r.non2xx} (${Object.entries(r.statusCodeStats).filter(([code]) => !code.startsWith("2")).map(([code, s]) => `${code}×${s.count}`).join(", ")})` : "0",
    String(r.errors),
    String(r.timeouts),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => `| ${c.map((x, i) => x.padEnd(widths[i]!)).join(" | ")} |`;
  console.log(line(head));
  console.log(`| ${widths.map((w) => "-".repeat(w)).join(" | ")} |`);
  for (const c of cells) console.log(line(c));
}

async function main(dev: DevServer): Promise<void> {
  console.log(`# API benchmark — ${new Date().toISOString()}`);
  console.log(`node ${process.version}; wrangler dev (local workerd, local D1), log level ${LOG_LEVEL}; autocannon 9 in this process, same machine`);
  console.log(`${cpus().length} CPUs, load average ${loadavg().map((x) => x.toFixed(2)).join(" ")}\n`);
  const base = dev.baseUrl;
  await preflight(base);

  console.log(`Warm-up: ${WARMUP_SECONDS} s of POST /api/check and GET /api/countries at 10 connections (not reported)…`);
  await load(base, CHECK, 10, WARMUP_SECONDS);
  await load(base, COUNTRIES, 10, WARMUP_SECONDS);

  const rows: Row[] = [];
  for (const connections of CONNECTIONS) {
    for (const endpoint of [CHECK, COUNTRIES]) {
      process.stdout.write(`${endpoint.name} at ${connections} connection${connections > 1 ? "s" : ""} for ${SECONDS} s… `);
      const { result, rejected } = await load(base, endpoint, connections, SECONDS);
      rows.push({ endpoint, connections, result, rejected });
      console.log(`${rps(result).toFixed(0)} req/s, p99 ${result.latency.p99} ms`);
    }
  }

  console.log(`\n## Load (each row ${SECONDS} s; latency from autocannon, 1 ms resolution)\n`);
  printTable(rows);

  const bad = rows.filter((r) => r.result.non2xx || r.result.errors || r.result.timeouts);
  if (bad.length) {
    console.log(`\nNon-2xx answers, errors or timeouts in ${bad.length} run${bad.length > 1 ? "s" : ""}:`);
    for (const r of bad) {
      console.log(`- ${r.endpoint.name} at ${r.connections} connections: ${r.result.non2xx} non-2xx, ${r.result.errors} errors, ${r.result.timeouts} timeouts`);
      for (const answer of r.rejected) console.log(`    ${answer.replace(/\s+/g, " ")}`);
    }
  } else {
    console.log(`\nEvery response was 2xx; no errors, no timeouts.`);
  }

  console.log(`\n## Marginal cost of a check over the peer (engine + body validation + larger response + D1 count write)\n`);
  for (const connections of CONNECTIONS) {
    const c = rows.find((r) => r.endpoint === CHECK && r.connections === connections)!.result;
    const p = rows.find((r) => r.endpoint === COUNTRIES && r.connections === connections)!.result;
    const perCheck = 1000 / rps(c) - 1000 / rps(p);
    console.log(
      `- ${connections} connection${connections > 1 ? "s" : ""}: check ${rps(c).toFixed(0)} req/s vs countries ${rps(p).toFixed(0)} req/s (${((rps(c) / rps(p)) * 100).toFixed(0)}%); ` +
        `≈ ${perCheck.toFixed(3)} ms more server time per check; p50 ${c.latency.p50} vs ${p.latency.p50} ms`,
    );
  }

  const ok = rows.filter((r) => r.endpoint === CHECK && rps(r.result) >= TARGET.rps && r.result.latency.p99 < TARGET.p99Ms && !r.result.non2xx);
  const best = rows.filter((r) => r.endpoint === CHECK).sort((a, b) => rps(b.result) - rps(a.result))[0]!;
  console.log(`\n## Target: POST /api/check ≥ ${TARGET.rps} req/s with p99 < ${TARGET.p99Ms} ms\n`);
  console.log(
    ok.length
      ? `met at ${ok.map((r) => `${r.connections} connections (${rps(r.result).toFixed(0)} req/s, p99 ${r.result.latency.p99} ms)`).join("; ")}`
      : `NOT MET: best ${rps(best.result).toFixed(0)} req/s at ${best.connections} connections, p99 ${best.result.latency.p99} ms`,
  );
}

runWithDevServer("bench:api", main, { logLevel: LOG_LEVEL });
