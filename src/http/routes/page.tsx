/**
 * The member's page for browsers without JavaScript (old phones, proxy browsers): the Worker renders the same
 * screens as the browser app, and plain HTML forms carry the answers from one question to the next. Nothing is
 * stored; answers travel only inside the form.
 */
import { Hono } from "hono";
import type { Context } from "hono";
import { render } from "preact-render-to-string";
import { applyForm, newState, parseState, type FlowState, type FormData, type Screen } from "../../../web/src/flow";
import { messagesFor } from "../../../web/src/i18n/all";
import { Home } from "../../../web/src/ui/home";
import { Frame } from "../../../web/src/ui/page";
import { FlowScreen, flowModel } from "../../../web/src/ui/screen";
import { shell } from "../../../web/src/ui/shell";
import { COUNTRIES, RULES_VERSION } from "../../rules/generated/countries";
import { getEngine } from "../../rules/registry";
import type { AppEnv } from "../env";

const today = () => new Date().toISOString().slice(0, 10);

function page(c: Context<AppEnv>, lang: string, title: string, body: string, boot: Parameters<typeof shell>[0]["boot"], status: 200 | 400 | 404 = 200) {
  // The page may hold a member's answers: never cache it anywhere.
  c.header("Cache-Control", "no-store");
  return c.html(shell({ lang, title, body, boot }), status);
}

function home(c: Context<AppEnv>, status: 200 | 404 = 200) {
  const m = messagesFor("en");
  const body = render(
    <Frame m={m}>
      <Home m={m} lang="en" countries={COUNTRIES} onPhone={false} />
    </Frame>,
  );
  return page(c, "en", m.app_title, body, { page: "home", lang: "en" }, status);
}

function flow(c: Context<AppEnv>, state: FlowState, forced?: Screen) {
  const m = messagesFor(state.lang);
  const model = flowModel({ m, engine: getEngine(state.country)!, state, date: today(), rulesVersion: RULES_VERSION, onPhone: false, forced });
  const { screen } = model;
  const body = render(
    <Frame m={m}>
      <FlowScreen {...model} />
    </Frame>,
  );
  return page(c, state.lang, m.app_title, body, { page: "flow", lang: state.lang, flow: { state, screen } }, screen.kind === "question" && screen.error ? 400 : 200);
}

function start(c: Context<AppEnv>, country: string | undefined, lang: string | undefined) {
  const engine = country ? getEngine(country) : undefined;
  if (!engine) return home(c, 404);
  const { languages, code } = engine.pack.country;
  return flow(c, newState(code, lang && languages.includes(lang) ? lang : languages[0]!));
}

export const pageRoutes = new Hono<AppEnv>()
  .get("/", (c) => home(c))
  .get("/check", (c) => start(c, c.req.query("country"), c.req.query("lang")))
  .post("/check", async (c) => {
    const raw = await c.req.parseBody({ all: true });
    const form: FormData = {};
    for (const [k, v] of Object.entries(raw)) {
      const strings = (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === "string");
      if (strings.length) form[k] = strings.length === 1 ? strings[0] : strings;
    }
    const one = (k: string) => (Array.isArray(form[k]) ? form[k][0] : form[k]);
    const engine = getEngine(one("country") ?? "");
    if (!engine) return home(c, 404);
    const { languages, code } = engine.pack.country;
    const lang = one("lang") ?? "en";
    const state = parseState(one("state"), code, languages.includes(lang) ? lang : languages[0]!);
    const r = applyForm(engine, state, form, today());
    return flow(c, r.state, r.screen);
  });
