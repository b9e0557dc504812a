/** Headless Debian Chromium driven by playwright-core, plus helpers for accessibility checks and screenshots. */
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { chromium, type Browser, type BrowserContextOptions, type Page } from "playwright-core";
import { expect, inject } from "vitest";

export const baseUrl = () => inject("baseUrl");

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
}

/** A phone-sized page (360×740, touch) in a fresh context. */
export async function phone(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true, ...options });
  const page = await context.newPage();
  retryStalledNavigation(page);
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  pageErrors.set(page, errors);
  return page;
}

/**
 * A navigation that times out is tried again (three tries in all), and said so in the log with whether the server
 * answered Node meanwhile. CI saw a fresh browser's `goto("/")` wait 30 s for its load event while the Worker
 * answered Node at once (an asset request of wrangler dev's that stalls, on a page that loads in a second); a
 * third stall still fails the test, and every assertion runs as before.
 */
function retryStalledNavigation(page: Page) {
  const goto = page.goto.bind(page);
  page.goto = async (url, options) => {
    // Three tries of 20 s fit in a test's 60 s; a page here loads in a second or two even on a loaded machine.
    for (let attempt = 1; ; attempt++) {
      try {
        return await goto(url, { timeout: 20_000, ...options });
      } catch (e) {
        if (!(e instanceof Error) || e.name !== "TimeoutError" || attempt === 3) throw e;
        const probe = await fetch(url, { signal: AbortSignal.timeout(5000) }).then(
          (r) => `the server answered Node with ${r.status}`,
          (err: unknown) => `the server did not answer Node either (${String(err)})`,
        );
        console.warn(`navigation to ${url} timed out (try ${attempt}); ${probe}; trying again`);
      }
    }
  };
}

/** Uncaught script errors seen on a page: a journey expects none. */
export const pageErrors = new WeakMap<Page, string[]>();

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/**
 * Runs axe-core (WCAG 2.0–2.2 A and AA rules) on the page and expects no violations. A page with JavaScript
 * disabled cannot run axe (its timers never fire), so its exact HTML is checked in a second page where only our
 * app script is blocked: the same markup and styles a browser without JavaScript shows.
 */
export async function expectAccessible(page: Page, screen: string, noJs?: Browser) {
  if (noJs) {
    // One reusable copy page per browser: opening a page per screen costs more than checking it.
    const copy = await copyPage(noJs, page);
    const html = (await page.content()).replace("<head>", `<head><base href="${new URL(page.url()).origin}/">`);
    await copy.setContent(html, { waitUntil: "load" });
    await expectAccessible(copy, screen);
    return;
  }
  // Injected over the DevTools protocol (the page's own Content-Security-Policy rightly refuses inline scripts),
  // once per document: the app re-renders screens without loading a new one.
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    // Violations only: computing passes and incomplete results for every rule is most of axe's time.
    const r = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] }, resultTypes: ["violations"] });
    return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join("; ")})`);
  });
  expect(violations, `axe violations on ${screen}`).toEqual([]);
}

const copies = new WeakMap<Browser, Page>();

/** The page where a no-JavaScript screen's exact HTML is checked, with only our app script blocked. */
async function copyPage(browser: Browser, like: Page): Promise<Page> {
  let copy = copies.get(browser);
  if (!copy || copy.isClosed()) {
    copy = await browser.newPage({ viewport: like.viewportSize() ?? undefined });
    await copy.route("**/app.js", (r) => r.abort());
    copies.set(browser, copy);
  }
  return copy;
}

const SHOTS = "test-results/screenshots";

/** Saves a phone-sized screenshot as a test artifact. */
export async function shot(page: Page, name: string, fullPage = false) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage });
}

/** The fact the question on screen asks about, or null on the results screen. */
export async function currentFact(page: Page): Promise<string | null> {
  await page.locator("main h1").first().waitFor();
  const fact = page.locator("main form.question input[name=fact]");
  return (await fact.count()) ? fact.getAttribute("value") : null;
}

export type Answer = string | number | boolean | string[] | "dont_know" | "rather_not";

/** Answers the question on screen by the answer's value (not its words), so journeys work in every language. */
export async function answerQuestion(page: Page, value: Answer) {
  const form = page.locator("main form.question");
  const fact = await form.locator("input[name=fact]").getAttribute("value");
  const before = await page.locator("main").innerHTML();
  if (value === "dont_know" || value === "rather_not") {
    await form.locator(`button[name=action][value=${value}]`).click();
  } else if (Array.isArray(value)) {
    for (const v of value.length ? value : ["none"]) await form.locator(`input[type=checkbox][value="${v}"]`).check();
    await form.locator("button[value=answer]").click();
  } else if (await form.locator(`button.choice[value="${String(value)}"]`).count()) {
    await form.locator(`button.choice[value="${String(value)}"]`).click();
  } else if (await form.locator("select[name=value]").count()) {
    await form.locator("select[name=value]").selectOption(String(value));
    await form.locator("button[value=answer]").click();
  } else {
    await form.locator("input[name=value]").fill(String(value));
    await form.locator("button[value=answer]").click();
  }
  // Wait for the next screen (rendered by the app, or a new page from the server). Polled from here, because
  // page scripts may be disabled (the no-JavaScript journey).
  const deadline = Date.now() + 10_000;
  for (;;) {
    const html = await page.locator("main").innerHTML().catch(() => before);
    const shown = await page.locator("main form.question input[name=fact]").getAttribute("value", { timeout: 1000 }).catch(() => null);
    const error = await page.locator("main .error").count().catch(() => 0);
    if (html !== before && (shown !== fact || error > 0)) return;
    if (Date.now() > deadline) throw new Error(`no new screen after answering ${fact}`);
    await page.waitForTimeout(25);
  }
}

/**
 * Answers every question the engine asks from `profile` (a fact it does not hold is skipped with "I don't know"),
 * calling `onScreen` on each screen, until the results show.
 */
export async function answerAll(page: Page, profile: Record<string, Answer>, onScreen?: (fact: string) => Promise<void>) {
  for (let i = 0; i < 40; i++) {
    const fact = await currentFact(page);
    if (!fact) return;
    await onScreen?.(fact);
    await answerQuestion(page, fact in profile ? profile[fact]! : "dont_know");
  }
  throw new Error("the questions never ended");
}

/** The scheme cards in a results group ("now", "maybe", "unsettled", "no"), by their visible names. */
export async function group(page: Page, kind: "have" | "now" | "maybe" | "unsettled" | "no"): Promise<string[]> {
  return page.locator(`main .group-${kind} article.scheme h3`).allInnerTexts().then((t) => t.map((x) => x.trim()));
}

/**
 * Signs a demo account in to the organizer's workspace (password demo-password-1), with generous limits: the
 * workspace journeys run long on a shared 2-core machine, and no test asserts a duration.
 */
export async function signInOrg(page: Page, email: string) {
  page.setDefaultTimeout(90_000);
  page.setDefaultNavigationTimeout(90_000);
  await page.goto(`${baseUrl()}/org`);
  await page.fill("#login", email);
  await page.fill("#password", "demo-password-1");
  await Promise.all([page.waitForURL(/\/org$/), page.click("main button.primary")]);
}
