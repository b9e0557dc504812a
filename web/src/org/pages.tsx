/**
 * The organizer's pages, rendered on the server (src/present/org-pages.ts): plain HTML forms that work without
 * JavaScript on a cheap phone and a bad connection, in the organizer's language, one stylesheet, no script.
 * Assisted screening reuses the member's interview screens, posting back to the workspace.
 */
import type { ComponentChildren } from "preact";
import { render } from "preact-render-to-string";
import { BARRIERS, CONSENT_PURPOSES, RECORDED_METHODS, VERIFICATIONS, WITHDRAWAL_CHANNELS, WITHDRAWAL_EFFECTS } from "../../../src/members/enums";
import type { ChangeEntryView, ChangesView, FormIssue, ImportIssue, OrgFrame, OrgPageRenderer, EnrollmentView, MemberView } from "../../../src/present/org-pages";
import { issueText as factIssueText } from "../../../src/interview/issues";
import { dirOf, LANGUAGES } from "../i18n";
import { messagesFor } from "../i18n/all";
import { FlowTargetContext } from "../ui/common";
import { FlowScreen, flowModel } from "../ui/screen";
import { BriefPage, briefTitle, EvidencePage } from "./evidence";
import { fillIn, orgMessages, type OrgMessages } from "./messages";

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

function shell(lang: string, title: string, body: string, stylesheets: string[] = ["/org.css"], scripts: string[] = []): string {
  return `<!doctype html>
<html lang="${esc(lang)}" dir="${dirOf(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<meta name="theme-color" content="#7a2e6e">
<title>${esc(title)}</title>
${stylesheets.map((s) => `<link rel="stylesheet" href="${s}">`).join("\n")}
${scripts.map((s) => `<script type="module" src="${s}"></script>`).join("\n")}
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
</head>
<body>
${body}
</body>
</html>`;
}

const langName = (l: string) => LANGUAGES[l]?.native ?? l;

function Layout({ frame, m, title, children }: { frame: OrgFrame; m: OrgMessages; title: string; children: ComponentChildren }) {
  const u = frame.user;
  return (
    <>
      <a class="skip" href="#main">
        {m.skip}
      </a>
      <header class="top">
        <p class="brand">
          {m.title}
          {u ? <span> · {u.network}</span> : null}
        </p>
        {u ? (
          <nav aria-label={m.title}>
            <a href="/org">{m.nav.home}</a>
            {u.role !== "advocate" ? <a href="/org/members">{m.nav.members}</a> : null}
            {u.role !== "advocate" ? <a href="/org/members/new">{m.nav.add}</a> : null}
            {u.role !== "advocate" ? <a href="/org/imports">{m.imports.nav}</a> : null}
            {u.role !== "advocate" ? <a href="/org/changes">{m.nav.changes}</a> : null}
            <a href="/org/evidence">{m.nav.evidence}</a>
            {u.role === "network_admin" ? <a href="/org/users">{m.nav.users}</a> : null}
            {u.role === "network_admin" ? <a href="/org/audit">{m.nav.audit}</a> : null}
          </nav>
        ) : null}
      </header>
      <main id="main">
        <h1>{title}</h1>
        {frame.notice && m.notices[frame.notice.code as keyof OrgMessages["notices"]] ? (
          <p class="notice" role="status">
            {fillIn(m.notices[frame.notice.code as keyof OrgMessages["notices"]], { code: frame.notice.receipt ?? "" })}
          </p>
        ) : null}
        {children}
      </main>
      <footer class="bottom">
        {u ? (
          <p>
            {u.display_name} · {u.role ? m.roles[u.role] : ""}
          </p>
        ) : null}
        {frame.languages.length > 1 ? (
          <form method="post" action="/org/lang" class="inline">
            <label for="org-lang">{m.lang_label}</label>{" "}
            <select id="org-lang" name="lang">
              {frame.languages.map((l) => (
                <option value={l} selected={l === frame.lang}>
                  {langName(l)}
                </option>
              ))}
            </select>{" "}
            <button class="button quiet">{m.change}</button>
          </form>
        ) : null}
        {u ? (
          <form method="post" action="/org/sign-out" class="inline">
            <button class="button quiet">{m.nav.sign_out}</button>
          </form>
        ) : null}
      </footer>
    </>
  );
}

function page(frame: OrgFrame, title: string, children: ComponentChildren, scripts: string[] = []): string {
  const m = orgMessages(frame.lang);
  return shell(frame.lang, `${title} · ${m.title}`, render(<Layout frame={frame} m={m} title={title}>{children}</Layout>), ["/org.css"], scripts);
}

/** A field's problems, in the organizer's language where we have the words. */
function issueText(m: OrgMessages, i: FormIssue): string {
  return m.errors.codes[i.code] ?? i.message;
}

/** The label a field has on the form, for a problem's path. */
function fieldName(m: OrgMessages, path: string): string {
  const names: Record<string, string> = {
    name: m.new_member.name,
    member_no: m.new_member.number,
    phone: m.member.phone,
    cluster_id: m.member.cluster,
    lang: m.member.lang,
    "consent.purposes": m.member.purposes,
    "consent.method": m.member.method,
    "consent.witness": m.member.witness,
    "consent.given_on": m.member.given_on,
    purposes: m.member.purposes,
    method: m.member.method,
    witness: m.member.witness,
    to: m.member.move,
    occurred_on: m.member.on,
    verification: m.member.verification,
    barrier: m.member.barrier,
    display_name: m.join.name,
    email: m.join.email,
    password: m.join.password,
    role: m.users.role,
    cluster_ids: m.users.clusters,
  };
  return names[path] ?? path;
}

function Issues({ m, issues }: { m: OrgMessages; issues?: FormIssue[] }) {
  if (!issues?.length) return null;
  return (
    <div class="problems" role="alert">
      <ul>
        {issues.map((i) => (
          <li>
            {i.path ? <strong>{fieldName(m, i.path)}: </strong> : null}
            {issueText(m, i)}
          </li>
        ))}
      </ul>
    </div>
  );
}

