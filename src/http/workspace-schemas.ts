/**
 * Request and response schemas of the organizer's workspace API (sessions, members, consents, screenings,
 * enrollments, follow-ups, users, the audit log). The same schemas validate requests and document them.
 */
import { z } from "@hono/zod-openapi";
import { BARRIERS, CONSENT_METHODS, CONSENT_PURPOSES, RECORDED_METHODS, ENROLLMENT_STATES, ROLES, VERIFICATIONS, WITHDRAWAL_CHANNELS, WITHDRAWAL_EFFECTS } from "../members/enums";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "../auth/password";
import { DateSchema, FactsSchema, LangSchema } from "./schemas";

/** The security requirement of every workspace operation: the session cookie. */
export const SESSION_SECURITY = [{ session: [] }];

export const SESSION_SCHEME = {
  type: "apiKey" as const,
  in: "cookie" as const,
  name: "__Host-hbw_session",
  description: "Set by POST /api/session. Over plain HTTP on a developer's machine the cookie is named hbw_session.",
};

const Id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, "must be an id as the API gave it");

export const SignInSchema = z
  .object({
    email: z.string().trim().toLowerCase().email("must be an email address").max(254).optional(),
    phone: z.string().trim().min(6).max(32).optional(),
    password: z.string().min(1, "is required").max(MAX_PASSWORD_LENGTH),
  })
  .strict()
  .refine((b) => (b.email === undefined) !== (b.phone === undefined), { message: "give either email or phone", path: ["email"], params: { issue: "email_or_phone" } })
  .openapi("SignIn");

const GrantSchema = z.object({ id: z.string(), role: z.enum(ROLES), cluster_id: z.string().nullable(), valid_from: z.string(), valid_to: z.string().nullable() });

export const SessionSchema = z
  .object({
    user: z.object({ id: z.string(), display_name: z.string(), email: z.string().nullable(), phone: z.string().nullable(), lang: z.string() }),
    network: z.object({ id: z.string(), code: z.string(), name: z.string(), country: z.string(), languages: z.array(z.string()) }),
    clusters: z.array(z.object({ id: z.string(), code: z.string(), name: z.string() })),
    grants: z.array(GrantSchema),
  })
  .openapi("Session");

export const ConsentInputSchema = z
  .object({
    notice_version: z.string().trim().min(1).max(32).openapi({ example: "2026-01" }),
    notice_lang: LangSchema,
    purposes: z.array(z.enum(CONSENT_PURPOSES)).min(1, "name at least one purpose").max(CONSENT_PURPOSES.length),
    method: z.enum(RECORDED_METHODS),
    witness: z.string().trim().min(1).max(100).optional(),
    given_on: DateSchema.optional(),
  })
  .strict()
  .openapi("ConsentInput");

export const ConsentSchema = z
  .object({
    id: z.string(),
    notice_version: z.string(),
    notice_lang: z.string(),
    purposes: z.array(z.enum(CONSENT_PURPOSES)),
    method: z.enum(CONSENT_METHODS),
    witness: z.string().nullable(),
    given_on: z.string(),
    recorded_by: z.string(),
    recorded_at: z.string(),
    receipt_code: z.string(),
    withdrawn_on: z.string().nullable(),
    withdrawal_channel: z.enum(WITHDRAWAL_CHANNELS).nullable(),
    withdrawal_effect: z.enum(WITHDRAWAL_EFFECTS).nullable(),
  })
  .openapi("Consent");

export const WithdrawalSchema = z
  .object({ withdrawn_on: DateSchema.optional(), channel: z.enum(WITHDRAWAL_CHANNELS), effect: z.enum(WITHDRAWAL_EFFECTS) })
  .strict()
  .openapi("Withdrawal");

const Name = z.string().trim().min(1, "is required").max(120);
const MemberNo = z.string().trim().min(1, "is required").max(40).regex(/^[\p{L}\p{N}._/-]+$/u, "must be letters, digits and . _ / - only");
const Phone = z.string().trim().max(32);

export const NewMemberSchema = z
  .object({
    cluster_id: Id,
    member_no: MemberNo,
    name: Name,
    phone: Phone.nullable().optional(),
    lang: LangSchema,
    facts: FactsSchema.optional(),
    consent: ConsentInputSchema,
    returning_after_erasure: z.boolean().optional(),
  })
  .strict()
  .openapi("NewMember");

