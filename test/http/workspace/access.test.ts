/**
 * Role × route: every workspace route against anonymous, the organizer of cluster A (Kisumu), the organizer of
 * cluster B (Nairobi), the network admin, an advocate and the admin of another network — reading, changing and
 * erasing a Kisumu member by id included. A member outside the caller's reach is a 404, as if she did not exist,
 * and nothing about her changes. Also: a cross-site request changes nothing.
 */
import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { call } from "../../helpers/http";
import { ACCOUNTS, addMember, as, CONSENT, IDS, seedWorkspace, signIn, type Who } from "../../helpers/workspace";

type Caller = Who | "anonymous";
const CALLERS: Caller[] = ["anonymous", "kisumu", "nairobi", "admin", "advocate", "other_admin"];
const cookies: Partial<Record<Caller, string>> = {};
let owner: string;

beforeAll(async () => {
  await seedWorkspace();
  for (const who of Object.keys(ACCOUNTS) as Who[]) cookies[who] = await signIn(who);
  owner = cookies.kisumu!;
});

/** Expected statuses per caller; `reach` is the status for those who reach the member. */
const memberRoute = (reach: number) => ({ anonymous: 401, kisumu: reach, nairobi: 404, admin: reach, advocate: 403, other_admin: 404 });

interface Case {
  name: string;
  request: (id: string) => [string, string, unknown?];
  expect: Record<Caller, number>;
}

const CASES: Case[] = [
  { name: "read a member", request: (id) => ["GET", `/api/members/${id}`], expect: memberRoute(200) },
  { name: "change a member", request: (id) => ["PATCH", `/api/members/${id}`, { name: "Changed Name" }], expect: memberRoute(200) },
  { name: "record consent", request: (id) => ["POST", `/api/members/${id}/consents`, CONSENT], expect: memberRoute(201) },
  { name: "screen a member", request: (id) => ["POST", `/api/members/${id}/screenings`, { facts: { age: 40 } }], expect: memberRoute(201) },
  { name: "move an enrollment", request: (id) => ["PUT", `/api/members/${id}/enrollments/sha`, { to: "gathering_documents" }], expect: memberRoute(200) },
  { name: "erase a member", request: (id) => ["DELETE", `/api/members/${id}`], expect: memberRoute(204) },
];

describe("members by id", () => {
  for (const c of CASES) {
    it(`${c.name}: ${CALLERS.map((w) => `${w} ${c.expect[w]}`).join(", ")}`, async () => {
      for (const who of CALLERS) {
        const id = await addMember(owner, { facts: { age: 30 } });
        const before = await env.DB.prepare("SELECT name, facts, updated_at FROM members WHERE id = ?").bind(id).first();
        const counts = async () => env.DB.prepare("SELECT (SELECT count(*) FROM consents WHERE member_id = ?1) AS c, (SELECT count(*) FROM screenings WHERE member_id = ?1) AS s, (SELECT count(*) FROM enrollments WHERE member_id = ?1) AS e").bind(id).first();
        const countsBefore = await counts();
        const [method, path, body] = c.request(id);
        const r = await as(cookies[who as Who], path, method, body);
        expect(r.status, `${who} → ${method} ${path}`).toBe(c.expect[who]);
        if (r.status >= 400) {
          // Refused: nothing about her changed, and the answer says nothing about her.
          expect(await env.DB.prepare("SELECT name, facts, updated_at FROM members WHERE id = ?").bind(id).first()).toEqual(before);
          expect(await counts()).toEqual(countsBefore);
          expect(JSON.stringify(r.body)).not.toContain("Achieng");
        }
        expect(r.headers.get("cache-control"), `${who} → ${method} ${path}`).toBe("no-store");
      }
    });
  }
});

