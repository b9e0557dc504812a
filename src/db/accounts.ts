/**
 * Accounts, roles, sessions, sign-in throttling and invitations in D1. Each function takes the drizzle database
 * first. Tokens are stored only as hashes (src/auth/password.ts).
 */
import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { Grant, Principal } from "../auth/access";
import { activeGrants } from "../auth/access";
import { randomToken, tokenHash } from "../auth/password";
import { audit } from "./members";
import type { Db } from "./queries";
import { clusters, invitations, networks, roleGrants, sessions, signInFailures, users, type Role } from "./schema";

/** Session lifetimes: idle (extended as she works) and absolute (from sign-in). */
export const SESSION_IDLE_MS = 2 * 60 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
/** The idle expiry is pushed forward at most this often (not a write on every request). */
const SESSION_TOUCH_MS = 5 * 60 * 1000;

/** Sign-in throttling: failures allowed in a window, per account and per address, before a lock. */
export const THROTTLE = { window_ms: 15 * 60 * 1000, per_account: 5, per_address: 30, lock_ms: 15 * 60 * 1000 } as const;

export type UserRow = typeof users.$inferSelect;

export async function findUserByLogin(db: Db, login: { email?: string; phone?: string }): Promise<UserRow | undefined> {
  if (login.email) return db.select().from(users).where(eq(users.email, login.email.toLowerCase())).get();
  if (login.phone) return db.select().from(users).where(eq(users.phone, login.phone)).get();
  return undefined;
}

/** The grants of a user valid on `date` and not withdrawn. */
export async function grantsOf(db: Db, userId: string, date: string): Promise<Grant[]> {
  const rows = await db
    .select({ id: roleGrants.id, role: roleGrants.role, cluster_id: roleGrants.cluster_id, valid_from: roleGrants.valid_from, valid_to: roleGrants.valid_to })
    .from(roleGrants)
    .where(and(eq(roleGrants.user_id, userId), isNull(roleGrants.withdrawn_at)));
  return activeGrants(rows, date);
}

export async function createSession(db: Db, idHash: string, userId: string, now: Date): Promise<void> {
  const t = now.getTime();
  await db.batch([
    db.insert(sessions).values({
      id_hash: idHash,
      user_id: userId,
      created_at: now.toISOString(),
      idle_expires_at: new Date(t + SESSION_IDLE_MS).toISOString(),
      absolute_expires_at: new Date(t + SESSION_ABSOLUTE_MS).toISOString(),
    }),
    db.update(users).set({ last_sign_in_at: now.toISOString() }).where(eq(users.id, userId)),
    // Housekeeping: this user's expired sessions go.
    db.delete(sessions).where(and(eq(sessions.user_id, userId), or(lt(sessions.idle_expires_at, now.toISOString()), lt(sessions.absolute_expires_at, now.toISOString())))),
  ]);
}

export interface SessionUser {
  user: Pick<UserRow, "id" | "network_id" | "display_name" | "lang" | "email" | "phone">;
  network: { id: string; code: string; name: string; country: string; languages: string[] };
  principal: Principal;
}

/** The signed-in user behind a session id hash, if the session is alive; extends its idle expiry. */
export async function sessionUser(db: Db, idHash: string, now: Date, date: string): Promise<SessionUser | undefined> {
  const row = await db
    .select({ s: sessions, u: { id: users.id, network_id: users.network_id, display_name: users.display_name, lang: users.lang, email: users.email, phone: users.phone, status: users.status }, n: { id: networks.id, code: networks.code, name: networks.name, country: networks.country, languages: networks.languages } })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.user_id))
    .innerJoin(networks, eq(networks.id, users.network_id))
    .where(eq(sessions.id_hash, idHash))
    .get();
  if (!row) return undefined;
  const iso = now.toISOString();
  if (row.s.idle_expires_at <= iso || row.s.absolute_expires_at <= iso || row.u.status !== "active") {
    await db.delete(sessions).where(eq(sessions.id_hash, idHash));
    return undefined;
  }
  const idle = new Date(now.getTime() + SESSION_IDLE_MS).toISOString();
  if (Date.parse(idle) - Date.parse(row.s.idle_expires_at) > SESSION_TOUCH_MS) {
    const capped = idle < row.s.absolute_expires_at ? idle : row.s.absolute_expires_at;
    await db.update(sessions).set({ idle_expires_at: capped }).where(eq(sessions.id_hash, idHash));
  }
  const { status: _s, ...user } = row.u;
  const grants = await grantsOf(db, user.id, date);
  return { user, network: { ...row.n, languages: JSON.parse(row.n.languages) as string[] }, principal: { user_id: user.id, network_id: user.network_id, grants } };
}

export async function deleteSession(db: Db, idHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id_hash, idHash));
}

export async function deleteSessionsOf(db: Db, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.user_id, userId));
}

/** Whether sign-in is locked for any of these keys; the latest lock end if so. */
export async function lockedUntil(db: Db, keys: string[], now: Date): Promise<string | undefined> {
  const rows = await db.select().from(signInFailures).where(or(...keys.map((k) => eq(signInFailures.key, k))));
  const iso = now.toISOString();
  const locks = rows.map((r) => r.locked_until).filter((l): l is string => !!l && l > iso);
  return locks.sort().at(-1);
}

