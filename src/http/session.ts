/**
 * Sessions and request forgery, as middleware. The session cookie holds 128 random bits; D1 holds only their
 * SHA-256. Over HTTPS (every deployment) the cookie is `__Host-hbw_session`: Secure, HttpOnly, SameSite=Lax, path
 * /, no domain. Plain HTTP happens only on a developer's machine (127.0.0.1), where browsers refuse Secure
 * cookies: there it is `hbw_session`, otherwise the same.
 *
 * A cross-site request can change nothing: every unsafe request to the workspace must come from our own origin
 * (the Origin header, or Sec-Fetch-Site where a browser sends no Origin), and JSON bodies must say so in their
 * Content-Type, which a cross-site form cannot.
 */
import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { can, memberScope, type Capability } from "../auth/access";
import { randomToken, tokenHash } from "../auth/password";
import { createSession, deleteSession, sessionUser, SESSION_ABSOLUTE_MS } from "../db/accounts";
import type { AppEnv } from "./env";
import { errorBody, isApi } from "./errors";
import { PRIVATE_CACHE } from "./middleware";
import { orgFrame } from "./org-frame";

const secure = (c: Context) => new URL(c.req.url).protocol === "https:";
export const cookieName = (c: Context) => (secure(c) ? "__Host-hbw_session" : "hbw_session");

/** Reads the session cookie; sets `c.var.session` when it names a live session. Never fails the request. */
export const readSession: MiddlewareHandler<AppEnv> = async (c, next) => {
  // Anything behind a session is personal: never stored by a cache.
  const id = getCookie(c, cookieName(c));
  if (id && id.length <= 64) {
    const hash = await tokenHash(id);
    const found = await sessionUser(c.var.db, hash, new Date(), c.var.today);
    if (found) {
      c.set("session", found);
      c.set("sessionHash", hash);
    }
  }
  await next();
  if (c.var.session) c.header("Cache-Control", PRIVATE_CACHE);
};

/** Starts a session for a user: a new id every sign-in (the old one, if any, ends). */
export async function startSession(c: Context<AppEnv>, userId: string): Promise<void> {
  if (c.var.sessionHash) await deleteSession(c.var.db, c.var.sessionHash);
  const id = randomToken();
  await createSession(c.var.db, await tokenHash(id), userId, new Date());
  setCookie(c, cookieName(c), id, { path: "/", httpOnly: true, secure: secure(c), sameSite: "Lax", maxAge: SESSION_ABSOLUTE_MS / 1000 });
}

export async function endSession(c: Context<AppEnv>): Promise<void> {
  if (c.var.sessionHash) await deleteSession(c.var.db, c.var.sessionHash);
  deleteCookie(c, cookieName(c), { path: "/", secure: secure(c) });
}

function deny(c: Context<AppEnv>, status: 401 | 403, code: string, message: string, page?: () => Response | Promise<Response>) {
  c.header("Cache-Control", PRIVATE_CACHE);
  if (!isApi(c) && page) return page();
  return c.json(errorBody(code, message), status);
}

/**
 * Requires a signed-in user, and the capability if one is named. Pages send a person without a session to the
 * sign-in page instead.
 */
export function requireSession(capability?: Capability): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const s = c.var.session;
    if (!s) return deny(c, 401, "unauthenticated", "Sign in first: POST /api/session.", () => c.redirect(`/org/sign-in?next=${encodeURIComponent(new URL(c.req.url).pathname)}`, 303));
    if (capability && !can(s.principal, capability)) return deny(c, 403, "forbidden", "Your role does not allow this.", () => c.html(c.var.orgPages.error(orgFrame(c), 403), 403));
    await next();
  };
}

/** The member scope of the signed-in user (call after requireSession("members")). */
export const scopeOf = (c: Context<AppEnv>) => memberScope(c.var.session!.principal)!;

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** Refuses unsafe requests from another site (403), and JSON bodies that do not declare themselves (415). */
export const sameOrigin: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!UNSAFE.has(c.req.method)) return next();
  const origin = c.req.header("origin");
  const site = c.req.header("sec-fetch-site");
  const own = new URL(c.req.url).origin;
  const foreign = origin !== undefined ? origin !== own : site !== undefined && site !== "same-origin" && site !== "none";
  if (foreign) return deny(c, 403, "cross_site_request", "Requests from other sites cannot change anything here.", () => c.text("Requests from other sites cannot change anything here.", 403));
  if (isApi(c) && c.req.method !== "DELETE") {
    const type = c.req.header("content-type") ?? "";
    // A member list may come as its CSV bytes; a cross-site form cannot send text/csv either.
    const csv = new URL(c.req.url).pathname === "/api/imports" && /^text\/csv\b/i.test(type);
    if (!/^application\/json\b/i.test(type) && !csv) return c.json(errorBody("unsupported_media_type", "Send the body as JSON, with Content-Type: application/json."), 415);
  }
  await next();
};