function Field({ id, label, children, hint }: { id: string; label: string; children: ComponentChildren; hint?: string }) {
  return (
    <p class="field">
      <label for={id}>{label}</label>
      {hint ? <span class="hint">{hint}</span> : null}
      {children}
    </p>
  );
}

function Select({ id, name, options, value, required, empty }: { id: string; name: string; options: [string, string][]; value?: string; required?: boolean; empty?: string }) {
  return (
    <select id={id} name={name} required={required}>
      {empty !== undefined ? <option value="">{empty}</option> : null}
      {options.map(([v, label]) => (
        <option value={v} selected={v === value}>
          {label}
        </option>
      ))}
    </select>
  );
}

function ConsentFields({ m, languages, values, prefix }: { m: OrgMessages; languages: string[]; values: Record<string, string | string[]>; prefix: string }) {
  const chosen = new Set([values.purposes ?? ["screening", "follow_up", "statistics"]].flat());
  return (
    <fieldset>
      <legend>{m.member.consent}</legend>
      <p class="hint">{m.new_member.consent_first}</p>
      <fieldset class="checks">
        <legend>{m.member.purposes}</legend>
        {CONSENT_PURPOSES.map((p) => (
          <p>
            <input type="checkbox" id={`${prefix}-p-${p}`} name="purposes" value={p} checked={chosen.has(p)} /> <label for={`${prefix}-p-${p}`}>{m.purposes[p]}</label>
          </p>
        ))}
      </fieldset>
      <Field id={`${prefix}-method`} label={m.member.method}>
        <Select id={`${prefix}-method`} name="method" value={values.method as string} options={RECORDED_METHODS.map((x) => [x, m.methods[x]])} required />
      </Field>
      <Field id={`${prefix}-witness`} label={`${m.member.witness} (${m.methods.spoken_witnessed})`}>
        <input id={`${prefix}-witness`} name="witness" value={(values.witness as string) ?? ""} maxLength={100} />
      </Field>
      <Field id={`${prefix}-notice-lang`} label={m.member.notice}>
        <Select id={`${prefix}-notice-lang`} name="notice_lang" value={values.notice_lang as string} options={languages.map((l) => [l, langName(l)])} />
      </Field>
      <input type="hidden" name="notice_version" value={(values.notice_version as string) ?? "2026-01"} />
      <Field id={`${prefix}-given-on`} label={m.member.given_on}>
        <input id={`${prefix}-given-on`} type="date" name="given_on" value={(values.given_on as string) ?? ""} />
      </Field>
    </fieldset>
  );
}

function statusLabel(m: OrgMessages, s?: string) {
  return m.member.statuses[(s ?? "unscreened") as keyof OrgMessages["member"]["statuses"]] ?? s;
}

