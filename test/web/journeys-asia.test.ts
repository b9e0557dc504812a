/**
 * Journeys across Asia: the homeworker/self-employed split in Thailand, India's PM-SYM, Urdu right to left, an
 * unsettled rule in Nepali, and no soft yes against her own answers in Pakistan.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PACKS } from "../../src/rules/generated/index";
import { MESSAGES } from "../../web/src/i18n/all";
import { answerAll, baseUrl, expectAccessible, group, launch, pageErrors, phone, shot } from "./browser";

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

/** The status group ("now", "maybe", "no") a scheme card is shown in, found by its scheme id in the page. */
async function groupOf(page: Page, name: string): Promise<string | null> {
  for (const kind of ["have", "now", "maybe", "unsettled", "no"] as const) if ((await group(page, kind)).some((n) => n.includes(name))) return kind;
  return null;
}

describe("Thailand: the Homeworkers Protection Act covers homeworkers, not the self-employed", () => {
  const base = { age: 38, residency_status: "citizen", covered_by: [] as string[], monthly_income: 9000, receives_pension: false, has_national_id: true, sex: "female" };

  it("applies to a homeworker paid per piece", async () => {
    const page = await phone(browser);
    await start(page, "th", "th");
    await answerAll(page, { ...base, worker_type: "homeworker" }, (fact) => expectAccessible(page, `Thai question ${fact}`));
    expect(await groupOf(page, "คุ้มครองผู้รับงานไปทำที่บ้าน")).toBe("now");
    // In Thailand she can share by LINE, which people use there.
    expect(await page.locator('main a[href^="https://line.me/R/share?text="]').count()).toBe(1);
    await expectAccessible(page, "Thai results (homeworker)");
    await shot(page, "results-th", true);
    expect(pageErrors.get(page)).toEqual([]);
    await page.context().close();
  });

  it("does not apply to her self-employed neighbour, and says why in plain words", async () => {
    const page = await phone(browser);
    await start(page, "th", "en");
    await answerAll(page, { ...base, worker_type: "self_employed" });
    expect(await groupOf(page, "Homeworkers Protection")).toBe("no");
    const card = page.locator("main .group-no article.scheme", { hasText: "Homeworkers Protection" });
    expect((await card.locator(".why li").allInnerTexts()).join(" ")).toMatch(/own goods|your own/i);
    await page.context().close();
  });
});

describe("India: PM-SYM for a 38-year-old earning Rs 12,000 a month", () => {
  const member = {
    age: 38,
    worker_type: "homeworker",
    residency_status: "citizen",
    monthly_income: 12000,
    covered_by: [] as string[],
    income_tax_payer: false,
    has_national_id: true,
    has_bank_account: true,
    receives_pension: false,
    in_poverty_registry: false,
    sex: "female",
    is_pregnant: false,
    region: "gujarat",
  };

  it("sees PM-SYM open to her", async () => {
    const page = await phone(browser);
    await start(page, "in", "hi");
    await answerAll(page, member, (fact) => expectAccessible(page, `Hindi question ${fact}`));
    expect(await groupOf(page, "मान-धन")).toBe("now");
    // What she would pay at her age (38), from the age-wise chart, on the card.
    const card = page.locator("main article.scheme", { hasText: "मान-धन" });
    await card.locator("details").first().locator("summary").click();
    expect(await card.locator("details").first().innerText()).toContain("आपकी उम्र (38) में आप 60 साल तक हर महीने 180 रुपये देती हैं");
    await expectAccessible(page, "Indian results (Hindi)");
    await page.context().close();
  });

  it("does not see it once she is an income-tax payer", async () => {
    const page = await phone(browser);
    await start(page, "in", "en");
    await answerAll(page, { ...member, income_tax_payer: true });
    expect(await groupOf(page, "Maan-dhan")).toBe("no");
    await page.context().close();
  });
});

describe("Urdu", () => {
  it("renders right to left, and stays accessible", async () => {
    const page = await phone(browser);
    await start(page, "pk", "ur");
    expect(await page.locator("html").getAttribute("dir")).toBe("rtl");
    expect(await page.locator("html").getAttribute("lang")).toBe("ur");
    const box = await page.locator("main h1").first().boundingBox();
    expect(await page.locator("main h1").first().evaluate((el) => getComputedStyle(el).direction)).toBe("rtl");
    expect(box).not.toBeNull();
    await expectAccessible(page, "Urdu question");
    await shot(page, "question-ur");
    await answerAll(page, { age: 40, worker_type: "homeworker", region: "sindh", residency_status: "citizen", sex: "female" }, (fact) => expectAccessible(page, `Urdu question ${fact}`));
    expect(await page.locator("html").getAttribute("dir")).toBe("rtl");
    await expectAccessible(page, "Urdu results");
    await page.context().close();
  });

  it("renders right to left without JavaScript too", async () => {
    const page = await phone(browser, { javaScriptEnabled: false });
    await start(page, "pk", "ur");
    expect(await page.locator("html").getAttribute("dir")).toBe("rtl");
    await page.context().close();
  });
});

