/** The Worker's bindings and the per-request variables the middleware sets. */
import type { Db } from "../db/queries";
import type { PageRenderer } from "../present/pages";
import type { SessionUser } from "../db/accounts";
import type { OrgPageRenderer } from "../present/org-pages";
import type { Job } from "../jobs/types";

export interface Bindings {
  DB: D1Database;
  /** Milliseconds anonymous check counts wait in memory before one write to D1 (default 1000; tests use 0). */
  COUNTS_FLUSH_MS?: string;
  /**
   * Secret key for the keyed hashes of erased members' numbers and phones (a Worker secret:
   * `wrangler secret put MEMBER_KEY_SECRET`; locally `.dev.vars`, written by `npm start` if missing).
   */
  MEMBER_KEY_SECRET?: string;
  /** "1" only where demo data may be seeded (never set on a deployment). */
  DEMO?: string;
  /** The background jobs' queue (`hbw-jobs`, consumed by this Worker: src/jobs/). */
  JOBS: Queue<Job>;
  /** Members re-screened per queue message (default 100; the benchmark's naive peer sets 1). */
  RESCREEN_CHUNK_SIZE?: string;
  /** "1": the cron re-screens every screened member, not only those a rule change affects (after an engine fix). */
  RESCREEN_ALL?: string;
  /**
   * The smallest count the advocacy evidence publishes (default and minimum 11: counts from 1 to 10 are always
   * withheld). A deployment may raise it, never lower it.
   */
  EVIDENCE_MIN_COUNT?: string;
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
    /** The organizer's pages, rendered by web/ too. */
    orgPages: OrgPageRenderer;
    secureHeadersNonce?: string;
    /** The signed-in user and her grants, when the request carries a live session. */
    session?: SessionUser;
    /** SHA-256 of the session id, to end it. */
    sessionHash?: string;
  };
}
