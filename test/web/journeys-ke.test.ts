/** A member in Kisumu, Kenya, checks her entitlements in Swahili: with JavaScript, without it, and offline. */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import swWording from "../../src/interview/wording/sw";
import sw from "../../web/src/i18n/sw";
import { answerAll, answerQuestion, baseUrl, currentFact, expectAccessible, group, launch, pageErrors, phone, shot } from "./browser";
import { startSwahili, tailor } from "./kenya";


let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});


async function expectKenyanResults(page: Page) {
  const now = await group(page, "now");
  const maybe = await group(page, "maybe");
  const no = await group(page, "no");
  // Every resident can register for SHA today; the office only sets what she pays.
  expect(now.join(" | ")).toContain("SHA");
  expect(now.join(" | ")).toContain("Haba Haba");
  const inua = page.locator("main .group-no article.scheme", { hasText: "Inua Jamii – Pesa kwa Wazee" });
  expect(no.join(" | ")).toContain("Inua Jamii – Pesa kwa Wazee");
  await expect.poll(() => inua.locator(".why li").first().innerText()).toBe("Una miaka 45; mpango huanza katika umri wa miaka 70.");
}

describe.each([
  ["with JavaScript", true],
  ["without JavaScript", false],
])("a 45-year-old self-employed member in Kisumu, in Swahili, %s", (label, javaScriptEnabled) => {
  it("sees SHA and Haba Haba open to her and Inua Jamii closed with the age reason, on accessible screens", async () => {
    const page = await phone(browser, { javaScriptEnabled });
    await page.goto(`${baseUrl()}/`);
    const axeIn = javaScriptEnabled ? undefined : browser;
    await expectAccessible(page, `home (${label})`, axeIn);
    if (javaScriptEnabled) await shot(page, "home");
    // With JavaScript the check runs on her phone; the only thing sent is one anonymous count at the results.
    const sent: string[] = [];
    page.on("request", (r) => {
      if (r.method() === "POST") sent.push(`${new URL(r.url()).pathname} ${r.postData() ?? ""}`);
    });
    await startSwahili(page);
    expect(await page.locator("html").getAttribute("lang")).toBe("sw");
    let screens = 0;
    await answerAll(page, tailor, async (fact) => {
      await expectAccessible(page, `question ${fact} (${label})`, axeIn);
      if (javaScriptEnabled && screens === 0) await shot(page, "question");
      screens++;
    });
    expect(screens).toBeGreaterThan(3);
    await expectKenyanResults(page);
    if (javaScriptEnabled) {
      await expect.poll(() => sent.filter((x) => x.startsWith("/api/counts")).length).toBe(1);
      expect(sent.length).toBe(1);
      const count = JSON.parse(sent[0]!.slice("/api/counts ".length)) as { country: string; results: { scheme: string; status: string }[] };
      expect(Object.keys(count).sort()).toEqual(["country", "results"]);
      expect(count.results.find((r) => r.scheme === "inua_jamii_opct")).toEqual({ scheme: "inua_jamii_opct", status: "not_eligible" });
      expect(sent[0]).not.toContain("9000");
    }
    await expectAccessible(page, `results (${label})`, axeIn);
    if (javaScriptEnabled) {
      await shot(page, "results", true);
      await shot(page, "results-top");
    }
    expect(pageErrors.get(page)).toEqual([]);
    await page.context().close();
  });
});

