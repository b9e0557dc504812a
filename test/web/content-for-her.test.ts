/**
 * Texts for her, on the page: a member in Punjab reads about her province's Sehat Card, not about Sindh or the
 * other areas; a pregnant member in Indonesia is asked whether she is pregnant and finds JKN's care in pregnancy
 * and birth first, in Indonesian.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerAll, baseUrl, expectAccessible, launch, pageErrors, phone } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function start(page: Page, country: string, lang: string) {
  await page.goto(`${baseUrl()}/`);
  await page.locator(`a[hreflang="${lang}"][href*="country=${country}"]`).click();
  await page.locator("main form.question").waitFor();
}

/** What a card shows once its "what it gives, costs, how to apply" part is opened (its sources stay folded). */
async function openedText(page: Page, card: ReturnType<Page["locator"]>): Promise<string> {
  await card.locator("details").first().locator("summary").click();
  return card.innerText();
}

describe("Pakistan: a member in Punjab reads about Punjab", () => {
  it("sees her province's Sehat Card and yearly limit, and nothing about Sindh, Tharparkar, Kashmir or Gilgit-Baltistan", async () => {
    const page = await phone(browser);
    await start(page, "pk", "en");
    const asked: string[] = [];
    await answerAll(
      page,
      {
        age: 35,
        sex: "female",
        marital_status: "married",
        residency_status: "citizen",
        has_national_id: true,
        income_tax_payer: false,
        in_poverty_registry: true,
        monthly_income: 15000,
        worker_type: "homeworker",
        region: "punjab",
        covered_by: [],
      },
      async (fact) => void asked.push(fact),
    );
    expect(asked).toContain("region");
    const card = page.locator("main article.scheme", { hasText: "Sehat Card" });
    expect(await card.count()).toBe(1);
    const shown = await openedText(page, card);
    expect(shown).toContain("CNIC address in Punjab");
    expect(shown).toContain("In Punjab the announced limit was Rs 1 million a year (2022).");
    expect(shown).not.toMatch(/Sindh|Tharparkar|Kashmir|Gilgit/);
    // Nothing she can or may join, nor what she already has, speaks of Sindh. (Sindh's own schemes are still
    // listed under "cannot join", with the reason.)
    for (const kind of ["have", "now", "maybe", "unsettled"]) {
      const group = page.locator(`main .group-${kind}`);
      if (await group.count()) expect(await group.innerText()).not.toMatch(/Sindh|Tharparkar/);
    }
    await expectAccessible(page, "Punjab results");
    expect(pageErrors.get(page)).toEqual([]);
    await page.context().close();
  });
});

describe("Indonesia: a pregnant member", () => {
  it("is asked whether she is pregnant, and finds JKN's care in pregnancy and birth first, in Indonesian", async () => {
    const page = await phone(browser);
    await start(page, "id", "id");
    const asked: string[] = [];
    await answerAll(
      page,
      { age: 27, residency_status: "citizen", worker_type: "homeworker", in_poverty_registry: false, household_size: 4, monthly_income: 2500000, is_pregnant: true, covered_by: [], has_disability: false },
      async (fact) => {
        asked.push(fact);
        if (fact === "is_pregnant") expect(await page.locator("main h1").innerText()).toBe("Apakah Anda sedang hamil?");
      },
    );
    // The last question, once every eligibility question is answered.
    expect(asked.at(-1)).toBe("is_pregnant");
    const first = page.locator("main .group article.scheme").first();
    expect(await first.locator("h3").innerText()).toContain("JKN");
    expect(await first.locator("p").nth(1).innerText()).toContain("JKN membiayai pemeriksaan kehamilan, persalinan, dan pemeriksaan sesudah melahirkan.");
    await first.locator("details").first().locator("summary").click();
    expect(await first.locator("details").first().locator("ul li").first().innerText()).toMatch(/^Kehamilan dan persalinan: pemeriksaan kehamilan di Puskesmas/);
    await expectAccessible(page, "Indonesian results, pregnant");
    expect(pageErrors.get(page)).toEqual([]);
    await page.context().close();
  });
});
