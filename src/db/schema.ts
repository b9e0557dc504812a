/**
 * The D1 schema (drizzle). Anonymous check counts only: no facts and nothing about the person who checked.
 * Migrations are generated from this file by `npm run db:generate` into src/db/migrations/.
 */
import { STATUSES } from "../engine/enums";
import { BARRIERS, CONSENT_METHODS, CONSENT_STATES, ENROLLMENT_STATES, IMPORT_OUTCOMES, IMPORT_STATUSES, ROLES, TASK_KINDS, VERIFICATIONS, WITHDRAWAL_CHANNELS, WITHDRAWAL_EFFECTS } from "../members/enums";
import { CHANGE_KINDS } from "../members/changes";
export type { Role } from "../members/enums";
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

/** Checks made, per day and country. */
export const dailyChecks = sqliteTable(
  "daily_checks",
  {
    day: text("day").notNull(),
    country: text("country").notNull(),
    checks: integer("checks").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.country] })],
);

/** Results of checks, per day, country, scheme and status: the first anonymous evidence for advocates. */
export const schemeResultCounts = sqliteTable(
  "scheme_result_counts",
  {
    day: text("day").notNull(),
    country: text("country").notNull(),
    scheme: text("scheme").notNull(),
    status: text("status", { enum: STATUSES }).notNull(),
    count: integer("count").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.country, t.scheme, t.status] })],
);

// ---------------------------------------------------------------------------------------------------------------
// The organizer's workspace: networks and clusters, accounts and roles, sessions, the member registry with
// consent, screenings, enrollments, follow-ups and the audit log. Personal data lives only in `members`,
// `consents` (who recorded it, her receipt), `screenings.facts` and `users`; erasure deletes a member's rows in
// every table that names her (src/members/erase.ts keeps the list).
// Ids are random text; dates are ISO `YYYY-MM-DD`; times are ISO timestamps (UTC).
// ---------------------------------------------------------------------------------------------------------------


export const networks = sqliteTable("networks", {
  id: text("id").primaryKey(),
  code: text("code").notNull().unique(),
  name: text("name").notNull(),
  /** The country whose rule pack screens its members. */
  country: text("country").notNull(),
  /** The network's languages, as a JSON array (the first is its default). */
  languages: text("languages").notNull(),
  created_at: text("created_at").notNull(),
});

export const clusters = sqliteTable(
  "clusters",
  {
    id: text("id").primaryKey(),
    network_id: text("network_id").notNull().references(() => networks.id),
    code: text("code").notNull(),
    name: text("name").notNull(),
    /** The `region` fact value of the place, where the country's pack knows regions. */
    region: text("region"),
  },
  (t) => [uniqueIndex("clusters_network_code").on(t.network_id, t.code)],
);

export const users = sqliteTable(
  "users",
  {
    id: text("id").primaryKey(),
    network_id: text("network_id").notNull().references(() => networks.id),
    email: text("email").unique(),
    /** International form (+254…). */
    phone: text("phone").unique(),
    display_name: text("display_name").notNull(),
    /** `pbkdf2_sha256$<iterations>$<salt b64>$<hash b64>`. */
    password_hash: text("password_hash").notNull(),
    lang: text("lang").notNull(),
    status: text("status", { enum: ["active", "disabled"] }).notNull().default("active"),
    created_at: text("created_at").notNull(),
    last_sign_in_at: text("last_sign_in_at"),
  },
  (t) => [index("users_network").on(t.network_id)],
);

/** A role on a whole network (cluster_id null) or on one cluster, valid from/to the given dates. */
export const roleGrants = sqliteTable(
  "role_grants",
  {
    id: text("id").primaryKey(),
    user_id: text("user_id").notNull().references(() => users.id),
    network_id: text("network_id").notNull().references(() => networks.id),
    role: text("role", { enum: ROLES }).notNull(),
    cluster_id: text("cluster_id").references(() => clusters.id),
    valid_from: text("valid_from").notNull(),
    valid_to: text("valid_to"),
    granted_by: text("granted_by"),
    created_at: text("created_at").notNull(),
    withdrawn_at: text("withdrawn_at"),
  },
  (t) => [index("role_grants_user").on(t.user_id)],
);

