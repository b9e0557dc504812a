/**
 * The advocate's evidence, server-rendered: the page she works on (phone first, with the breakdown and what-if
 * forms) and the printable brief she hands to a ministry (A4, charts each followed by their tables, the method and
 * the rules' sources). Both show only published figures: a withheld one is `<threshold`, never a number.
 */
import type { ComponentChildren } from "preact";
import { ENROLLMENT_STATES } from "../../../src/members/enums";
import { LEGAL_RUNGS, type Evidence, type Figure, type PublishedTable, type RuleChange, type SchemeReasons, type TrendMarker } from "../../../src/evidence/types";
import type { EvidenceView, FormIssue } from "../../../src/present/org-pages";
import { Cell, criteriaInOrder, FunnelChart, LadderChart, numbers, ReasonsChart, TrendChart, WhatIfChart, type Numbers } from "./charts";
import { fillIn, type OrgMessages } from "./messages";

type EvidenceMessages = OrgMessages["evidence"];

/** What every section needs: the words, the figures, and how numbers are printed. */
interface Ctx {
  m: OrgMessages;
  e: EvidenceMessages;
  ev: Evidence;
  nums: Numbers;
}

function ctxOf(m: OrgMessages, lang: string, ev: Evidence): Ctx {
  return { m, e: m.evidence, ev, nums: numbers(lang, ev.stamp.threshold) };
}

const fn = (c: Ctx, f: string) => c.e.functions[f] ?? f;
const by = (c: Ctx, b: string) => c.e.breakdowns[b] ?? b;
const stateLabel = (c: Ctx, s: string) => c.m.states[s as keyof OrgMessages["states"]] ?? s;
/** A column's words: ours for a key we know, else the heading's own label. */
const colLabel = (known: Record<string, string>, cols: { key: string; label: string }[]) => (k: string) => known[k] ?? cols.find((h) => h.key === k)?.label ?? k;

function markerText(c: Ctx, mk: TrendMarker): string {
  return fillIn(mk.kind === "in_force" ? c.e.in_force : c.e.ended, { version: mk.rule_version });
}

/** The line that says what the figures are: their date, the rules, the threshold, and who is counted. */
function StampLine({ c }: { c: Ctx }) {
  const s = c.ev.stamp;
  return (
    <>
      <p class="stamp-line">{fillIn(c.e.stamp, { date: s.generated_on, version: s.rules_version, max: s.threshold - 1, members: c.nums.figure(s.members) })}</p>
      <p class="hint">{c.e.counted}</p>
    </>
  );
}

function WithheldNote({ c }: { c: Ctx }) {
  return <p class="hint withheld-note">{fillIn(c.e.withheld_note, { mark: c.nums.withheld, threshold: c.ev.stamp.threshold })}</p>;
}

