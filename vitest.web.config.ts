/**
 * Tests against the real Worker under wrangler dev: page tests in real headless Chromium (Debian's), and the
 * durability of check counts across a crash (its own servers).
 */
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/web/**/*.test.ts", "test/durability/**/*.test.ts"],
    globalSetup: ["./test/web/server.ts"],
    testTimeout: 60_000,
    hookTimeout: 90_000,
    fileParallelism: false,
  },
});
