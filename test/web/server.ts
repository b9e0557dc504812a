/**
 * Global setup of the page tests: the real Worker under `wrangler dev` on a free loopback port with its own local
 * D1 (scripts/dev-server.ts), stopped by process group when the tests end.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { startDevServer, type DevServer } from "../../scripts/dev-server";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    /** The local D1's folder, for tests that look into the database (scripts/dev-server.ts queryLocalD1). */
    stateDir: string;
  }
}

let server: DevServer | undefined;
let stateDir: string | undefined;

export async function setup(project: TestProject) {
  // The organizer's journeys run on the same demo `npm start` gives a newcomer: generated, then loaded.
  stateDir = mkdtempSync(join(tmpdir(), "hbw-web-d1-"));
  const seedFile = join(stateDir, "demo-seed.sql");
  // One Kenyan member in 20 was last screened before SHA replaced NHIF: the server's first request notices it, and
  // the queue re-screens them in the background (test/web/changes.test.ts reads the result).
  const gen = spawnSync(process.execPath, ["--import", "tsx", "scripts/seed-demo.ts", seedFile, "--stale=0.05"], { encoding: "utf8" });
  if (gen.status !== 0) throw new Error(`the demo seed failed:\n${gen.stdout}\n${gen.stderr}`);
  server = await startDevServer({ quiet: true, stateDir, seedFile, vars: { MEMBER_KEY_SECRET: "page-tests-only-secret" } });
  project.provide("baseUrl", server.baseUrl);
  project.provide("stateDir", stateDir);
}

export async function teardown() {
  await server?.stop();
  if (stateDir) rmSync(stateDir, { recursive: true, force: true });
}
