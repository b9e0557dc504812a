/**
 * A small workspace in the real local D1 for route tests: two networks (Kenya with clusters Kisumu and Nairobi;
 * Thailand with Central), and one account per role to test: an admin of each network, an organizer of each Kenyan
 * cluster, an advocate. Passwords are hashed for real, at fewer iterations than production so that signing in
 * dozens of times stays quick (the verifier reads the count from the stored hash; one test signs in at 100,000).
 */
import { env } from "cloudflare:test";
import { hashPassword } from "../../src/auth/password";
import { call } from "./http";

export const PASSWORD = "test-password-1";
export const TODAY = new Date().toISOString().slice(0, 10);

export const IDS = {
  ke: "net_ke",
  th: "net_th",
  kisumu: "cl_kisumu",
  nairobi: "cl_nairobi",
  central: "cl_central",
} as const;

export const ACCOUNTS = {
  admin: { email: "admin@ke.test", role: "network_admin", network: IDS.ke, cluster: null },
  kisumu: { email: "kisumu@ke.test", role: "organizer", network: IDS.ke, cluster: IDS.kisumu },
  nairobi: { email: "nairobi@ke.test", role: "organizer", network: IDS.ke, cluster: IDS.nairobi },
  advocate: { email: "advocate@ke.test", role: "advocate", network: IDS.ke, cluster: null },
  other_admin: { email: "admin@th.test", role: "network_admin", network: IDS.th, cluster: null },
} as const;
export type Who = keyof typeof ACCOUNTS;

let seeded: Promise<void> | undefined;

/** Creates the networks and accounts once per test file (each file has its own database). */
export function seedWorkspace(): Promise<void> {
  seeded ??= (async () => {
    const now = new Date().toISOString();
    const hash = await hashPassword(PASSWORD, 1000);
    const s = [
      env.DB.prepare("INSERT INTO networks (id, code, name, country, languages, created_at) VALUES (?, ?, ?, ?, ?, ?)").bind(IDS.ke, "hnk", "HomeNet Kenya (test)", "ke", '["en","sw"]', now),
      env.DB.prepare("INSERT INTO networks (id, code, name, country, languages, created_at) VALUES (?, ?, ?, ?, ?, ?)").bind(IDS.th, "hnt", "HomeNet Thailand (test)", "th", '["th","en"]', now),
      env.DB.prepare("INSERT INTO clusters (id, network_id, code, name, region) VALUES (?, ?, ?, ?, ?)").bind(IDS.kisumu, IDS.ke, "kisumu", "Kisumu", "kisumu"),
      env.DB.prepare("INSERT INTO clusters (id, network_id, code, name, region) VALUES (?, ?, ?, ?, ?)").bind(IDS.nairobi, IDS.ke, "nairobi", "Nairobi", "nairobi"),
      env.DB.prepare("INSERT INTO clusters (id, network_id, code, name, region) VALUES (?, ?, ?, ?, ?)").bind(IDS.central, IDS.th, "central", "Central", null),
    ];
    for (const [key, a] of Object.entries(ACCOUNTS)) {
      s.push(env.DB.prepare("INSERT INTO users (id, network_id, email, display_name, password_hash, lang, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)").bind(`u_${key}`, a.network, a.email, key, hash, "en", now));
      s.push(env.DB.prepare("INSERT INTO role_grants (id, user_id, network_id, role, cluster_id, valid_from, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)").bind(`g_${key}`, `u_${key}`, a.network, a.role, a.cluster, "2020-01-01", now));
    }
    await env.DB.batch(s);
  })();
  return seeded;
}

/** Signs in and answers the session cookie ("name=value"). */
export async function signIn(who: Who, password = PASSWORD): Promise<string> {
  const r = await call("/api/session", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: ACCOUNTS[who].email, password }) });
  if (r.status !== 200) throw new Error(`sign-in of ${who} answered ${r.status}: ${JSON.stringify(r.body)}`);
  return cookieOf(r.headers);
}

export function cookieOf(headers: Headers): string {
  const set = headers.get("set-cookie") ?? "";
  return set.split(";")[0]!;
}

/** A request as a signed-in browser on our own origin would send it. */
export function as(cookie: string | undefined, path: string, method = "GET", body?: unknown) {
  const headers: Record<string, string> = { origin: "http://127.0.0.1:8787" };
  if (cookie) headers.cookie = cookie;
  if (body !== undefined) headers["content-type"] = "application/json";
  return call(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}

export const CONSENT = { notice_version: "2026-01", notice_lang: "sw", purposes: ["screening", "follow_up", "statistics"], method: "thumbprint" } as const;

let n = 0;
/** Adds a member through the API as `cookie`'s user; answers her id. */
export async function addMember(cookie: string, extra: Record<string, unknown> = {}): Promise<string> {
  n += 1;
  const r = await as(cookie, "/api/members", "POST", { cluster_id: IDS.kisumu, member_no: `K-${Date.now()}-${n}`, name: `Achieng Test ${n}`, lang: "sw", consent: CONSENT, ...extra });
  if (r.status !== 201) throw new Error(`adding a member answered ${r.status}: ${JSON.stringify(r.body)}`);
  return r.body.member.id;
}
