/**
 * The messages of the `hbw-jobs` queue: one union on `kind`, one kind per job (each job's own steps below it).
 * Messages carry ids and cursors, never a member's data: a message may wait in the queue, and be delivered twice.
 */
import type { ScanCursor, ScanScope } from "../db/rescreen";
import type { ImportJob } from "../members/import/service";

/** Re-screening after a rule change (src/members/rescreen.ts): a page of the scan, or a chunk of members. */
export type RescreenJob =
  | {
      kind: "rescreen";
      step: "scan";
      run_id: string;
      network_id: string;
      country: string;
      /** The date the rules are applied on. */
      date: string;
      scope: ScanScope;
      page: number;
      cursor: ScanCursor | null;
    }
  | {
      kind: "rescreen";
      step: "members";
      run_id: string;
      network_id: string;
      country: string;
      date: string;
      /** The chunk's number in its run (counted once when done). */
      n: number;
      member_ids: string[];
    };

/** Importing a member list (src/members/import/): one chunk of the dry run or the apply. */
export type { ImportJob };

export type Job = RescreenJob | ImportJob;
