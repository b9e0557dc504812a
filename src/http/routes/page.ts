/**
 * The member's page for browsers without JavaScript (old phones, proxy browsers): plain HTML forms carry the
 * answers from one question to the next, through the same interview core as the browser app. Nothing is stored;
 * answers travel only inside the form, and come back through the facts gate at every step.
 */
import { Hono } from "hono";
import type { Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { actionFromForm, apply, newState, restoreState, screenFor, type FormFields, type InterviewState, type Screen } from "../../interview";
import { getEngine } from "../../rules/registry";
import type { CompiledPack } from "../../engine/compile";
import { countChecks } from "../count";
import type { AppEnv } from "../env";
import { errorPage } from "../errors";
import { preferredLang } from "../lang";
import { PRIVATE_CACHE } from "../middleware";

/** A form is a few hundred bytes; the state field is capped far below this. */
export const MAX_FORM_BYTES = 32 * 1024;
/** Fields and values kept from a form: more than any of our forms sends. */
const MAX_FIELDS = 64;

function html(c: Context<AppEnv>, body: string, status: 200 | 400 | 404 = 200) {
  // The page may hold a member's answers: never cache it anywhere.
  c.header("Cache-Control", PRIVATE_CACHE);
  return c.html(body, status);
}

function home(c: Context<AppEnv>, status: 200 | 404 = 200) {
  // Without JavaScript too, the first page speaks her browser's language when we have it.
  return html(c, c.var.pages.home(preferredLang(c)), status);
}

function interview(c: Context<AppEnv>, engine: CompiledPack, state: InterviewState, forced: Screen | undefined, count: boolean) {
  const date = c.var.today;
  const evaluation = engine.evaluate(state.facts, { date, lang: state.lang });
  const screen = forced ?? screenFor(evaluation, state);
  if (count && screen.kind === "results") countChecks(c, engine.pack.country.code, evaluation.results);
  const body = c.var.pages.interview({ engine, state, screen, evaluation, date });
  return html(c, body, screen.kind === "question" && screen.error ? 400 : 200);
}

function start(c: Context<AppEnv>, country: string | undefined, lang: string | undefined) {
  const engine = country ? getEngine(country) : undefined;
  if (!engine) return home(c, 404);
  const { languages, code } = engine.pack.country;
  return interview(c, engine, newState(code, lang && languages.includes(lang) ? lang : languages[0]!), undefined, false);
}

/** Form fields as strings (files and repeated fields beyond the cap are dropped). */
export function fieldsOf(raw: Record<string, unknown>): FormFields {
  const form: FormFields = {};
  for (const k of Object.keys(raw).slice(0, MAX_FIELDS)) {
    const v = raw[k];
    const strings = (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === "string").slice(0, MAX_FIELDS);
    if (strings.length) form[k] = strings.length === 1 ? strings[0] : strings;
  }
  return form;
}

export const pageRoutes = new Hono<AppEnv>()
  .get("/", (c) => home(c))
  .get("/check", (c) => start(c, c.req.query("country"), c.req.query("lang")))
  .post(
    "/check",
    bodyLimit({ maxSize: MAX_FORM_BYTES, onError: (c) => errorPage(c as Context<AppEnv>, 413) }),
    async (c) => {
      let raw: Record<string, unknown>;
      try {
        raw = await c.req.parseBody({ all: true });
      } catch {
        return errorPage(c, 400);
      }
      const form = fieldsOf(raw);
      const one = (k: string) => (Array.isArray(form[k]) ? form[k][0] : form[k]);
      const engine = getEngine(one("country") ?? "");
      if (!engine) return home(c, 404);
      const { pack } = engine;
      const { languages } = pack.country;
      const asked = one("lang") ?? "en";
      const state = restoreState(one("state"), pack, languages.includes(asked) ? asked : languages[0]!, c.var.today);
      const action = actionFromForm(form);
      const step = apply(pack, state, action, c.var.today);
      const counts = action.kind === "answer" || action.kind === "decline" || action.kind === "results";
      return interview(c, engine, step.state, step.screen, counts);
    },
  );
