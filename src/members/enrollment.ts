/**
 * Each member's enrollment in a scheme as a state machine, checked on the server (pure): which moves are allowed,
 * what each move must record, and which follow-ups it opens or closes. A member with no record for a scheme is
 * `not_started`.
 *
 *   not_started → gathering_documents → ready_to_apply → applied → enrolled | rejected
 *   rejected → appealed | gathering_documents;  appealed → enrolled | rejected
 *   enrolled → lapsed | exited;  lapsed → enrolled | exited
 *   declined from any open step; declined → not_started (she changed her mind)
 */
import type { BARRIERS, ENROLLMENT_STATES, TASK_KINDS, VERIFICATIONS } from "./enums";

export type EnrollmentState = (typeof ENROLLMENT_STATES)[number];
export type Verification = (typeof VERIFICATIONS)[number];
export type Barrier = (typeof BARRIERS)[number];
export type TaskKind = (typeof TASK_KINDS)[number];

export const TRANSITIONS: Readonly<Record<EnrollmentState, readonly EnrollmentState[]>> = {
  // Straight to applied (she applied herself, by USSD or online) or enrolled (found already covered).
  not_started: ["gathering_documents", "applied", "enrolled", "declined"],
  gathering_documents: ["ready_to_apply", "applied", "declined"],
  ready_to_apply: ["gathering_documents", "applied", "declined"],
  applied: ["enrolled", "rejected", "gathering_documents", "declined"],
  rejected: ["appealed", "gathering_documents", "declined"],
  appealed: ["enrolled", "rejected", "declined"],
  enrolled: ["lapsed", "exited"],
  lapsed: ["enrolled", "exited", "declined"],
  declined: ["not_started"],
  exited: [],
};

/** States in which the case is still open: a barrier may be recorded without a move (the case has stalled). */
export const OPEN_STATES: readonly EnrollmentState[] = ["not_started", "gathering_documents", "ready_to_apply", "applied", "rejected", "appealed", "lapsed"];

export interface Move {
  to: EnrollmentState;
  /** The date it happened (may be before today; never after). */
  occurred_on: string;
  verification?: Verification;
  barrier?: Barrier;
}

export type MoveProblem =
  | { code: "transition_not_allowed"; from: EnrollmentState; to: EnrollmentState; allowed: EnrollmentState[] }
  | { code: "verification_required" }
  | { code: "barrier_required"; to: EnrollmentState }
  | { code: "occurred_in_future"; today: string }
  | { code: "occurred_before_current"; since: string }
  | { code: "verification_only_for_enrolled" };

export interface Current {
  state: EnrollmentState;
  since: string;
}

/**
 * Checks a move from the current state (undefined = no record yet: not started). A move to the same open state
 * with a barrier records why the case has stalled.
 *
 * @example
 *   checkMove(undefined, { to: "gathering_documents", occurred_on: "2026-11-01" }, "2026-12-02"); // undefined (allowed)
 *   checkMove({ state: "enrolled", since: "2026-01-01" }, { to: "applied", occurred_on: "2026-12-01" }, "2026-12-02");
 *   // { code: "transition_not_allowed", from: "enrolled", to: "applied", allowed: ["lapsed", "exited"] }
 */
export function checkMove(current: Current | undefined, move: Move, today: string): MoveProblem | undefined {
  const from = current?.state ?? "not_started";
  const stalled = move.to === from && OPEN_STATES.includes(from) && move.barrier !== undefined;
  if (!stalled && !TRANSITIONS[from].includes(move.to)) return { code: "transition_not_allowed", from, to: move.to, allowed: [...TRANSITIONS[from]] };
  if (move.occurred_on > today) return { code: "occurred_in_future", today };
  if (current && move.occurred_on < current.since) return { code: "occurred_before_current", since: current.since };
  if (move.to === "enrolled" && !move.verification) return { code: "verification_required" };
  if (move.to !== "enrolled" && move.verification) return { code: "verification_only_for_enrolled" };
  if ((move.to === "declined" || move.to === "rejected") && !move.barrier) return { code: "barrier_required", to: move.to };
  return undefined;
}

/** Days after the move that each follow-up falls due. */
export const FOLLOW_UP_DAYS = { documents: 7, check_outcome: 30, renewal_notice: 14 } as const;

export interface FollowUps {
  /** Follow-ups to open: kind and due date. */
  open: { kind: TaskKind; due_on: string }[];
  /** Kinds of open follow-ups this move settles. */
  close: TaskKind[];
}

/** What a move does to follow-ups. `renewsAfterDays`: the scheme's renewal period, if it has one. */
export function followUpsFor(move: Move, renewsAfterDays?: number): FollowUps {
  switch (move.to) {
    case "gathering_documents":
      return { open: [{ kind: "documents", due_on: addDays(move.occurred_on, FOLLOW_UP_DAYS.documents) }], close: ["check_outcome"] };
    case "ready_to_apply":
      return { open: [], close: ["documents"] };
    case "applied":
      return { open: [{ kind: "check_outcome", due_on: addDays(move.occurred_on, FOLLOW_UP_DAYS.check_outcome) }], close: ["documents"] };
    case "enrolled":
      return {
        open: renewsAfterDays ? [{ kind: "renewal", due_on: addDays(move.occurred_on, renewsAfterDays - FOLLOW_UP_DAYS.renewal_notice) }] : [],
        close: ["documents", "check_outcome", "renewal"],
      };
    case "rejected":
      return { open: [], close: ["check_outcome"] };
    case "appealed":
      return { open: [{ kind: "check_outcome", due_on: addDays(move.occurred_on, FOLLOW_UP_DAYS.check_outcome) }], close: [] };
    case "declined":
    case "exited":
    case "lapsed":
      return { open: [], close: ["documents", "check_outcome", "renewal"] };
    case "not_started":
      return { open: [], close: [] };
  }
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * Her `covered_by` as the workspace knows it: what she said she has, except the schemes whose enrollment the
 * workspace follows (there the record decides), plus every scheme she is enrolled in.
 */
export function coveredBy(stated: readonly string[] | null | undefined, enrollments: readonly { scheme: string; state: EnrollmentState }[]): string[] {
  const followed = new Set(enrollments.map((e) => e.scheme));
  const kept = (stated ?? []).filter((s) => !followed.has(s));
  const enrolled = enrollments.filter((e) => e.state === "enrolled").map((e) => e.scheme);
  return [...new Set([...kept, ...enrolled])];
}
