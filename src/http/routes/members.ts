/**
 * The member registry as a JSON API: members, their consents, screenings, enrollments and follow-ups. Every route
 * needs a session whose role reaches members (admins and organizers; never advocates); a member outside the
 * caller's clusters or network is a 404, as if she did not exist. Nothing here is ever cached.
 */
import { createRoute, z } from "@hono/zod-openapi";
import type { Evaluation, Facts } from "../../engine/types";
import { factLabel } from "../../interview";
import { presentResults } from "../../present/content";
import { getEngine } from "../../rules/registry";
import * as ws from "../../members/workspace";
import { listMembers } from "../../db/members";
import { CheckResponseSchema, ErrorSchema } from "../schemas";
import { createRouter } from "../router";
import { callerOf, problemResponse } from "../workspace";
import {
  ConsentInputSchema,
  ConsentSchema,
  MemberDetailSchema,
  MemberListQuerySchema,
  MemberListSchema,
  MemberPatchSchema,
  MemberSummarySchema,
  MoveSchema,
  NewMemberSchema,
  ScreeningInputSchema,
  SESSION_SECURITY,
  WithdrawalSchema,
} from "../workspace-schemas";

const body = <T extends z.ZodType>(schema: T) => ({ body: { required: true, content: { "application/json": { schema } } } });
const res = <T extends z.ZodType>(description: string, schema: T) => ({ description, content: { "application/json": { schema } } });
const err = (description: string) => res(description, ErrorSchema);
const IdParam = z.object({ id: z.string().max(64).openapi({ param: { name: "id", in: "path" } }) });
const common = {
  401: err("Not signed in"),
  403: err("Your role has no access to members (advocates see aggregates only), or the request came from another site"),
};
const base = { tags: ["workspace"], security: SESSION_SECURITY };

const encodeCursor = (k: string, i: string) => btoa(unescape(encodeURIComponent(JSON.stringify([k, i])))).replace(/=+$/, "");
function decodeCursor(s: string | undefined): { name_key: string; id: string } | undefined | null {
  if (!s) return undefined;
  try {
    const [name_key, id] = JSON.parse(decodeURIComponent(escape(atob(s)))) as unknown[];
    return typeof name_key === "string" && typeof id === "string" ? { name_key, id } : null;
  } catch {
    return null;
  }
}

const list = createRoute({
  ...base,
  method: "get",
  path: "/api/members",
  operationId: "listMembers",
  summary: "Find members",
  description: "Members of your clusters (all the network's, for an admin), by the start of the words of her name (\"wanj otie\" finds Wanjiku Otieno), her member number or her phone, by cluster, by a scheme's status or enrollment state, or with follow-ups due; sorted by name, 50 at a time (next_cursor for more).",
  request: { query: MemberListQuerySchema },
  responses: { 200: res("A page of members", MemberListSchema), 400: err("Invalid query"), ...common },
});

const create = createRoute({
  ...base,
  method: "post",
  path: "/api/members",
  operationId: "createMember",
  summary: "Add a member, with her consent",
  description: "Her consent is recorded with her, in one transaction: nothing is kept without consent to screening or follow-up, and facts only with consent to screening. The answer carries the receipt code to read back to her.",
  request: body(NewMemberSchema),
  responses: {
    201: res("Added", z.object({ member: MemberSummarySchema, receipt_code: z.string() })),
    400: err("Invalid body, unknown cluster, language, phone or fact"),
    409: err("Member number already used in the network, or a member with this number or phone was erased (confirm with returning_after_erasure)"),
    ...common,
  },
});

const read = createRoute({
  ...base,
  method: "get",
  path: "/api/members/{id}",
  operationId: "getMember",
  summary: "A member, her consents, latest screening, enrollments and follow-ups",
  description: "Each read is recorded in the audit log (who, when, which member — never her data).",
  request: { params: IdParam },
  responses: { 200: res("The member", MemberDetailSchema), 404: err("No such member in your clusters"), ...common },
});

const patch = createRoute({
  ...base,
  method: "patch",
  path: "/api/members/{id}",
  operationId: "updateMember",
  summary: "Change a member's details or facts",
  description: "Facts given are merged into hers (null: she does not know) and pass the same facts gate as every check.",
  request: { params: IdParam, ...body(MemberPatchSchema) },
  responses: { 200: res("Changed", MemberSummarySchema), 400: err("Invalid body"), 404: err("No such member in your clusters"), 409: err("Member number taken, or her consent does not cover facts"), ...common },
});

