/**
 * Global setup of the page tests: the real Worker under `wrangler dev` on a free loopback port with its own local
 * D1 (scripts/dev-server.ts), stopped by process group when the tests end.
 */
import type { TestProject } from "vitest/node";
import { startDevServer, type DevServer } from "../../scripts/dev-server";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

let server: DevServer | undefined;

export async function setup(project: TestProject) {
  server = await startDevServer({ quiet: true });
  project.provide("baseUrl", server.baseUrl);
}

export async function teardown() {
  await server?.stop();
}