describe("lists and network routes", () => {
  it("lists only the members in reach; advocates never see a member row", async () => {
    const id = await addMember(owner, { name: "Listed Member" });
    const seen = async (who: Caller) => {
      const r = await as(cookies[who as Who], "/api/members?q=listed%20member");
      return r.status === 200 ? r.body.items.some((m: { id: string }) => m.id === id) : r.status;
    };
    expect(await seen("anonymous")).toBe(401);
    expect(await seen("kisumu")).toBe(true);
    expect(await seen("nairobi")).toBe(false);
    expect(await seen("admin")).toBe(true);
    expect(await seen("advocate")).toBe(403);
    expect(await seen("other_admin")).toBe(false);
    // Asking for a cluster outside her reach gives nothing, not someone else's members.
    const r = await as(cookies.nairobi, `/api/members?cluster=${IDS.kisumu}`);
    expect(r.body.items).toEqual([]);
  });

  it("follow-ups only from her clusters", async () => {
    const id = await addMember(owner);
    await as(owner, `/api/members/${id}/enrollments/sha`, "PUT", { to: "gathering_documents" });
    const due = async (who: Caller) => {
      const r = await as(cookies[who as Who], "/api/follow-ups");
      return r.status === 200 ? r.body.due.some((t: { member_id: string }) => t.member_id === id) : r.status;
    };
    expect(await due("anonymous")).toBe(401);
    expect(await due("kisumu")).toBe(true);
    expect(await due("nairobi")).toBe(false);
    expect(await due("admin")).toBe(true);
    expect(await due("advocate")).toBe(403);
    expect(await due("other_admin")).toBe(false);
  });

  it("adding a member: organizers into their own clusters only", async () => {
    const add = (who: Caller, cluster: string) => as(cookies[who as Who], "/api/members", "POST", { cluster_id: cluster, member_no: `ADD-${who}-${cluster}`, name: "New", lang: "sw", consent: CONSENT });
    expect((await add("anonymous", IDS.kisumu)).status).toBe(401);
    expect((await add("kisumu", IDS.kisumu)).status).toBe(201);
    expect((await add("nairobi", IDS.kisumu)).status).toBe(400);
    expect((await add("admin", IDS.nairobi)).status).toBe(201);
    expect((await add("advocate", IDS.kisumu)).status).toBe(403);
    expect((await add("other_admin", IDS.kisumu)).status).toBe(400);
  });

  it("the audit log, users and invitations: network admins only, each of their own network", async () => {
    const expectations: Record<Caller, number> = { anonymous: 401, kisumu: 403, nairobi: 403, admin: 200, advocate: 403, other_admin: 200 };
    for (const who of CALLERS) {
      expect((await as(cookies[who as Who], "/api/audit")).status, `${who} audit`).toBe(expectations[who]);
      expect((await as(cookies[who as Who], "/api/users")).status, `${who} users`).toBe(expectations[who]);
      expect((await as(cookies[who as Who], "/api/invitations", "POST", { role: "advocate" })).status, `${who} invite`).toBe(expectations[who] === 200 ? 201 : expectations[who]);
    }
    const other = await as(cookies.other_admin, "/api/audit?limit=500");
    expect(other.body.items.every((a: { actor_id: string }) => a.actor_id === "u_other_admin" || a.actor_id === null)).toBe(true);
    const users = await as(cookies.other_admin, "/api/users");
    expect(users.body.items.map((u: { id: string }) => u.id)).toEqual(["u_other_admin"]);
    // Another network's admin cannot withdraw a Kenyan role.
    expect((await as(cookies.other_admin, "/api/users/u_nairobi/grants/g_nairobi", "DELETE")).status).toBe(404);
    expect((await as(cookies.nairobi, "/api/session")).status).toBe(200);
  });
});

describe("cross-site requests", () => {
  it("change nothing, even with her cookie: another Origin is refused", async () => {
    const id = await addMember(owner, { name: "Protected Member" });
    const evil = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
      call(path, { method, headers: { cookie: owner, origin: "https://evil.example", "content-type": "application/json", ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });
    expect((await evil("PATCH", `/api/members/${id}`, { name: "Hacked" })).status).toBe(403);
    expect((await evil("DELETE", `/api/members/${id}`)).status).toBe(403);
    expect((await evil("POST", "/api/members", { cluster_id: IDS.kisumu, member_no: "EVIL", name: "Evil", lang: "sw", consent: CONSENT })).status).toBe(403);
    expect((await evil("DELETE", "/api/session")).status).toBe(403);
    // A browser that sends no Origin but says the request is cross-site.
    expect((await call(`/api/members/${id}`, { method: "DELETE", headers: { cookie: owner, "sec-fetch-site": "cross-site" } })).status).toBe(403);
    // A form post (what a cross-site page can send without asking) is not JSON: refused before anything runs.
    const form = await call(`/api/members/${id}`, { method: "PATCH", headers: { cookie: owner, "content-type": "application/x-www-form-urlencoded" }, body: "name=Hacked" });
    expect(form.status).toBe(415);
    const row = await env.DB.prepare("SELECT name FROM members WHERE id = ?").bind(id).first<{ name: string }>();
    expect(row!.name).toBe("Protected Member");
    expect((await env.DB.prepare("SELECT count(*) AS n FROM members WHERE member_no = 'EVIL'").first<{ n: number }>())!.n).toBe(0);
    expect((await as(owner, "/api/session")).status).toBe(200);
  });
});