const erase = createRoute({
  ...base,
  method: "delete",
  path: "/api/members/{id}",
  operationId: "eraseMember",
  summary: "Erase a member",
  description: "Deletes all her personal data, facts, consents, screenings, enrollments and follow-ups in one transaction. The audit log keeps that it happened (no personal data); keyed hashes of her member number and phone stop an import from bringing her back silently.",
  request: { params: IdParam },
  responses: { 204: { description: "Erased" }, 404: err("No such member in your clusters"), 503: err("The Worker has no MEMBER_KEY_SECRET"), ...common },
});

const consent = createRoute({
  ...base,
  method: "post",
  path: "/api/members/{id}/consents",
  operationId: "recordConsent",
  summary: "Record a new consent",
  description: "Terms of a consent are fixed once given: a correction is a new consent. Purposes gate what the workspace does: no statistics purpose, no place in any aggregate.",
  request: { params: IdParam, ...body(ConsentInputSchema) },
  responses: { 201: res("Recorded", ConsentSchema), 400: err("Invalid body"), 404: err("No such member in your clusters"), ...common },
});

const withdraw = createRoute({
  ...base,
  method: "post",
  path: "/api/members/{id}/consents/{consent_id}/withdrawal",
  operationId: "withdrawConsent",
  summary: "Withdraw a consent",
  description: "Records the date, channel and effect. The effect `erase` erases her at once.",
  request: { params: IdParam.extend({ consent_id: z.string().max(64).openapi({ param: { name: "consent_id", in: "path" } }) }), ...body(WithdrawalSchema) },
  responses: { 200: res("Withdrawn", z.object({ erased: z.boolean() })), 400: err("Invalid body"), 404: err("No such member or consent"), 409: err("Already withdrawn"), ...common },
});

const screen = createRoute({
  ...base,
  method: "post",
  path: "/api/members/{id}/screenings",
  operationId: "screenMember",
  summary: "Screen a member (assisted)",
  description: "Evaluates her stored facts, with any given now, against her country's rules on the date (today by default), and stores the facts used, the rules' versions and hashes, and per scheme the status and the ids of criteria that failed or were unknown. Her enrollments decide covered_by for the schemes the workspace follows.",
  request: { params: IdParam, ...body(ScreeningInputSchema) },
  responses: {
    201: res("Screened", z.object({ screening_id: z.string(), result: CheckResponseSchema })),
    400: err("Invalid facts"),
    404: err("No such member in your clusters"),
    409: err("Her consent does not cover screening"),
    ...common,
  },
});

const move = createRoute({
  ...base,
  method: "put",
  path: "/api/members/{id}/enrollments/{scheme}",
  operationId: "moveEnrollment",
  summary: "Move her enrollment in a scheme",
  description:
    "The state machine: not_started → gathering_documents → ready_to_apply → applied → enrolled | rejected; rejected → appealed | gathering_documents; appealed → enrolled | rejected; enrolled → lapsed | exited; lapsed → enrolled | exited; declined from any open step, and back to not_started. enrolled needs verification; declined and rejected need a barrier; a barrier with the current open state records a stalled case. Anything else is a 409 naming the allowed steps.",
  request: { params: IdParam.extend({ scheme: z.string().regex(/^[a-z0-9_]+$/).max(64).openapi({ param: { name: "scheme", in: "path" } }) }), ...body(MoveSchema) },
  responses: {
    200: res("Moved", z.object({ scheme: z.string(), state: z.string(), since: z.string(), version: z.number() })),
    400: err("Invalid body"),
    404: err("No such member in your clusters, or no such scheme"),
    409: err("A move the state machine does not allow, a missing verification or barrier, or a record changed meanwhile"),
    ...common,
  },
});

const followUps = createRoute({
  ...base,
  method: "get",
  path: "/api/follow-ups",
  operationId: "listFollowUps",
  summary: "What is due: follow-ups, members eligible but not started, applications waiting",
  responses: {
    200: res(
      "The organizer's work list",
      z.object({
        today: z.string(),
        due: z.array(z.object({ id: z.string(), member_id: z.string(), name: z.string(), member_no: z.string(), scheme: z.string(), kind: z.string(), due_on: z.string() })),
        eligible_not_started: z.array(z.object({ member_id: z.string(), name: z.string(), member_no: z.string(), scheme: z.string(), status: z.string() })),
        waiting_too_long: z.array(z.object({ member_id: z.string(), name: z.string(), member_no: z.string(), scheme: z.string(), since: z.string() })),
      }),
    ),
    ...common,
  },
});