/** Sessions by the SHA-256 of their random id: a copy of the table cannot be used to sign in. */
export const sessions = sqliteTable(
  "sessions",
  {
    id_hash: text("id_hash").primaryKey(),
    user_id: text("user_id").notNull().references(() => users.id),
    created_at: text("created_at").notNull(),
    idle_expires_at: text("idle_expires_at").notNull(),
    absolute_expires_at: text("absolute_expires_at").notNull(),
  },
  (t) => [index("sessions_user").on(t.user_id)],
);

/** Failed sign-ins per account or per address, in a sliding window. */
export const signInFailures = sqliteTable("sign_in_failures", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull(),
  window_start: text("window_start").notNull(),
  locked_until: text("locked_until"),
});

/** Single-use invitations to join a network with a role; only the token's hash is kept. */
export const invitations = sqliteTable("invitations", {
  token_hash: text("token_hash").primaryKey(),
  network_id: text("network_id").notNull().references(() => networks.id),
  role: text("role", { enum: ROLES }).notNull(),
  /** JSON array of cluster ids (empty for a network-wide role). */
  cluster_ids: text("cluster_ids").notNull(),
  created_by: text("created_by").notNull(),
  created_at: text("created_at").notNull(),
  expires_at: text("expires_at").notNull(),
  used_at: text("used_at"),
  used_by: text("used_by"),
});


export const members = sqliteTable(
  "members",
  {
    id: text("id").primaryKey(),
    network_id: text("network_id").notNull().references(() => networks.id),
    cluster_id: text("cluster_id").notNull().references(() => clusters.id),
    /** The network's own member number, unique in the network. */
    member_no: text("member_no").notNull(),
    name: text("name").notNull(),
    /** Lower-cased, accents folded: what name search matches. */
    name_key: text("name_key").notNull(),
    phone: text("phone"),
    lang: text("lang").notNull(),
    /** Her facts in the one vocabulary, as JSON (checked by the facts gate). */
    facts: text("facts").notNull().default("{}"),
    /** From her latest consent: whether she may be counted in anonymous statistics. */
    consent_state: text("consent_state", { enum: CONSENT_STATES }).notNull(),
    stats_consent: integer("stats_consent", { mode: "boolean" }).notNull(),
    created_at: text("created_at").notNull(),
    created_by: text("created_by").notNull(),
    updated_at: text("updated_at").notNull(),
    /**
     * Fingerprint of the rule versions her latest screening used (src/members/changes.ts `screeningKey`), written
     * with every screening: members whose screening is out of date are then one index range away. Null: never
     * screened (or screened before this column existed).
     */
    screened_key: text("screened_key"),
  },
  (t) => [
    uniqueIndex("members_network_no").on(t.network_id, t.member_no),
    index("members_cluster_name").on(t.cluster_id, t.name_key, t.id),
    index("members_network_name").on(t.network_id, t.name_key, t.id),
    index("members_network_phone").on(t.network_id, t.phone),
    index("members_network_screened").on(t.network_id, t.screened_key, t.id),
  ],
);


/** Consent on the shape of ISO/IEC TS 27560: fixed once given; a correction is a new record. */
export const consents = sqliteTable(
  "consents",
  {
    id: text("id").primaryKey(),
    member_id: text("member_id").notNull().references(() => members.id),
    notice_version: text("notice_version").notNull(),
    notice_lang: text("notice_lang").notNull(),
    /** JSON array of CONSENT_PURPOSES. */
    purposes: text("purposes").notNull(),
    method: text("method", { enum: CONSENT_METHODS }).notNull(),
    /** For spoken consent: who witnessed it (a name, as on the paper form). */
    witness: text("witness"),
    given_on: text("given_on").notNull(),
    recorded_by: text("recorded_by").notNull(),
    recorded_at: text("recorded_at").notNull(),
    /** Six characters read back to her as her receipt. */
    receipt_code: text("receipt_code").notNull(),
    withdrawn_on: text("withdrawn_on"),
    withdrawal_channel: text("withdrawal_channel", { enum: WITHDRAWAL_CHANNELS }),
    withdrawal_effect: text("withdrawal_effect", { enum: WITHDRAWAL_EFFECTS }),
  },
  (t) => [index("consents_member").on(t.member_id)],
);