describe("Nepal: a 68-year-old applying after the budget raised the age to 70 (not yet confirmed)", () => {
  it("is told 'probably not, but the rule is not settled: ask the office', in Nepali, with the reason", async () => {
    const page = await phone(browser);
    await start(page, "np", "ne");
    await answerAll(page, { age: 68, sex: "female", residency_status: "citizen", is_dalit: false, covered_by: [], receives_pension: false, has_disability: false, region: "bagmati" });
    expect(await groupOf(page, "ज्येष्ठ नागरिक")).toBe("unsettled");
    const section = page.locator("main .group-unsettled");
    expect(await section.locator("h2").innerText()).toContain("कार्यालयमा सोध्नुहोस्");
    expect(await section.locator(".group-intro").innerText()).toContain("पक्का");
    expect((await section.locator("article.scheme .why li").allInnerTexts()).join(" ")).toMatch(/७०|70/);
    await expectAccessible(page, "Nepali results with an unsettled rule");
    await shot(page, "results-ne-unsettled", true);
    expect(pageErrors.get(page)).toEqual([]);
    await page.context().close();
  });
});

describe("Pakistan: no soft yes against her own answers", () => {
  it("a woman earning Rs 300,000 a month who is not in the NSER survey cannot get Kafaalat, and is told why", async () => {
    const page = await phone(browser);
    await start(page, "pk", "en");
    await answerAll(page, {
      age: 35,
      sex: "female",
      marital_status: "married",
      residency_status: "citizen",
      has_national_id: true,
      income_tax_payer: false,
      in_poverty_registry: false,
      monthly_income: 300000,
      worker_type: "homeworker",
      region: "punjab",
    });
    expect(await groupOf(page, "Kafaalat")).toBe("no");
    await page.context().close();
  });
});

describe("what she already has, what she is, and what she picks", () => {
  it("shows the gold card she already has as hers, not as something to apply for (Thailand)", async () => {
    const page = await phone(browser);
    await start(page, "th", "en");
    await answerAll(page, { age: 38, residency_status: "citizen", covered_by: ["ucs"], monthly_income: 9000, receives_pension: false, has_national_id: true, sex: "female", worker_type: "homeworker" });
    const ucs = PACKS.th!.schemes.find((x) => x.id === "ucs")!.name.en;
    expect(await groupOf(page, ucs)).toBe("have");
    expect(await page.locator("main .group-have h2").innerText()).toContain("You already have this");
    await expectAccessible(page, "results with what she already has");
    await page.context().close();
  });

  it("puts maternity first for a pregnant member, and asks her state with an explicit 'choose' entry (India)", async () => {
    const page = await phone(browser);
    await start(page, "in", "hi");
    let sawSelect = false;
    await answerAll(
      page,
      { age: 26, sex: "female", is_pregnant: true, recent_birth: false, worker_type: "homeworker", residency_status: "citizen", monthly_income: 6000, covered_by: [], income_tax_payer: false, has_national_id: true, has_bank_account: true, in_poverty_registry: true, region: "bihar", children_count: 0 },
      async (fact) => {
        const select = page.locator("main form.question select[name=value]");
        if (await select.count()) {
          sawSelect = true;
          expect(await select.inputValue()).toBe("");
          expect(await select.locator("option").first().innerText()).toBe("चुनें…");
          // States named in her script.
          if (fact === "region") expect(await select.locator("option[value=bihar]").innerText()).toBe("बिहार");
        }
        // The identity question names the document the rules mean: Aadhaar.
        if (fact === "has_national_id") expect(await page.locator("main h1").innerText()).toContain("आधार");
      },
    );
    expect(sawSelect).toBe(true);
    expect(await page.locator("main .answers dd", { hasText: "बिहार" }).count()).toBe(1);
    const first = page.locator("main .group article.scheme").first();
    expect(await first.locator(".category").innerText()).toBe(MESSAGES.hi!.categories.maternity);
    await page.context().close();
  });
});
