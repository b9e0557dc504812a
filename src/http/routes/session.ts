/** Signing in and out: POST/GET/DELETE /api/session. Failed sign-ins are throttled per account and per address. */
import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { mainRole } from "../../auth/access";
import { DUMMY_HASH, verifyPassword } from "../../auth/password";
import { clearFailures, clustersOf, findUserByLogin, grantsOf, lockedUntil, networkOf, recordFailure, THROTTLE } from "../../db/accounts";
import { audit } from "../../db/members";
import { normalizePhone } from "../../members/workspace";
import type { AppEnv } from "../env";
import { errorBody } from "../errors";
import { PRIVATE_CACHE } from "../middleware";
import { createRouter } from "../router";
import { ErrorSchema } from "../schemas";
import { endSession, startSession } from "../session";
import { SESSION_SECURITY, SessionSchema, SignInSchema } from "../workspace-schemas";

const json = (schema: z.ZodType) => ({ content: { "application/json": { schema } } });

const signIn = createRoute({
  method: "post",
  path: "/api/session",
  operationId: "signIn",
  tags: ["workspace"],
  summary: "Sign in",
  description: `Signs in with an email address or a phone number and a password, and sets the session cookie (a new session id at every sign-in). After ${THROTTLE.per_account} failed attempts on an account, or ${THROTTLE.per_address} from one address, within ${THROTTLE.window_ms / 60000} minutes, sign-in is refused for ${THROTTLE.lock_ms / 60000} minutes (429).`,
  security: [],
  request: { body: { required: true, content: { "application/json": { schema: SignInSchema } } } },
  responses: {
    200: { description: "Signed in", ...json(SessionSchema) },
    400: { description: "Invalid body", ...json(ErrorSchema) },
    401: { description: "Wrong email, phone or password", ...json(ErrorSchema) },
    403: { description: "The account has no role in force, or the request came from another site", ...json(ErrorSchema) },
    429: { description: "Too many failed sign-ins; try again later", ...json(ErrorSchema) },
  },
});

const whoAmI = createRoute({
  method: "get",
  path: "/api/session",
  operationId: "getSession",
  tags: ["workspace"],
  summary: "The signed-in user, her network, clusters and roles",
  security: SESSION_SECURITY,
  responses: { 200: { description: "The session", ...json(SessionSchema) }, 401: { description: "Not signed in", ...json(ErrorSchema) } },
});

const signOut = createRoute({
  method: "delete",
  path: "/api/session",
  operationId: "signOut",
  tags: ["workspace"],
  summary: "Sign out (ends the session)",
  security: SESSION_SECURITY,
  responses: { 204: { description: "Signed out" }, 403: { description: "Request from another site", ...json(ErrorSchema) } },
});

/** The session as the API and the pages describe it. */
export async function describeSession(c: Context<AppEnv>) {
  const s = c.var.session!;
  const network = (await networkOf(c.var.db, s.user.network_id))!;
  const all = await clustersOf(c.var.db, network.id);
  const p = s.principal;
  const mine = mainRole(p) === "network_admin" || p.grants.some((g) => g.cluster_id === null) ? all : all.filter((cl) => p.grants.some((g) => g.cluster_id === cl.id));
  return {
    user: { id: s.user.id, display_name: s.user.display_name, email: s.user.email, phone: s.user.phone, lang: s.user.lang },
    network: { id: network.id, code: network.code, name: network.name, country: network.country, languages: JSON.parse(network.languages) as string[] },
    clusters: mine.map(({ id, code, name }) => ({ id, code, name })),
    grants: p.grants,
  };
}

export type SignInOutcome = { ok: true; userId: string } | { ok: false; status: 401 | 403 | 429; code: string; message: string; retry_after_minutes?: number };

/** Checks a sign-in attempt, with throttling; shared by the API and the sign-in page. */
export async function attemptSignIn(c: Context<AppEnv>, login: { email?: string; phone?: string }, password: string): Promise<SignInOutcome> {
  const db = c.var.db;
  const now = new Date();
  const address = c.req.header("cf-connecting-ip") ?? "local";
  let phone = login.phone;
  // A phone typed as the organizer writes it locally is tried in international form for every network country.
  if (phone && !phone.startsWith("+")) phone = normalizePhone(phone, "ke") ?? phone;
  const accountKey = `account:${login.email ?? phone}`;
  const addressKey = `address:${address}`;
  const locked = await lockedUntil(db, [accountKey, addressKey], now);
  if (locked) {
    const minutes = Math.max(1, Math.ceil((Date.parse(locked) - now.getTime()) / 60000));
    return { ok: false, status: 429, code: "too_many_attempts", message: `Too many failed sign-ins. Try again in ${minutes} minutes.`, retry_after_minutes: minutes };
  }
  const user = await findUserByLogin(db, { email: login.email, phone });
  // The same work whether or not the account exists: timing does not tell which logins exist.
  const good = await verifyPassword(password, user?.password_hash ?? DUMMY_HASH);
  if (!user || !good || user.status !== "active") {
    await recordFailure(db, [{ key: accountKey, limit: THROTTLE.per_account }, { key: addressKey, limit: THROTTLE.per_address }], now);
    if (user) await audit(db, { network_id: user.network_id, actor_id: user.id, action: "session.sign_in_failed", entity_type: "user", entity_id: user.id, at: now.toISOString() });
    return { ok: false, status: 401, code: "invalid_credentials", message: "The email or phone number, or the password, is wrong." };
  }
  const grants = await grantsOf(db, user.id, c.var.today);
  if (!grants.length) {
    return { ok: false, status: 403, code: "no_role", message: "Your account has no role in force. Ask your network's admin." };
  }
  await clearFailures(db, accountKey);
  await startSession(c, user.id);
  const network = (await networkOf(db, user.network_id))!;
  c.set("session", {
    user: { id: user.id, network_id: user.network_id, display_name: user.display_name, lang: user.lang, email: user.email, phone: user.phone },
    network: { id: network.id, code: network.code, name: network.name, country: network.country, languages: JSON.parse(network.languages) as string[] },
    principal: { user_id: user.id, network_id: user.network_id, grants },
  });
  await audit(db, { network_id: user.network_id, actor_id: user.id, action: "session.sign_in", entity_type: "user", entity_id: user.id, at: now.toISOString() });
  return { ok: true, userId: user.id };
}

export const sessionRoutes = createRouter()
  .openapi(signIn, async (c) => {
    c.header("Cache-Control", PRIVATE_CACHE);
    const body = c.req.valid("json");
    const outcome = await attemptSignIn(c, body, body.password);
    if (!outcome.ok) {
      if (outcome.retry_after_minutes) c.header("Retry-After", String(outcome.retry_after_minutes * 60));
      return c.json(errorBody(outcome.code, outcome.message), outcome.status);
    }
    return c.json(await describeSession(c), 200);
  })
  .openapi(whoAmI, async (c) => {
    if (!c.var.session) return c.json(errorBody("unauthenticated", "Sign in first: POST /api/session."), 401);
    return c.json(await describeSession(c), 200);
  })
  .openapi(signOut, async (c) => {
    await endSession(c);
    return c.body(null, 204);
  });