describe("offline", () => {
  it("works without a connection after a first visit that only reached the home page", async () => {
    // A phone set to Kiswahili (Kenya): the service worker caches Kenya's rules at install, before she picks.
    const page = await phone(browser, { locale: "sw-KE" });
    await page.goto(`${baseUrl()}/`);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.context().setOffline(true);
    await page.reload();
    await expect.poll(() => page.locator(".offline").innerText()).toContain("Kenya");
    await startSwahili(page);
    await answerAll(page, tailor);
    await expectKenyanResults(page);
    await expect.poll(() => page.locator(".offline").innerText()).toBeTruthy();
    expect(await page.locator(".meta").innerText()).toMatch(/\d{4}/);
    expect(pageErrors.get(page)).toEqual([]);
    await page.context().close();
  });

  it("says plainly, in her language, when a country's rules are not on the phone, instead of claiming the check works", async () => {
    // A phone set to English (United States): no country is guessed, so no pack is cached at install.
    const page = await phone(browser, { locale: "en-US" });
    await page.goto(`${baseUrl()}/`);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.context().setOffline(true);
    await page.reload();
    await expect.poll(() => page.locator(".offline").innerText()).toContain("no country's rules yet");
    expect(await page.locator(".offline").innerText()).not.toContain("still works");
    await page.locator('a[hreflang="sw"][href*="country=ke"]').click();
    await expect.poll(() => page.locator("main h1").innerText()).toContain("Kanuni za Kenya bado hazipo kwenye simu hii");
    await expectAccessible(page, "rules not on the phone (offline)");
    expect(pageErrors.get(page)).toEqual([]);
    await page.context().close();
  });
});

describe("a narrow phone, 320 px wide", () => {
  it("needs no sideways scrolling on any screen", async () => {
    const page = await phone(browser, { viewport: { width: 320, height: 640 } });
    const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    await page.goto(`${baseUrl()}/`);
    expect(await fits()).toBe(true);
    await startSwahili(page);
    await answerAll(page, tailor, async () => {
      expect(await fits()).toBe(true);
    });
    expect(await fits()).toBe(true);
    await shot(page, "results-320", true);
    await page.context().close();
  });
});

describe("coming back", () => {
  it("offers her last country and language first", async () => {
    const page = await phone(browser);
    await startSwahili(page);
    await page.goto(`${baseUrl()}/`);
    const again = page.locator("main a.button.primary");
    await expect.poll(() => again.getAttribute("href")).toBe("/check?country=ke&lang=sw");
    await again.click();
    await page.locator("main form.question").waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("sw");
    await page.context().close();
  });
});

describe("skipping and changing answers", () => {
  it("shows 'may qualify' results that name what is missing when she skips questions", async () => {
    const page = await phone(browser);
    await startSwahili(page);
    await answerAll(page, { age: 72 });
    const inua = page.locator("main .group-maybe article.scheme", { hasText: "Inua Jamii – Pesa kwa Wazee" });
    await expect.poll(() => inua.count()).toBe(1);
    const missing = await inua.locator(".why li").allInnerTexts();
    expect(missing.length).toBeGreaterThan(0);
    expect(missing).toContain(swWording.questions.residency_status);
    await page.context().close();
  });

  it("keeps her answers when she switches language, and lets her go back and change one", async () => {
    const page = await phone(browser);
    await startSwahili(page);
    await answerQuestion(page, 45);
    const second = await currentFact(page);
    await page.locator('form.langswitch button[value="en"]').click();
    await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("en");
    expect(await currentFact(page)).toBe(second);
    await page.locator("main button[name=action][value=back]").click();
    await expect.poll(() => currentFact(page)).toBe("age");
    await answerQuestion(page, 75);
    await answerAll(page, { ...tailor, age: 75 });
    // At 75 the older persons' transfer is open to her (in English now).
    expect(await group(page, "no")).not.toContain("Inua Jamii – Older Persons Cash Transfer");
    expect(await group(page, "now")).toContain("Inua Jamii – Older Persons Cash Transfer");
    await page.context().close();
  });

  it("rejects an impossible answer with a clear message in her language and keeps the others", async () => {
    const page = await phone(browser);
    await startSwahili(page);
    await answerQuestion(page, "abc");
    const error = page.locator("main .error");
    await expect.poll(() => error.innerText()).toContain("Tafadhali andika namba");
    expect(await error.innerText()).not.toMatch(/must be|number/);
    expect(await currentFact(page)).toBe("age");
    await page.context().close();
  });
});
