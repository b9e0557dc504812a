/**
 * A network admin's API: invitations (single-use links that expire; the Worker sends no email — the admin passes
 * the link on), accepting one, the network's users and their roles, withdrawing a role (which ends the user's
 * sessions), and the audit log.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { and, eq, isNull } from "drizzle-orm";
import { hashPassword, newId, tokenHash } from "../../auth/password";
import { clustersOf, findInvitation, findUserByLogin, issueInvitation, usersOf, withdrawGrant } from "../../db/accounts";
import { audit, auditPage } from "../../db/members";
import { invitations, roleGrants, users } from "../../db/schema";
import { getEngine } from "../../rules/registry";
import { normalizePhone } from "../../members/workspace";
import { networkOf } from "../../db/accounts";
import { errorBody } from "../errors";
import { PRIVATE_CACHE } from "../middleware";
import { createRouter } from "../router";
import { ErrorSchema } from "../schemas";
import { AcceptInvitationSchema, AuditQuerySchema, InvitationInputSchema, SESSION_SECURITY } from "../workspace-schemas";

const body = <T extends z.ZodType>(schema: T) => ({ body: { required: true, content: { "application/json": { schema } } } });
const res = <T extends z.ZodType>(description: string, schema: T) => ({ description, content: { "application/json": { schema } } });
const err = (description: string) => res(description, ErrorSchema);
const base = { tags: ["workspace"], security: SESSION_SECURITY };
const adminOnly = { 401: err("Not signed in"), 403: err("Only a network admin may do this, or the request came from another site") };

const invite = createRoute({
  ...base,
  method: "post",
  path: "/api/invitations",
  operationId: "createInvitation",
  summary: "Invite someone to the network with a role",
  description: "Answers a single-use link, valid for expires_in_days (7 by default). Only its hash is stored; pass the link on yourself.",
  request: body(InvitationInputSchema),
  responses: { 201: res("The invitation", z.object({ url: z.string(), expires_at: z.string() })), 400: err("Invalid body or unknown cluster"), ...adminOnly },
});

const TokenParam = z.object({ token: z.string().max(64).openapi({ param: { name: "token", in: "path" } }) });

const accept = createRoute({
  method: "post",
  path: "/api/invitations/{token}/accept",
  operationId: "acceptInvitation",
  tags: ["workspace"],
  summary: "Accept an invitation: create the account and its role",
  security: [],
  request: { params: TokenParam, ...body(AcceptInvitationSchema) },
  responses: {
    201: res("Account created; sign in with POST /api/session", z.object({ user_id: z.string() })),
    400: err("Invalid body"),
    404: err("No such invitation, or it was used or has expired"),
    409: err("The email or phone is already used by an account"),
  },
});

const listUsers = createRoute({
  ...base,
  method: "get",
  path: "/api/users",
  operationId: "listUsers",
  summary: "The network's users and their roles in force",
  responses: {
    200: res(
      "Users",
      z.object({
        items: z.array(
          z.object({
            id: z.string(),
            display_name: z.string(),
            email: z.string().nullable(),
            phone: z.string().nullable(),
            status: z.string(),
            last_sign_in_at: z.string().nullable(),
            grants: z.array(z.object({ id: z.string(), role: z.string(), cluster_id: z.string().nullable(), valid_from: z.string(), valid_to: z.string().nullable() })),
          }),
        ),
      }),
    ),
    ...adminOnly,
  },
});

const GrantParam = z.object({
  id: z.string().max(64).openapi({ param: { name: "id", in: "path" } }),
  grant_id: z.string().max(64).openapi({ param: { name: "grant_id", in: "path" } }),
});

const withdrawGrantRoute = createRoute({
  ...base,
  method: "delete",
  path: "/api/users/{id}/grants/{grant_id}",
  operationId: "withdrawGrant",
  summary: "Withdraw a role (ends the user's sessions)",
  request: { params: GrantParam },
  responses: { 204: { description: "Withdrawn" }, 404: err("No such user or grant in your network"), ...adminOnly },
});

const readAudit = createRoute({
  ...base,
  method: "get",
  path: "/api/audit",
  operationId: "listAudit",
  summary: "The network's audit log, newest first",
  description: "Who viewed, changed, exported or erased which member, and sign-ins: ids and field names, never values. `before` pages back; `member` filters by a member id.",
  request: { query: AuditQuerySchema },
  responses: {
    200: res(
      "Audit entries",
      z.object({
        items: z.array(z.object({ id: z.number(), at: z.string(), actor_id: z.string().nullable(), action: z.string(), entity_type: z.string(), entity_id: z.string().nullable(), fields: z.array(z.string()) })),
        next_before: z.number().nullable(),
      }),
    ),
    400: err("Invalid query"),
    ...adminOnly,
  },
});

export const adminRoutes = createRouter()
  .openapi(invite, async (c) => {
    const s = c.var.session!;
    const input = c.req.valid("json");
    const clusters = await clustersOf(c.var.db, s.user.network_id);
    const unknown = input.cluster_ids.find((id) => !clusters.some((cl) => cl.id === id));
    if (unknown) return c.json(errorBody("invalid_request", "The request is not valid; see issues.", [{ path: "cluster_ids", code: "unknown_cluster", message: `no cluster ${unknown} in your network` }]), 400);
    if (input.role === "organizer" && !input.cluster_ids.length) return c.json(errorBody("invalid_request", "The request is not valid; see issues.", [{ path: "cluster_ids", code: "required", message: "an organizer works in at least one cluster" }]), 400);
    const { token, expires_at } = await issueInvitation(c.var.db, { network_id: s.user.network_id, role: input.role, cluster_ids: input.cluster_ids, created_by: s.user.id, expires_in_days: input.expires_in_days });
    c.header("Cache-Control", PRIVATE_CACHE);
    return c.json({ url: `${new URL(c.req.url).origin}/org/join/${token}`, expires_at }, 201);
  })
  .openapi(accept, async (c) => {
    c.header("Cache-Control", PRIVATE_CACHE);
    const input = c.req.valid("json");
    const result = await acceptInvitation(c.var.db, c.req.valid("param").token, input, c.var.today);
    if ("problem" in result) return c.json(errorBody(result.problem.code, result.problem.message, result.problem.issues), result.problem.status);
    return c.json({ user_id: result.user_id }, 201);
  })
  .openapi(listUsers, async (c) => c.json({ items: await usersOf(c.var.db, c.var.session!.user.network_id) }, 200))
  .openapi(withdrawGrantRoute, async (c) => {
    const s = c.var.session!;
    const { id, grant_id } = c.req.valid("param");
    if (!(await withdrawGrant(c.var.db, { network_id: s.user.network_id, user_id: id, grant_id, actor_id: s.user.id }))) return c.json(errorBody("not_found", "No such user or role in your network."), 404);
    return c.body(null, 204);
  })
  .openapi(readAudit, async (c) => {
    const q = c.req.valid("query");
    const page = await auditPage(c.var.db, c.var.session!.user.network_id, { before: q.before, limit: q.limit, entity_id: q.member });
    return c.json({ items: page.rows.map(({ network_id: _n, ...r }) => r), next_before: page.more ? page.rows.at(-1)!.id : null }, 200);
  });

type AcceptInput = z.infer<typeof AcceptInvitationSchema>;
type AcceptProblem = { status: 400 | 404 | 409; code: string; message: string; issues?: { path: string; code: string; message: string }[] };

/** Creates the invited account and its role; the invitation is spent first, so it cannot be used twice. */
export async function acceptInvitation(db: import("../../db/queries").Db, token: string, input: AcceptInput, today: string): Promise<{ user_id: string } | { problem: AcceptProblem }> {
  const hash = await tokenHash(token);
  const inv = await findInvitation(db, hash);
  const now = new Date().toISOString();
  if (!inv || inv.used_at || inv.expires_at <= now) return { problem: { status: 404, code: "not_found", message: "This invitation does not exist, was used, or has expired. Ask your network's admin for a new one." } };
  const network = (await networkOf(db, inv.network_id))!;
  const languages = getEngine(network.country)!.pack.country.languages;
  if (!languages.includes(input.lang)) return { problem: { status: 400, code: "invalid_request", message: "The request is not valid; see issues.", issues: [{ path: "lang", code: "unknown_language", message: `must be one of ${languages.join(", ")}` }] } };
  let phone: string | null = null;
  if (input.phone) {
    phone = normalizePhone(input.phone, network.country) ?? null;
    if (!phone) return { problem: { status: 400, code: "invalid_request", message: "The request is not valid; see issues.", issues: [{ path: "phone", code: "invalid_phone", message: "is not a phone number of this country (or in international form)" }] } };
  }
  if ((input.email && (await findUserByLogin(db, { email: input.email }))) || (phone && (await findUserByLogin(db, { phone })))) {
    return { problem: { status: 409, code: "login_taken", message: "An account already uses this email or phone number." } };
  }
  const userId = newId();
  const spent = await db.update(invitations).set({ used_at: now, used_by: userId }).where(and(eq(invitations.token_hash, hash), isNull(invitations.used_at)));
  if (!((spent as unknown as { meta?: { changes?: number } }).meta?.changes)) return { problem: { status: 404, code: "not_found", message: "This invitation was just used." } };
  const clusterIds = JSON.parse(inv.cluster_ids) as string[];
  const password_hash = await hashPassword(input.password);
  const grants = (clusterIds.length ? clusterIds : [null]).map((cluster_id) => ({ id: newId(), user_id: userId, network_id: inv.network_id, role: inv.role, cluster_id, valid_from: today, valid_to: null, granted_by: inv.created_by, created_at: now }));
  await db.batch([
    db.insert(users).values({ id: userId, network_id: inv.network_id, email: input.email ?? null, phone, display_name: input.display_name, password_hash, lang: input.lang, created_at: now }),
    db.insert(roleGrants).values(grants),
  ]);
  await audit(db, { network_id: inv.network_id, actor_id: userId, action: "invitation.accept", entity_type: "user", entity_id: userId, fields: ["role"], at: now });
  return { user_id: userId };
}
