/**
 * Every status has its group on the results page, explained in plain words in each of the nine languages: for each
 * language, a real member (from the rule vectors) whose answers give a scheme `likely_not_eligible` today sees it
 * under "check with the office: probably not, but the rule is not settled", with the group's explanation, on an
 * accessible page, with JavaScript and without.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compilePack } from "../../src/engine";
import { asciiDigits, checkFacts, issueText, saveState, type InterviewState } from "../../src/interview";
import "../../src/interview/wording/all";
import { PACKS } from "../../src/rules/generated/index";
import { VECTORS } from "../../src/rules/generated/vectors";
import { MESSAGES } from "../../web/src/i18n/all";
import { baseUrl, expectAccessible, launch, pageErrors, phone } from "./browser";

const today = new Date().toISOString().slice(0, 10);

/** A vector's answers that give some scheme `likely_not_eligible` today in a country speaking `lang`. */
function unsettledMember(lang: string): { cc: string; facts: Record<string, unknown>; scheme: string } | undefined {
  for (const [cc, pack] of Object.entries(PACKS)) {
    if (!pack.country.languages.includes(lang)) continue;
    const engine = compilePack(pack);
    for (const file of VECTORS[cc] ?? []) {
      for (const v of file.vectors) {
        const checked = checkFacts(pack, v.facts, today);
        if (!checked.ok) continue;
        const hit = engine.evaluate(checked.facts, { date: today }).results.find((r) => r.status === "likely_not_eligible");
        if (hit) return { cc, facts: checked.facts, scheme: hit.scheme };
      }
    }
  }
  return undefined;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Posts a form the page itself would post, from a page of our origin, and waits for the page the Worker renders. */
async function postForm(page: import("playwright-core").Page, fields: Record<string, string>) {
  await page.goto(`${baseUrl()}/api/docs`);
  const inputs = Object.entries(fields)
    .map(([k, v]) => `<textarea name="${k}">${v.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</textarea>`)
    .join("");
  await page.setContent(`<form method="post" action="${baseUrl()}/check">${inputs}<button>go</button></form>`);
  await Promise.all([page.waitForURL(`${baseUrl()}/check`), page.locator("button").click()]);
}

/** Digits of each page language's script, for a number she types the way she writes it. */
const NATIVE: Record<string, string> = { hi: "४५", ne: "४५", bn: "৪৫", ur: "۴۵", th: "๔๕" };

/** A country whose pages are in `lang`. */
const countryIn = (lang: string) => Object.values(PACKS).find((p) => p.country.languages.includes(lang))!.country.code;

describe.each(Object.keys(MESSAGES))("typed answers in %s", (lang) => {
  it("a number she writes her way is accepted; a wrong one is explained in her language, never in English", async () => {
    const cc = countryIn(lang);
    const page = await phone(browser, { javaScriptEnabled: false });
    const state = saveState({ country: cc, lang, facts: {}, order: [], view: "questions" });
    const typed = NATIVE[lang] ?? "45";
    await postForm(page, { country: cc, lang, state, action: "answer", fact: "age", value: typed });
    expect(await page.locator("main .error").count()).toBe(0);
    expect(await page.locator("main form.question input[name=state]").getAttribute("value")).toContain(`"age":${Number(asciiDigits(typed))}`);
    await postForm(page, { country: cc, lang, state, action: "answer", fact: "age", value: "abc" });
    const error = await page.locator("main .error").innerText();
    expect(error).toContain(issueText({ code: "not_a_number" }, lang));
    if (lang !== "en") expect(error).not.toMatch(/must be|number/i);
    await page.context().close();
  });
});

describe.each(Object.keys(MESSAGES))("results in %s", (lang) => {
  it("show an unsettled rule in its own group, with its explanation, accessibly", async () => {
    const member = unsettledMember(lang);
    expect(member, `a vector giving likely_not_eligible today in a country speaking ${lang}`).toBeDefined();
    const { cc, facts, scheme } = member!;
    const state: InterviewState = { country: cc, lang, facts: facts as InterviewState["facts"], order: [], view: "results" };
    const page = await phone(browser, { javaScriptEnabled: lang !== "en" });
    // Post the form the page itself posts (the state in a hidden field), and read the page the Worker renders.
    await postForm(page, { country: cc, lang, action: "results", state: saveState(state) });
    const m = MESSAGES[lang]!;
    const section = page.locator("main .group-unsettled");
    await section.waitFor();
    expect(await section.locator("h2").innerText()).toContain(m.results.unsettled);
    expect(await section.locator(".group-intro").innerText()).toBe(m.results.unsettled_why);
    const name = PACKS[cc]!.schemes.find((s) => s.id === scheme)!.name;
    expect((await section.locator("article.scheme h3").allInnerTexts()).join(" | ")).toContain(name[lang] ?? name.en);
    // Never among the schemes she can apply for or may qualify for.
    expect(await page.locator("main .group-now article.scheme, main .group-maybe article.scheme", { hasText: name[lang] ?? name.en }).count()).toBe(0);
    await expectAccessible(page, `results with an unsettled rule (${lang})`, lang === "en" ? browser : undefined);
    expect(pageErrors.get(page)).toEqual([]);
    await page.context().close();
  });
});
