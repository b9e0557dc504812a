/**
 * The results as members found them: the short answer first with one large action per scheme, the rest folded,
 * sources behind a toggle, her own currency sign, how many questions are left, and what follows from "I don't know".
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import sw from "../../web/src/i18n/sw";
import { answerAll, baseUrl, currentFact, expectAccessible, launch, pageErrors, phone } from "./browser";
import { startSwahili, tailor } from "./kenya";


let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});


describe("results, short answer first (Kenya, Kiswahili)", () => {
  it("leads with what she can do, each with one large action button, and folds the rest", async () => {
    const page = await phone(browser);
    await startSwahili(page);
    // How many questions are left, roughly, from the first one.
    expect(await page.locator("main .progress").innerText()).toMatch(/^Swali la 1 kati ya takriban \d+$/);
    await answerAll(page, tailor, async (fact) => {
      if (fact === "monthly_income") {
        const unit = await page.locator("main .unit").innerText();
        expect(unit).not.toBe("KES");
        expect(unit.toLowerCase()).toContain("sh");
      }
    });
    const summary = page.locator("main .summary");
    expect(await page.locator("main > h1 + section").getAttribute("class")).toBe("summary");
    expect(await summary.locator("h2").innerText()).toBe(sw.results.summary_title);
    const haba = summary.locator("li", { hasText: "Haba Haba" });
    const dial = haba.locator("a.action");
    expect(await dial.getAttribute("href")).toBe("tel:*303%23");
    const box = (await dial.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(44);
    expect(box.width).toBeGreaterThanOrEqual(200);
    // The cards below are folded, and their sources sit behind a toggle.
    expect(await page.locator("main article.scheme details[open]").count()).toBe(0);
    expect(await page.locator("main article.scheme details.source").first().isVisible()).toBe(true);
    expect(await page.locator("main article.scheme details.source a").first().isVisible()).toBe(false);
    // The rules' hash is there for those who look for it, not on the page itself.
    const visible = await page.locator("main").innerText();
    expect(visible).not.toMatch(/\b[0-9a-f]{16}\b/);
    await expectAccessible(page, "results with the summary");
    expect(pageErrors.get(page)).toEqual([]);
    await page.context().close();
  });

  it("says what follows from 'I don't know' instead of asking again", async () => {
    const page = await phone(browser);
    await startSwahili(page);
    await answerAll(page, { age: 72 });
    const inua = page.locator("main .group-maybe article.scheme", { hasText: "Inua Jamii – Pesa kwa Wazee" });
    await expect.poll(() => inua.count()).toBe(1);
    const labels = await inua.locator(".why .label").allInnerTexts();
    expect(labels).toContain(sw.results.not_known);
    expect(labels).not.toContain(sw.results.still_needed);
    expect(await currentFact(page)).toBeNull();
    await page.context().close();
  });
});

describe("numbers and waiting", () => {
  it("asks back, in her language, when her number could mean two, and takes the one she taps (Indonesia)", async () => {
    const page = await phone(browser);
    // The page a form post renders (the app then continues from it), at the income question with "8.000" typed.
    await page.goto(`${baseUrl()}/api/docs`);
    const state = JSON.stringify({ country: "id", lang: "id", facts: { age: 40 }, order: ["age"], view: "questions" });
    await page.setContent(
      `<form method="post" action="${baseUrl()}/check"><input name="country" value="id"><input name="lang" value="id"><input name="fact" value="monthly_income"><input name="value" value="8.000"><textarea name="state">${state}</textarea><button>go</button></form>`,
    );
    await Promise.all([page.waitForURL(`${baseUrl()}/check`), page.locator("button").click()]);
    const ask = page.locator("main .error");
    await expect.poll(() => ask.innerText()).toContain("Maksud Anda 8 atau 8000?");
    const choices = ask.locator("button[name=choice]");
    expect(await choices.allInnerTexts()).toEqual(["8", "8.000"]);
    await choices.nth(1).click();
    await expect.poll(() => currentFact(page)).not.toBe("monthly_income");
    expect(await page.locator("main .error").count()).toBe(0);
    expect(pageErrors.get(page)).toEqual([]);
    await page.context().close();
  });

  it("shows at once that the country's rules are coming, on a slow link", async () => {
    const page = await phone(browser);
    await page.route("**/chunks/ke-*.js", async (route) => {
      await new Promise((r) => setTimeout(r, 1500));
      await route.continue();
    });
    await page.goto(`${baseUrl()}/`);
    await page.locator('a[hreflang="sw"][href*="country=ke"]').click();
    await expect.poll(() => page.locator("main .loading").innerText(), { timeout: 1400 }).toContain("Kenya");
    await page.locator("main form.question").waitFor();
    expect(await page.locator("main .loading").count()).toBe(0);
    await page.context().close();
  });
});
