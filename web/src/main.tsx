/**
 * The member's page in the browser: the same screens the Worker renders, but the check runs here, on the phone,
 * with the same engine and the country's compiled rule pack, loaded on demand. Nothing about the member leaves
 * the phone.
 */
import { render } from "preact";
import { compilePack, type CompiledPack } from "../../src/engine/compile";
import type { Pack } from "../../src/engine/types";
import { actionFromForm, apply, newState, restoreState, type FormFields, type InterviewState, type Screen } from "../../src/interview";
import { COUNTRIES } from "../../src/rules/generated/countries";
import { dirOf, en, fill, type Messages } from "./i18n";
import { loadMessages } from "./i18n/load";
import "./app.css";
import { ErrorScreen } from "./ui/error";
import { Home } from "./ui/home";
import { Frame } from "./ui/page";
import { FlowScreen, flowModel } from "./ui/screen";
import type { Boot } from "./ui/shell";

const packLoaders = import.meta.glob<{ default: Pack }>("../../src/rules/generated/[a-z][a-z].ts");
const root = document.getElementById("app")!;
const today = () => new Date().toISOString().slice(0, 10);

let m: Messages = en;
let engine: CompiledPack | undefined;
let state: InterviewState | undefined;
let override: Screen | undefined;

async function loadEngine(cc: string): Promise<CompiledPack | undefined> {
  if (engine?.pack.country.code === cc) return engine;
  const load = packLoaders[`../../src/rules/generated/${cc}.ts`];
  if (!load) return undefined;
  const pack = (await load()).default;
  const seen = readJson<{ hash: string; date: string }>(`rules:${cc}`);
  if (seen?.hash !== pack.hash) localStorage.setItem(`rules:${cc}`, JSON.stringify({ hash: pack.hash, date: today() }));
  engine = compilePack(pack);
  return engine;
}

function readJson<T>(key: string): T | undefined {
  try {
    return JSON.parse(localStorage.getItem(key) ?? "") as T;
  } catch {
    return undefined;
  }
}

function setLang(lang: string) {
  document.documentElement.lang = lang;
  document.documentElement.dir = dirOf(lang);
}

function offlineText() {
  return navigator.onLine ? undefined : m.offline.offline;
}

/** The countries whose rules are on this phone (cached by the service worker), from the build's chunk list. */
async function cachedCountries(): Promise<string[]> {
  try {
    const manifest = (await (await fetch("/precache.json")).json()) as { packs: Record<string, string> };
    const here = await Promise.all(Object.entries(manifest.packs).map(async ([cc, url]) => ((await caches.match(url)) ? cc : "")));
    return here.filter(Boolean);
  } catch {
    return [];
  }
}

/** Offline on the first screen: say honestly which countries the check works for here, if any. */
async function homeOfflineText(lang: string): Promise<string | undefined> {
  if (navigator.onLine) return undefined;
  const here = await cachedCountries();
  if (!here.length) return m.offline.none_here;
  const names = COUNTRIES.filter((c) => here.includes(c.code)).map((c) => c.name[lang] ?? c.name.en);
  return fill(m.offline.works_for, { countries: names.join(", ") });
}

async function showHome() {
  const remembered = readJson<{ country: string; lang: string }>("choice");
  const lang = remembered?.lang ?? "en";
  m = await loadMessages(lang).catch(() => en);
  setLang(lang);
  const offline = await homeOfflineText(lang);
  render(
    <Frame m={m} offline={offline}>
      <Home m={m} lang={lang} countries={COUNTRIES} onPhone remembered={remembered} onStart={(cc, l) => void start(cc, l)} />
    </Frame>,
    root,
  );
}

async function start(cc: string, lang: string, from?: { state: InterviewState; screen?: Screen }) {
  // Feedback at once while the pack and her words load (on a slow link this takes a second or two).
  if (engine?.pack.country.code !== cc && !from) showLoading(cc);
  // The pack and her words load together; offline, a country whose rules are not on the phone is said so plainly.
  const [e, messages] = await Promise.all([loadEngine(cc).catch(() => null), loadMessages(lang).catch(() => en)]);
  m = messages;
  if (e === null) return void packMissing(cc, lang);
  if (!e) return void showHome();
  state = from?.state ?? newState(cc, lang);
  override = from?.screen;
  localStorage.setItem("choice", JSON.stringify({ country: cc, lang }));
  show(true);
}

/** "Getting the rules for Kenya…", in the words already on screen, while the country's pack loads. */
function showLoading(cc: string) {
  const country = COUNTRIES.find((c) => c.code === cc);
  const name = country ? (country.name[document.documentElement.lang] ?? country.name.en) : cc;
  const main = root.querySelector("main");
  if (!main) return;
  main.setAttribute("aria-busy", "true");
  const note = document.createElement("p");
  note.className = "loading";
  note.setAttribute("role", "status");
  note.textContent = fill(m.loading_rules, { country: name });
  main.insertBefore(note, main.firstChild);
}