/** A screening: the facts used, the date, the rules and, per scheme, the outcome as ids. */
export const screenings = sqliteTable(
  "screenings",
  {
    id: text("id").primaryKey(),
    member_id: text("member_id").notNull().references(() => members.id),
    network_id: text("network_id").notNull(),
    country: text("country").notNull(),
    /** The date the rules were applied on. */
    date: text("date").notNull(),
    lang: text("lang").notNull(),
    facts: text("facts").notNull(),
    rules_version: text("rules_version").notNull(),
    /** The organizer's user id, or `system` for a re-screening after a rule change. */
    recorded_by: text("recorded_by").notNull(),
    recorded_at: text("recorded_at").notNull(),
    /** Why the system screened her again (`rule_change`); null for an organizer's screening. */
    cause: text("cause"),
    /** The re-screening run that wrote it (rescreen_runs.id), for a system screening. */
    run_id: text("run_id"),
  },
  (t) => [index("screenings_member").on(t.member_id, t.recorded_at)],
);

/** Per screening and scheme: status, version and the ids of criteria that failed or were unknown. */
export const screeningResults = sqliteTable(
  "screening_results",
  {
    screening_id: text("screening_id").notNull().references(() => screenings.id),
    member_id: text("member_id").notNull(),
    scheme: text("scheme").notNull(),
    status: text("status", { enum: STATUSES }).notNull(),
    rule_version: text("rule_version").notNull(),
    version_hash: text("version_hash").notNull(),
    /** JSON arrays of criterion ids. */
    failed: text("failed").notNull(),
    unknown: text("unknown").notNull(),
    /** 1 on the member's latest screening: "current eligibility" is then one indexed filter. */
    latest: integer("latest", { mode: "boolean" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.screening_id, t.scheme] }), index("screening_results_member").on(t.member_id, t.latest, t.scheme, t.status), index("screening_results_scheme").on(t.scheme, t.latest, t.status)],
);


export const enrollments = sqliteTable(
  "enrollments",
  {
    member_id: text("member_id").notNull().references(() => members.id),
    scheme: text("scheme").notNull(),
    network_id: text("network_id").notNull(),
    cluster_id: text("cluster_id").notNull(),
    state: text("state", { enum: ENROLLMENT_STATES }).notNull(),
    /** The date the current state began (as it happened, may be backdated). */
    since: text("since").notNull(),
    verification: text("verification", { enum: VERIFICATIONS }),
    barrier: text("barrier", { enum: BARRIERS }),
    updated_at: text("updated_at").notNull(),
    /** Bumped by every move: a move names the version it read, so two organizers cannot both move a case. */
    version: integer("version").notNull().default(1),
    /** The event of the latest move (a batch's later statements check it to know the move was written). */
    last_event_id: text("last_event_id").notNull(),
  },
  (t) => [primaryKey({ columns: [t.member_id, t.scheme] }), index("enrollments_cluster_state").on(t.cluster_id, t.state, t.since), index("enrollments_network_state").on(t.network_id, t.state, t.since), index("enrollments_network_scheme").on(t.network_id, t.scheme, t.state)],
);

export const enrollmentEvents = sqliteTable(
  "enrollment_events",
  {
    id: text("id").primaryKey(),
    member_id: text("member_id").notNull().references(() => members.id),
    scheme: text("scheme").notNull(),
    from_state: text("from_state", { enum: ENROLLMENT_STATES }),
    to_state: text("to_state", { enum: ENROLLMENT_STATES }).notNull(),
    occurred_on: text("occurred_on").notNull(),
    recorded_at: text("recorded_at").notNull(),
    recorded_by: text("recorded_by").notNull(),
    verification: text("verification", { enum: VERIFICATIONS }),
    barrier: text("barrier", { enum: BARRIERS }),
  },
  (t) => [index("enrollment_events_member").on(t.member_id, t.scheme, t.recorded_at)],
);


/** Follow-ups: documents to gather, an outcome to check, a renewal. */
export const tasks = sqliteTable(
  "tasks",
  {
    id: text("id").primaryKey(),
    member_id: text("member_id").notNull().references(() => members.id),
    network_id: text("network_id").notNull(),
    cluster_id: text("cluster_id").notNull(),
    scheme: text("scheme").notNull(),
    kind: text("kind", { enum: TASK_KINDS }).notNull(),
    due_on: text("due_on").notNull(),
    status: text("status", { enum: ["open", "done", "cancelled"] }).notNull(),
    created_at: text("created_at").notNull(),
    done_at: text("done_at"),
  },
  (t) => [index("tasks_cluster_due").on(t.cluster_id, t.status, t.due_on), index("tasks_network_due").on(t.network_id, t.status, t.due_on), index("tasks_member").on(t.member_id)],
);