/** A published two-way table as it is, with its totals (barriers, public counts). */
function FigureTable({ c, caption, table, rowHeader, col }: { c: Ctx; caption: string; table: PublishedTable; rowHeader: string; col: (k: string) => string }) {
  return (
    <div class="scroll" tabIndex={0} role="region" aria-label={caption}>
      <table class="data">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{rowHeader}</th>
            {table.cols.map((h) => (
              <th scope="col">{col(h.key)}</th>
            ))}
            <th scope="col">{c.e.total}</th>
          </tr>
        </thead>
        <tbody>
          {table.rows.map((r, i) => (
            <tr>
              <th scope="row">{r.label}</th>
              {(table.cells[i] ?? []).map((f) => (
                <Cell f={f} nums={c.nums} />
              ))}
              <Cell f={table.row_totals[i] ?? { value: null, flag: "small" }} nums={c.nums} />
            </tr>
          ))}
          {table.rows.length > 1 ? (
            <tr class="total">
              <th scope="row">{c.e.total}</th>
              {table.col_totals.map((f) => (
                <Cell f={f} nums={c.nums} />
              ))}
              <Cell f={table.total} nums={c.nums} />
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}

/** Headline figures: members counted, covered by any scheme (not the national SDG figure), and per function. */
function KeyFigures({ c, id }: { c: Ctx; id: string }) {
  const i = c.ev.indicators;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{c.e.key}</h2>
      <ul class="key-figures">
        <li>
          <strong>{c.nums.figure(i.members)}</strong> {c.e.members}
        </li>
        <li>
          <strong>{c.nums.rate(i.covered_any)}</strong> {c.e.covered_any}
          <span class="hint"> {c.e.not_comparable}</span>
        </li>
        <li>
          <strong>{c.nums.rate(i.legal_any)}</strong> {c.e.legal_any}
        </li>
      </ul>
      <div class="scroll" tabIndex={0} role="region" aria-label={c.e.by_function}>
        <table class="data">
          <caption>{c.e.by_function}</caption>
          <thead>
            <tr>
              <th scope="col">{c.e.function}</th>
              <th scope="col">{c.e.legal}</th>
              <th scope="col">{c.e.effective}</th>
              <th scope="col">{c.e.eligible_not_enrolled}</th>
              <th scope="col">{c.e.lapsed}</th>
            </tr>
          </thead>
          <tbody>
            {i.functions.map((f) => (
              <tr>
                <th scope="row">{fn(c, f.function)}</th>
                <td class={f.legal.value === null ? "n rate withheld" : "n rate"}>{c.nums.rate(f.legal)}</td>
                <td class={f.effective.value === null ? "n rate withheld" : "n rate"}>{c.nums.rate(f.effective)}</td>
                <Cell f={f.eligible_not_enrolled} nums={c.nums} />
                <Cell f={f.lapsed} nums={c.nums} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/**
 * The ladders. Without a breakdown each function's ladder is one row: they are drawn as one chart, a bar per
 * function. With one, a chart per function, a bar per value of the breakdown.
 */
function Ladders({ c, id }: { c: Ctx; id: string }) {
  const { ladders, breakdown } = c.ev;
  const first = ladders[0];
  if (!first) return null;
  const rungLabel = colLabel(c.e.rungs, first.table.cols);
  let charts: ComponentChildren;
  if (breakdown === null) {
    const table: PublishedTable = {
      id: "ladder.functions",
      row_dim: "function",
      col_dim: first.table.col_dim,
      rows: ladders.map((l) => ({ key: l.function, label: fn(c, l.function) })),
      cols: first.table.cols,
      cells: ladders.map((l) => l.table.col_totals),
      row_totals: ladders.map((l) => l.table.total),
      col_totals: [],
      total: { value: null, flag: "" },
      additive: false,
    };
    charts = <LadderChart id="ladder-all" title={c.e.ladder_all} table={table} nums={c.nums} rowHeader={c.e.function} totalLabel={c.e.total} rungLabel={rungLabel} withheldLabel={c.e.withheld} columnTotals={false} />;
  } else {
    charts = ladders.map((l) => (
      <LadderChart id={`ladder-${l.function}`} title={fillIn(c.e.ladder_by, { function: fn(c, l.function), by: by(c, breakdown) })} table={l.table} nums={c.nums} rowHeader={by(c, breakdown)} totalLabel={c.e.total} rungLabel={rungLabel} withheldLabel={c.e.withheld} />
    ));
  }
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{c.e.ladders}</h2>
      {charts}
    </section>
  );
}

/** A sum of published figures, withheld if any of them is (the sum would give the withheld one away). */
function sumOf(figures: Figure[]): Figure {
  if (figures.some((f) => f.value === null)) return { value: null, flag: "secondary" };
  return { value: figures.reduce((s, f) => s + f.value!, 0), flag: "" };
}

/** Per scheme: members counted, legal coverage (the first four rungs) and effective coverage (enrolled). */
function SchemesTable({ c, id }: { c: Ctx; id: string }) {
  const t = c.ev.schemes;
  const at = (k: string) => t.cols.findIndex((h) => h.key === k);
  const share = (f: Figure, total: Figure) => (f.value !== null && total.value ? f.value / total.value : null);
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{c.e.schemes}</h2>
      <div class="scroll" tabIndex={0} role="region" aria-label={c.e.schemes}>
        <table class="data">
          <caption>{c.e.schemes}</caption>
          <thead>
            <tr>
              <th scope="col">{c.e.scheme}</th>
              <th scope="col">{c.e.members}</th>
              <th scope="col">{c.e.legal}</th>
              <th scope="col">{c.e.effective}</th>
            </tr>
          </thead>
          <tbody>
            {t.rows.map((r, i) => {
              const cells = t.cells[i] ?? [];
              const total = t.row_totals[i] ?? { value: null, flag: "small" as const };
              const legal = sumOf(LEGAL_RUNGS.map((k) => cells[at(k)] ?? { value: null, flag: "small" as const }));
              const effective = cells[at("covered")] ?? { value: null, flag: "small" as const };
              return (
                <tr>
                  <th scope="row">{r.label}</th>
                  <Cell f={total} nums={c.nums} />
                  <Cell f={legal} nums={c.nums} share={share(legal, total)} />
                  <Cell f={effective} nums={c.nums} share={share(effective, total)} />
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Sources of a criterion, each with its title, link and date. */
function Sources({ c, sources }: { c: Ctx; sources: { title: string; url: string; date: string }[] }) {
  if (!sources.length) return null;
  return (
    <p class="sources">
      {c.e.sources}:{" "}
      {sources.map((s, i) => (
        <>
          {i ? "; " : ""}
          <a href={s.url}>{s.title}</a> ({s.date})
        </>
      ))}
    </p>
  );
}

/** Schemes that refuse someone (or may: the count is withheld); the others are named in one line. */
export function reasonsShown(reasons: SchemeReasons[]): SchemeReasons[] {
  return reasons.filter((r) => r.excluded.value === null || r.excluded.value > 0);
}

/** Why members are excluded, per scheme: the chart (binding beside any), then each criterion in words, cited. */
function Reasons({ c, id }: { c: Ctx; id: string }) {
  const shown = reasonsShown(c.ev.reasons);
  const others = c.ev.reasons.filter((r) => !shown.includes(r));
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{c.e.reasons}</h2>
      <p class="hint">{c.e.reasons_intro}</p>
      {shown.map((r) => (
        <section class="scheme-reasons" aria-labelledby={`${id}-${r.scheme}`}>
          <h3 id={`${id}-${r.scheme}`}>{r.name}</h3>
          <p>{fillIn(c.e.excluded, { n: c.nums.figure(r.excluded), scheme: r.name, version: r.rule_version, date: r.effective_from })}</p>
          <ReasonsChart id={`reasons-${r.scheme}`} title={fillIn(c.e.reasons_title, { scheme: r.name })} reasons={r} nums={c.nums} words={{ criterion: c.e.criterion, binding: c.e.binding, any: c.e.any }} />
          <ol class="criteria">
            {criteriaInOrder(r).map((x) => (
              <li>
                <strong>{x.criterion.label}</strong>
                {x.criterion.unconfirmed ? <span class="badge warn"> {c.e.unconfirmed}</span> : null}
                <br />
                {fillIn(c.e.but_for, { n: c.nums.figure(x.binding), scheme: r.name })} {fillIn(c.e.fail_any, { n: c.nums.figure(x.any) })}
                <Sources c={c} sources={x.criterion.sources} />
              </li>
            ))}
          </ol>
          <p>{fillIn(c.e.several, { n: c.nums.figure(r.several) })}</p>
        </section>
      ))}
      {others.length ? <p>{fillIn(c.e.none_excluded, { schemes: others.map((r) => r.name).join(", ") })}</p> : null}
    </section>
  );
}

function Barriers({ c, id }: { c: Ctx; id: string }) {
  const t = c.ev.barriers;
  if (!t.rows.length) return null;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{c.e.barriers}</h2>
      <p class="hint">{c.e.barriers_intro}</p>
      <FigureTable c={c} caption={c.e.barriers} table={t} rowHeader={c.e.scheme} col={colLabel(c.m.barriers, t.cols)} />
    </section>
  );
}

/** Each scheme's funnel: members per step, median days between steps, and how many who applied were rejected. */
function Funnels({ c, id }: { c: Ctx; id: string }) {
  if (!c.ev.funnels.length) return null;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{c.e.funnels}</h2>
      {c.ev.funnels.map((f) => (
        <section class="funnel-scheme" aria-labelledby={`${id}-${f.scheme}`}>
          <h3 id={`${id}-${f.scheme}`}>{f.name}</h3>
          <FunnelChart id={`funnel-${f.scheme}`} title={fillIn(c.e.funnel_title, { scheme: f.name })} funnel={f} states={ENROLLMENT_STATES} nums={c.nums} stateLabel={(s) => stateLabel(c, s)} words={{ state: c.e.step, members: c.e.members }} />
          <p>{fillIn(c.e.rejection, { rate: c.nums.rate(f.rejection_rate) })}</p>
          {f.median_days.length ? (
            <div class="scroll" tabIndex={0} role="region" aria-label={fillIn(c.e.median_title, { scheme: f.name })}>
              <table class="data">
                <caption>{fillIn(c.e.median_title, { scheme: f.name })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{c.e.steps}</th>
                    <th scope="col">{c.e.median}</th>
                    <th scope="col">{c.e.moves}</th>
                  </tr>
                </thead>
                <tbody>
                  {f.median_days.map((d) => (
                    <tr>
                      <th scope="row">
                        {stateLabel(c, d.from)} → {stateLabel(c, d.to)}
                      </th>
                      <td class="days">{d.days === null ? c.e.too_few : c.nums.count(d.days)}</td>
                      <Cell f={d.moves} nums={c.nums} />
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </section>
      ))}
    </section>
  );
}

function TrendSection({ c, id }: { c: Ctx; id: string }) {
  if (!c.ev.trend.months.length || !c.ev.trend.series.length) return null;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{c.e.trend}</h2>
      <TrendChart id="trend" title={c.e.trend_title} trend={c.ev.trend} nums={c.nums} words={{ month: c.e.month, changes: c.e.rule_changes, marker: (mk) => markerText(c, mk) }} />
    </section>
  );
}

/** The public page's anonymous counts: apart, and said to be counts of checks, not of members or of women. */
function PublicCounts({ c, id }: { c: Ctx; id: string }) {
  const p = c.ev.public_counts;
  return (
    <section class="public" aria-labelledby={id}>
      <h2 id={id}>{c.e.public}</h2>
      <p>{fillIn(c.e.public_intro, { from: p.from, to: p.to })}</p>
      <p>
        <strong>{fillIn(c.e.public_checks, { n: c.nums.figure(p.checks) })}</strong>
      </p>
      {p.table.rows.length ? <FigureTable c={c} caption={c.e.public_title} table={p.table} rowHeader={c.e.scheme} col={colLabel(c.e.statuses, p.table.cols)} /> : null}
    </section>
  );
}

/** A form problem in the organizer's words, where we have them. */
function issueText(m: OrgMessages, i: FormIssue): string {
  const own = m.errors.codes[i.code];
  return own ? fillIn(own, Object.fromEntries(Object.entries(i.params ?? {}).map(([k, v]) => [k, String(v)]))) : i.message;
}

const WHAT_IF_FIELDS = ["scheme", "kind", "parameter", "value", "criterion", "worker_type"] as const;

/** A what-if field: its label, its problems right under the label, then the control (which points at them). */
function WField({ id, label, problems, hint, children }: { id: string; label: string; problems: string[]; hint?: string; children: ComponentChildren }) {
  return (
    <p class="field">
      <label for={id}>{label}</label>
      {hint ? <span class="hint">{hint}</span> : null}
      {problems.length ? (
        <span class="field-problem" id={`${id}-problem`}>
          {problems.join("; ")}
        </span>
      ) : null}
      {children}
    </p>
  );
}

function valueText(change: RuleChange | undefined): string {
  if (change?.kind !== "parameter") return "";
  return Array.isArray(change.value) ? change.value.join(", ") : String(change.value);
}

/**
 * The what-if form: the scheme, then one fieldset per kind of change, each chosen by its radio button (no script
 * needed: the server reads the fields of the kind chosen). Options are grouped by scheme. Problems stand by their
 * fields, by `path`; any other above the form.
 */
function WhatIfForm({ c, v, id }: { c: Ctx; v: EvidenceView; id: string }) {
  const { form, issues = [] } = v.whatIf;
  const change = form.change;
  const kind = change?.kind ?? "parameter";
  const at = (path: string) => issues.filter((i) => i.path === path).map((i) => issueText(c.m, i));
  const loose = issues.filter((i) => !(WHAT_IF_FIELDS as readonly string[]).includes(i.path));
  const invalid = (path: string, fieldId: string) => (at(path).length ? { "aria-invalid": "true" as const, "aria-describedby": `${fieldId}-problem` } : {});
  const isParam = change?.kind === "parameter" ? change : undefined;
  const isDrop = change?.kind === "drop_criterion" ? change : undefined;
  const isAdmit = change?.kind === "admit_worker_type" ? change : undefined;
  return (
    <form method="post" action="/org/evidence/what-if" class="what-if" aria-labelledby={id}>
      {v.evidence.breakdown ? <input type="hidden" name="by" value={v.evidence.breakdown} /> : null}
      {loose.length ? (
        <div class="problems" role="alert">
          <ul>
            {loose.map((i) => (
              <li>{issueText(c.m, i)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <WField id="wi-scheme" label={c.e.wi_scheme} problems={at("scheme")}>
        <select id="wi-scheme" name="scheme" required {...invalid("scheme", "wi-scheme")}>
          <option value="">{c.m.choose}</option>
          {form.schemes.map((s) => (
            <option value={s.id} selected={s.id === change?.scheme}>
              {s.name}
            </option>
          ))}
        </select>
      </WField>
      <fieldset class="wi-kinds" {...(at("kind").length ? { "aria-describedby": "wi-kind-problem" } : {})}>
        <legend>{c.e.wi_kind}</legend>
        {at("kind").length ? (
          <p class="field-problem" id="wi-kind-problem">
            {at("kind").join("; ")}
          </p>
        ) : null}
        <fieldset>
          <legend>
            <input type="radio" id="wi-k-parameter" name="kind" value="parameter" checked={kind === "parameter"} /> <label for="wi-k-parameter">{c.e.wi_parameter}</label>
          </legend>
          <WField id="wi-parameter" label={c.e.wi_parameter_field} problems={at("parameter")}>
            <select id="wi-parameter" name="parameter" {...invalid("parameter", "wi-parameter")}>
              <option value="">{c.m.choose}</option>
              {form.schemes
                .filter((s) => s.parameters.length)
                .map((s) => (
                  <optgroup label={s.name}>
                    {s.parameters.map((p) => (
                      <option value={p.name} selected={isParam?.scheme === s.id && isParam.parameter === p.name}>
                        {p.name} ({fillIn(c.e.wi_now, { value: `${p.value}${p.unit ? ` ${p.unit}` : ""}` })}){p.unconfirmed ? ` · ${c.e.unconfirmed}` : ""}
                      </option>
                    ))}
                  </optgroup>
                ))}
            </select>
          </WField>
          <WField id="wi-value" label={c.e.wi_value} hint={c.e.wi_value_hint} problems={at("value")}>
            <input id="wi-value" name="value" value={valueText(isParam)} maxLength={200} {...invalid("value", "wi-value")} />
          </WField>
        </fieldset>
        <fieldset>
          <legend>
            <input type="radio" id="wi-k-drop" name="kind" value="drop_criterion" checked={kind === "drop_criterion"} /> <label for="wi-k-drop">{c.e.wi_drop}</label>
          </legend>
          <WField id="wi-criterion" label={c.e.wi_criterion} problems={at("criterion")}>
            <select id="wi-criterion" name="criterion" {...invalid("criterion", "wi-criterion")}>
              <option value="">{c.m.choose}</option>
              {form.schemes
                .filter((s) => s.criteria.length)
                .map((s) => (
                  <optgroup label={s.name}>
                    {s.criteria.map((x) => (
                      <option value={x.id} selected={isDrop?.scheme === s.id && isDrop.criterion === x.id}>
                        {x.label}
                      </option>
                    ))}
                  </optgroup>
                ))}
            </select>
          </WField>
        </fieldset>
        <fieldset>
          <legend>
            <input type="radio" id="wi-k-admit" name="kind" value="admit_worker_type" checked={kind === "admit_worker_type"} /> <label for="wi-k-admit">{c.e.wi_admit}</label>
          </legend>
          <WField id="wi-worker-type" label={c.e.wi_worker_type} problems={at("worker_type")}>
            <select id="wi-worker-type" name="worker_type" {...invalid("worker_type", "wi-worker-type")}>
              <option value="">{c.m.choose}</option>
              {form.schemes
                .filter((s) => s.refuses.length)
                .map((s) => (
                  <optgroup label={s.name}>
                    {s.refuses.map((w) => (
                      <option value={w.value} selected={isAdmit?.scheme === s.id && isAdmit.worker_type === w.value}>
                        {w.label}
                      </option>
                    ))}
                  </optgroup>
                ))}
            </select>
          </WField>
        </fieldset>
      </fieldset>
      <button class="button primary">{c.e.wi_submit}</button>
    </form>
  );
}

/** What a rule change would do: its description, members evaluated, and before/after/gain/loss per row. */
function WhatIfResult({ c, v, id }: { c: Ctx; v: EvidenceView; id: string }) {
  const r = v.whatIf.result;
  if (!r) return null;
  const name = v.whatIf.form.schemes.find((s) => s.id === r.scheme)?.name ?? c.ev.stamp.scheme_versions.find((s) => s.scheme === r.scheme)?.name ?? r.scheme;
  return (
    <section class="what-if-result" aria-labelledby={id}>
      <h3 id={id}>{c.e.wi_result}</h3>
      <p>
        <strong>{r.description}</strong>
      </p>
      <p>{fillIn(c.e.wi_members, { n: c.nums.figure(r.members) })}</p>
      <WhatIfChart id="what-if" title={fillIn(c.e.wi_title, { scheme: name })} table={r.table} nums={c.nums} rowHeader={r.breakdown ? by(c, r.breakdown) : c.e.total} words={{ before: c.e.before, after: c.e.after, gain: c.e.gain, loss: c.e.loss }} />
    </section>
  );
}

/** How the figures were made: who is counted, the ladder, legal and effective, "binding", disclosure control. */
function MethodNote({ c, id }: { c: Ctx; id: string }) {
  const s = c.ev.stamp;
  return (
    <section class="method" aria-labelledby={id}>
      <h2 id={id}>{c.e.method}</h2>
      <p>{fillIn(c.e.method_who, { members: c.nums.figure(s.members), date: s.generated_on })}</p>
      <p>{c.e.method_ladder}</p>
      <p>{c.e.method_legal}</p>
      <p>{c.e.method_binding}</p>
      <p>{fillIn(c.e.method_suppression, { max: s.threshold - 1, mark: c.nums.withheld })}</p>
      <WithheldNote c={c} />
    </section>
  );
}

/** The rule versions the figures rest on, with their hashes and sources: enough to reproduce and to check them. */
function RuleVersions({ c, id }: { c: Ctx; id: string }) {
  return (
    <section class="versions" aria-labelledby={id}>
      <h2 id={id}>{c.e.versions}</h2>
      <ul class="rule-versions">
        {c.ev.stamp.scheme_versions.map((sv) => (
          <li>
            {fillIn(c.e.version_line, { name: sv.name, version: sv.rule_version, hash: sv.hash, date: sv.effective_from })}
            <Sources c={c} sources={sv.sources} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function Exports({ c, v, id }: { c: Ctx; v: EvidenceView; id: string }) {
  return (
    <section aria-labelledby={id} class="screen-only">
      <h2 id={id}>{c.e.exports}</h2>
      <ul class="exports">
        <li>
          <a href={v.exports.csv} download>
            {c.e.csv}
          </a>
        </li>
        <li>
          <a href={v.exports.excel} download>
            {c.e.excel}
          </a>
        </li>
        <li>
          <a href={v.exports.json}>{c.e.json}</a>
        </li>
        <li>
          <a href={v.exports.brief}>{c.e.brief}</a>
        </li>
      </ul>
    </section>
  );
}

export interface EvidencePageProps {
  m: OrgMessages;
  lang: string;
  v: EvidenceView;
}

/** The advocate's screen: every figure, the breakdown to choose, the what-if to ask, the exports to take. */
export function EvidencePage({ m, lang, v }: EvidencePageProps) {
  const c = ctxOf(m, lang, v.evidence);
  const chosen = c.ev.breakdown ?? "none";
  return (
    <>
      <p class="screen-only">{c.e.intro}</p>
      <StampLine c={c} />
      <form method="get" action="/org/evidence" class="filters screen-only">
        <p class="field">
          <label for="ev-by">{c.e.breakdown}</label>
          <select id="ev-by" name="by">
            {v.breakdowns.map((b) => (
              <option value={b} selected={b === chosen}>
                {by(c, b)}
              </option>
            ))}
            <option value="none" selected={chosen === "none"}>
              {c.e.none}
            </option>
          </select>
        </p>
        <button class="button">{c.e.show}</button>
      </form>
      <KeyFigures c={c} id="ev-key" />
      <Ladders c={c} id="ev-ladders" />
      <SchemesTable c={c} id="ev-schemes" />
      <Reasons c={c} id="ev-reasons" />
      <Barriers c={c} id="ev-barriers" />
      <Funnels c={c} id="ev-funnels" />
      <TrendSection c={c} id="ev-trend" />
      <WithheldNote c={c} />
      <PublicCounts c={c} id="ev-public" />
      <section aria-labelledby="ev-what-if">
        <h2 id="ev-what-if">{c.e.what_if}</h2>
        <p class="hint">{c.e.what_if_intro}</p>
        <WhatIfForm c={c} v={v} id="ev-what-if" />
        <WhatIfResult c={c} v={v} id="ev-what-if-result" />
      </section>
      <Exports c={c} v={v} id="ev-exports" />
      <details class="screen-only">
        <summary>{c.e.method}</summary>
        <MethodNote c={c} id="ev-method" />
      </details>
    </>
  );
}

/** The brief's title, for the document's `<title>` too. */
export function briefTitle(m: OrgMessages, v: EvidenceView): string {
  return fillIn(m.evidence.brief_title, { network: v.evidence.stamp.network.name });
}

/**
 * The printable brief: one document per network, for A4 (brief.css), without the workspace's navigation. Key
 * figures, ladders, exclusion reasons, funnels, trend, the what-if asked (if any), the method, and the rule versions
 * with their sources; stamped with the date, the rules version and each version's hash.
 */
export function BriefPage({ m, lang, v }: EvidencePageProps) {
  const c = ctxOf(m, lang, v.evidence);
  const s = c.ev.stamp;
  const back = `/org/evidence${c.ev.breakdown ? `?by=${c.ev.breakdown}` : ""}`;
  return (
    <>
      <p class="brief-bar screen-only">
        <a href={back}>{c.e.back}</a> · {c.e.print_hint}
      </p>
      <header class="brief-head">
        <h1>{briefTitle(m, v)}</h1>
        <StampLine c={c} />
        <WithheldNote c={c} />
      </header>
      <KeyFigures c={c} id="b-key" />
      <Ladders c={c} id="b-ladders" />
      <Reasons c={c} id="b-reasons" />
      <Funnels c={c} id="b-funnels" />
      <TrendSection c={c} id="b-trend" />
      {v.whatIf.result ? (
        <section aria-labelledby="b-what-if">
          <h2 id="b-what-if">{c.e.what_if}</h2>
          <WhatIfResult c={c} v={v} id="b-what-if-result" />
        </section>
      ) : null}
      <MethodNote c={c} id="b-method" />
      <RuleVersions c={c} id="b-versions" />
      <footer class="stamped">
        <p>{fillIn(c.e.stamped, { date: s.generated_on, version: s.rules_version })}</p>
      </footer>
    </>
  );
}