function packMissing(cc: string, lang: string) {
  const country = COUNTRIES.find((c) => c.code === cc);
  setLang(lang);
  render(
    <Frame m={m} offline={navigator.onLine ? undefined : m.offline.offline}>
      <ErrorScreen m={m} message={fill(m.offline.pack_missing, { country: country ? (country.name[lang] ?? country.name.en) : cc })} />
    </Frame>,
    root,
  );
}

function show(push = false) {
  if (!engine || !state) return void showHome();
  const model = flowModel({
    m,
    engine,
    state,
    date: today(),
    onPhone: true,
    forced: override,
    rulesDownloaded: readJson<{ date: string }>(`rules:${state.country}`)?.date,
    onSubmit: (form, submitter) => void submit(form, submitter),
  });
  override = undefined;
  if (model.screen.kind === "results") sendCount(state, model.results);
  setLang(state.lang);
  render(
    <Frame m={m} offline={offlineText()}>
      <FlowScreen {...model} />
    </Frame>,
    root,
  );
  if (push) history.pushState({ step: state.order.length, screen: model.screen.kind }, "");
  (root.querySelector("h1") as HTMLElement | null)?.setAttribute("tabindex", "-1");
  (root.querySelector("h1") as HTMLElement | null)?.focus();
}

/** The answers last counted, so that one check is counted once (not again on a language switch). */
let counted: string | undefined;

/**
 * One anonymous count when she sees her results (the About box says so): the country and each scheme's status,
 * nothing she typed. Best effort: offline it is simply not sent.
 */
function sendCount(s: InterviewState, results: readonly { scheme: string; status: string }[]) {
  const key = `${s.country}|${JSON.stringify(s.facts)}`;
  if (key === counted) return;
  counted = key;
  const body = JSON.stringify({ country: s.country, results: results.map((r) => ({ scheme: r.scheme, status: r.status })) });
  void fetch("/api/counts", { method: "POST", headers: { "content-type": "application/json" }, body, keepalive: true }).catch(() => undefined);
}

function formData(form: HTMLFormElement, submitter: HTMLElement | null): FormFields {
  const data: FormFields = {};
  const add = (k: string, v: string) => {
    const prev = data[k];
    data[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  };
  new window.FormData(form).forEach((v, k) => add(k, String(v)));
  if (submitter instanceof HTMLButtonElement && submitter.name) add(submitter.name, submitter.value);
  return data;
}

async function submit(form: HTMLFormElement, submitter: HTMLElement | null) {
  if (!engine || !state) return;
  const data = formData(form, submitter);
  const r = apply(engine.pack, state, actionFromForm(data), today());
  if (r.state.lang !== state.lang) m = await loadMessages(r.state.lang);
  const moved = r.state.order.length !== state.order.length || r.state.view !== state.view;
  state = r.state;
  override = r.screen;
  if (!state.order.length && data.action === "restart") override = undefined;
  show(moved);
}

// The Android back button steps back through the questions instead of leaving the page.
window.addEventListener("popstate", () => {
  if (!engine || !state) return;
  if (!state.order.length && state.view === "questions") {
    state = undefined;
    return void showHome();
  }
  const r = apply(engine.pack, state, state.view === "results" ? { kind: "more" } : { kind: "back" }, today());
  state = r.state;
  override = r.screen;
  show();
});

document.addEventListener("click", (e) => {
  const target = e.target as HTMLElement;
  if (target.closest("[data-print]")) window.print();
  const home = target.closest("a.home-link");
  if (home) {
    e.preventDefault();
    state = undefined;
    void showHome();
  }
});

window.addEventListener("online", () => show());
window.addEventListener("offline", () => show());

if ("serviceWorker" in navigator) {
  window.addEventListener("load", () => void navigator.serviceWorker.register("/sw.js"));
}

const boot = readBoot();
if (boot.page === "flow" && boot.flow) {
  // The server's state goes through the same gate as any other input before the app trusts it.
  const f = boot.flow as { state?: { country?: unknown; lang?: unknown }; screen?: Screen };
  const cc = typeof f.state?.country === "string" ? f.state.country : "";
  const lang = typeof f.state?.lang === "string" ? f.state.lang : "en";
  void loadEngine(cc).then((e) => {
    if (!e) return void showHome();
    const s = restoreState(JSON.stringify(f.state), e.pack, e.pack.country.languages.includes(lang) ? lang : "en", today());
    void start(s.country, s.lang, { state: s, screen: f.screen });
  });
} else {
  void showHome();
}

function readBoot(): Boot {
  try {
    return JSON.parse(document.getElementById("boot")?.textContent ?? "") as Boot;
  } catch {
    return { page: "home", lang: "en" };
  }
}