/** Keyed hashes of an erased member's number and phone: a later import cannot bring her back silently. */
export const erasedKeys = sqliteTable(
  "erased_keys",
  {
    network_id: text("network_id").notNull(),
    key_hash: text("key_hash").notNull(),
    erased_at: text("erased_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.network_id, t.key_hash] })],
);

/** Who viewed, changed, exported or erased what, when: ids and field names, never values. Append-only. */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: text("at").notNull(),
    network_id: text("network_id").notNull(),
    actor_id: text("actor_id"),
    action: text("action").notNull(),
    entity_type: text("entity_type").notNull(),
    entity_id: text("entity_id"),
    /** JSON array of field names (never values). */
    fields: text("fields").notNull().default("[]"),
  },
  (t) => [index("audit_network_at").on(t.network_id, t.id)],
);

/**
 * An import of a member list: the file as parsed (columns, problems), the organizer's mapping and options, and
 * progress through the dry run and the apply, both done by queued chunks.
 */
export const imports = sqliteTable(
  "imports",
  {
    id: text("id").primaryKey(),
    network_id: text("network_id").notNull(),
    created_by: text("created_by").notNull(),
    created_at: text("created_at").notNull(),
    file_name: text("file_name").notNull(),
    /** csv, kobo, odk or xlsx; the encoding read; the separator. */
    source: text("source").notNull(),
    encoding: text("encoding").notNull(),
    separator: text("separator").notNull(),
    /** JSON: the columns, the file's own problems (line, code), the rows left out on purpose. */
    columns: text("columns").notNull(),
    problems: text("problems").notNull(),
    skipped: text("skipped").notNull(),
    /** JSON: the mapping and options the dry run used (null until mapped). */
    mapping: text("mapping"),
    status: text("status", { enum: IMPORT_STATUSES }).notNull(),
    total_rows: integer("total_rows").notNull(),
    chunks: integer("chunks").notNull(),
    checked_chunks: integer("checked_chunks").notNull().default(0),
    applied_chunks: integer("applied_chunks").notNull().default(0),
    updated_at: text("updated_at").notNull(),
  },
  (t) => [index("imports_network").on(t.network_id, t.created_at)],
);

/** The file's rows, a chunk at a time (JSON of [line, cells] pairs): what the queued work reads. */
export const importChunks = sqliteTable(
  "import_chunks",
  {
    import_id: text("import_id").notNull(),
    seq: integer("seq").notNull(),
    rows: text("rows").notNull(),
  },
  (t) => [primaryKey({ columns: [t.import_id, t.seq] })],
);

/** The dry run's decision per row, and whether it has been applied (so a resumed apply never repeats one). */
export const importRows = sqliteTable(
  "import_rows",
  {
    import_id: text("import_id").notNull(),
    line: integer("line").notNull(),
    seq: integer("seq").notNull(),
    member_no: text("member_no"),
    outcome: text("outcome", { enum: IMPORT_OUTCOMES }).notNull(),
    /** The member it updates or may duplicate. */
    member_id: text("member_id"),
    /** JSON: the member as read (good rows), or the row's issues (bad rows). */
    data: text("data"),
    issues: text("issues"),
    /** The row's cells as in the file, for error rows only (the bad-rows file). */
    raw: text("raw"),
    applied: integer("applied", { mode: "boolean" }).notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.import_id, t.line] }), index("import_rows_chunk").on(t.import_id, t.seq), index("import_rows_member_no").on(t.import_id, t.member_no)],
);

