import type { D1Migration } from "cloudflare:test";
import type { Job } from "../src/jobs/types";

declare global {
  namespace Cloudflare {
    interface Env {
      DB: D1Database;
      TEST_MIGRATIONS: D1Migration[];
      COUNTS_FLUSH_MS: string;
      MEMBER_KEY_SECRET: string;
      JOBS: Queue<Job>;
    }
  }
}