function SchemeCard({ m, e, memberId, today }: { m: OrgMessages; e: EnrollmentView; memberId: string; today: string }) {
  const id = `${e.scheme}`;
  return (
    <section class={`scheme status-${e.status ?? "unscreened"}`} aria-labelledby={`s-${id}`}>
      <h3 id={`s-${id}`}>{e.name}</h3>
      <p>
        <span class="badge">{statusLabel(m, e.status)}</span> · {m.member.state}: <strong>{m.states[e.state as keyof OrgMessages["states"]] ?? e.state}</strong>
        {e.since ? ` (${e.since})` : ""}
        {e.barrier ? ` · ${m.barriers[e.barrier as keyof OrgMessages["barriers"]]}` : ""}
      </p>
      {e.reasons.length ? (
        <ul class="reasons">
          {e.reasons.map((r) => (
            <li>{r}</li>
          ))}
        </ul>
      ) : null}
      {e.next.length || e.can_stall ? (
        <form method="post" action={`/org/members/${memberId}/enrollments/${e.scheme}`} class="move">
          {e.version ? <input type="hidden" name="version" value={String(e.version)} /> : null}
          <Field id={`to-${id}`} label={m.member.move}>
            <Select id={`to-${id}`} name="to" empty={m.choose} options={[...e.next.map((s): [string, string] => [s, m.states[s as keyof OrgMessages["states"]] ?? s]), ...(e.can_stall ? [[e.state, m.member.barrier_only] as [string, string]] : [])]} required />
          </Field>
          <Field id={`on-${id}`} label={m.member.on}>
            <input id={`on-${id}`} type="date" name="occurred_on" value={today} max={today} required />
          </Field>
          <Field id={`v-${id}`} label={`${m.member.verification} (${m.states.enrolled})`}>
            <Select id={`v-${id}`} name="verification" empty="—" options={VERIFICATIONS.map((v) => [v, m.verifications[v]])} />
          </Field>
          <Field id={`b-${id}`} label={`${m.member.barrier} (${m.states.declined}, ${m.states.rejected})`}>
            <Select id={`b-${id}`} name="barrier" empty="—" options={BARRIERS.map((b) => [b, m.barriers[b]])} />
          </Field>
          <button class="button primary">{m.member.record}</button>
        </form>
      ) : null}
      {e.documents.length && ["not_started", "gathering_documents", "ready_to_apply"].includes(e.state) ? (
        <details>
          <summary>{m.member.documents}</summary>
          <ul>
            {e.documents.map((d) => (
              <li>{d}</li>
            ))}
          </ul>
        </details>
      ) : null}
      {e.events.length ? (
        <details>
          <summary>{m.member.history}</summary>
          <ol class="history">
            {e.events.map((ev) => (
              <li>
                {ev.on}: {m.states[ev.to as keyof OrgMessages["states"]] ?? ev.to}
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </section>
  );
}

function MemberPage({ m, v }: { m: OrgMessages; v: MemberView }) {
  const mem = v.member;
  const active = v.enrollments.filter((e) => e.status === "eligible" || e.status === "likely_eligible" || e.status === "needs_info" || e.state !== "not_started");
  const other = v.enrollments.filter((e) => !active.includes(e));
  return (
    <>
      <Issues m={m} issues={v.issues} />
      <p class="facts">
        {m.member.number}: <strong>{mem.member_no}</strong> · {m.member.cluster}: {mem.cluster}
        {mem.phone ? ` · ${mem.phone}` : ""}
        {mem.consent_state === "withdrawn" ? <span class="badge warn"> {m.members.consent_withdrawn}</span> : null}
        {mem.consent_state === "needed" ? <span class="badge warn"> {m.members.consent_needed}</span> : null}
      </p>
      <p>{v.screening ? fillIn(m.member.screened, { date: v.screening.date, version: v.screening.rules_version.slice(0, 8) }) : m.member.not_screened}</p>
      <p>
        <a class="button primary" href={`/org/members/${mem.id}/screen`}>
          {v.screening ? m.member.rescreen : m.member.screen}
        </a>
      </p>

      <h2>{m.member.schemes}</h2>
      {active.map((e) => (
        <SchemeCard m={m} e={e} memberId={mem.id} today={v.today} />
      ))}
      {other.length ? (
        <details class="others">
          <summary>
            {statusLabel(m, "not_eligible")} / {statusLabel(m, "unscreened")} ({other.length})
          </summary>
          {other.map((e) => (
            <SchemeCard m={m} e={e} memberId={mem.id} today={v.today} />
          ))}
        </details>
      ) : null}

      <h2>{m.member.follow_ups}</h2>
      <ul class="tasks">
        {v.tasks.map((t) => (
          <li class={t.status}>
            {m.tasks[t.kind as keyof OrgMessages["tasks"]]} · {v.enrollments.find((e) => e.scheme === t.scheme)?.name ?? t.scheme} · {fillIn(m.home.due_on, { date: t.due_on })}
            {t.status !== "open" ? ` · ${m.member.done}` : ""}
          </li>
        ))}
      </ul>

      <h2>{m.member.consent}</h2>
      {v.consents.map((c) => (
        <section class="consent">
          <p>
            {m.member.receipt}: <strong class="receipt">{c.receipt_code}</strong> · {m.member.given_on} {c.given_on} · {m.methods[c.method as keyof OrgMessages["methods"]]}
            {c.witness ? ` · ${m.member.witness}: ${c.witness}` : ""} · {m.member.notice} {c.notice_version} ({langName(c.notice_lang)})
          </p>
          <ul>
            {c.purposes.map((p) => (
              <li>{m.purposes[p as keyof OrgMessages["purposes"]]}</li>
            ))}
          </ul>
          {c.withdrawn_on ? (
            <p class="badge warn">{fillIn(m.member.withdrawn, { date: c.withdrawn_on })}</p>
          ) : (
            <details>
              <summary>{m.member.withdraw}</summary>
              <form method="post" action={`/org/members/${mem.id}/consents/${c.id}/withdrawal`}>
                <Field id={`ch-${c.id}`} label={m.member.channel}>
                  <Select id={`ch-${c.id}`} name="channel" options={WITHDRAWAL_CHANNELS.map((x) => [x, m.channels[x]])} required />
                </Field>
                <Field id={`ef-${c.id}`} label={m.member.effect}>
                  <Select id={`ef-${c.id}`} name="effect" options={WITHDRAWAL_EFFECTS.map((x) => [x, m.effects[x]])} required />
                </Field>
                <button class="button">{m.member.withdraw}</button>
              </form>
            </details>
          )}
        </section>
      ))}
      <details>
        <summary>{m.member.new_consent}</summary>
        <form method="post" action={`/org/members/${mem.id}/consents`}>
          <ConsentFields m={m} languages={v.languages} values={{ notice_lang: mem.lang }} prefix="nc" />
          <button class="button primary">{m.member.record}</button>
        </form>
      </details>

      <h2>{m.member.details}</h2>
      <form method="post" action={`/org/members/${mem.id}`}>
        <Field id="d-name" label={m.new_member.name}>
          <input id="d-name" name="name" value={mem.name} required maxLength={120} />
        </Field>
        <Field id="d-no" label={m.member.number}>
          <input id="d-no" name="member_no" value={mem.member_no} required maxLength={40} />
        </Field>
        <Field id="d-phone" label={m.new_member.phone}>
          <input id="d-phone" name="phone" type="tel" value={mem.phone ?? ""} maxLength={32} />
        </Field>
        <Field id="d-cluster" label={m.member.cluster}>
          <Select id="d-cluster" name="cluster_id" value={mem.cluster_id} options={v.clusters.map((c) => [c.id, c.name])} />
        </Field>
        <Field id="d-lang" label={m.member.lang}>
          <Select id="d-lang" name="lang" value={mem.lang} options={v.languages.map((l) => [l, langName(l)])} />
        </Field>
        <button class="button">{m.member.save_details}</button>
      </form>

      <p class="danger">
        <a href={`/org/members/${mem.id}/erase`}>{m.member.erase}</a>
      </p>
    </>
  );
}

/** A problem of an imported row in the organizer's words: the workspace's own codes, else the facts gate's. */
function importIssueText(lang: string, i: ImportIssue): string {
  const m = orgMessages(lang);
  const params = Object.fromEntries(Object.entries(i.params ?? {}).map(([k, v]) => [k, String(v)]));
  const own = m.errors.codes[i.code];
  const text = own ? fillIn(own, params) : factIssueText({ code: i.code as never, params: i.params as never }, lang);
  return `${fillIn(m.imports.line, { line: i.line })}${i.column ? ` · ${i.column}` : ""}: ${text}`;
}

const KINDS = ["gain", "loss", "needs_info", "other"] as const;

/** A rule version as printed: its name and the first eight digits of its content hash. */
function Stamp({ version, hash }: { version: string | null; hash: string | null }) {
  if (!version) return <span>—</span>;
  return (
    <span class="version">
      {version}
      {hash ? <span class="hash"> #{hash.slice(0, 8)}</span> : null}
    </span>
  );
}

function ChangeEntry({ m, e }: { m: OrgMessages; e: ChangeEntryView }) {
  const status = (s: string | null) => (s === null ? m.changes.not_in_force : statusLabel(m, s));
  const when = e.rule_date ? fillIn(m.changes[e.rule_event], { date: e.rule_date }) : "";
  return (
    <li class={`change kind-${e.kind}`}>
      <p class="who">
        <a href={`/org/members/${e.member_id}`}>{e.name}</a> <span class="no">({e.member_no})</span>
        {e.cluster ? ` · ${e.cluster}` : ""}
      </p>
      <p>
        <strong>{e.scheme_name}</strong>: {status(e.from)} → <strong>{status(e.to)}</strong>
      </p>
      {e.reasons.length ? (
        <ul class="reasons">
          {e.reasons.map((r) => (
            <li>{r}</li>
          ))}
        </ul>
      ) : null}
      <p class="stamp">
        {m.changes.rules}: <Stamp version={e.from_rule_version} hash={e.from_hash} /> → <Stamp version={e.to_rule_version} hash={e.to_hash} />
        {when ? ` · ${when}` : ""}
        {e.detected_on ? ` · ${fillIn(m.changes.found, { date: e.detected_on })}` : ""}
      </p>
      {e.sources.length && e.reasons.length ? (
        <p class="sources">
          {m.changes.sources}:{" "}
          {e.sources.map((src, i) => (
            <>
              {i ? "; " : ""}
              <a href={src.url}>{src.title}</a> ({src.date})
            </>
          ))}
        </p>
      ) : null}
      {e.task_kind ? (
        <p class="follow">
          {e.detected_on ? m.changes.follow_up : m.changes.would_open}: {m.tasks[e.task_kind as keyof OrgMessages["tasks"]] ?? e.task_kind}
        </p>
      ) : null}
    </li>
  );
}

/**
 * The changes of one kind. "Other" changes (from one "can join" to the other, say) are folded on screen, and not
 * printed unless unfolded: the printed list is who now can join, who no longer can, who must answer something.
 */
function ChangeGroup({ m, kind, entries, total, more, prefix }: { m: OrgMessages; kind: ChangeEntryView["kind"]; entries: ChangeEntryView[]; total: number; more?: string; prefix: string }) {
  const list = (
    <ol class="changes">
      {entries.map((e) => (
        <ChangeEntry m={m} e={e} />
      ))}
    </ol>
  );
  const count = total > entries.length ? fillIn(m.changes.shown, { n: entries.length, total }) : String(entries.length);
  return (
    <section class={`changes-group kind-${kind}`} aria-labelledby={`${prefix}-${kind}`}>
      <h3 id={`${prefix}-${kind}`}>
        {m.changes[kind]} ({count})
      </h3>
      {kind === "other" ? (
        <details>
          <summary>{m.changes.show_other}</summary>
          {list}
        </details>
      ) : (
        list
      )}
      {more ? (
        <p class="screen-only">
          <a class="button" href={more}>
            {fillIn(m.changes.more, { kind: m.changes[kind] })}
          </a>
        </p>
      ) : null}
    </section>
  );
}

/** Forecast changes grouped by what they mean for her. */
function ChangeGroups({ m, entries, prefix }: { m: OrgMessages; entries: ChangeEntryView[]; prefix: string }) {
  return (
    <>
      {KINDS.map((k) => {
        const group = entries.filter((e) => e.kind === k);
        return group.length ? <ChangeGroup m={m} kind={k} entries={group} total={group.length} prefix={prefix} /> : null;
      })}
    </>
  );
}

/**
 * The rules the changes above rest on, once each: a scheme that started or ended (a change without criteria of its
 * own) cites its version's sources here rather than on every member's entry.
 */
function RulesCited({ m, entries }: { m: OrgMessages; entries: ChangeEntryView[] }) {
  const rules = new Map<string, ChangeEntryView>();
  for (const e of entries) {
    const version = e.rule_event === "ended" ? e.from_rule_version : e.to_rule_version;
    if (!e.reasons.length && version && e.sources.length && !rules.has(version)) rules.set(version, e);
  }
  if (!rules.size) return null;
  return (
    <section aria-labelledby="c-rules">
      <h2 id="c-rules">{m.changes.rules_cited}</h2>
      <ul class="rules-cited">
        {[...rules].map(([version, e]) => (
          <li>
            <strong>{e.scheme_name}</strong> <span class="version">{version}</span>
            {e.rule_date ? ` · ${fillIn(m.changes[e.rule_event], { date: e.rule_date })}` : ""}
            <br />
            {m.changes.sources}:{" "}
            {e.sources.map((src, i) => (
              <>
                {i ? "; " : ""}
                <a href={src.url}>{src.title}</a> ({src.date})
              </>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}

function ChangesPage({ m, v, frame }: { m: OrgMessages; v: ChangesView; frame: OrgFrame }) {
  const run = v.runs[0];
  return (
    <>
      <p class="print-only printed">
        {frame.user?.network} · {fillIn(m.changes.printed, { date: v.today, version: v.rules_version })}
      </p>
      <p class="screen-only">{m.changes.intro}</p>
      <p class="run">
        {!run
          ? m.changes.no_run
          : run.finished_at
            ? fillIn(m.changes.run_done, { date: run.date, members: run.members })
            : fillIn(m.changes.run_going, { done: run.chunks_done, chunks: run.chunks })}
      </p>
      <form method="get" action="/org/changes" class="filters screen-only">
        <Field id="c-since" label={m.changes.since}>
          <input id="c-since" type="date" name="since" value={v.since} max={v.today} />
        </Field>
        {v.clusters.length > 1 ? (
          <Field id="c-cluster" label={m.changes.cluster}>
            <Select id="c-cluster" name="cluster" value={v.cluster} empty={m.changes.any} options={v.clusters.map((c) => [c.id, c.name])} />
          </Field>
        ) : null}
        <button class="button">{m.changes.show}</button>
      </form>
      {v.counts.length ? (
        <section aria-labelledby="c-summary">
          <h2 id="c-summary">{m.changes.summary}</h2>
          <div class="scroll" tabIndex={0} role="region" aria-label={m.changes.summary}>
          <table class="counts">
            <thead>
              <tr>
                <th scope="col">{m.changes.scheme}</th>
                {KINDS.map((k) => (
                  <th scope="col">{m.changes[k]}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {v.counts.map((n) => (
                <tr>
                  <th scope="row">{n.scheme_name}</th>
                  {KINDS.map((k) => (
                    <td>{n[k]}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          </div>
        </section>
      ) : null}
      <section aria-labelledby="c-list">
        <h2 id="c-list">
          {m.changes.since} {v.since}
        </h2>
        {v.groups.some((g) => g.entries.length) ? (
          v.groups.map((g) => (g.entries.length ? <ChangeGroup m={m} kind={g.kind} entries={g.entries} total={g.total} more={g.more} prefix="c" /> : null))
        ) : (
          <p>{fillIn(m.changes.none, { date: v.since })}</p>
        )}
        {v.kind ? (
          <p class="screen-only">
            <a href={`/org/changes?since=${v.since}${v.cluster ? `&cluster=${v.cluster}` : ""}`}>{m.changes.all_kinds}</a>
          </p>
        ) : null}
      </section>
      <RulesCited m={m} entries={[...v.groups.flatMap((g) => g.entries), ...(v.forecast?.entries ?? [])]} />
      <section aria-labelledby="c-ahead" class={v.forecast || v.issues ? "" : "screen-only"}>
        <h2 id="c-ahead">{m.changes.ahead}</h2>
        {v.upcoming.length ? (
          <ul class="upcoming">
            {v.upcoming.map((u) => (
              <li>
                <a href={`/org/changes?date=${u.date}`}>{u.date}</a>: {fillIn(m.changes[u.change], { scheme: u.scheme_name, version: u.rule_version })}
              </li>
            ))}
          </ul>
        ) : (
          <p>{m.changes.none_ahead}</p>
        )}
        <form method="get" action="/org/changes" class="filters screen-only">
          <Issues m={m} issues={v.issues} />
          <Field id="c-date" label={m.changes.forecast_label}>
            <input id="c-date" type="date" name="date" value={v.date ?? ""} min={v.today} required />
          </Field>
          <button class="button">{m.changes.forecast_submit}</button>
        </form>
        {v.forecast ? (
          <section aria-labelledby="c-forecast">
            <h3 id="c-forecast">{fillIn(m.changes.forecast_title, { date: v.forecast.date })}</h3>
            {v.forecast.schemes.length ? (
              <>
                <p>{fillIn(m.changes.forecast_schemes, { schemes: v.forecast.schemes.join(", ") })}</p>
                <p>{fillIn(m.changes.forecast_counts, { members: v.forecast.members, gain: v.forecast.counts.gain, loss: v.forecast.counts.loss, needs_info: v.forecast.counts.needs_info })}</p>
                {v.forecast.shown < v.forecast.counts.gain + v.forecast.counts.loss + v.forecast.counts.needs_info + v.forecast.counts.other ? <p>{fillIn(m.changes.forecast_shown, { n: v.forecast.shown })}</p> : null}
                <ChangeGroups m={m} entries={v.forecast.entries} prefix="f" />
              </>
            ) : (
              <p>{fillIn(m.changes.forecast_none, { date: v.forecast.date })}</p>
            )}
          </section>
        ) : null}
      </section>
      <p class="hint screen-only">{m.changes.print_hint}</p>
    </>
  );
}

/** One list of the organizer's home: a heading, its items (or a line saying there are none), a link to all. */
function WorkList({ id, title, empty, more, children }: { id: string; title: string; empty: string; more?: { href: string; text: string }; children: ComponentChildren[] }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {more ? (
        <p>
          <a href={more.href}>{more.text}</a>
        </p>
      ) : null}
      {children.length ? <ul class="work">{children}</ul> : <p>{empty}</p>}
    </section>
  );
}

export const orgPages: OrgPageRenderer = {
  importIssue: importIssueText,

  signIn(frame, v) {
    const m = orgMessages(frame.lang);
    const error = v.error ? (m.sign_in.errors[v.error.code as keyof OrgMessages["sign_in"]["errors"]] ? fillIn(m.sign_in.errors[v.error.code as keyof OrgMessages["sign_in"]["errors"]], { minutes: v.error.minutes ?? 15 }) : v.error.message) : undefined;
    return page(
      frame,
      m.sign_in.title,
      <form method="post" action="/org/sign-in">
        {error ? (
          <p class="problems" role="alert">
            {error}
          </p>
        ) : null}
        {v.next ? <input type="hidden" name="next" value={v.next} /> : null}
        <Field id="login" label={m.sign_in.login}>
          <input id="login" name="login" autocomplete="username" required value={v.login ?? ""} maxLength={254} />
        </Field>
        <Field id="password" label={m.sign_in.password}>
          <input id="password" name="password" type="password" autocomplete="current-password" required maxLength={256} />
        </Field>
        <button class="button primary">{m.sign_in.submit}</button>
      </form>,
    );
  },

  join(frame, v) {
    const m = orgMessages(frame.lang);
    if (v.done) return page(frame, m.join.title, <p><a class="button primary" href="/org/sign-in">{m.join.done}</a></p>);
    if (v.gone) return page(frame, m.join.title, <p class="problems" role="alert">{m.join.gone}</p>);
    return page(
      frame,
      m.join.title,
      <form method="post" action={`/org/join/${v.token}`}>
        <p>{m.join.intro}</p>
        <Issues m={m} issues={v.issues} />
        <Field id="j-name" label={m.join.name}>
          <input id="j-name" name="display_name" required maxLength={120} />
        </Field>
        <Field id="j-email" label={m.join.email}>
          <input id="j-email" name="email" type="email" autocomplete="email" maxLength={254} />
        </Field>
        <Field id="j-phone" label={m.join.phone}>
          <input id="j-phone" name="phone" type="tel" autocomplete="tel" maxLength={32} />
        </Field>
        <Field id="j-password" label={m.join.password}>
          <input id="j-password" name="password" type="password" autocomplete="new-password" required minLength={10} maxLength={256} />
        </Field>
        <Field id="j-lang" label={m.join.lang}>
          <Select id="j-lang" name="lang" value={frame.lang} options={v.languages.map((l) => [l, langName(l)])} />
        </Field>
        <button class="button primary">{m.join.submit}</button>
      </form>,
    );
  },

  advocateHome(frame) {
    const m = orgMessages(frame.lang);
    return page(
      frame,
      m.home.title,
      <>
        <p>{m.home.advocate}</p>
        <p>
          <a class="button" href="/org/evidence">
            {m.nav.evidence}
          </a>
        </p>
      </>,
    );
  },

  home(frame, v) {
    const m = orgMessages(frame.lang);
    const who = (x: { member_id: string; name: string; member_no: string }) => (
      <a href={`/org/members/${x.member_id}`}>
        {x.name} <span class="no">({x.member_no})</span>
      </a>
    );
    return page(
      frame,
      m.home.title,
      <>
        <form method="get" action="/org/members" class="search" role="search">
          <label for="q">{m.members.search}</label>
          <input id="q" name="q" type="search" maxLength={100} /> <button class="button">{m.members.find}</button>
        </form>
        <p>{fillIn(m.home.members, { n: v.members })}</p>
        <WorkList id="due-h" title={m.home.due} empty={m.home.none_due} more={v.due_count > v.due.length ? { href: v.due_link, text: fillIn(m.home.all_due, { n: v.due_count }) } : undefined}>
          {v.due.map((t) => (
            <li class={t.due_on < v.today ? "late" : ""}>
              {who(t)} · {m.tasks[t.kind as keyof OrgMessages["tasks"]]} · {v.schemes[t.scheme] ?? t.scheme} · {fillIn(m.home.due_on, { date: t.due_on })}
            </li>
          ))}
        </WorkList>
        <WorkList id="el-h" title={m.home.eligible} empty={m.home.none_eligible}>
          {v.eligible_not_started.map((e) => (
            <li>
              {who(e)} · {v.schemes[e.scheme] ?? e.scheme} · {statusLabel(m, e.status)}
            </li>
          ))}
        </WorkList>
        <WorkList id="wait-h" title={m.home.waiting} empty={m.home.none_waiting}>
          {v.waiting_too_long.map((w) => (
            <li>
              {who(w)} · {v.schemes[w.scheme] ?? w.scheme} · {fillIn(m.home.since, { date: w.since })}
            </li>
          ))}
        </WorkList>
      </>,
    );
  },

  members(frame, v) {
    const m = orgMessages(frame.lang);
    const q = v.query;
    return page(
      frame,
      m.members.title,
      <>
        <form method="get" action="/org/members" class="filters" role="search">
          {q.due_by ? <input type="hidden" name="due_by" value={q.due_by} /> : null}
          <Field id="q" label={m.members.search}>
            <input id="q" name="q" type="search" value={q.q ?? ""} maxLength={100} />
          </Field>
          {v.clusters.length > 1 ? (
            <Field id="f-cluster" label={m.members.cluster}>
              <Select id="f-cluster" name="cluster" value={q.cluster} empty={m.members.any} options={v.clusters.map((c) => [c.id, c.name])} />
            </Field>
          ) : null}
          <Field id="f-scheme" label={m.members.scheme}>
            <Select id="f-scheme" name="scheme" value={q.scheme} empty={m.members.any} options={v.schemes.map((s) => [s.id, s.name])} />
          </Field>
          <Field id="f-status" label={m.members.status}>
            <Select id="f-status" name="status" value={q.status} empty={m.members.any} options={(["eligible", "likely_eligible", "needs_info", "likely_not_eligible", "not_eligible"] as const).map((s) => [s, statusLabel(m, s)])} />
          </Field>
          <button class="button">{m.members.find}</button>
        </form>
        {v.items.length ? (
          <ul class="members">
            {v.items.map((x) => (
              <li>
                <a href={`/org/members/${x.id}`}>{x.name}</a> <span class="no">{x.member_no}</span> · {x.cluster}
                {x.consent_state === "withdrawn" ? <span class="badge warn"> {m.members.consent_withdrawn}</span> : null}
                {x.consent_state === "needed" ? <span class="badge warn"> {m.members.consent_needed}</span> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p>{m.members.none}</p>
        )}
        {v.next ? (
          <p>
            <a class="button" href={v.next}>
              {m.members.more}
            </a>
          </p>
        ) : null}
      </>,
    );
  },

  member(frame, v) {
    const m = orgMessages(frame.lang);
    return page(frame, v.member.name, <MemberPage m={m} v={v} />);
  },

  newMember(frame, v) {
    const m = orgMessages(frame.lang);
    const val = (k: string) => (v.values[k] as string) ?? "";
    return page(
      frame,
      m.new_member.title,
      <form method="post" action="/org/members">
        <Issues m={m} issues={v.issues} />
        <ConsentFields m={m} languages={v.languages} values={v.values} prefix="n" />
        <Field id="n-name" label={m.new_member.name}>
          <input id="n-name" name="name" value={val("name")} required maxLength={120} />
        </Field>
        <Field id="n-no" label={m.new_member.number}>
          <input id="n-no" name="member_no" value={val("member_no")} required maxLength={40} />
        </Field>
        <Field id="n-phone" label={m.new_member.phone}>
          <input id="n-phone" name="phone" type="tel" value={val("phone")} maxLength={32} />
        </Field>
        <Field id="n-cluster" label={m.member.cluster}>
          <Select id="n-cluster" name="cluster_id" value={val("cluster_id")} options={v.clusters.map((c) => [c.id, c.name])} required />
        </Field>
        <Field id="n-lang" label={m.member.lang}>
          <Select id="n-lang" name="lang" value={val("lang")} options={v.languages.map((l) => [l, langName(l)])} />
        </Field>
        <button class="button primary">{m.new_member.submit}</button>
      </form>,
    );
  },

  eraseConfirm(frame, v) {
    const m = orgMessages(frame.lang);
    return page(
      frame,
      fillIn(m.member.erase_title, { name: v.name }),
      <form method="post" action={`/org/members/${v.id}/erase`}>
        <p>
          {v.name} ({v.member_no})
        </p>
        <p>{m.member.erase_text}</p>
        <p>
          <button class="button danger">{m.member.erase_confirm}</button> <a href={`/org/members/${v.id}`}>{m.member.cancel}</a>
        </p>
      </form>,
    );
  },

  screen(frame, { member, page: p }) {
    const m = orgMessages(frame.lang);
    const mm = messagesFor(p.state.lang);
    const model = flowModel({ m: mm, engine: p.engine, state: p.state, date: p.date, onPhone: false, forced: p.screen, evaluation: p.evaluation });
    const body = render(
      <>
        <header class="top">
          <p class="brand">
            {fillIn(m.screen.title, { name: member.name })} · <a href={`/org/members/${member.id}`}>{m.screen.back_to_member}</a>
          </p>
        </header>
        <div id="app">
          <FlowTargetContext.Provider value={{ action: `/org/members/${member.id}/screen`, save: m.screen.save }}>
            <FlowScreen {...model} />
          </FlowTargetContext.Provider>
        </div>
      </>,
    );
    // The member's stylesheet for her interview screens, and the workspace's for the header.
    return shell(p.state.lang, fillIn(m.screen.title, { name: member.name }), body, ["/app.css", "/org.css"]);
  },

  audit(frame, v) {
    const m = orgMessages(frame.lang);
    return page(
      frame,
      m.audit.title,
      <>
        <div class="scroll" tabIndex={0} role="region" aria-label={m.audit.title}>
          <table>
            <thead>
              <tr>
                <th scope="col">{m.audit.at}</th>
                <th scope="col">{m.audit.who}</th>
                <th scope="col">{m.audit.action}</th>
                <th scope="col">{m.audit.entity}</th>
                <th scope="col">{m.audit.fields}</th>
              </tr>
            </thead>
            <tbody>
              {v.items.map((a) => (
                <tr>
                  <td>{a.at.replace("T", " ").slice(0, 16)}</td>
                  <td>{a.actor}</td>
                  <td>{a.action}</td>
                  <td>{a.entity_id ? (a.entity_type === "member" ? <a href={`/org/members/${a.entity_id}`}>{a.entity_id.slice(0, 8)}</a> : a.entity_id.slice(0, 8)) : a.entity_type}</td>
                  <td>{a.fields.join(", ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {v.next_before ? (
          <p>
            <a class="button" href={`/org/audit?before=${v.next_before}`}>
              {m.audit.older}
            </a>
          </p>
        ) : null}
      </>,
    );
  },

  users(frame, v) {
    const m = orgMessages(frame.lang);
    return page(
      frame,
      m.users.title,
      <>
        <ul class="members">
          {v.items.map((u) => (
            <li>
              <strong>{u.display_name}</strong> {u.email ?? u.phone} · {m.users.last}: {u.last_sign_in_at?.slice(0, 10) ?? m.users.never}
              <ul>
                {u.grants.map((g) => (
                  <li>
                    {m.roles[g.role as keyof OrgMessages["roles"]] ?? g.role}
                    {g.cluster ? ` · ${g.cluster}` : ""} · {g.valid_from}
                    {g.valid_to ? `–${g.valid_to}` : ""}{" "}
                    <form method="post" action={`/org/users/${u.id}/grants/${g.id}/withdraw`} class="inline">
                      <button class="button quiet">{m.users.withdraw}</button>
                    </form>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
        <h2>{m.users.invite}</h2>
        {v.invitation ? (
          <p class="notice" role="status">
            {fillIn(m.users.link, { date: v.invitation.expires_at.slice(0, 10) })} <code class="link">{v.invitation.url}</code>
          </p>
        ) : null}
        <Issues m={m} issues={v.issues} />
        <form method="post" action="/org/users/invite">
          <Field id="i-role" label={m.users.role}>
            <Select id="i-role" name="role" options={(["organizer", "advocate", "network_admin"] as const).map((r) => [r, m.roles[r]])} />
          </Field>
          <fieldset class="checks">
            <legend>{m.users.clusters}</legend>
            {v.clusters.map((c) => (
              <p>
                <input type="checkbox" id={`i-c-${c.id}`} name="cluster_ids" value={c.id} /> <label for={`i-c-${c.id}`}>{c.name}</label>
              </p>
            ))}
          </fieldset>
          <button class="button primary">{m.users.create}</button>
        </form>
      </>,
    );
  },

  imports(frame, v) {
    const m = orgMessages(frame.lang);
    return page(
      frame,
      m.imports.title,
      <>
        <Issues m={m} issues={v.issues} />
        <form method="post" action="/org/imports" encType="multipart/form-data" data-import="" data-reading={m.imports.reading} data-failed={m.imports.failed}>
          <Field id="im-file" label={m.imports.file}>
            <input id="im-file" name="file" type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" required />
          </Field>
          <p>
            <input type="checkbox" id="im-approved" name="approved_only" value="1" /> <label for="im-approved">{m.imports.approved_only}</label>
          </p>
          <p class="hint">{m.imports.xlsx}</p>
          <button class="button primary">{m.imports.upload}</button>
          <p id="im-status" role="status" />
        </form>
        {v.items.length ? (
          <>
            <h2>{m.imports.recent}</h2>
            <ul class="members">
              {v.items.map((i) => (
                <li>
                  <a href={`/org/imports/${i.id}`}>{i.file_name}</a> · {i.total_rows} · {i.created_at.slice(0, 10)} · {i.status}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </>,
      // Reads a spreadsheet in her browser; without it, a CSV still uploads.
      ["/org-import.js"],
    );
  },

  importPage(frame, v) {
    const m = orgMessages(frame.lang);
    const working = v.status === "checking" || v.status === "applying";
    const body = (
      <>
        <p>{fillIn(m.imports.read_as, { encoding: v.encoding, rows: v.total_rows, source: v.source })}</p>
        {v.legacy ? (
          <p class="problems" role="alert">
            {fillIn(m.imports.legacy, { encoding: v.encoding })}
          </p>
        ) : null}
        {working ? (
          <p class="notice" role="status">
            {fillIn(m.imports.working, { done: v.progress.done, of: v.progress.of })}
          </p>
        ) : null}
        {v.status === "checked" || v.status === "applied" ? (
          <section aria-labelledby="sum-h">
            <h2 id="sum-h">{m.imports.summary}</h2>
            <ul>
              {(["new", "update", "unchanged", "possible_duplicate", "blocked_erased", "blocked_refused", "error"] as const).map((k) => (
                <li>
                  <strong>{v.summary[k] ?? 0}</strong> {m.imports.outcomes[k]}
                </li>
              ))}
            </ul>
            {v.summary.error ? (
              <details>
                <summary>
                  {m.imports.errors} ({v.summary.error})
                </summary>
                <ul>
                  {v.errors.map((e) => (
                    <li>{importIssueText(frame.lang, e)}</li>
                  ))}
                </ul>
                <p>
                  <a href={`/api/imports/${v.id}/errors.csv`}>{m.imports.bad_rows}</a>
                </p>
              </details>
            ) : null}
            {v.status === "checked" ? (
              <form method="post" action={`/org/imports/${v.id}/apply`}>
                {v.duplicates.length ? (
                  <fieldset class="checks">
                    <legend>{m.imports.duplicates}</legend>
                    <p class="hint">{m.imports.duplicates_hint}</p>
                    {v.duplicates.map((d) => (
                      <p>
                        <input type="checkbox" id={`dup-${d.line}`} name="include_duplicates" value={String(d.line)} /> <label for={`dup-${d.line}`}>{fillIn(m.imports.line, { line: d.line })} · {d.member_no}</label>
                        {d.member_id ? (
                          <>
                            {" "}
                            <a href={`/org/members/${d.member_id}`}>{m.imports.compare}</a>
                          </>
                        ) : null}
                      </p>
                    ))}
                  </fieldset>
                ) : null}
                <button class="button primary">{m.imports.apply}</button>
              </form>
            ) : (
              <p class="notice">{m.imports.done}</p>
            )}
          </section>
        ) : null}
        {v.status === "uploaded" || v.status === "checked" ? (
          <form method="post" action={`/org/imports/${v.id}/check`}>
            <h2>{v.status === "checked" ? m.imports.again : m.imports.mapping}</h2>
            {v.columns.map((col) =>
              col.meta ? null : (
                <Field id={`col-${col.index}`} label={col.header || `#${col.index + 1}`}>
                  <Select id={`col-${col.index}`} name={`col_${col.index}`} value={v.mapping[col.index] ?? "ignore"} options={[["ignore", m.imports.ignore], ...v.targets.map((t): [string, string] => [t.value, t.label || m.imports.fields[t.value] || t.value])]} />
                </Field>
              ),
            )}
            <Field id="im-cluster" label={m.imports.default_cluster}>
              <Select id="im-cluster" name="default_cluster" value={v.default_cluster} empty="—" options={v.clusters.map((c) => [c.id, c.name])} />
            </Field>
            <p>
              <input type="checkbox" id="im-overwrite" name="overwrite" value="1" /> <label for="im-overwrite">{m.imports.overwrite}</label>
            </p>
            <button class="button primary">{m.imports.check}</button>
          </form>
        ) : null}
        {v.sample.length ? (
          <section aria-labelledby="prev-h">
            <h2 id="prev-h">{m.imports.preview}</h2>
            <div class="scroll" tabIndex={0} role="region" aria-labelledby="prev-h">
              <table>
                <thead>
                  <tr>
                    <th scope="col">#</th>
                    {v.columns.filter((col) => !col.meta).map((col) => (
                      <th scope="col">{col.header}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {v.sample.map((r) => (
                    <tr>
                      <td>{r.line}</td>
                      {v.columns.filter((col) => !col.meta).map((col) => (
                        <td>{r.cells[col.index]}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        ) : null}
        {v.problems.length ? (
          <details>
            <summary>
              {m.imports.problems} ({v.problems.length})
            </summary>
            <ul>
              {v.problems.slice(0, 50).map((p) => (
                <li>
                  {fillIn(m.imports.line, { line: p.line })}: {p.code}
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </>
    );
    const html = page(frame, `${m.imports.title}: ${v.file_name}`, body);
    // While queued work runs, the page refreshes itself (no script needed).
    return working ? html.replace("<head>", '<head>\n<meta http-equiv="refresh" content="3">') : html;
  },

  changes(frame, v) {
    const m = orgMessages(frame.lang);
    return page(frame, m.changes.title, <ChangesPage m={m} v={v} frame={frame} />);
  },

  evidence(frame, v) {
    const m = orgMessages(frame.lang);
    return page(frame, m.evidence.title, <EvidencePage m={m} lang={frame.lang} v={v} />);
  },

  brief(frame, v) {
    // A document to print, not a screen of the workspace: no navigation, its own print stylesheet (A4).
    const m = orgMessages(frame.lang);
    const body = render(
      <main id="main" class="brief">
        <BriefPage m={m} lang={frame.lang} v={v} />
      </main>,
    );
    return shell(frame.lang, briefTitle(m, v), body, ["/org.css", "/brief.css"]);
  },

  error(frame, status, message) {
    const m = orgMessages(frame.lang);
    return page(frame, m.errors[status], message ? <p>{message}</p> : <p><a href="/org">{m.nav.home}</a></p>);
  },
};