const summary = (m: { id: string; member_no: string; name: string; cluster_id: string; phone: string | null; lang: string; consent_state: string }) => ({
  id: m.id,
  member_no: m.member_no,
  name: m.name,
  cluster_id: m.cluster_id,
  phone: m.phone,
  lang: m.lang,
  consent_state: m.consent_state,
});

export const memberRoutes = createRouter()
  .openapi(list, async (c) => {
    const query = c.req.valid("query");
    const after = decodeCursor(query.cursor);
    if (after === null) return c.json({ error: { code: "invalid_request", message: "The request is not valid; see issues.", issues: [{ path: "cursor", code: "invalid_cursor", message: "is not a cursor this API gave" }] } }, 400);
    const phone = query.q && /\d{6}/.test(query.q.replace(/\D/g, "")) ? ws.normalizePhone(query.q, c.var.session!.network.country) : undefined;
    const { items, more } = await listMembers(c.var.db, callerOf(c).scope, { ...query, phone, after, limit: query.limit });
    const last = items.at(-1);
    return c.json({ items: items.map(summary), next_cursor: more && last ? encodeCursor(last.name_key, last.id) : null }, 200);
  })
  .openapi(create, async (c) => {
    const r = await ws.createMember(callerOf(c), c.req.valid("json") as ws.NewMemberInput);
    if (!r.ok) return problemResponse(c, r.problem) as never;
    return c.json({ member: summary(r.value.member), receipt_code: r.value.receipt_code }, 201);
  })
  .openapi(read, async (c) => {
    const r = await ws.viewMember(callerOf(c), c.req.valid("param").id);
    if (!r.ok) return problemResponse(c, r.problem) as never;
    return c.json(r.value as never, 200);
  })
  .openapi(patch, async (c) => {
    const r = await ws.updateMember(callerOf(c), c.req.valid("param").id, c.req.valid("json"));
    if (!r.ok) return problemResponse(c, r.problem) as never;
    return c.json(summary(r.value), 200);
  })
  .openapi(erase, async (c) => {
    const r = await ws.eraseMember(callerOf(c), c.req.valid("param").id);
    if (!r.ok) return problemResponse(c, r.problem) as never;
    return c.body(null, 204);
  })
  .openapi(consent, async (c) => {
    const r = await ws.addConsent(callerOf(c), c.req.valid("param").id, c.req.valid("json"));
    if (!r.ok) return problemResponse(c, r.problem) as never;
    return c.json({ ...r.value, withdrawn_on: null, withdrawal_channel: null, withdrawal_effect: null }, 201);
  })
  .openapi(withdraw, async (c) => {
    const { id, consent_id } = c.req.valid("param");
    const r = await ws.withdrawConsent(callerOf(c), id, consent_id, c.req.valid("json"));
    if (!r.ok) return problemResponse(c, r.problem) as never;
    return c.json(r.value, 200);
  })
  .openapi(screen, async (c) => {
    const caller = callerOf(c);
    const r = await ws.screenMember(caller, c.req.valid("param").id, c.req.valid("json"));
    if (!r.ok) return problemResponse(c, r.problem) as never;
    return c.json({ screening_id: r.value.screening_id, result: resultBody(r.value.evaluation, r.value.facts) }, 201);
  })
  .openapi(move, async (c) => {
    const { id, scheme } = c.req.valid("param");
    const r = await ws.moveEnrollment(callerOf(c), id, scheme, c.req.valid("json"));
    if (!r.ok) return problemResponse(c, r.problem) as never;
    const e = r.value;
    return c.json({ scheme: e.scheme, state: e.state, since: e.since, version: e.version }, 200);
  })
  .openapi(followUps, async (c) => c.json(await ws.followUps(callerOf(c)), 200));

function resultBody(evaluation: Evaluation, facts: Facts) {
  const engine = getEngine(evaluation.country)!;
  return {
    country: evaluation.country,
    date: evaluation.date,
    lang: evaluation.lang,
    rules_version: evaluation.rules_version,
    results: presentResults(engine.pack, evaluation, facts),
    next_question: evaluation.next_question ? { ...evaluation.next_question, label: factLabel(engine.pack, evaluation.next_question.fact, evaluation.lang) } : null,
  };
}