/** The mapping an organizer last confirmed for files with these headers: suggested for the next such file. */
export const importMappings = sqliteTable(
  "import_mappings",
  {
    network_id: text("network_id").notNull(),
    /** The file's cleaned headers, joined: files from the same form or sheet share it. */
    signature: text("signature").notNull(),
    mapping: text("mapping").notNull(),
    updated_by: text("updated_by").notNull(),
    updated_at: text("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.network_id, t.signature] })],
);

// ---------------------------------------------------------------------------------------------------------------
// Re-screening when the rules change (src/members/rescreen.ts): what each country's rules were when last
// processed, each run of the background job and its chunks, and each member's eligibility changes.
// ---------------------------------------------------------------------------------------------------------------

/** Per country: the rule pack's hash and the versions in force when the rules were last processed, and when. */
export const rulesState = sqliteTable("rules_state", {
  country: text("country").primaryKey(),
  pack_hash: text("pack_hash").notNull(),
  /** `inForceKey` of the pack on `processed_on`. */
  in_force_key: text("in_force_key").notNull(),
  processed_on: text("processed_on").notNull(),
  updated_at: text("updated_at").notNull(),
});

/** One re-screening of a network's members whose screenings are out of date: noticed by the cron or a deploy. */
export const rescreenRuns = sqliteTable(
  "rescreen_runs",
  {
    id: text("id").primaryKey(),
    network_id: text("network_id").notNull(),
    country: text("country").notNull(),
    /** The date the rules are applied on. */
    date: text("date").notNull(),
    /** `cron`, `deploy` (the first request after new rules) or `all` (every screened member, on request). */
    trigger: text("trigger").notNull(),
    pack_hash: text("pack_hash").notNull(),
    in_force_key: text("in_force_key").notNull(),
    /** Members queued so far, in how many chunks; `scanned` once every affected member is queued. */
    members: integer("members").notNull().default(0),
    chunks: integer("chunks").notNull().default(0),
    /** Pages of the scan done (each page queues its chunks once, even if its message is delivered twice). */
    pages: integer("pages").notNull().default(0),
    scanned: integer("scanned", { mode: "boolean" }).notNull().default(false),
    started_at: text("started_at").notNull(),
    finished_at: text("finished_at"),
  },
  (t) => [index("rescreen_runs_network").on(t.network_id, t.started_at)],
);

/** Each step of a run done (a page of the scan, a chunk of members), once: progress and what it cost in D1. */
export const rescreenSteps = sqliteTable(
  "rescreen_steps",
  {
    run_id: text("run_id").notNull(),
    /** `scan` (a page of affected members queued) or `members` (a chunk re-screened). */
    step: text("step", { enum: ["scan", "members"] }).notNull(),
    n: integer("n").notNull(),
    members: integer("members").notNull(),
    /** Members given a new screening (members: chunks), or queued (scan pages). */
    changed: integer("changed").notNull(),
    /** D1's own counts for the step's statements (meta.rows_read, meta.rows_written). */
    rows_read: integer("rows_read").notNull(),
    rows_written: integer("rows_written").notNull(),
    /** Milliseconds of computing between the step's D1 round trips, as the Worker's clock saw them. */
    compute_ms: real("compute_ms").notNull(),
    done_at: text("done_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.run_id, t.step, t.n] })],
);

/**
 * A member's eligibility for a scheme changing after a rule change: from → to status (null: the scheme was not, or
 * is no longer, in force), the versions and hashes before and after, the criteria that made the difference, and
 * the follow-up it opened. Names the member: erasure deletes these rows with her.
 */
export const eligibilityChanges = sqliteTable(
  "eligibility_changes",
  {
    id: text("id").primaryKey(),
    member_id: text("member_id").notNull().references(() => members.id),
    network_id: text("network_id").notNull(),
    cluster_id: text("cluster_id").notNull(),
    scheme: text("scheme").notNull(),
    from_status: text("from_status", { enum: STATUSES }),
    to_status: text("to_status", { enum: STATUSES }),
    from_rule_version: text("from_rule_version"),
    to_rule_version: text("to_rule_version"),
    from_hash: text("from_hash"),
    to_hash: text("to_hash"),
    /** What it means for her: `gain` (now can join), `loss` (no longer), `needs_info` (must answer something new), `other`. */
    kind: text("kind", { enum: CHANGE_KINDS }).notNull(),
    /** JSON array of criterion ids. */
    causes: text("causes").notNull(),
    /** The date the rules were applied on when the change was found. */
    detected_on: text("detected_on").notNull(),
    screening_id: text("screening_id").notNull(),
    run_id: text("run_id").notNull(),
    task_id: text("task_id"),
    task_kind: text("task_kind", { enum: TASK_KINDS }),
    created_at: text("created_at").notNull(),
  },
  (t) => [index("eligibility_changes_network").on(t.network_id, t.kind, t.detected_on, t.id), index("eligibility_changes_cluster").on(t.cluster_id, t.kind, t.detected_on, t.id), index("eligibility_changes_member").on(t.member_id)],
);