export const MemberPatchSchema = z
  .object({ name: Name.optional(), phone: Phone.nullable().optional(), cluster_id: Id.optional(), member_no: MemberNo.optional(), lang: LangSchema.optional(), facts: FactsSchema.optional() })
  .strict()
  .openapi("MemberPatch");

export const MemberSummarySchema = z
  .object({ id: z.string(), member_no: z.string(), name: z.string(), cluster_id: z.string(), phone: z.string().nullable(), lang: z.string(), consent_state: z.string() })
  .openapi("MemberSummary");

export const MemberListSchema = z.object({ items: z.array(MemberSummarySchema), next_cursor: z.string().nullable() }).openapi("MemberList");

export const MemberListQuerySchema = z.object({
  q: z.string().trim().max(100).optional().openapi({ description: "The start of the words of her name, her member number or her phone number" }),
  cluster: Id.optional(),
  scheme: z.string().regex(/^[a-z0-9_]+$/).max(64).optional(),
  status: z.enum(["eligible", "likely_eligible", "needs_info", "likely_not_eligible", "not_eligible"]).optional(),
  enrollment: z.enum(ENROLLMENT_STATES).optional(),
  due_by: DateSchema.optional().openapi({ description: "Members with a follow-up due on or before this date" }),
  cursor: z.string().max(400).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const EnrollmentSchema = z
  .object({
    scheme: z.string(),
    state: z.enum(ENROLLMENT_STATES),
    since: z.string(),
    verification: z.enum(VERIFICATIONS).nullable(),
    barrier: z.enum(BARRIERS).nullable(),
    version: z.number().int(),
    updated_at: z.string(),
  })
  .openapi("Enrollment");

export const MemberDetailSchema = z
  .object({
    member: MemberSummarySchema.extend({ facts: z.record(z.string(), z.unknown()), stats_consent: z.boolean(), created_at: z.string(), updated_at: z.string() }),
    consents: z.array(ConsentSchema),
    screening: z
      .object({
        id: z.string(),
        date: z.string(),
        lang: z.string(),
        rules_version: z.string(),
        recorded_at: z.string(),
        results: z.array(z.object({ scheme: z.string(), status: z.string(), rule_version: z.string(), version_hash: z.string(), failed: z.array(z.string()), unknown: z.array(z.string()) })),
      })
      .nullable(),
    enrollments: z.array(EnrollmentSchema),
    events: z.array(z.object({ scheme: z.string(), from_state: z.string().nullable(), to_state: z.string(), occurred_on: z.string(), recorded_at: z.string(), recorded_by: z.string() })),
    tasks: z.array(z.object({ id: z.string(), scheme: z.string(), kind: z.string(), due_on: z.string(), status: z.string() })),
  })
  .openapi("MemberDetail");

export const ScreeningInputSchema = z.object({ facts: FactsSchema.optional(), lang: LangSchema.optional(), date: DateSchema.optional() }).strict().openapi("ScreeningInput");

export const MoveSchema = z
  .object({
    to: z.enum(ENROLLMENT_STATES),
    occurred_on: DateSchema.optional().openapi({ description: "The date it happened (today if absent; may be earlier)" }),
    verification: z.enum(VERIFICATIONS).optional(),
    barrier: z.enum(BARRIERS).optional(),
    version: z.number().int().min(1).optional().openapi({ description: "The record's version as you read it; a 409 if it changed since" }),
  })
  .strict()
  .openapi("EnrollmentMove");

export const InvitationInputSchema = z
  .object({ role: z.enum(ROLES), cluster_ids: z.array(Id).max(50).default([]), expires_in_days: z.number().int().min(1).max(30).default(7) })
  .strict()
  .openapi("InvitationInput");

export const AcceptInvitationSchema = z
  .object({
    display_name: Name,
    email: z.string().trim().toLowerCase().email("must be an email address").max(254).optional(),
    phone: Phone.optional(),
    password: z.string().min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`).max(MAX_PASSWORD_LENGTH),
    lang: LangSchema,
  })
  .strict()
  .refine((b) => b.email !== undefined || b.phone !== undefined, { message: "give an email or a phone number to sign in with", path: ["email"], params: { issue: "email_or_phone" } })
  .openapi("AcceptInvitation");

export const AuditQuerySchema = z.object({ before: z.coerce.number().int().min(1).optional(), member: Id.optional(), limit: z.coerce.number().int().min(1).max(500).default(100) });
