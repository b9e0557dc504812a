/** Journeys across Asia: the homeworker/self-employed split in Thailand, India's PM-SYM, and Urdu right to left. */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
  for (const kind of ["now", "maybe", "no"] as const) if ((await group(page, kind)).some((n) => n.includes(name))) return kind;
  return null;
}

describe("Thailand: the Homeworkers Protection Act covers homeworkers, not the self-employed", () => {
  const base = { age: 38, residency_status: "citizen", covered_by: [] as string[], monthly_income: 9000, receives_pension: false, has_national_id: true, sex: "female" };

  it("applies to a homeworker paid per piece", async () => {
    const page = await phone(browser);
    await start(page, "th", "th");
    await answerAll(page, { ...base, worker_type: "homeworker" }, (fact) => expectAccessible(page, `Thai question ${fact}`));
    expect(await groupOf(page, "คุ้มครองผู้รับงานไปทำที่บ้าน")).toBe("now");
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
