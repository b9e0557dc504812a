/**
 * The pure part of re-screening: the fingerprint of the versions a screening used, what is in force on a date, and
 * the difference between a stored screening and the engine's answer now — which changes are recorded, their causes
 * and the follow-ups they become.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { STATUSES } from "../../src/engine/enums";
import type { Status } from "../../src/engine/types";
import { causesOf, datedChangesAfter, diffResults, inForceKey, resultRowsOf, schemesChanging, screeningKey, taskFor, type ResultRow } from "../../src/members/changes";
import { ENROLLMENT_STATES } from "../../src/members/enums";
import { countryCodes, getEngine, getPack } from "../../src/rules/registry";

const row = (scheme: string, status: Status, extra: Partial<ResultRow> = {}): ResultRow => ({ scheme, status, rule_version: `ke/${scheme}@2020-01-01`, version_hash: `h_${scheme}`, failed: "[]", unknown: "[]", ...extra });

describe("the fingerprint of the versions a screening used", () => {
  it("depends on the schemes and their hashes, not on their order or statuses", () => {
    const a = [row("sha", "eligible"), row("nssf_voluntary", "not_eligible")];
    expect(screeningKey(a)).toMatch(/^[0-9a-f]{16}$/);
    expect(screeningKey([...a].reverse())).toBe(screeningKey(a));
    expect(screeningKey([row("sha", "needs_info"), row("nssf_voluntary", "eligible")])).toBe(screeningKey(a));
    expect(screeningKey([row("sha", "eligible", { version_hash: "other" }), a[1]!])).not.toBe(screeningKey(a));
    expect(screeningKey([a[0]!])).not.toBe(screeningKey(a));
  });

  it("of what is in force on a date is the key of any screening the engine does that day, in every country", () => {
    fc.assert(
      fc.property(fc.constantFrom(...countryCodes()), fc.integer({ min: 0, max: 30 * 365 }), (cc, days) => {
        const date = new Date(Date.UTC(2005, 0, 1) + days * 86400000).toISOString().slice(0, 10);
        const engine = getEngine(cc)!;
        expect(inForceKey(engine.pack, date)).toBe(screeningKey(resultRowsOf(engine.evaluate({}, { date }))));
      }),
      { numRuns: 200 },
    );
  });

  it("differs across Kenya's NHIF → SHA date, and lists the dated changes ahead", () => {
    const ke = getPack("ke")!;
    expect(inForceKey(ke, "2024-09-30")).not.toBe(inForceKey(ke, "2024-10-01"));
    expect(inForceKey(ke, "2024-10-01")).toBe(inForceKey(ke, "2024-10-02"));
    expect(schemesChanging(ke, "2024-09-30", "2024-10-01").sort()).toEqual(["linda_mama", "nhif", "sha"]);
    const ahead = datedChangesAfter(ke, "2024-09-01");
    expect(ahead).toContainEqual({ date: "2024-10-01", scheme: "sha", rule_version: "ke/sha@2024-10-01", change: "starts" });
    expect(ahead).toContainEqual({ date: "2024-10-01", scheme: "nhif", rule_version: "ke/nhif@2015-04-01", change: "ends" });
    expect(datedChangesAfter(ke, "2099-01-01")).toEqual([]);
  });
});

describe("the difference between her screening and the engine's answer now", () => {
  it("is nothing when nothing differs", () => {
    const rows = [row("sha", "eligible"), row("nhif", "not_eligible", { failed: '["adult"]' })];
    expect(diffResults(rows, rows.map((r) => ({ ...r })), [])).toEqual({ changed: false, changes: [] });
  });

  it("is a new screening but no eligibility change when only a version, hash or criterion differs", () => {
    const before = [row("sha", "not_eligible", { failed: '["a"]' })];
    expect(diffResults(before, [row("sha", "not_eligible", { failed: '["a"]', version_hash: "new" })], [])).toEqual({ changed: true, changes: [] });
    expect(diffResults(before, [row("sha", "not_eligible", { failed: '["b"]' })], [])).toEqual({ changed: true, changes: [] });
    expect(diffResults(before, [row("sha", "not_eligible", { failed: '["a"]', rule_version: "ke/sha@2026-01-01" })], [])).toEqual({ changed: true, changes: [] });
  });

  it("a loss names the criteria she now fails and becomes a follow-up, or a review when she has applied or is enrolled", () => {
    const before = [row("nssf", "eligible", { failed: "[]" })];
    const after = [row("nssf", "not_eligible", { failed: '["max_age"]', rule_version: "ke/nssf@2026-01-01", version_hash: "h2" })];
    expect(diffResults(before, after, []).changes).toEqual([
      { scheme: "nssf", from: "eligible", to: "not_eligible", from_rule_version: "ke/nssf@2020-01-01", to_rule_version: "ke/nssf@2026-01-01", from_hash: "h_nssf", to_hash: "h2", causes: ["max_age"], task: "no_longer_eligible" },
    ]);
    for (const state of ["applied", "appealed", "enrolled"] as const) expect(diffResults(before, after, [{ scheme: "nssf", state }]).changes[0]!.task).toBe("enrollment_review");
    for (const state of ["gathering_documents", "declined", "not_started"] as const) expect(diffResults(before, after, [{ scheme: "nssf", state }]).changes[0]!.task).toBe("no_longer_eligible");
  });

  it("a gain names the criteria that stopped her before, and needs no follow-up when her case is under way", () => {
    const before = [row("sha", "not_eligible", { failed: '["age","income"]', unknown: '["id"]' })];
    const after = [row("sha", "likely_eligible", { failed: "[]", unknown: "[]" })];
    expect(diffResults(before, after, []).changes[0]).toMatchObject({ from: "not_eligible", to: "likely_eligible", causes: ["age", "income", "id"], task: "newly_eligible" });
    expect(diffResults(before, after, [{ scheme: "sha", state: "gathering_documents" }]).changes[0]!.task).toBeUndefined();
    // From one "can join" to the other is recorded, but is no news to act on.
    expect(diffResults([row("sha", "likely_eligible")], [row("sha", "eligible")], []).changes[0]).toMatchObject({ from: "likely_eligible", to: "eligible", causes: [] });
    expect(diffResults([row("sha", "likely_eligible")], [row("sha", "eligible")], []).changes[0]!.task).toBeUndefined();
  });

  it("a new question names the criteria now unknown and asks the organizer to ask her", () => {
    const change = diffResults([row("sha", "eligible", { unknown: '["a"]' })], [row("sha", "needs_info", { unknown: '["a","residence"]' })], []).changes[0]!;
    expect(change).toMatchObject({ to: "needs_info", causes: ["residence"], task: "needs_information" });
  });

  it("a scheme that starts or ends is recorded when it matters to her: not when she could not join it anyway", () => {
    const nhif = row("nhif", "eligible");
    const sha = row("sha", "eligible");
    expect(diffResults([nhif], [sha], []).changes.map((c) => [c.scheme, c.from, c.to, c.task])).toEqual([
      ["sha", null, "eligible", "newly_eligible"],
      ["nhif", "eligible", null, "no_longer_eligible"],
    ]);
    expect(diffResults([nhif], [sha], [{ scheme: "nhif", state: "enrolled" }]).changes.find((c) => c.scheme === "nhif")!.task).toBe("enrollment_review");
    // Ended, and she could not join it: nothing to say; unless she is enrolled in it all the same.
    expect(diffResults([row("nhif", "not_eligible")], [], []).changes).toEqual([]);
    expect(diffResults([row("nhif", "not_eligible")], [], [{ scheme: "nhif", state: "enrolled" }]).changes[0]).toMatchObject({ from: "not_eligible", to: null, task: "enrollment_review" });
    // Started, and she cannot join it: nothing to say.
    expect(diffResults([], [row("sha", "not_eligible", { failed: '["x"]' })], []).changes).toEqual([]);
    expect(diffResults([], [row("sha", "not_eligible")], []).changed).toBe(true);
  });

  it("holds for any screening and any enrollment (property)", () => {
    const schemes = ["a", "b", "c"];
    const ids = fc.subarray(["x", "y", "z"]).map((xs) => JSON.stringify(xs));
    const result = fc.record({ scheme: fc.constantFrom(...schemes), status: fc.constantFrom(...STATUSES), rule_version: fc.constantFrom("v1", "v2"), version_hash: fc.constantFrom("h1", "h2"), failed: ids, unknown: ids });
    const rows = fc.uniqueArray(result, { selector: (r) => r.scheme, maxLength: 3 });
    const enrollments = fc.uniqueArray(fc.record({ scheme: fc.constantFrom(...schemes), state: fc.constantFrom(...ENROLLMENT_STATES) }), { selector: (e) => e.scheme, maxLength: 3 });
    fc.assert(
      fc.property(rows, rows, enrollments, (prev, next, enr) => {
        const same = diffResults(prev, prev, enr);
        expect(same).toEqual({ changed: false, changes: [] });
        const d = diffResults(prev, next, enr);
        const key = (rs: ResultRow[]) => JSON.stringify([...rs].sort((p, q) => p.scheme.localeCompare(q.scheme)));
        expect(d.changed).toBe(key(prev) !== key(next));
        for (const c of d.changes) {
          expect(c.from).not.toBe(c.to);
          expect(c.from).toBe(prev.find((r) => r.scheme === c.scheme)?.status ?? null);
          expect(c.to).toBe(next.find((r) => r.scheme === c.scheme)?.status ?? null);
          const state = enr.find((e) => e.scheme === c.scheme)?.state;
          if (c.task === "enrollment_review") expect(["applied", "appealed", "enrolled"]).toContain(state);
          expect(c.task).toBe(taskFor(c.from, c.to, state));
        }
        // Every status change is either recorded or one of the two that say nothing.
        for (const scheme of schemes) {
          const from = prev.find((r) => r.scheme === scheme)?.status ?? null;
          const to = next.find((r) => r.scheme === scheme)?.status ?? null;
          const silent = (from === null && to === "not_eligible") || (to === null && (from === "not_eligible" || from === "likely_not_eligible"));
          if (from !== to) expect(d.changes.some((c) => c.scheme === scheme)).toBe(!silent || d.changes.some((c) => c.scheme === scheme && c.task === "enrollment_review"));
        }
      }),
      { numRuns: 500 },
    );
  });

  it("causes are criterion ids only, taken from the two screenings", () => {
    expect(causesOf(undefined, undefined)).toEqual([]);
    expect(causesOf(row("s", "eligible", { failed: '["a"]' }), row("s", "not_eligible", { failed: '["a"]' }))).toEqual(["a"]);
    expect(causesOf(undefined, row("s", "needs_info", { unknown: '["q"]' }))).toEqual(["q"]);
  });
});
