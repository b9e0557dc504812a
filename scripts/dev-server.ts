/**
 * Starts the Worker locally for benchmarks and page tests: `wrangler dev` on a free 127.0.0.1 port, with its own
 * throw-away local D1 (migrations applied), and stops it by process group (SIGTERM, then SIGKILL after 5 s).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { loadSql } from "./load-sql";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const HOST = "127.0.0.1";
const START_TIMEOUT_MS = 90_000;

export interface DevServer {
  baseUrl: string;
  /** The Worker's DevTools inspector (a CPU profile of the Worker's isolate: scripts/bench-rescreen.ts). */
  inspectorPort: number;
  /** The server's process group (wrangler and workerd), e.g. to read workerd's CPU time from /proc. */
  processGroup: number;
  stop: () => Promise<void>;
  /** Kills the server outright (SIGKILL to its process group), as a crash or an evicted isolate would end. */
  kill: () => Promise<void>;
}

export interface DevServerOptions {
  /** wrangler's log level: "info" prints a line per request. */
  logLevel?: string;
  /** Print progress (benchmarks) or stay quiet (tests). */
  quiet?: boolean;
  /** Keep the local D1 in this folder (kept after stopping), instead of a throw-away one. */
  stateDir?: string;
  /** Worker variables, e.g. `{ COUNTS_FLUSH_MS: "1000" }`. */
  vars?: Record<string, string>;
  /** SQL to load into the local D1 after the migrations (the demo seed for page tests and benchmarks). */
  seedFile?: string;
  /**
   * Let GET /__scheduled?cron=… run the Worker's scheduled handler (`wrangler dev --test-scheduled`). Miniflare's own
   * /cdn-cgi/handler/scheduled answers "500 exception" here: with static assets it reaches the assets router, which
   * has no scheduled handler.
   */
  testScheduled?: boolean;
}

/** The last lines wrangler printed, to show if it fails to start (or when a benchmark stalls). */
const serverLog: string[] = [];
export const serverLogTail = () => [...serverLog];
let server: ChildProcess | undefined;
/** A throw-away state folder to delete when the server stops (not one the caller gave). */
let stateDir: string | undefined;

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, HOST, () => {
      const address = s.address();
      const port = typeof address === "object" && address ? address.port : 0;
      s.close(() => (port ? resolve(port) : reject(new Error("no free port"))));
    });
  });
}

