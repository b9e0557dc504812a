/** Tests run inside the Workers runtime (workerd) against a real local D1 with the real migrations. */
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";

const migrations = await readD1Migrations("src/db/migrations");

export default defineConfig({
  plugins: [
    cloudflareTest({
      main: "./src/index.ts",
      wrangler: { configPath: "./wrangler.toml" },
      miniflare: { bindings: { TEST_MIGRATIONS: migrations, COUNTS_BATCH: "1" } },
    }),
  ],
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["test/web/**"],
    setupFiles: ["./test/apply-migrations.ts"],
  },
});
