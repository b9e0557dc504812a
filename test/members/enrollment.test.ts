/** The enrollment state machine and covered_by, as pure functions. */
import { describe, expect, it } from "vitest";
import { checkMove, coveredBy, followUpsFor, TRANSITIONS } from "../../src/members/enrollment";
import { ENROLLMENT_STATES } from "../../src/members/enums";

describe("checkMove", () => {
  it("allows the issue's paths and nothing from exited", () => {
    const path = ["gathering_documents", "ready_to_apply", "applied", "rejected", "appealed", "enrolled", "lapsed", "exited"] as const;
    let current: { state: (typeof ENROLLMENT_STATES)[number]; since: string } | undefined;
    for (const to of path) {
      const move = { to, occurred_on: "2026-01-01", ...(to === "enrolled" ? { verification: "member_says" as const } : {}), ...(to === "rejected" ? { barrier: "documents_missing" as const } : {}) };
      expect(checkMove(current, move, "2026-12-02"), `${current?.state} → ${to}`).toBeUndefined();
      current = { state: to, since: "2026-01-01" };
    }
    for (const to of ENROLLMENT_STATES) expect(checkMove(current, { to, occurred_on: "2026-02-01", barrier: "other" }, "2026-12-02")?.code).toBe("transition_not_allowed");
  });

  it("lets a member decline at every open step, and come back", () => {
    for (const from of ["not_started", "gathering_documents", "ready_to_apply", "applied", "rejected", "appealed", "lapsed"] as const) {
      expect(TRANSITIONS[from]).toContain("declined");
    }
    expect(TRANSITIONS.declined).toEqual(["not_started"]);
  });

  it("refuses dates in the future", () => {
    expect(checkMove(undefined, { to: "applied", occurred_on: "2026-12-03" }, "2026-12-02")?.code).toBe("occurred_in_future");
  });
});

describe("followUpsFor", () => {
  it("opens a documents task a week out, an outcome check a month after applying, a renewal two weeks before a year", () => {
    expect(followUpsFor({ to: "gathering_documents", occurred_on: "2026-01-01" }).open).toEqual([{ kind: "documents", due_on: "2026-01-08" }]);
    expect(followUpsFor({ to: "applied", occurred_on: "2026-01-01" }).open).toEqual([{ kind: "check_outcome", due_on: "2026-01-31" }]);
    expect(followUpsFor({ to: "enrolled", occurred_on: "2026-01-01", verification: "document_seen" }, 365).open).toEqual([{ kind: "renewal", due_on: "2026-12-18" }]);
  });
});

describe("coveredBy", () => {
  it("keeps what she said except where the workspace follows the scheme, and adds what she is enrolled in", () => {
    expect(coveredBy(["sha", "private_health_insurance"], [{ scheme: "sha", state: "lapsed" }, { scheme: "nssf_haba_haba", state: "enrolled" }])).toEqual(["private_health_insurance", "nssf_haba_haba"]);
    expect(coveredBy(null, [])).toEqual([]);
  });
});
