/**
 * The organizer's pages: server-rendered forms over the same workspace operations as the JSON API
 * (src/members/workspace.ts), posting and redirecting (so a reload never repeats a change), in the organizer's
 * language. A member outside her clusters is a 404 page; an advocate sees no member page.
 */
import { Hono, type Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { and, desc, eq } from "drizzle-orm";
import { decode, parseTable, type Column } from "../../members/import/parse";
import { suggestMapping, type Target } from "../../members/import/rows";
import { createImport, findImport, importSummary, savedMapping, startApply, startCheck } from "../../members/import/service";
import { factDefs } from "../../interview/gate";
import { MAX_IMPORT_BYTES } from "./imports";
import { mainRole } from "../../auth/access";
import { clustersOf, issueInvitation, usersOf, withdrawGrant } from "../../db/accounts";
import { audit, auditPage, countDue, countMembers, findMember, listMembers } from "../../db/members";
import { importChunks, importRows, imports, users } from "../../db/schema";
import { actionFromForm, apply, restoreState, screenFor, type InterviewState, type Screen } from "../../interview";
import { addDays, OPEN_STATES, TRANSITIONS, type EnrollmentState } from "../../members/enrollment";
import * as ws from "../../members/workspace";
import type { ChangesView, FormIssue, ImportView, MemberView, OrgFrame } from "../../present/org-pages";
import { isIsoDate } from "../../engine/dates";
import type { Facts, Status } from "../../engine/types";
import type { ChangeExplained } from "../../present/changes";
import { CHANGE_KINDS, changeKind, datedChangesAfter, type ChangeKind } from "../../members/changes";
import { changeSummary, forecast, listChangesFor } from "../../members/rescreen";
import { getEngine } from "../../rules/registry";
import { enqueue } from "../../jobs/send";
import type { AppEnv } from "../env";
import { zodIssues } from "../errors";
import { PRIVATE_CACHE } from "../middleware";
import { orgFrame } from "../org-frame";
import { endSession, requireSession } from "../session";
import { callerOf } from "../workspace";
import { AcceptInvitationSchema, ConsentInputSchema, InvitationInputSchema, MemberPatchSchema, MoveSchema, NewMemberSchema, WithdrawalSchema } from "../workspace-schemas";
import { attemptSignIn } from "./session";
import { fieldsOf, MAX_FORM_BYTES } from "./page";
import { acceptInvitation } from "./admin";

type C = Context<AppEnv>;

function html(c: C, body: string, status: 200 | 400 | 403 | 404 | 409 | 429 = 200) {
  c.header("Cache-Control", PRIVATE_CACHE);
  return c.html(body, status);
}

const see = (c: C, path: string) => c.redirect(path, 303);

/** The fields of a posted form, one value each unless the field repeats (checkboxes). */
async function form(c: C): Promise<Record<string, string | string[]>> {
  try {
    return fieldsOf(await c.req.parseBody({ all: true })) as Record<string, string | string[]>;
  } catch {
    return {};
  }
}

const one = (f: Record<string, string | string[]>, k: string) => {
  const v = f[k];
  return (Array.isArray(v) ? v[0] : v)?.trim() || undefined;
};
const many = (f: Record<string, string | string[]>, k: string) => [f[k] ?? []].flat().filter(Boolean);

function notFound(c: C) {
  return html(c, c.var.orgPages.error(orgFrame(c), 404), 404);
}

function problemPage(c: C, p: ws.Problem) {
  if (p.status === 404) return notFound(c);
  return html(c, c.var.orgPages.error(orgFrame(c), 409, p.message), 409);
}

/** The member page's view: her record, consents, and per scheme the status, reasons, step and allowed moves. */
async function memberView(c: C, id: string, issues?: FormIssue[]) {
  const caller = callerOf(c);
  const r = await ws.viewMember(caller, id);
  if (!r.ok) return undefined;
  const d = r.value;
  const s = c.var.session!;
  const engine = getEngine(s.network.country)!;
  const lang = s.user.lang;
  const clusters = await clustersInScope(c);
  const text = (t: Record<string, string> | undefined) => (t ? t[lang] ?? t.en ?? "" : "");
  // Reasons as the engine words them (templates filled with her values and the rule's parameters), from the facts
  // and date of her latest screening: the stored criterion ids pick which to show.
  const evaluation = d.screening ? engine.evaluate(d.screening.facts as Facts, { date: d.screening.date, lang }) : undefined;
  const view: MemberView = {
    member: {
      id: d.member.id,
      member_no: d.member.member_no,
      name: d.member.name,
      phone: d.member.phone,
      lang: d.member.lang,
      cluster: clusters.find((cl) => cl.id === d.member.cluster_id)?.name ?? "",
      cluster_id: d.member.cluster_id,
      consent_state: d.member.consent_state,
      stats_consent: d.member.stats_consent,
      facts_count: Object.keys(d.member.facts).length,
    },
    consents: d.consents,
    screening: d.screening ? { date: d.screening.date, rules_version: d.screening.rules_version, recorded_at: d.screening.recorded_at } : undefined,
    enrollments: engine.pack.schemes.map((scheme) => {
      const e = d.enrollments.find((x) => x.scheme === scheme.id);
      const result = d.screening?.results.find((x) => x.scheme === scheme.id);
      const version = scheme.versions.find((v) => v.rule_version === result?.rule_version) ?? scheme.versions.at(-1)!;
      const state = (e?.state ?? "not_started") as EnrollmentState;
      const criteria = evaluation?.results.find((x) => x.scheme === scheme.id)?.criteria ?? [];
      const reasons = result ? [...result.failed, ...result.unknown].flatMap((cid) => criteria.filter((x) => x.id === cid).map((x) => x.reason)) : [];
      return {
        scheme: scheme.id,
        name: text(scheme.name),
        status: result?.status,
        reasons,
        state,
        since: e?.since,
        verification: e?.verification,
        barrier: e?.barrier,
        version: e?.version,
        next: [...TRANSITIONS[state]],
        can_stall: OPEN_STATES.includes(state),
        documents: (version.documents ?? []).map((doc) => text(doc)),
        events: d.events.filter((ev) => ev.scheme === scheme.id).map((ev) => ({ from: ev.from_state, to: ev.to_state, on: ev.occurred_on })),
      };
    }),
    tasks: d.tasks.map(({ id: tid, scheme, kind, due_on, status }) => ({ id: tid, scheme, kind, due_on, status })),
    clusters: clusters.map(({ id: cid, name }) => ({ id: cid, name })),
    languages: engine.pack.country.languages,
    today: c.var.today,
    issues,
  };
  return view;
}

function issuesOf(p: ws.Problem): FormIssue[] {
  if (p.status === 400) return p.issues.map((i) => ({ path: i.path, code: i.code, message: i.message }));
  return [{ path: "", code: p.code, message: p.message }];
}

const formLimit = bodyLimit({ maxSize: MAX_FORM_BYTES, onError: (c) => c.text("The form is too large.", 413) });

export const orgRoutes = new Hono<AppEnv>()
  .use("/org/*", formLimit)
  // ---- signing in and out; joining by invitation (no session needed) -------------------------------------------
  .get("/org/sign-in", (c) => html(c, c.var.orgPages.signIn(orgFrame(c), { next: safeNext(c.req.query("next")) })))
  .post("/org/sign-in", async (c) => {
    const f = await form(c);
    const login = one(f, "login");
    const password = (Array.isArray(f.password) ? f.password[0] : f.password) ?? "";
    const next = safeNext(one(f, "next"));
    if (!login || !password) return html(c, c.var.orgPages.signIn(orgFrame(c), { next, login, error: { code: "required", message: "" } }), 400);
    const outcome = await attemptSignIn(c, login.includes("@") ? { email: login.toLowerCase() } : { phone: login.replace(/[\s()-]/g, "") }, password);
    if (!outcome.ok) return html(c, c.var.orgPages.signIn(orgFrame(c), { next, login, error: { code: outcome.code, message: outcome.message, minutes: outcome.retry_after_minutes } }), outcome.status === 429 ? 429 : outcome.status === 403 ? 403 : 400);
    return see(c, next ?? "/org");
  })
  .post("/org/sign-out", async (c) => {
    await endSession(c);
    return see(c, "/org/sign-in");
  })
  .post("/org/lang", async (c) => {
    const f = await form(c);
    const lang = one(f, "lang");
    const s = c.var.session;
    if (s && lang && orgFrame(c).languages.includes(lang)) await c.var.db.update(users).set({ lang }).where(eq(users.id, s.user.id));
    return see(c, safeNext(c.req.header("referer") ? new URL(c.req.header("referer")!).pathname : undefined) ?? "/org");
  })
  .get("/org/join/:token", (c) => html(c, c.var.orgPages.join(orgFrame(c), { token: c.req.param("token"), languages: ["en", "sw", "th"] })))
  .post("/org/join/:token", async (c) => {
    const f = await form(c);
    const token = c.req.param("token");
    const parsed = AcceptInvitationSchema.safeParse({ display_name: one(f, "display_name"), email: one(f, "email"), phone: one(f, "phone"), password: (f.password as string) ?? "", lang: one(f, "lang") ?? "en" });
    const frame = orgFrame(c);
    if (!parsed.success) return html(c, c.var.orgPages.join(frame, { token, languages: frame.languages, issues: zodIssues(parsed.error.issues).map((i) => ({ path: i.path, code: i.code ?? "invalid", message: i.message })) }), 400);
    const r = await acceptInvitation(c.var.db, token, parsed.data, c.var.today);
    if ("problem" in r) {
      if (r.problem.status === 404) return html(c, c.var.orgPages.join(frame, { token, languages: frame.languages, gone: true }), 404);
      return html(c, c.var.orgPages.join(frame, { token, languages: frame.languages, issues: r.problem.issues ?? [{ path: "", code: r.problem.code, message: r.problem.message }] }), 400);
    }
    return html(c, c.var.orgPages.join(frame, { token, languages: frame.languages, done: true }));
  })

  // ---- everything else needs a session -------------------------------------------------------------------------
  .use("/org", requireSession())
  .use("/org/*", async (c, next) => {
    const p = new URL(c.req.url).pathname;
    if (p === "/org/sign-in" || p === "/org/sign-out" || p === "/org/lang" || p.startsWith("/org/join/")) return next();
    return requireSession()(c, next);
  })
  .use("/org/members", requireSession("members"))
  .use("/org/members/*", requireSession("members"))
  .use("/org/changes", requireSession("members"))
  .use("/org/users", requireSession("manage_users"))
  .use("/org/users/*", requireSession("manage_users"))
  .use("/org/audit", requireSession("read_audit"))

  .get("/org", async (c) => {
    const s = c.var.session!;
    const engine = getEngine(s.network.country)!;
    const frame = orgFrame(c, noticeText(c));
    if (mainRole(s.principal) === "advocate") return html(c, c.var.orgPages.advocateHome(frame));
    const caller = callerOf(c);
    const [work, members] = await Promise.all([ws.followUps(caller, 30), countMembers(c.var.db, caller.scope)]);
    const dueCount = await countDue(c.var.db, caller.scope, addDays(c.var.today, 7));
    const schemes = Object.fromEntries(engine.pack.schemes.map((sc) => [sc.id, sc.name[s.user.lang] ?? sc.name.en ?? sc.id]));
    return html(c, c.var.orgPages.home(frame, { ...work, members, schemes, due_count: dueCount, due_link: `/org/members?due_by=${addDays(c.var.today, 7)}` }));
  })

  // ---- members -------------------------------------------------------------------------------------------------
  .get("/org/members", async (c) => {
    const s = c.var.session!;
    const caller = callerOf(c);
    const engine = getEngine(s.network.country)!;
    const dueBy = c.req.query("due_by");
    const query = {
      q: c.req.query("q")?.slice(0, 100) || undefined,
      cluster: c.req.query("cluster") || undefined,
      scheme: c.req.query("scheme") || undefined,
      status: c.req.query("status") || undefined,
      due_by: dueBy && /^\d{4}-\d{2}-\d{2}$/.test(dueBy) ? dueBy : undefined,
    };
    const afterRaw = c.req.query("after");
    const after = afterRaw && afterRaw.includes("|") ? { name_key: afterRaw.slice(0, afterRaw.lastIndexOf("|")), id: afterRaw.slice(afterRaw.lastIndexOf("|") + 1) } : undefined;
    const phone = query.q && /\d{6}/.test(query.q.replace(/\D/g, "")) ? ws.normalizePhone(query.q, s.network.country) : undefined;
    const { items, more } = await listMembers(c.var.db, caller.scope, { ...query, phone, after, limit: 50 });
    const clusters = await clustersInScope(c);
    const last = items.at(-1);
    const params = new URLSearchParams(Object.entries(query).filter(([, v]) => v) as [string, string][]);
    if (more && last) params.set("after", `${last.name_key}|${last.id}`);
    return html(
      c,
      c.var.orgPages.members(orgFrame(c, noticeText(c)), {
        query,
        items: items.map((m) => ({ id: m.id, member_no: m.member_no, name: m.name, cluster: clusters.find((cl) => cl.id === m.cluster_id)?.name ?? "", phone: m.phone, consent_state: m.consent_state })),
        next: more && last ? `/org/members?${params}` : undefined,
        clusters: clusters.map(({ id, name }) => ({ id, name })),
        schemes: engine.pack.schemes.map((sc) => ({ id: sc.id, name: sc.name[s.user.lang] ?? sc.name.en ?? sc.id })),
      }),
    );
  })
  .get("/org/members/new", async (c) => html(c, c.var.orgPages.newMember(orgFrame(c), await newMemberView(c, {}))))
  .post("/org/members", async (c) => {
    const f = await form(c);
    const input = {
      cluster_id: one(f, "cluster_id"),
      member_no: one(f, "member_no"),
      name: one(f, "name"),
      phone: one(f, "phone") ?? null,
      lang: one(f, "lang"),
      consent: { notice_version: one(f, "notice_version") ?? "2026-01", notice_lang: one(f, "notice_lang"), purposes: many(f, "purposes"), method: one(f, "method"), ...(one(f, "witness") ? { witness: one(f, "witness") } : {}), ...(one(f, "given_on") ? { given_on: one(f, "given_on") } : {}) },
    };
    // No purpose ticked is no consent: say so in those words, before any other field.
    if (!input.consent.purposes.length) return html(c, c.var.orgPages.newMember(orgFrame(c), await newMemberView(c, f, [{ path: "consent.purposes", code: "consent_required", message: "a member is kept only with consent to screening or follow-up" }])), 400);
    const parsed = NewMemberSchema.safeParse(input);
    if (!parsed.success) return html(c, c.var.orgPages.newMember(orgFrame(c), await newMemberView(c, f, zodIssues(parsed.error.issues).map((i) => ({ path: i.path, code: i.code ?? "invalid", message: i.message })))), 400);
    const r = await ws.createMember(callerOf(c), parsed.data as ws.NewMemberInput);
    if (!r.ok) return html(c, c.var.orgPages.newMember(orgFrame(c), await newMemberView(c, f, issuesOf(r.problem))), r.problem.status === 409 ? 409 : 400);
    return see(c, `/org/members/${r.value.member.id}?notice=created`);
  })
  .get("/org/members/:id", async (c) => {
    const view = await memberView(c, c.req.param("id"));
    if (!view) return notFound(c);
    return html(c, c.var.orgPages.member(orgFrame(c, noticeText(c, view.consents[0]?.receipt_code)), view));
  })
  .post("/org/members/:id", async (c) => {
    const id = c.req.param("id");
    const f = await form(c);
    const parsed = MemberPatchSchema.safeParse({ name: one(f, "name"), member_no: one(f, "member_no"), phone: one(f, "phone") ?? null, cluster_id: one(f, "cluster_id"), lang: one(f, "lang") });
    if (!parsed.success) return memberWithIssues(c, id, zodIssues(parsed.error.issues).map((i) => ({ path: i.path, code: i.code ?? "invalid", message: i.message })));
    const r = await ws.updateMember(callerOf(c), id, parsed.data);
    if (!r.ok) return r.problem.status === 404 ? notFound(c) : memberWithIssues(c, id, issuesOf(r.problem));
    return see(c, `/org/members/${id}?notice=saved`);
  })
  .post("/org/members/:id/consents", async (c) => {
    const id = c.req.param("id");
    const f = await form(c);
    const parsed = ConsentInputSchema.safeParse({ notice_version: one(f, "notice_version") ?? "2026-01", notice_lang: one(f, "notice_lang"), purposes: many(f, "purposes"), method: one(f, "method"), ...(one(f, "witness") ? { witness: one(f, "witness") } : {}), ...(one(f, "given_on") ? { given_on: one(f, "given_on") } : {}) });
    if (!parsed.success) return memberWithIssues(c, id, zodIssues(parsed.error.issues).map((i) => ({ path: i.path, code: i.code ?? "invalid", message: i.message })));
    const r = await ws.addConsent(callerOf(c), id, parsed.data);
    if (!r.ok) return r.problem.status === 404 ? notFound(c) : memberWithIssues(c, id, issuesOf(r.problem));
    return see(c, `/org/members/${id}?notice=consent`);
  })
  .post("/org/members/:id/consents/:consent/withdrawal", async (c) => {
    const id = c.req.param("id");
    const f = await form(c);
    const parsed = WithdrawalSchema.safeParse({ channel: one(f, "channel"), effect: one(f, "effect") });
    if (!parsed.success) return memberWithIssues(c, id, zodIssues(parsed.error.issues).map((i) => ({ path: i.path, code: i.code ?? "invalid", message: i.message })));
    const r = await ws.withdrawConsent(callerOf(c), id, c.req.param("consent"), parsed.data);
    if (!r.ok) return r.problem.status === 404 ? notFound(c) : memberWithIssues(c, id, issuesOf(r.problem));
    return r.value.erased ? see(c, "/org/members?notice=erased") : see(c, `/org/members/${id}?notice=withdrawn`);
  })
  .get("/org/members/:id/erase", async (c) => {
    const r = await ws.viewMember(callerOf(c), c.req.param("id"));
    if (!r.ok) return notFound(c);
    return html(c, c.var.orgPages.eraseConfirm(orgFrame(c), { id: r.value.member.id, name: r.value.member.name, member_no: r.value.member.member_no }));
  })
  .post("/org/members/:id/erase", async (c) => {
    const r = await ws.eraseMember(callerOf(c), c.req.param("id"));
    if (!r.ok) return problemPage(c, r.problem);
    return see(c, "/org/members?notice=erased");
  })
  .post("/org/members/:id/enrollments/:scheme", async (c) => {
    const id = c.req.param("id");
    const f = await form(c);
    const version = one(f, "version");
    const parsed = MoveSchema.safeParse({ to: one(f, "to"), occurred_on: one(f, "occurred_on"), verification: one(f, "verification"), barrier: one(f, "barrier"), ...(version ? { version: Number(version) } : {}) });
    if (!parsed.success) return memberWithIssues(c, id, zodIssues(parsed.error.issues).map((i) => ({ path: i.path, code: i.code ?? "invalid", message: i.message })));
    // A form sends every select: a verification is kept only for a move to enrolled.
    const move = { ...parsed.data, verification: parsed.data.to === "enrolled" ? parsed.data.verification : undefined };
    const r = await ws.moveEnrollment(callerOf(c), id, c.req.param("scheme"), move);
    if (!r.ok) return r.problem.status === 404 ? notFound(c) : memberWithIssues(c, id, issuesOf(r.problem));
    return see(c, `/org/members/${id}?notice=moved#s-${c.req.param("scheme")}`);
  })

  // ---- assisted screening: the member's interview, saved into her record ------------------------------------------
  .get("/org/members/:id/screen", async (c) => {
    const id = c.req.param("id");
    const r = await ws.viewMember(callerOf(c), id);
    if (!r.ok) return notFound(c);
    const engine = getEngine(c.var.session!.network.country)!;
    const lang = engine.pack.country.languages.includes(c.req.query("lang") ?? "") ? c.req.query("lang")! : r.value.member.lang;
    // What is already known about her is filled in; the interview asks only what is missing.
    const state: InterviewState = restoreState(JSON.stringify({ country: engine.pack.country.code, lang, facts: r.value.member.facts, order: Object.keys(r.value.member.facts), view: "questions" }), engine.pack, lang, c.var.today);
    return screenPage(c, { id, name: r.value.member.name }, state);
  })
  .post("/org/members/:id/screen", async (c) => {
    const id = c.req.param("id");
    const caller = callerOf(c);
    const member = await findMember(c.var.db, caller.scope, id);
    if (!member) return notFound(c);
    const engine = getEngine(c.var.session!.network.country)!;
    const f = await form(c);
    const languages = engine.pack.country.languages;
    const asked = one(f, "lang") ?? member.lang;
    const state = restoreState(one(f, "state"), engine.pack, languages.includes(asked) ? asked : member.lang, c.var.today);
    if (one(f, "action") === "save") {
      const r = await ws.screenMember(caller, id, { facts: state.facts, lang: state.lang });
      if (!r.ok) return r.problem.status === 404 ? notFound(c) : memberWithIssues(c, id, issuesOf(r.problem));
      return see(c, `/org/members/${id}?notice=screened`);
    }
    const step = apply(engine.pack, state, actionFromForm(f as never), c.var.today);
    return screenPage(c, { id, name: member.name }, step.state, step.screen);
  })

  // ---- imports of member lists ---------------------------------------------------------------------------------
  .use("/org/imports", requireSession("members"))
  .use("/org/imports/*", requireSession("members"))
  .get("/org/imports", async (c) => html(c, c.var.orgPages.imports(orgFrame(c), { items: await recentImports(c) })))
  .post("/org/imports", bodyLimit({ maxSize: MAX_IMPORT_BYTES, onError: (c) => c.text("The file is too large.", 413) }), async (c) => {
    const s = c.var.session!;
    let file: File | undefined;
    let approvedOnly = false;
    try {
      const body = await c.req.parseBody();
      file = body.file instanceof File ? body.file : undefined;
      approvedOnly = body.approved_only === "1";
    } catch {
      file = undefined;
    }
    const issue = (code: string, message: string) => html(c, c.var.orgPages.imports(orgFrame(c), { items: [], issues: [{ path: "file", code, message }] }), 400);
    if (!file || !file.size) return issue("required", "choose a CSV file");
    const bytes = new Uint8Array(await file.arrayBuffer());
    // A spreadsheet (a zip) sent without the page's script: say what to do instead of reading it as text.
    if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return issue("spreadsheet_needs_script", "this is a spreadsheet (.xlsx): save it as CSV in Excel, or use a browser with JavaScript on");
    const decoded = decode(bytes, s.network.country);
    const table = parseTable(decoded.text, { approvedOnly });
    if (!table.columns.length || !table.rows.length) return issue("empty_file", "the file has no header row or no member rows");
    const now = new Date().toISOString();
    const { id } = await createImport(c.var.db, { network_id: s.network.id, user_id: s.user.id, file_name: file.name || "members.csv", encoding: decoded.encoding, table, now });
    await audit(c.var.db, { network_id: s.network.id, actor_id: s.user.id, action: "import.upload", entity_type: "import", entity_id: id, at: now });
    return see(c, `/org/imports/${id}${decoded.legacy ? "?legacy=1" : ""}`);
  })
  .get("/org/imports/:id", async (c) => {
    const view = await importView(c, c.req.param("id"));
    return view ? html(c, c.var.orgPages.importPage(orgFrame(c), view)) : notFound(c);
  })
  .post("/org/imports/:id/check", async (c) => {
    const s = c.var.session!;
    const imp = await findImport(c.var.db, s.network.id, c.req.param("id"));
    if (!imp) return notFound(c);
    if (imp.status === "applying" || imp.status === "applied") return see(c, `/org/imports/${imp.id}`);
    const f = await form(c);
    const columns: Record<number, Target> = {};
    const targets = new Set(importTargets(c).map((t) => t.value));
    for (const [k, v] of Object.entries(f)) {
      const match = /^col_(\d{1,3})$/.exec(k);
      const value = Array.isArray(v) ? v[0] : v;
      if (match && value && value !== "ignore" && targets.has(value)) columns[Number(match[1])] = value as Target;
    }
    const caller = callerOf(c);
    const cluster = one(f, "default_cluster");
    const allowed = caller.scope.clusters;
    const defaultCluster = cluster && (allowed === "all" || allowed.includes(cluster)) ? cluster : undefined;
    const jobs = await startCheck(c.var.db, imp, { columns, overwrite: one(f, "overwrite") === "1", default_cluster: defaultCluster, allowed_clusters: allowed }, new Date().toISOString(), c.var.session!.user.id);
    await enqueue(c.env.JOBS, jobs);
    return see(c, `/org/imports/${imp.id}`);
  })
  .post("/org/imports/:id/apply", async (c) => {
    const s = c.var.session!;
    const imp = await findImport(c.var.db, s.network.id, c.req.param("id"));
    if (!imp) return notFound(c);
    if (imp.status !== "checked") return see(c, `/org/imports/${imp.id}`);
    const f = await form(c);
    const include = many(f, "include_duplicates").map(Number).filter((n) => Number.isInteger(n) && n > 0);
    const jobs = await startApply(c.var.db, imp, new Date().toISOString(), include);
    await enqueue(c.env.JOBS, jobs.map((j) => ({ ...j, by: s.user.id })));
    await audit(c.var.db, { network_id: s.network.id, actor_id: s.user.id, action: "import.apply", entity_type: "import", entity_id: imp.id, at: new Date().toISOString() });
    return see(c, `/org/imports/${imp.id}`);
  })
  // ---- what changed when the rules changed, and what a dated change will do --------------------------------------
  .get("/org/changes", async (c) => html(c, c.var.orgPages.changes(orgFrame(c), await changesView(c))))

  // ---- the network admin's pages ---------------------------------------------------------------------------------
  .get("/org/audit", async (c) => {
    const s = c.var.session!;
    const before = Number(c.req.query("before")) || undefined;
    const page = await auditPage(c.var.db, s.network.id, { before, limit: 100 });
    const team = await usersOf(c.var.db, s.network.id);
    const name = (id: string | null) => team.find((u) => u.id === id)?.display_name ?? id ?? "";
    return html(c, c.var.orgPages.audit(orgFrame(c), { items: page.rows.map((a) => ({ id: a.id, at: a.at, actor: name(a.actor_id), action: a.action, entity_type: a.entity_type, entity_id: a.entity_id, fields: a.fields })), next_before: page.more ? page.rows.at(-1)!.id : undefined }));
  })
  .get("/org/users", async (c) => html(c, c.var.orgPages.users(orgFrame(c, noticeText(c)), await usersView(c))))
  .post("/org/users/invite", async (c) => {
    const s = c.var.session!;
    const f = await form(c);
    const parsed = InvitationInputSchema.safeParse({ role: one(f, "role"), cluster_ids: many(f, "cluster_ids") });
    const clusters = await clustersOf(c.var.db, s.network.id);
    if (!parsed.success) return html(c, c.var.orgPages.users(orgFrame(c), { ...(await usersView(c)), issues: zodIssues(parsed.error.issues).map((i) => ({ path: i.path, code: i.code ?? "invalid", message: i.message })) }), 400);
    const { role, cluster_ids, expires_in_days } = parsed.data;
    if (cluster_ids.some((id) => !clusters.some((cl) => cl.id === id)) || (role === "organizer" && !cluster_ids.length)) {
      return html(c, c.var.orgPages.users(orgFrame(c), { ...(await usersView(c)), issues: [{ path: "cluster_ids", code: "unknown_cluster", message: "an organizer works in at least one of your clusters" }] }), 400);
    }
    const { token, expires_at } = await issueInvitation(c.var.db, { network_id: s.network.id, role, cluster_ids, created_by: s.user.id, expires_in_days });
    // The link is shown once, on this answer, and never stored.
    return html(c, c.var.orgPages.users(orgFrame(c), { ...(await usersView(c)), invitation: { url: `${new URL(c.req.url).origin}/org/join/${token}`, expires_at } }));
  })
  .post("/org/users/:id/grants/:grant/withdraw", async (c) => {
    const s = c.var.session!;
    if (!(await withdrawGrant(c.var.db, { network_id: s.network.id, user_id: c.req.param("id"), grant_id: c.req.param("grant"), actor_id: s.user.id }))) return notFound(c);
    return see(c, "/org/users?notice=saved");
  });

/** The network's clusters the caller works in (all of them for an admin). */
async function clustersInScope(c: C) {
  const { scope } = callerOf(c);
  return (await clustersOf(c.var.db, c.var.session!.network.id)).filter((cl) => scope.clusters === "all" || scope.clusters.includes(cl.id));
}

async function recentImports(c: C) {
  const rows = await c.var.db.select({ id: imports.id, file_name: imports.file_name, status: imports.status, total_rows: imports.total_rows, created_at: imports.created_at }).from(imports).where(eq(imports.network_id, c.var.session!.network.id)).orderBy(desc(imports.created_at)).limit(20);
  return rows;
}

function importTargets(c: C) {
  const s = c.var.session!;
  const engine = getEngine(s.network.country)!;
  const defs = factDefs(engine.pack);
  // The member's own fields are worded by the page; facts by the rule pack's labels.
  const own = ["member_no", "name", "given_name", "family_name", "phone", "cluster", "lang", "consent"].map((t) => ({ value: t, label: "" }));
  const facts = [...defs.values()].filter((d) => d.type !== "list").map((d) => ({ value: `fact:${d.name}`, label: d.label[s.user.lang] ?? d.label.en ?? d.name }));
  return [...own, ...facts];
}

async function importView(c: C, id: string): Promise<ImportView | undefined> {
  const s = c.var.session!;
  const imp = await findImport(c.var.db, s.network.id, id);
  if (!imp) return undefined;
  const engine = getEngine(s.network.country)!;
  const columns = JSON.parse(imp.columns) as Column[];
  const saved = imp.mapping ? (JSON.parse(imp.mapping) as { columns: Record<string, string>; default_cluster?: string }) : ((await savedMapping(c.var.db, imp.network_id, JSON.parse(imp.columns))) as { columns: Record<string, string>; default_cluster?: string } | undefined);
  const caller = callerOf(c);
  const clusters = await clustersInScope(c);
  const first = await c.var.db.select().from(importChunks).where(and(eq(importChunks.import_id, imp.id), eq(importChunks.seq, 0))).get();
  const sample = first ? (JSON.parse(first.rows) as [number, string[]][]).slice(0, 5).map(([line, cells]) => ({ line, cells })) : [];
  const duplicates = await c.var.db.select({ line: importRows.line, member_no: importRows.member_no, member_id: importRows.member_id }).from(importRows).where(and(eq(importRows.import_id, imp.id), eq(importRows.outcome, "possible_duplicate"))).orderBy(importRows.line).limit(100);
  const working = imp.status === "applying" ? imp.applied_chunks : imp.checked_chunks;
  const bad = await c.var.db.select({ issues: importRows.issues }).from(importRows).where(and(eq(importRows.import_id, imp.id), eq(importRows.outcome, "error"))).orderBy(importRows.line).limit(50);
  return {
    id: imp.id,
    file_name: imp.file_name,
    source: imp.source,
    encoding: imp.encoding,
    legacy: imp.encoding.startsWith("windows-"),
    status: imp.status,
    total_rows: imp.total_rows,
    progress: { done: working, of: imp.chunks },
    columns,
    mapping: Object.fromEntries(Object.entries(saved?.columns ?? suggestMapping(columns, engine.pack)).map(([k, v]) => [k, v])),
    targets: importTargets(c),
    sample,
    problems: JSON.parse(imp.problems),
    summary: await importSummary(c.var.db, imp.id),
    clusters: clusters.map(({ id: cid, name }) => ({ id: cid, name })),
    default_cluster: saved?.default_cluster ?? (clusters.length === 1 ? clusters[0]!.id : undefined),
    duplicates,
    errors: bad.flatMap((r) => (r.issues ? (JSON.parse(r.issues) as ImportView["errors"]) : [])),
  };
}


async function usersView(c: C) {
  const s = c.var.session!;
  const clusters = await clustersOf(c.var.db, s.network.id);
  const team = await usersOf(c.var.db, s.network.id);
  return {
    items: team.map((u) => ({ ...u, grants: u.grants.map((g) => ({ ...g, cluster: clusters.find((cl) => cl.id === g.cluster_id)?.name ?? null })) })),
    clusters: clusters.map(({ id, name }) => ({ id, name })),
  };
}

async function newMemberView(c: C, values: Record<string, string | string[]>, issues?: FormIssue[]) {
  const s = c.var.session!;
  const caller = callerOf(c);
  const clusters = await clustersInScope(c);
  const languages = getEngine(s.network.country)!.pack.country.languages;
  return { clusters: clusters.map(({ id, name }) => ({ id, name })), languages, values: { lang: languages.at(-1)!, notice_lang: languages.at(-1)!, ...values }, issues, today: c.var.today };
}

async function memberWithIssues(c: C, id: string, issues: FormIssue[]) {
  const view = await memberView(c, id, issues);
  if (!view) return notFound(c);
  return html(c, c.var.orgPages.member(orgFrame(c), view), issues.some((i) => i.code === "transition_not_allowed" || i.code === "changed_meanwhile" || i.code.endsWith("_required") || i.code.startsWith("occurred")) ? 409 : 400);
}

function screenPage(c: C, member: { id: string; name: string }, state: InterviewState, forced?: Screen) {
  const engine = getEngine(state.country)!;
  const evaluation = engine.evaluate(state.facts, { date: c.var.today, lang: state.lang });
  const screen = forced ?? screenFor(evaluation, state);
  return html(c, c.var.orgPages.screen(orgFrame(c), { member, page: { engine, state, screen, evaluation, date: c.var.today } }), screen.kind === "question" && screen.error ? 400 : 200);
}

/** Only our own paths are followed after sign-in (never another site). */
function safeNext(next: string | undefined): string | undefined {
  return next && /^\/org(\/[A-Za-z0-9/_-]*)?$/.test(next) ? next : undefined;
}

const NOTICES = new Set(["saved", "screened", "moved", "consent", "withdrawn", "erased", "created", "invited"]);

/** The notice to show after a redirect (by code; the page renderer words it). */
function noticeText(c: C, receipt?: string): OrgFrame["notice"] {
  const code = c.req.query("notice");
  if (!code || !NOTICES.has(code)) return undefined;
  return { code, ...(code === "created" && receipt ? { receipt } : {}) };
}

/** The "what changed" page: the changes found since a date in her scope, and a forecast when a date is asked. */
async function changesView(c: C): Promise<ChangesView> {
  const s = c.var.session!;
  const caller = callerOf(c);
  const today = c.var.today;
  const lang = s.user.lang;
  const engine = getEngine(s.network.country)!;
  const clusters = await clustersInScope(c);
  const clusterName = (id: string) => clusters.find((cl) => cl.id === id)?.name ?? "";
  const schemeName = (id: string) => {
    const sc = engine.pack.schemes.find((x) => x.id === id);
    return sc ? (sc.name[lang] ?? sc.name.en) : id;
  };
  const sinceQ = c.req.query("since");
  const since = sinceQ && isIsoDate(sinceQ) ? sinceQ : addDays(today, -30);
  const clusterQ = c.req.query("cluster");
  const cluster = clusterQ && clusters.some((cl) => cl.id === clusterQ) ? clusterQ : undefined;
  const kindQ = c.req.query("kind");
  const only = CHANGE_KINDS.find((k) => k === kindQ);
  const beforeQ = c.req.query("before");
  const cut = beforeQ?.indexOf("|") ?? -1;
  const before = only && beforeQ && cut > 0 ? { detected_on: beforeQ.slice(0, cut), id: beforeQ.slice(cut + 1) } : undefined;
  const kinds: readonly ChangeKind[] = only ? [only] : CHANGE_KINDS;
  const d1 = c.var.db.$client;
  const [summary, ...pages] = await Promise.all([changeSummary(d1, caller.scope, since, cluster), ...kinds.map((kind) => listChangesFor(d1, caller.scope, s.network.country, lang, { since, cluster, kind, before, limit: 100 }))]);
  type Explained = ChangeExplained & { member: { id: string; name: string; member_no: string; cluster_id: string }; scheme: string; from_status: Status | null; to_status: Status | null; from_rule_version: string | null; to_rule_version: string | null; from_hash: string | null; to_hash: string | null };
  const entry = (x: Explained, extra: { detected_on?: string; task_kind: string | null }) => ({
    member_id: x.member.id,
    name: x.member.name,
    member_no: x.member.member_no,
    cluster: clusterName(x.member.cluster_id),
    scheme: x.scheme,
    scheme_name: x.scheme_name,
    from: x.from_status,
    to: x.to_status,
    kind: changeKind(x.from_status, x.to_status),
    from_rule_version: x.from_rule_version,
    to_rule_version: x.to_rule_version,
    from_hash: x.from_hash,
    to_hash: x.to_hash,
    reasons: x.reasons.map((t) => t.text),
    sources: x.sources.map(({ title, url, date }) => ({ title, url, date })),
    rule_event: x.rule_event,
    rule_date: x.rule_date,
    ...extra,
  });
  const moreLink = (kind: ChangeKind, next: { detected_on: string; id: string } | undefined) =>
    next ? `/org/changes?${new URLSearchParams({ since, ...(cluster ? { cluster } : {}), kind, before: `${next.detected_on}|${next.id}` })}` : undefined;
  const view: ChangesView = {
    today,
    since,
    cluster,
    kind: only,
    clusters: clusters.map(({ id, name }) => ({ id, name })),
    groups: kinds.map((kind, i) => ({
      kind,
      total: summary.counts.reduce((n, x) => n + x[kind], 0),
      entries: pages[i]!.items.map((x) => entry(x, { detected_on: x.detected_on, task_kind: x.task?.kind ?? null })),
      more: moreLink(kind, pages[i]!.next),
    })),
    counts: summary.counts.map((n) => ({ ...n, scheme_name: schemeName(n.scheme) })),
    runs: summary.runs,
    rules_version: engine.pack.hash,
    upcoming: datedChangesAfter(engine.pack, today).map((u) => ({ date: u.date, scheme_name: schemeName(u.scheme), rule_version: u.rule_version, change: u.change })),
  };
  const dateQ = c.req.query("date");
  if (dateQ !== undefined && dateQ !== "") {
    view.date = dateQ;
    if (!isIsoDate(dateQ) || dateQ <= today) {
      view.issues = [{ path: "date", code: "not_in_future", message: `must be a date after ${today}` }];
    } else {
      const f = await forecast(c.var.db.$client, caller.scope, s.network.country, today, dateQ, lang);
      view.forecast = {
        date: f.date,
        members: f.members,
        schemes: f.schemes.map(schemeName),
        counts: f.counts,
        shown: f.items.length,
        entries: f.items.map((x) =>
          entry(
            { ...x, scheme: x.change.scheme, from_status: x.change.from, to_status: x.change.to, from_rule_version: x.change.from_rule_version, to_rule_version: x.change.to_rule_version, from_hash: x.change.from_hash, to_hash: x.change.to_hash },
            { task_kind: x.change.task ?? null },
          ),
        ),
      };
    }
  }
  return view;
}
