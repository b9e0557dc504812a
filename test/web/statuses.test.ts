/**
 * Every status has its group on the results page, explained in plain words in each of the nine languages: for each
 * language, a real member (from the rule vectors) whose answers give a scheme `likely_not_eligible` today sees it
 * under "check with the office: probably not, but the rule is not settled", with the group's explanation, on an
 * accessible page, with JavaScript and without.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compilePack } from "../../src/engine";
import { checkFacts, saveState, type InterviewState } from "../../src/interview";
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

describe.each(Object.keys(MESSAGES))("results in %s", (lang) => {
  it("show an unsettled rule in its own group, with its explanation, accessibly", async () => {
    const member = unsettledMember(lang);
    expect(member, `a vector giving likely_not_eligible today in a country speaking ${lang}`).toBeDefined();
    const { cc, facts, scheme } = member!;
    const state: InterviewState = { country: cc, lang, facts: facts as InterviewState["facts"], order: [], view: "results" };
    const page = await phone(browser, { javaScriptEnabled: lang !== "en" });
    // Post the form the page itself posts (the state in a hidden field), and read the page the Worker renders.
    await page.goto(`${baseUrl()}/api/docs`);
    await page.setContent(
      `<form method="post" action="${baseUrl()}/check"><input type="hidden" name="country" value="${cc}"><input type="hidden" name="lang" value="${lang}"><input type="hidden" name="action" value="results"><textarea name="state">${saveState(state).replace(/</g, "&lt;")}</textarea><button>go</button></form>`,
    );
    await Promise.all([page.waitForURL(`${baseUrl()}/check`), page.locator("button").click()]);
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
