/** The Worker's bindings and the per-request variables the middleware sets. */
import type { Db } from "../db/queries";

export interface Bindings {
  DB: D1Database;
}

export interface AppEnv {
  Bindings: Bindings;
  Variables: { db: Db; secureHeadersNonce?: string };
}
