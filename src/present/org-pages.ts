/**
 * The organizer's pages, declared here and implemented by web/ (server-rendered Preact, no script needed), so that
 * src/http can use them without importing web/. Each page gets a plain view model: what to show, already scoped
 * and checked; the renderer only chooses words in the organizer's language and lays it out for a phone.
 */
import type { Role } from "../members/enums";
import type { InterviewPage } from "./pages";
import type { Breakdown, Evidence, RuleChange, WhatIf } from "../evidence/types";

export interface OrgFrame {
  lang: string;
  /** Languages the organizer may switch to (her network's). */
  languages: string[];
  user?: { display_name: string; role: Role | null; network: string };
  /** A one-line notice after a change ("saved", "erased"), by code; `receipt` for a member just added. */
  notice?: { code: string; receipt?: string };
}

/** A problem to show on a form, by field, with its code and an English fallback message. */
export interface FormIssue {
  path: string;
  code: string;
  message: string;
  params?: Record<string, string | number>;
}

export interface SchemeInfo {
  id: string;
  name: string;
}

export interface MemberRowView {
  id: string;
  member_no: string;
  name: string;
  cluster: string;
  phone: string | null;
  consent_state: string;
}

export interface HomeView {
  today: string;
  members: number;
  due: { member_id: string; name: string; member_no: string; scheme: string; kind: string; due_on: string }[];
  /** All follow-ups due this week (the list shows the earliest), and where to see them all. */
  due_count: number;
  due_link: string;
  eligible_not_started: { member_id: string; name: string; member_no: string; scheme: string; status: string }[];
  waiting_too_long: { member_id: string; name: string; member_no: string; scheme: string; since: string }[];
  schemes: Record<string, string>;
}

export interface MembersView {
  query: { q?: string; cluster?: string; scheme?: string; status?: string; due_by?: string };
  items: MemberRowView[];
  next?: string;
  clusters: { id: string; name: string }[];
  schemes: SchemeInfo[];
}

export interface EnrollmentView {
  scheme: string;
  name: string;
  /** Latest screening's status for the scheme, if screened. */
  status?: string;
  /** Criteria ids that failed or are unknown, as their reasons in her language. */
  reasons: string[];
  state: string;
  since?: string;
  verification?: string | null;
  barrier?: string | null;
  version?: number;
  /** Moves the state machine allows from here. */
  next: string[];
  /** Whether a barrier may be recorded without a move (an open case). */
  can_stall: boolean;
  documents: string[];
  events: { from: string | null; to: string; on: string }[];
}

export interface MemberView {
  member: { id: string; member_no: string; name: string; phone: string | null; lang: string; cluster: string; cluster_id: string; consent_state: string; stats_consent: boolean; facts_count: number };
  consents: { id: string; notice_version: string; notice_lang: string; purposes: string[]; method: string; witness: string | null; given_on: string; receipt_code: string; withdrawn_on: string | null; withdrawal_effect: string | null }[];
  screening?: { date: string; rules_version: string; recorded_at: string };
  enrollments: EnrollmentView[];
  tasks: { id: string; scheme: string; kind: string; due_on: string; status: string }[];
  clusters: { id: string; name: string }[];
  languages: string[];
  today: string;
  issues?: FormIssue[];
}

export interface NewMemberView {
  clusters: { id: string; name: string }[];
  languages: string[];
  values: Record<string, string | string[]>;
  issues?: FormIssue[];
  today: string;
}

export interface AuditView {
  items: { id: number; at: string; actor: string; action: string; entity_type: string; entity_id: string | null; fields: string[] }[];
  next_before?: number;
}

export interface UsersView {
  items: { id: string; display_name: string; email: string | null; phone: string | null; last_sign_in_at: string | null; grants: { id: string; role: string; cluster: string | null; valid_from: string; valid_to: string | null }[] }[];
  clusters: { id: string; name: string }[];
  invitation?: { url: string; expires_at: string };
  issues?: FormIssue[];
}

export interface ImportView {
  id: string;
  file_name: string;
  source: string;
  encoding: string;
  /** Read in a legacy code page: the organizer confirms the preview reads right. */
  legacy: boolean;
  status: string;
  total_rows: number;
  progress: { done: number; of: number };
  columns: { index: number; header: string; meta: boolean }[];
  /** Column index → target (the saved mapping, or the suggestion). */
  mapping: Record<string, string>;
  /** What a column may hold: the member's own fields (label empty: the page words them) and facts (their label). */
  targets: { value: string; label: string }[];
  sample: { line: number; cells: string[] }[];
  problems: { line: number; code: string }[];
  summary: Record<string, number>;
  clusters: { id: string; name: string }[];
  default_cluster?: string;
  duplicates: { line: number; member_no: string | null; member_id: string | null }[];
  /** The first bad rows' problems. */
  errors: ImportIssue[];
}

/** A problem of a row of an import: its line, the column's header, a code and its parameters. */
export interface ImportIssue {
  line: number;
  column: string;
  code: string;
  params?: Record<string, string | number>;
}

