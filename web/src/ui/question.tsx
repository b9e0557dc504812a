/** One question at a time: one tap for yes/no and choices, a field and Next for numbers, dates and lists. */
import { alternativeOf, issueText, questionFor, type FactIssue } from "../../../src/interview";
import { fill, LANGUAGES } from "../i18n";
import { currencySymbol, formatNumber } from "./format";
import { FlowForm, StateFields } from "./common";
import type { FlowModel } from "./model";

export function Question(props: FlowModel & { screen: { kind: "question"; fact: string; error?: FactIssue } }) {
  const { m, engine, state, screen, onSubmit, date } = props;
  const fact = screen.fact;
  const q = questionFor(engine.pack, fact, state.lang, date)!;
  const { def, label, hint } = q;
  const current = state.facts[fact];
  const options = q.choices;
  const alt = alternativeOf(fact);
  const errorId = `error-${fact}`;
  const hintId = `hint-${fact}`;
  const describedBy = [hint ? hintId : "", screen.error ? errorId : ""].filter(Boolean).join(" ") || undefined;
  const n = state.order.filter((f) => f !== fact).length + 1;
  const currency = engine.pack.country.currency;

  let input;
  if (def.type === "boolean") {
    input = (
      <div class="choices two">
        <button class={`button choice${current === true ? " chosen" : ""}`} name="value" value="true">{m.yes}</button>
        <button class={`button choice${current === false ? " chosen" : ""}`} name="value" value="false">{m.no}</button>
      </div>
    );
  } else if (def.type === "enum" && options.length <= 8) {
    input = (
      <div class="choices">
        {options.map((o) => (
          <button key={o.value} class={`button choice${current === o.value ? " chosen" : ""}`} name="value" value={o.value}>
            {o.label}
          </button>
        ))}
      </div>
    );
  } else if (def.type === "enum") {
    input = (
      <>
        <select id={`q-${fact}`} name="value" aria-describedby={describedBy} required>
          {/* An explicit first entry: tapping Next without choosing is an error, never the first place on the list. */}
          <option value="" disabled selected={typeof current !== "string"}>
            {m.choose}
          </option>
          {options.map((o) => (
            <option key={o.value} value={o.value} selected={current === o.value}>
              {o.label}
            </option>
          ))}
        </select>
        <button class="button primary" name="action" value="answer">{m.next}</button>
      </>
    );
  } else if (def.type === "list") {
    const chosen = Array.isArray(current) ? current : [];
    input = (
      <>
        <div class="checks">
          {options.map((o) => (
            <label key={o.value} class="check">
              <input type="checkbox" name="value" value={o.value} checked={chosen.includes(o.value)} /> {o.label}
            </label>
          ))}
          <label class="check">
            <input type="checkbox" name="value" value="none" checked={Array.isArray(current) && current.length === 0} /> {m.none_of_these}
          </label>
        </div>
        <button class="button primary" name="action" value="answer">{m.next}</button>
      </>
    );
  } else {
    const isDate = def.type === "date";
    input = (
      <>
        <div class="field">
          {isDate ? (
            <input
              id={`q-${fact}`}
              name="value"
              type="date"
              value={typeof current === "string" ? current : ""}
              aria-describedby={describedBy}
              aria-invalid={screen.error ? "true" : undefined}
              required
            />
          ) : (
            <input
              id={`q-${fact}`}
              name="value"
              type="text"
              inputMode={def.type === "integer" ? "numeric" : "decimal"}
              autoComplete="off"
              value={typeof current === "number" ? String(current) : ""}
              aria-describedby={describedBy}
              aria-invalid={screen.error ? "true" : undefined}
              required={!alt}
            />
          )}
          {def.unit === "money" ? <span class="unit">{currencySymbol(currency, props.locale)}</span> : null}
        </div>
        {alt ? (
          <details class="alt" open={typeof state.facts[alt] === "string"}>
            <summary>{m.birth_date_instead}</summary>
            <label for={`q-${alt}`}>{questionFor(engine.pack, alt, state.lang)!.label}</label>
            <input id={`q-${alt}`} name="alternative" type="date" value={typeof state.facts[alt] === "string" ? String(state.facts[alt]) : ""} />
          </details>
        ) : null}
        <button class="button primary" name="action" value="answer">{m.next}</button>
      </>
    );
  }

  const labelled = def.type === "boolean" || (def.type === "enum" && options.length <= 8) || def.type === "list";
  return (
    <main id="main">
      <FlowForm class="question" onSubmit={onSubmit} label={label}>
        <StateFields state={state} />
        <input type="hidden" name="fact" value={fact} />
        <p class="progress">{fill(m.question_of_about, { n, total: n - 1 + props.questionsLeft })}</p>
        {labelled ? (
          <fieldset aria-describedby={describedBy}>
            <legend>
              <h1 class="q">{label}</h1>
            </legend>
            {hint ? <p class="hint" id={hintId}>{hint}</p> : null}
            {input}
          </fieldset>
        ) : (
          <>
            <h1 class="q">
              <label for={`q-${fact}`}>{label}</label>
            </h1>
            {hint ? <p class="hint" id={hintId}>{hint}</p> : null}
            {input}
          </>
        )}
        {screen.error?.code === "ambiguous_number" ? (
          // Her writing could mean two numbers: ask back, with each reading one tap away.
          <div class="error" id={errorId} role="alert">
            <p>{issueText(screen.error, state.lang)}</p>
            <div class="choices two">
              {[screen.error.params?.a, screen.error.params?.b].map((v) => (
                <button key={String(v)} class="button choice" name="choice" value={String(v)} formNoValidate>
                  {formatNumber(Number(v), props.locale)}
                </button>
              ))}
            </div>
          </div>
        ) : screen.error ? (
          <p class="error" id={errorId} role="alert">
            {m.error_prefix} {issueText(screen.error, state.lang)}
          </p>
        ) : null}
        <div class="skip">
          <button class="button quiet" name="action" value="dont_know" formNoValidate>{m.skip_dont_know}</button>
          <button class="button quiet" name="action" value="rather_not" formNoValidate>{m.skip_rather_not}</button>
        </div>
        <div class="nav">
          {state.order.length ? <button class="button quiet" name="action" value="back" formNoValidate>{m.back}</button> : null}
          <button class="button quiet" name="action" value="results" formNoValidate>{m.see_results}</button>
        </div>
      </FlowForm>
      <LanguageSwitch {...props} />
    </main>
  );
}

/** Switching language keeps every answer. */
export function LanguageSwitch({ m, engine, state, onSubmit }: FlowModel) {
  const langs = engine.pack.country.languages;
  if (langs.length < 2) return null;
  return (
    <FlowForm class="langswitch" onSubmit={onSubmit} label={m.change_language}>
      <StateFields state={{ ...state, lang: state.lang }} />
      <input type="hidden" name="action" value="lang" />
      <span>{m.change_language}:</span>{" "}
      {langs.map((l) => (
        <button key={l} class={`button quiet${l === state.lang ? " chosen" : ""}`} name="to_lang" value={l} lang={l} aria-pressed={l === state.lang}>
          {LANGUAGES[l]?.native ?? l}
        </button>
      ))}
    </FlowForm>
  );
}
