/** The Worker's bindings and the per-request variables the middleware sets. */
import type { Db } from "../db/queries";
import type { PageRenderer } from "../present/pages";

export interface Bindings {
  DB: D1Database;
  /** Milliseconds anonymous check counts wait in memory before one write to D1 (default 1000; tests use 0). */
  COUNTS_FLUSH_MS?: string;
}

export interface AppEnv {
  Bindings: Bindings;
  Variables: {
    /** The database, through drizzle (from the db middleware). */
    db: Db;
    /** Today's date on the server (UTC), read once per request: every rule lookup and count uses it. */
    today: string;
    /** The member's pages, rendered by web/ and joined in at the entry point. */
    pages: PageRenderer;
    secureHeadersNonce?: string;
  };
}