/** One eligibility change (found after a rule change, or forecast) as the organizer reads it. */
export interface ChangeEntryView {
  member_id: string;
  name: string;
  member_no: string;
  cluster: string;
  scheme: string;
  scheme_name: string;
  /** Statuses before and after; null: the scheme was not (or is no longer) in force. */
  from: string | null;
  to: string | null;
  kind: "gain" | "loss" | "needs_info" | "other";
  from_rule_version: string | null;
  to_rule_version: string | null;
  from_hash: string | null;
  to_hash: string | null;
  /** Reasons of the criteria that made the difference, in her language. */
  reasons: string[];
  sources: { title: string; url: string; date: string }[];
  rule_event: "started" | "ended" | "changed";
  rule_date: string | null;
  /** When it was found (absent in a forecast). */
  detected_on?: string;
  /** The follow-up it opened (or would open). */
  task_kind: string | null;
}

export interface ChangesView {
  today: string;
  since: string;
  cluster?: string;
  clusters: { id: string; name: string }[];
  /** One kind only (after "more" of that kind), or all four. */
  kind?: ChangeEntryView["kind"];
  /** The changes by kind: how many there are, the newest, and a link to older ones of the kind. */
  groups: { kind: ChangeEntryView["kind"]; total: number; entries: ChangeEntryView[]; more?: string }[];
  counts: { scheme: string; scheme_name: string; gain: number; loss: number; needs_info: number; other: number }[];
  /** The network's latest re-screening runs (newest first). */
  runs: { date: string; trigger: string; members: number; chunks: number; chunks_done: number; finished_at: string | null }[];
  /** The rules' content hash for her country, to stamp a printed list. */
  rules_version: string;
  /** Dated changes the rule files hold after today. */
  upcoming: { date: string; scheme_name: string; rule_version: string; change: "starts" | "ends" }[];
  forecast?: { date: string; members: number; schemes: string[]; counts: { gain: number; loss: number; needs_info: number; other: number }; entries: ChangeEntryView[]; shown: number };
  /** The forecast date asked for, and a problem with it. */
  date?: string;
  issues?: FormIssue[];
}

/** What an advocate's what-if form offers: per scheme in force, what can be changed (src/engine/override.ts). */
export interface WhatIfFormView {
  schemes: {
    id: string;
    name: string;
    parameters: { name: string; value: string; unit?: string; unconfirmed: boolean }[];
    /** Criteria that can be dropped, with her reason when she fails it. */
    criteria: { id: string; label: string }[];
    /** Worker types the scheme refuses today (values of the vocabulary's `worker_type`), with their names. */
    refuses: { value: string; label: string }[];
  }[];
  /** The change asked for, to fill the form again. */
  change?: RuleChange;
}

/** The advocate's evidence page (and, with `print`, the printable brief). */
export interface EvidenceView {
  evidence: Evidence;
  /** Breakdowns offered (the fixed catalogue), and the one shown. */
  breakdowns: readonly Breakdown[];
  whatIf: { form: WhatIfFormView; result?: WhatIf; issues?: FormIssue[] };
  /** Links to the exports of exactly these figures. */
  exports: { csv: string; excel: string; json: string; brief: string };
}

export interface OrgPageRenderer {
  /** A row's problem in the organizer's words (for the import page and the bad-rows file). */
  importIssue(lang: string, issue: ImportIssue): string;
  imports(frame: OrgFrame, view: { items: { id: string; file_name: string; status: string; total_rows: number; created_at: string }[]; issues?: FormIssue[] }): string;
  importPage(frame: OrgFrame, view: ImportView): string;
  signIn(frame: OrgFrame, view: { next?: string; login?: string; error?: { code: string; message: string; minutes?: number } }): string;
  join(frame: OrgFrame, view: { token: string; languages: string[]; issues?: FormIssue[]; done?: boolean; gone?: boolean }): string;
  /** An advocate's home: what she can see here (aggregates only, never a member's record). */
  advocateHome(frame: OrgFrame): string;
  home(frame: OrgFrame, view: HomeView): string;
  members(frame: OrgFrame, view: MembersView): string;
  member(frame: OrgFrame, view: MemberView): string;
  newMember(frame: OrgFrame, view: NewMemberView): string;
  eraseConfirm(frame: OrgFrame, view: { id: string; name: string; member_no: string }): string;
  /** Assisted screening: the member's interview, posting back to the workspace, with a "save" on the results. */
  screen(frame: OrgFrame, view: { member: { id: string; name: string }; page: InterviewPage }): string;
  audit(frame: OrgFrame, view: AuditView): string;
  users(frame: OrgFrame, view: UsersView): string;
  /** What changed for her members when the rules changed, printable; and a forecast of a dated change. */
  changes(frame: OrgFrame, view: ChangesView): string;
  /** The advocate's evidence: indicators, ladders, reasons, funnels, trend, public counts, what-if. */
  evidence(frame: OrgFrame, view: EvidenceView): string;
  /** The printable brief: one A4-ready page per network, SVG charts each followed by its data table. */
  brief(frame: OrgFrame, view: EvidenceView): string;
  error(frame: OrgFrame, status: 403 | 404 | 409, message?: string): string;
}
