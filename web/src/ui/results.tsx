/**
 * The results: schemes she can apply for now, schemes she may qualify for (with what is unknown or what the office
 * decides), and schemes she cannot join with the plain reason. Each with what it gives, costs, needs, and where to go.
 */
import { alternativeOf, choiceLabel, factDefs, factLabel } from "../../../src/interview";
import type { PresentedResult } from "../../../src/present/content";
import { groupResults } from "../../../src/present/groups";
import { fill, type Messages } from "../i18n";
import { useContext } from "preact/hooks";
import { About, FlowForm, FlowTargetContext, StateFields } from "./common";
import { formatDate, formatMoney, formatNumber } from "./format";
import { Icon } from "./icons";
import { LanguageSwitch } from "./question";
import type { FlowModel } from "./model";
import { shareText } from "./share";

export function Results(props: FlowModel) {
  const { m, results, state, date, locale, rulesVersion, onSubmit, hasMoreQuestions, engine, onPhone, rulesDownloaded } = props;
  const { have, now, maybe, unsettled, no } = groupResults(results, state.facts);
  const text = shareText(m, engine.pack.country.name[state.lang] ?? engine.pack.country.name.en, formatDate(date, locale), { now, maybe });
  const { save } = useContext(FlowTargetContext);
  return (
    <main id="main" class="results">
      <h1>{m.results.title}</h1>
      {save ? (
        <FlowForm class="save" onSubmit={onSubmit}>
          <StateFields state={state} />
          <button class="button primary" name="action" value="save">
            {save}
          </button>
        </FlowForm>
      ) : null}
      <Summary m={m} results={[...now, ...maybe].slice(0, 5)} />
      <Group m={m} title={m.results.already_have} icon="eligible" kind="have" results={have} locale={locale} props={props} />
      <Group m={m} title={m.results.apply_now} icon="eligible" kind="now" results={now} locale={locale} props={props} empty={m.results.none_apply_now} />
      <Group m={m} title={m.results.may_qualify} icon="maybe" kind="maybe" results={maybe} locale={locale} props={props} />
      <Group m={m} title={m.results.unsettled} icon="maybe" kind="unsettled" results={unsettled} locale={locale} props={props} intro={m.results.unsettled_why} />
      <Group m={m} title={m.results.cannot_join} icon="no" kind="no" results={no} locale={locale} props={props} />

      <section class="keep" aria-labelledby="keep-title">
        <h2 id="keep-title">{m.share.title}</h2>
        <p class="share-buttons">
          <a class="button" href={`https://wa.me/?text=${encodeURIComponent(text)}`} rel="noopener">
            <Icon name="share" /> {m.share.whatsapp}
          </a>
          <a class="button" href={`sms:?body=${encodeURIComponent(text)}`}>
            <Icon name="phone" /> {m.share.sms}
          </a>
          {/* In Thailand people share by LINE more than by WhatsApp. */}
          {engine.pack.country.code === "th" ? (
            <a class="button" href={`https://line.me/R/share?text=${encodeURIComponent(text)}`} rel="noopener">
              <Icon name="share" /> {m.share.line}
            </a>
          ) : null}
          {onPhone ? (
            <button type="button" class="button" data-print="">
              <Icon name="print" /> {m.share.print}
            </button>
          ) : null}
        </p>
      </section>

      <FlowForm class="answers" onSubmit={onSubmit} label={m.change_answers}>
        <StateFields state={state} />
        <h2>{m.change_answers}</h2>
        <Answers {...props} />
        <p class="nav">
          {hasMoreQuestions ? <button class="button primary" name="action" value="more">{m.results.more_questions}</button> : null}
          <button class="button quiet" name="action" value="restart">{m.start_again}</button>
        </p>
      </FlowForm>
      <p class="meta">
        {fill(m.results.checked_on_date, { date: formatDate(date, locale) })}
        {rulesDownloaded ? ` ${fill(m.offline.rules_updated, { date: formatDate(rulesDownloaded, locale) })}` : ""}
      </p>
      <About m={m} onPhone={onPhone} rulesVersion={fill(m.results.rules_version, { version: rulesVersion })} />
      <LanguageSwitch {...props} />
    </main>
  );
}

