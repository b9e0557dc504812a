/** The Worker's bindings and the per-request variables the middleware sets. */
import type { Db } from "../db/queries";

export interface Bindings {
  DB: D1Database;
  /** Checks counted in memory before one write to D1 (default 50; tests use 1). */
  COUNTS_BATCH?: string;
}

export interface AppEnv {
  Bindings: Bindings;
  Variables: { db: Db; secureHeadersNonce?: string };
}
