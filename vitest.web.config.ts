/** Page tests: real headless Chromium (Debian's) against the real Worker under wrangler dev. */
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/web/**/*.test.ts"],
    globalSetup: ["./test/web/server.ts"],
    testTimeout: 60_000,
    hookTimeout: 90_000,
    fileParallelism: false,
  },
});