/** Counts a failed sign-in against each key (`account:<login>`, `address:<ip>`), locking a key over its limit. */
export async function recordFailure(db: Db, keys: { key: string; limit: number }[], now: Date): Promise<void> {
  const iso = now.toISOString();
  const windowStart = new Date(now.getTime() - THROTTLE.window_ms).toISOString();
  const lock = new Date(now.getTime() + THROTTLE.lock_ms).toISOString();
  await db.batch(
    keys.map(({ key, limit }) =>
      db
        .insert(signInFailures)
        .values({ key, failures: 1, window_start: iso, locked_until: limit <= 1 ? lock : null })
        .onConflictDoUpdate({
          target: signInFailures.key,
          set: {
            // A window that has passed starts again at one failure.
            failures: sql`CASE WHEN ${signInFailures.window_start} < ${windowStart} THEN 1 ELSE ${signInFailures.failures} + 1 END`,
            window_start: sql`CASE WHEN ${signInFailures.window_start} < ${windowStart} THEN ${iso} ELSE ${signInFailures.window_start} END`,
            locked_until: sql`CASE WHEN ${signInFailures.window_start} >= ${windowStart} AND ${signInFailures.failures} + 1 >= ${limit} THEN ${lock} ELSE ${signInFailures.locked_until} END`,
          },
        }),
    ) as [any, ...any[]],
  );
}

export async function clearFailures(db: Db, key: string): Promise<void> {
  await db.delete(signInFailures).where(eq(signInFailures.key, key));
}

export async function networkOf(db: Db, id: string) {
  return db.select().from(networks).where(eq(networks.id, id)).get();
}

export async function clustersOf(db: Db, networkId: string) {
  return db.select().from(clusters).where(eq(clusters.network_id, networkId)).orderBy(clusters.name);
}

export interface InvitationInput {
  token_hash: string;
  network_id: string;
  role: Role;
  cluster_ids: string[];
  created_by: string;
  now: Date;
  expires_at: string;
}

export async function createInvitation(db: Db, i: InvitationInput): Promise<void> {
  await db.insert(invitations).values({
    token_hash: i.token_hash,
    network_id: i.network_id,
    role: i.role,
    cluster_ids: JSON.stringify(i.cluster_ids),
    created_by: i.created_by,
    created_at: i.now.toISOString(),
    expires_at: i.expires_at,
  });
}

export async function findInvitation(db: Db, tokenHash: string) {
  return db.select().from(invitations).where(eq(invitations.token_hash, tokenHash)).get();
}

export async function usersOf(db: Db, networkId: string) {
  const rows = await db.select({ id: users.id, display_name: users.display_name, email: users.email, phone: users.phone, status: users.status, last_sign_in_at: users.last_sign_in_at }).from(users).where(eq(users.network_id, networkId)).orderBy(users.display_name);
  const grants = await db.select().from(roleGrants).where(and(eq(roleGrants.network_id, networkId), isNull(roleGrants.withdrawn_at)));
  return rows.map((u) => ({ ...u, grants: grants.filter((g) => g.user_id === u.id).map(({ id, role, cluster_id, valid_from, valid_to }) => ({ id, role, cluster_id, valid_from, valid_to })) }));
}

/**
 * Issues a single-use invitation (only its hash is kept) and records it in the audit log. Answers the token, to be
 * shown once, and when it expires. Shared by the API and the Team page.
 */
export async function issueInvitation(db: Db, i: { network_id: string; role: Role; cluster_ids: string[]; created_by: string; expires_in_days: number }): Promise<{ token: string; expires_at: string }> {
  const token = randomToken();
  const now = new Date();
  const expires_at = new Date(now.getTime() + i.expires_in_days * 86400000).toISOString();
  await createInvitation(db, { token_hash: await tokenHash(token), network_id: i.network_id, role: i.role, cluster_ids: i.role === "organizer" ? i.cluster_ids : [], created_by: i.created_by, now, expires_at });
  await audit(db, { network_id: i.network_id, actor_id: i.created_by, action: "invitation.create", entity_type: "invitation", fields: ["role", "cluster_ids"], at: now.toISOString() });
  return { token, expires_at };
}

/** Withdraws a role in force and ends the user's sessions (she signs in again with what she still has). False if no such grant. */
export async function withdrawGrant(db: Db, w: { network_id: string; user_id: string; grant_id: string; actor_id: string }): Promise<boolean> {
  const grant = await db.select().from(roleGrants).where(and(eq(roleGrants.id, w.grant_id), eq(roleGrants.user_id, w.user_id), eq(roleGrants.network_id, w.network_id), isNull(roleGrants.withdrawn_at))).get();
  if (!grant) return false;
  const now = new Date().toISOString();
  await db.update(roleGrants).set({ withdrawn_at: now }).where(eq(roleGrants.id, grant.id));
  await deleteSessionsOf(db, w.user_id);
  await audit(db, { network_id: w.network_id, actor_id: w.actor_id, action: "role.withdraw", entity_type: "user", entity_id: w.user_id, fields: ["role"], at: now });
  return true;
}
