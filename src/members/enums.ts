/**
 * One definition of each enumeration of the organizer's workspace: roles, consent terms, enrollment states,
 * barriers, follow-up kinds. The database columns, the API schemas, the state machine and the pages' words all
 * derive from these lists. Pure: imported by the database schema, the HTTP layer and web/ alike.
 */
export const ROLES = ["network_admin", "organizer", "advocate"] as const;
export type Role = (typeof ROLES)[number];

/** `needed`: brought in from a list the network already kept, and not yet asked (no screening, no statistics until she consents). */
export const CONSENT_STATES = ["given", "withdrawn", "needed"] as const;
export const CONSENT_PURPOSES = ["screening", "follow_up", "contact", "statistics"] as const;
/** How an organizer records consent with the member. */
export const RECORDED_METHODS = ["signed", "thumbprint", "spoken_witnessed", "own_phone"] as const;
/** …and `network_records`: recorded in the network's own list, brought in by an import. */
export const CONSENT_METHODS = [...RECORDED_METHODS, "network_records"] as const;
export const WITHDRAWAL_CHANNELS = ["organizer", "phone_call", "sms", "paper", "in_person"] as const;
export const WITHDRAWAL_EFFECTS = ["stop_contact", "stop_follow_up", "leave_statistics", "erase"] as const;

export const ENROLLMENT_STATES = ["not_started", "gathering_documents", "ready_to_apply", "applied", "enrolled", "rejected", "appealed", "lapsed", "exited", "declined"] as const;
export const VERIFICATIONS = ["member_says", "document_seen", "registry_confirmed"] as const;
export const BARRIERS = ["contribution_unaffordable", "documents_missing", "office_too_far", "no_information", "contractor_refused", "not_recognised_as_worker", "no_phone_or_digital_access", "distrust", "other"] as const;

/**
 * Follow-up kinds: the first three follow a move of her enrollment; the last four come from a re-screening after a
 * rule change (src/members/changes.ts): she newly qualifies, she no longer does, a new answer is needed, or her
 * application or membership should be looked at again (a rule change never moves an enrollment itself).
 */
export const TASK_KINDS = ["documents", "check_outcome", "renewal", "newly_eligible", "no_longer_eligible", "needs_information", "enrollment_review"] as const;
export const RESCREEN_TASK_KINDS = ["newly_eligible", "no_longer_eligible", "needs_information", "enrollment_review"] as const;

export const IMPORT_STATUSES = ["uploaded", "checking", "checked", "applying", "applied"] as const;
/** What a row of an import does, decided by the dry run. */
export const IMPORT_OUTCOMES = ["new", "update", "unchanged", "possible_duplicate", "blocked_erased", "blocked_refused", "error"] as const;