/**
 * The short answer first: each scheme she can act on (up to five), with its one action as a large button — dial
 * the code, open the website — or a link to how to apply. The cards below hold the rest, folded.
 */
function Summary({ m, results }: { m: Messages; results: PresentedResult[] }) {
  if (!results.length) return null;
  return (
    <section class="summary" aria-labelledby="summary-title">
      <h2 id="summary-title">{m.results.summary_title}</h2>
      <ul>
        {results.map((r) => {
          const ussd = r.apply.find((a) => a.kind === "ussd" && a.value);
          const web = r.apply.find((a) => a.kind === "web" && a.value);
          return (
            <li key={r.scheme}>
              <span class="summary-name">{r.name}</span>
              {ussd ? (
                <a class="button primary action" href={`tel:${ussd.value!.replace(/#/g, "%23")}`}>
                  <Icon name="phone" /> {m.scheme.dial} <span dir="ltr">{ussd.value}</span>
                </a>
              ) : web ? (
                <a class="button primary action" href={web.value} rel="noopener">
                  <Icon name="web" /> {m.scheme.website}
                </a>
              ) : (
                <a class="button action" href={`#scheme-${r.scheme}`}>
                  {m.results.how_to_apply}
                </a>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function Group({ m, title, icon, kind, results, locale, props, empty, intro }: { m: Messages; title: string; icon: string; kind: string; results: PresentedResult[]; locale: string; props: FlowModel; empty?: string; intro?: string }) {
  if (!results.length && !empty) return null;
  const id = `group-${kind}`;
  return (
    <section class={`group group-${kind}`} aria-labelledby={id}>
      <h2 id={id}>
        <Icon name={icon} /> {title} <span class="count">({results.length})</span>
      </h2>
      {intro && results.length ? <p class="group-intro">{intro}</p> : null}
      {results.length ? results.map((r) => <SchemeCard key={r.scheme} r={r} m={m} locale={locale} props={props} open={false} />) : <p>{empty}</p>}
    </section>
  );
}

function SchemeCard({ r, m, locale, props, open }: { r: PresentedResult; m: Messages; locale: string; props: FlowModel; open: boolean }) {
  const failed = r.criteria.filter((c) => c.outcome === "failed" && (!c.unconfirmed || r.status === "likely_not_eligible"));
  const office = r.criteria.filter((c) => c.check_with_office && c.outcome !== "failed");
  // What she has not been asked yet, apart from what she said she does not know (the office will ask that).
  const asked = (f: string) => props.state.facts[f] === null;
  const missing = r.missing.filter((f) => !asked(f)).map((f) => factLabel(props.engine.pack, f, props.state.lang));
  const notKnown = r.missing.filter(asked).map((f) => factLabel(props.engine.pack, f, props.state.lang));
  const source = r.sources[0];
  return (
    <article class={`scheme status-${r.status}`} id={`scheme-${r.scheme}`}>
      <h3>
        <Icon name={r.category} /> {r.name}
      </h3>
      <p class="category">{m.categories[r.category] ?? r.category}</p>
      <p>{r.summary}</p>
      {failed.length ? (
        <div class="why">
          <p class="label">{m.results.why_not}</p>
          <ul>{failed.map((c) => <li key={c.id}>{c.reason}</li>)}</ul>
        </div>
      ) : null}
      {r.status === "needs_info" && missing.length ? (
        <div class="why">
          <p class="label">{m.results.still_needed}</p>
          <ul>{missing.map((q) => <li key={q}>{q}</li>)}</ul>
        </div>
      ) : null}
      {r.status === "needs_info" && notKnown.length ? (
        <div class="why">
          <p class="label">{m.results.not_known}</p>
          <ul>{notKnown.map((q) => <li key={q}>{q}</li>)}</ul>
        </div>
      ) : null}
      {(r.status === "likely_eligible" || r.status === "needs_info") && office.length ? (
        <div class="why">
          <p class="label">{m.results.office_checks}</p>
          <ul>{office.map((c) => <li key={c.id}>{c.reason}</li>)}</ul>
        </div>
      ) : null}
      <details open={open}>
        <summary>{m.scheme.gives}, {m.scheme.costs.toLowerCase()}, {m.scheme.apply.toLowerCase()}</summary>
        {r.benefits.length ? (
          <>
            <h4><Icon name="gift" /> {m.scheme.gives}</h4>
            <ul>{r.benefits.map((b) => <li key={b}>{b}</li>)}</ul>
          </>
        ) : null}
        {r.contributions.length ? (
          <>
            <h4><Icon name="money" /> {m.scheme.costs}</h4>
            <ul>{r.contributions.map((c) => <li key={c.text}>{c.text}</li>)}</ul>
          </>
        ) : null}
        {r.documents.length ? (
          <>
            <h4><Icon name="document" /> {m.scheme.documents}</h4>
            <ul>{r.documents.map((d) => <li key={d}>{d}</li>)}</ul>
          </>
        ) : null}
        {r.apply.length ? (
          <>
            <h4><Icon name="office" /> {m.scheme.apply}</h4>
            <ul class="apply">
              {r.apply.map((a) => (
                <li key={a.text}>
                  {a.kind === "ussd" && a.value ? (
                    <a class="button primary action" href={`tel:${a.value.replace(/#/g, "%23")}`}>
                      <Icon name="phone" /> {m.scheme.dial} <span dir="ltr">{a.value}</span>
                    </a>
                  ) : null}
                  {a.kind === "web" && a.value ? (
                    <p>
                      <Icon name="web" /> <a href={a.value} rel="noopener" dir="ltr">{a.value.replace(/^https?:\/\//, "")}</a>
                    </p>
                  ) : null}
                  <p>{a.text}</p>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </details>
      <details class="source">
        <summary>{m.scheme.source}</summary>
        {source ? (
          <p>
            <a href={source.url} rel="noopener">
              {source.title}
            </a>
          </p>
        ) : null}
        <p>{fill(m.scheme.in_force, { date: formatDate(r.effective_from, locale) })}</p>
      </details>
    </article>
  );
}

function Answers({ m, state, engine, locale }: FlowModel) {
  const defs = factDefs(engine.pack);
  const asked = state.order.filter((f) => defs.has(f));
  if (!asked.length) return null;
  const { pack } = engine;
  return (
    <dl class="given">
      {asked.map((f) => {
        const def = defs.get(f)!;
        const alt = alternativeOf(f);
        const v = alt && typeof state.facts[alt] === "string" ? state.facts[alt] : state.facts[f];
        const label = factLabel(pack, f, state.lang);
        const shown =
          v === null || v === undefined
            ? m.not_answered
            : typeof v === "boolean"
              ? v ? m.yes : m.no
              : Array.isArray(v)
                ? v.length ? v.map((x) => choiceLabel(pack, f, x, state.lang)).join(", ") : m.none_of_these
                : typeof v === "number"
                  ? def.unit === "money" ? formatMoney(v, pack.country.currency, locale) : formatNumber(v, locale)
                  : alt && v === state.facts[alt] ? formatDate(v, locale) : choiceLabel(pack, f, v, state.lang);
        return (
          <div key={f}>
            <dt>{label}</dt>
            <dd>
              {shown}{" "}
              <button class="button quiet small" name="action" value={`edit:${f}`} aria-label={`${m.change}: ${label}`}>
                {m.change}
              </button>
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
