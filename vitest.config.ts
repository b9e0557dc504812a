/**
 * Two kinds of tests, one command (`vitest run`):
 * - pure modules (engine, interview, rules, presentation, the architecture) in plain Node: no Workers pool, no
 *   built page;
 * - the Worker (routes, D1) inside the Workers runtime (workerd) against a real local D1 with the real migrations.
 * Page tests in Chromium have their own config (vitest.web.config.ts).
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";

// A fresh checkout has neither the compiled rule packs nor the page's assets folder, which the Workers runtime
// needs to exist (wrangler.toml serves it). Build the packs (a second), and create the folder if the page is
// not built: no test here reads the page's files.
if (!existsSync("src/rules/generated/index.ts")) execFileSync(process.execPath, ["--import", "tsx", "scripts/build-rules.ts"], { stdio: "inherit" });
mkdirSync("web/dist", { recursive: true });

const migrations = await readD1Migrations("src/db/migrations");

const PURE = ["test/engine/**/*.test.ts", "test/members/**/*.test.ts", "test/auth/**/*.test.ts", "test/contract/**/*.test.ts", "test/interview/**/*.test.ts", "test/rules/**/*.test.ts", "test/present/**/*.test.ts", "test/arch/**/*.test.ts", "test/evidence/**/*.test.ts"];

export default defineConfig({
  test: {
    projects: [
      {
        test: { name: "node", include: PURE, environment: "node" },
      },
      {
        plugins: [
          cloudflareTest({
            main: "./src/index.ts",
            wrangler: { configPath: "./wrangler.toml" },
            miniflare: { bindings: { TEST_MIGRATIONS: migrations, COUNTS_FLUSH_MS: "0", MEMBER_KEY_SECRET: "test-only-member-key-secret" } },
          }),
        ],
        test: {
          name: "workers",
          include: ["test/http/**/*.test.ts", "test/db/**/*.test.ts", "test/jobs/**/*.test.ts"],
          setupFiles: ["./test/apply-migrations.ts"],
          // Generous: a loaded 2-core machine runs the Worker several times slower; no test asserts a duration.
          testTimeout: 60_000,
        },
      },
    ],
  },
});
