/** Signing in and out, sessions, throttling, invitations and role withdrawal, against the real Worker and D1. */
import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../../../src/auth/password";
import { call } from "../../helpers/http";
import { ACCOUNTS, as, cookieOf, PASSWORD, seedWorkspace, signIn } from "../../helpers/workspace";

beforeAll(seedWorkspace);

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  call(path, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });

describe("signing in", () => {
  it("sets an HttpOnly, SameSite=Lax session cookie, and answers who she is, never cached", async () => {
    const r = await post("/api/session", { email: ACCOUNTS.kisumu.email, password: PASSWORD });
    expect(r.status).toBe(200);
    expect(r.body.user.display_name).toBe("kisumu");
    expect(r.body.clusters.map((c: { code: string }) => c.code)).toEqual(["kisumu"]);
    const set = r.headers.get("set-cookie")!;
    expect(set).toMatch(/^hbw_session=[A-Za-z0-9_-]{22};/);
    expect(set).toMatch(/HttpOnly/);
    expect(set).toMatch(/SameSite=Lax/);
    expect(r.headers.get("cache-control")).toBe("no-store");
    const me = await as(cookieOf(r.headers), "/api/session");
    expect(me.status).toBe(200);
    expect(me.body.user.email).toBe(ACCOUNTS.kisumu.email);
  });

  it("over HTTPS, names the cookie __Host- and marks it Secure", async () => {
    const worker = (await import("../../../src/index")).default;
    const { createExecutionContext } = await import("cloudflare:test");
    const res = await worker.fetch(
      new Request("https://checker.example/api/session", { method: "POST", headers: { "content-type": "application/json", origin: "https://checker.example" }, body: JSON.stringify({ email: ACCOUNTS.nairobi.email, password: PASSWORD }) }),
      env,
      createExecutionContext(),
    );
    expect(res.status).toBe(200);
    const set = res.headers.get("set-cookie")!;
    expect(set).toMatch(/^__Host-hbw_session=/);
    expect(set).toMatch(/Secure/);
    expect(set).toMatch(/Path=\//);
    expect(set).not.toMatch(/Domain=/i);
  });

  it("keeps only the hash of the session id", async () => {
    const cookie = await signIn("nairobi");
    const id = cookie.split("=")[1]!;
    const rows = await env.DB.prepare("SELECT id_hash FROM sessions").all<{ id_hash: string }>();
    expect(rows.results.some((r) => r.id_hash === id)).toBe(false);
    expect(rows.results.every((r) => /^[0-9a-f]{64}$/.test(r.id_hash))).toBe(true);
  });

  it("refuses a wrong password with one message that does not tell whether the account exists", async () => {
    const wrong = await post("/api/session", { email: ACCOUNTS.admin.email, password: "not-the-password" });
    const nobody = await post("/api/session", { email: "nobody@ke.test", password: "not-the-password" });
    expect(wrong.status).toBe(401);
    expect(nobody.status).toBe(401);
    expect(wrong.body.error.message).toBe(nobody.body.error.message);
  });

  it("verifies a production-strength hash (PBKDF2-SHA-256, 100,000 iterations)", async () => {
    const hash = await hashPassword("a-long-passphrase-1");
    expect(hash).toMatch(/^pbkdf2_sha256\$100000\$/);
    await env.DB.prepare("INSERT INTO users (id, network_id, email, display_name, password_hash, lang, created_at) VALUES ('u_strong', 'net_ke', 'strong@ke.test', 'strong', ?, 'en', '2026-01-01')").bind(hash).run();
    await env.DB.prepare("INSERT INTO role_grants (id, user_id, network_id, role, cluster_id, valid_from, created_at) VALUES ('g_strong', 'u_strong', 'net_ke', 'advocate', NULL, '2020-01-01', '2026-01-01')").run();
    expect((await post("/api/session", { email: "strong@ke.test", password: "a-long-passphrase-1" })).status).toBe(200);
    expect((await post("/api/session", { email: "strong@ke.test", password: "a-long-passphrase-2" })).status).toBe(401);
  });

  it("locks an account after 5 failures in 15 minutes, even for the right password, and says when to retry", async () => {
    await env.DB.prepare("INSERT INTO users (id, network_id, email, display_name, password_hash, lang, created_at) SELECT 'u_locked', network_id, 'locked@ke.test', 'locked', password_hash, 'en', created_at FROM users WHERE id = 'u_kisumu'").run();
    await env.DB.prepare("INSERT INTO role_grants (id, user_id, network_id, role, cluster_id, valid_from, created_at) VALUES ('g_locked', 'u_locked', 'net_ke', 'organizer', 'cl_kisumu', '2020-01-01', '2026-01-01')").run();
    for (let i = 0; i < 4; i++) expect((await post("/api/session", { email: "locked@ke.test", password: "wrong-password" })).status).toBe(401);
    const fifth = await post("/api/session", { email: "locked@ke.test", password: "wrong-password" });
    expect(fifth.status).toBe(401);
    const right = await post("/api/session", { email: "locked@ke.test", password: PASSWORD });
    expect(right.status).toBe(429);
    expect(right.body.error.code).toBe("too_many_attempts");
    expect(right.body.error.message).toMatch(/Try again in 1[45] minutes/);
    expect(Number(right.headers.get("retry-after"))).toBeGreaterThan(0);
    // Other accounts are not locked by her failures.
    expect((await post("/api/session", { email: ACCOUNTS.nairobi.email, password: PASSWORD })).status).toBe(200);
  });

  it("throttles an address that tries many accounts", async () => {
    const from = { "cf-connecting-ip": "203.0.113.9" };
    for (let i = 0; i < 30; i++) await post("/api/session", { email: `guess${i}@ke.test`, password: "wrong-password" }, from);
    const r = await post("/api/session", { email: ACCOUNTS.admin.email, password: PASSWORD }, from);
    expect(r.status).toBe(429);
    expect((await post("/api/session", { email: ACCOUNTS.admin.email, password: PASSWORD }, { "cf-connecting-ip": "203.0.113.10" })).status).toBe(200);
  });

  it("names the field when the body is wrong", async () => {
    const r = await post("/api/session", { email: "not-an-email", password: "x" });
    expect(r.status).toBe(400);
    expect(r.body.error.issues[0].path).toBe("email");
  });
});

describe("sessions", () => {
  it("rotates the id at sign-in: the cookie she came with stops working", async () => {
    const first = await signIn("kisumu");
    const again = await call("/api/session", { method: "POST", headers: { "content-type": "application/json", cookie: first, origin: "http://127.0.0.1:8787" }, body: JSON.stringify({ email: ACCOUNTS.kisumu.email, password: PASSWORD }) });
    const second = cookieOf(again.headers);
    expect(second).not.toBe(first);
    expect((await as(first, "/api/session")).status).toBe(401);
    expect((await as(second, "/api/session")).status).toBe(200);
  });

  it("ends at sign-out", async () => {
    const cookie = await signIn("kisumu");
    expect((await as(cookie, "/api/session", "DELETE")).status).toBe(204);
    expect((await as(cookie, "/api/session")).status).toBe(401);
    expect((await as(cookie, "/api/members")).status).toBe(401);
  });

  it("ends after the idle timeout and after the absolute lifetime", async () => {
    const idle = await signIn("kisumu");
    await env.DB.prepare("UPDATE sessions SET idle_expires_at = '2000-01-01T00:00:00.000Z' WHERE user_id = 'u_kisumu'").run();
    expect((await as(idle, "/api/session")).status).toBe(401);
    const old = await signIn("kisumu");
    await env.DB.prepare("UPDATE sessions SET absolute_expires_at = '2000-01-01T00:00:00.000Z' WHERE user_id = 'u_kisumu'").run();
    expect((await as(old, "/api/session")).status).toBe(401);
  });

  it("ends when her role is withdrawn", async () => {
    await env.DB.prepare("INSERT INTO users (id, network_id, email, display_name, password_hash, lang, created_at) SELECT 'u_leaving', network_id, 'leaving@ke.test', 'leaving', password_hash, 'en', created_at FROM users WHERE id = 'u_kisumu'").run();
    await env.DB.prepare("INSERT INTO role_grants (id, user_id, network_id, role, cluster_id, valid_from, created_at) VALUES ('g_leaving', 'u_leaving', 'net_ke', 'organizer', 'cl_kisumu', '2020-01-01', '2026-01-01')").run();
    const r = await post("/api/session", { email: "leaving@ke.test", password: PASSWORD });
    const hers = cookieOf(r.headers);
    expect((await as(hers, "/api/members")).status).toBe(200);
    const admin = await signIn("admin");
    expect((await as(admin, "/api/users/u_leaving/grants/g_leaving", "DELETE")).status).toBe(204);
    expect((await as(hers, "/api/members")).status).toBe(401);
    // Without a role she cannot sign in again.
    const back = await post("/api/session", { email: "leaving@ke.test", password: PASSWORD });
    expect(back.status).toBe(403);
    expect(back.body.error.code).toBe("no_role");
  });

  it("honours a grant's validity dates", async () => {
    await env.DB.prepare("INSERT INTO users (id, network_id, email, display_name, password_hash, lang, created_at) SELECT 'u_future', network_id, 'future@ke.test', 'future', password_hash, 'en', created_at FROM users WHERE id = 'u_kisumu'").run();
    await env.DB.prepare("INSERT INTO role_grants (id, user_id, network_id, role, cluster_id, valid_from, created_at) VALUES ('g_future', 'u_future', 'net_ke', 'organizer', 'cl_kisumu', '2999-01-01', '2026-01-01')").run();
    expect((await post("/api/session", { email: "future@ke.test", password: PASSWORD })).status).toBe(403);
  });
});

describe("invitations", () => {
  it("an admin invites an organizer by a single-use link; the new account works in her cluster only", async () => {
    const admin = await signIn("admin");
    const inv = await as(admin, "/api/invitations", "POST", { role: "organizer", cluster_ids: ["cl_nairobi"] });
    expect(inv.status).toBe(201);
    const token = inv.body.url.split("/org/join/")[1];
    const accept = () => post(`/api/invitations/${token}/accept`, { display_name: "Wanjiru", email: "wanjiru@ke.test", password: "a-good-password", lang: "sw" });
    expect((await accept()).status).toBe(201);
    expect((await post(`/api/invitations/${token}/accept`, { display_name: "Again", email: "again@ke.test", password: "a-good-password", lang: "sw" })).status).toBe(404);
    const r = await post("/api/session", { email: "wanjiru@ke.test", password: "a-good-password" });
    expect(r.status).toBe(200);
    expect(r.body.clusters.map((c: { code: string }) => c.code)).toEqual(["nairobi"]);
    expect(r.body.grants[0].role).toBe("organizer");
  });

  it("refuses an expired invitation", async () => {
    const admin = await signIn("admin");
    const inv = await as(admin, "/api/invitations", "POST", { role: "advocate" });
    const token = inv.body.url.split("/org/join/")[1];
    await env.DB.prepare("UPDATE invitations SET expires_at = '2000-01-01T00:00:00.000Z' WHERE used_at IS NULL").run();
    expect((await post(`/api/invitations/${token}/accept`, { display_name: "Late", email: "late@ke.test", password: "a-good-password", lang: "en" })).status).toBe(404);
  });

  it("only an admin invites", async () => {
    expect((await as(await signIn("kisumu"), "/api/invitations", "POST", { role: "network_admin" })).status).toBe(403);
    expect((await as(undefined, "/api/invitations", "POST", { role: "network_admin" })).status).toBe(401);
  });
});
