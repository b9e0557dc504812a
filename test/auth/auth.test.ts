/** Password hashing and roles → capabilities, as pure functions in Node (WebCrypto, as in the Worker). */
import { describe, expect, it } from "vitest";
import { activeGrants, can, memberScope, reaches, type Principal } from "../../src/auth/access";
import { hashPassword, keyedHash, receiptCode, tokenHash, verifyPassword } from "../../src/auth/password";

describe("passwords", () => {
  it("hash with a fresh salt each time, verify only the right password, and refuse malformed or over-cost hashes", async () => {
    const a = await hashPassword("correct horse battery", 1000);
    const b = await hashPassword("correct horse battery", 1000);
    expect(a).not.toBe(b);
    expect(await verifyPassword("correct horse battery", a)).toBe(true);
    expect(await verifyPassword("correct horse batterY", a)).toBe(false);
    expect(await verifyPassword("x", "plain-text")).toBe(false);
    expect(await verifyPassword("x", "pbkdf2_sha256$1000000$AAAA$AAAA")).toBe(false);
  });

  it("keeps tokens and keys as fixed-length hex digests", async () => {
    expect(await tokenHash("abc")).toMatch(/^[0-9a-f]{64}$/);
    expect(await keyedHash("k1", "member")).not.toBe(await keyedHash("k2", "member"));
    expect(receiptCode()).toMatch(/^[2-9A-HJ-NP-Z]{6}$/);
  });
});

describe("access", () => {
  const grant = (role: "network_admin" | "organizer" | "advocate", cluster_id: string | null, valid_from = "2020-01-01", valid_to: string | null = null) => ({ id: "g", role, cluster_id, valid_from, valid_to });
  const p = (...grants: ReturnType<typeof grant>[]): Principal => ({ user_id: "u", network_id: "n", grants });

  it("organizers reach their clusters, admins the network, advocates no member", () => {
    expect(memberScope(p(grant("organizer", "a"), grant("organizer", "b")))).toEqual({ network_id: "n", clusters: ["a", "b"] });
    expect(memberScope(p(grant("network_admin", null)))).toEqual({ network_id: "n", clusters: "all" });
    expect(memberScope(p(grant("advocate", null)))).toBeNull();
    expect(can(p(grant("advocate", null)), "members")).toBe(false);
    expect(can(p(grant("organizer", "a")), "read_audit")).toBe(false);
    expect(reaches(memberScope(p(grant("organizer", "a"))), "n", "b")).toBe(false);
    expect(reaches(memberScope(p(grant("organizer", "a"))), "other", "a")).toBe(false);
  });

  it("counts only grants in force on the date", () => {
    const grants = [grant("organizer", "a", "2026-01-01", "2026-06-30"), grant("organizer", "b", "2027-01-01")];
    expect(activeGrants(grants, "2026-03-01").map((g) => g.cluster_id)).toEqual(["a"]);
    expect(activeGrants(grants, "2026-07-01")).toEqual([]);
  });
});