/** Whether any process of the server's process group is still alive. */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Stops the server: SIGTERM to its whole process group (npx, wrangler, workerd), SIGKILL after 5 s. */
async function stopServer(quiet = false): Promise<void> {
  const child = server;
  server = undefined;
  if (child?.pid !== undefined && groupAlive(child.pid)) {
    const pgid = child.pid;
    try {
      process.kill(-pgid, "SIGTERM");
    } catch {
      // already gone
    }
    const deadline = Date.now() + 5000;
    while (groupAlive(pgid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    if (groupAlive(pgid)) {
      console.error(`server process group ${pgid} ignored SIGTERM; sending SIGKILL`);
      try {
        process.kill(-pgid, "SIGKILL");
      } catch {
        // already gone
      }
    }
    if (!quiet) console.log(`\nServer stopped (process group ${pgid}).`);
  }
  if (stateDir) {
    rmSync(stateDir, { recursive: true, force: true });
    stateDir = undefined;
  }
}

function wrangler(args: string[]): string[] {
  return ["scripts/wrangler.sh", ...args];
}

/** wrangler dev refuses to start when the `[assets]` directory of wrangler.toml is missing: say so plainly first. */
function checkAssets(): void {
  const toml = readFileSync("wrangler.toml", "utf8");
  const dir = /^\[assets\][^[]*?^\s*directory\s*=\s*"([^"]+)"/m.exec(toml)?.[1];
  if (dir && !existsSync(dir)) throw new Error(`the Worker's assets directory ${dir} does not exist: run npm run web:build first`);
}

async function startServer(port: number, inspectorPort: number, logLevel: string, quiet: boolean, options: DevServerOptions): Promise<void> {
  checkAssets();
  const dir = options.stateDir ?? (stateDir = mkdtempSync(join(tmpdir(), "hbw-d1-")));
  if (!quiet) console.log(`Applying D1 migrations to the local database (${dir})…`);
  const migrate = spawnSync("sh", wrangler(["d1", "migrations", "apply", "DB", "--local", "--persist-to", dir]), {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    timeout: 120_000,
  });
  if (migrate.status !== 0) {
    throw new Error(`wrangler d1 migrations apply failed (exit ${migrate.status}):\n${migrate.stdout}\n${migrate.stderr}`);
  }
  if (options.seedFile) {
    if (!quiet) console.log(`Loading ${options.seedFile} into the local database…`);
    await loadSql(dir, options.seedFile);
  }

  const args = wrangler([
    "dev",
    "--ip", HOST,
    "--port", String(port),
    "--inspector-ip", HOST,
    "--inspector-port", String(inspectorPort),
    "--persist-to", dir,
    "--log-level", logLevel,
    "--show-interactive-dev-session=false",
    ...(options.testScheduled ? ["--test-scheduled"] : []),
    ...Object.entries(options.vars ?? {}).flatMap(([k, v]) => ["--var", `${k}:${v}`]),
  ]);
  if (!quiet) console.log(`Starting: sh ${args.join(" ")}`);
  // detached: the server gets its own process group, so it can be stopped whole by its id.
  server = spawn("sh", args, { detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const keep = (chunk: Buffer) => {
    // Strip terminal colours from wrangler's output.
    serverLog.push(...chunk.toString().replace(/\x1b\[[0-9;]*m/g, "").split("\n").filter((l) => l.trim()));
    if (serverLog.length > 60) serverLog.splice(0, serverLog.length - 60);
  };
  server.stdout?.on("data", keep);
  server.stderr?.on("data", keep);
  let exited: number | null | undefined;
  server.once("exit", (code) => (exited = code));

  const base = `http://${HOST}:${port}`;
  const deadline = Date.now() + START_TIMEOUT_MS;
  const t0 = Date.now();
  for (;;) {
    if (exited !== undefined) throw new Error(`wrangler dev exited (${exited}) before answering:\n${serverLog.join("\n")}`);
    // A Worker that does not build leaves wrangler dev running but never answering.
    if (serverLog.some((l) => l.includes("Build failed"))) throw new Error(`the Worker does not build:\n${serverLog.join("\n")}`);
    if (Date.now() > deadline) throw new Error(`wrangler dev did not answer within ${START_TIMEOUT_MS / 1000} s:\n${serverLog.join("\n")}`);
    try {
      const res = await fetch(`${base}/api/countries`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  if (!quiet) console.log(`Server answering on ${base} after ${((Date.now() - t0) / 1000).toFixed(1)} s (process group ${server.pid}).`);
}

let handlersInstalled = false;

/** Ctrl-C and friends stop the server before exiting; a last-resort hook kills its group on any exit. */
function installStopHandlers(quiet: boolean) {
  if (handlersInstalled) return;
  handlersInstalled = true;
  let stopping = false;
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      console.error(`\n${signal}: stopping the server…`);
      void stopServer(quiet).finally(() => process.exit(130));
    });
  }
  process.on("exit", () => {
    if (server?.pid !== undefined && groupAlive(server.pid)) process.kill(-server.pid, "SIGKILL");
  });
}

/** Starts the Worker; call `stop()` when done (also on failure: it is safe to call twice). */
export async function startDevServer(options: DevServerOptions = {}): Promise<DevServer> {
  const quiet = options.quiet ?? false;
  installStopHandlers(quiet);
  const port = await freePort();
  const inspectorPort = await freePort();
  try {
    await startServer(port, inspectorPort, options.logLevel ?? "warn", quiet, options);
  } catch (e) {
    await stopServer(quiet);
    throw e;
  }
  return { baseUrl: `http://${HOST}:${port}`, inspectorPort, processGroup: server!.pid!, stop: () => stopServer(quiet), kill: () => killServer() };
}

/** SIGKILL to the server's whole process group, with no chance to finish anything; waits until it is gone. */
async function killServer(): Promise<void> {
  const child = server;
  server = undefined;
  if (child?.pid === undefined) return;
  try {
    process.kill(-child.pid, "SIGKILL");
  } catch {
    // already gone
  }
  const deadline = Date.now() + 10_000;
  while (groupAlive(child.pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
}

/** Runs SQL on the local D1 in `dir` (while no server uses it) and returns the rows. */
export function queryLocalD1(dir: string, sql: string): Record<string, unknown>[] {
  const r = spawnSync("sh", wrangler(["d1", "execute", "DB", "--local", "--persist-to", dir, "--json", "--command", sql]), {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    timeout: 120_000,
  });
  if (r.status !== 0) throw new Error(`wrangler d1 execute failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  const out = JSON.parse(r.stdout.slice(r.stdout.indexOf("["))) as { results: Record<string, unknown>[] }[];
  return out[0]?.results ?? [];
}

/**
 * Runs `main` against a freshly started server and exits: 0 on success, 1 after saying why. The server is always
 * stopped first, whatever happened.
 */
export function runWithDevServer(name: string, main: (server: DevServer) => Promise<void>, options: DevServerOptions = {}): void {
  let server: DevServer | undefined;
  const run = async (): Promise<number> => {
    try {
      server = await startDevServer(options);
      await main(server);
      return 0;
    } catch (e) {
      console.error(`\n${name} failed: ${e instanceof Error ? e.message : String(e)}`);
      return 1;
    } finally {
      await server?.stop();
    }
  };
  void run().then((code) => process.exit(code));
}
