/**
 * "What changed" in real Chromium, on the demo the page tests load (one Kenyan member in 20 last screened before
 * SHA replaced NHIF): the server's first request notices the rule change and the queue re-screens them in the
 * background. The admin sees who now can join SHA and who no longer has NHIF, stamped with the rule versions
 * before and after, and the list prints without the workspace's controls; an organizer sees only her cluster, in
 * Kiswahili, and her new follow-ups; the forecast answers for a later date. axe finds no violation.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, expectAccessible, launch, pageErrors, phone, shot, signInOrg } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});


/** Opens "what changed", waiting for the background re-screening the server started to finish. */
async function openChanges(page: Page, query = "") {
  for (let i = 0; i < 120; i++) {
    await page.goto(`${baseUrl()}/org/changes${query}`);
    if ((await page.locator("main ol.changes li").count()) && !(await page.locator("main .run").innerText()).match(/under way|inaendelea/)) return;
    await page.waitForTimeout(500);
  }
  throw new Error("no changes appeared on /org/changes");
}

describe("what changed when the rules changed", () => {
  it("shows the admin who can now join SHA and who no longer has NHIF, with the rules before and after; prints cleanly", async () => {
    const page = await phone(browser);
    await signInOrg(page, "admin@demo.local");
    await page.click("header.top nav a[href='/org/changes']");
    await openChanges(page);
    expect(await page.locator("main h1").innerText()).toBe("What changed");
    expect(await page.locator("main .run").innerText()).toMatch(/Last re-screening on \d{4}-\d{2}-\d{2}: \d+ members checked/);

    const gains = page.locator("main section.kind-gain li.change");
    // Found by its rule version, not by the letters "SHA", which other entries' sources contain ("Julisha.info").
    const sha = gains.filter({ has: page.locator(".stamp", { hasText: "ke/sha@" }) }).first();
    expect(await sha.innerText()).toMatch(/not in force → Can join/);
    expect(await sha.locator(".stamp").innerText()).toMatch(/— → ke\/sha@2024-10-01 #[0-9a-f]{8} · in force from 2024-10-01/);
    expect(await sha.locator(".follow").innerText()).toContain("Now eligible: tell her");
    const nhif = page.locator("main section.kind-loss li.change").filter({ has: page.locator(".stamp", { hasText: "ke/nhif@" }) }).first();
    expect(await nhif.locator(".stamp").innerText()).toMatch(/ke\/nhif@2015-04-01 #[0-9a-f]{8} → — · ended after 2024-09-30/);
    // A change with criteria of its own gives their reasons; the rules of those without are cited once, with sources.
    expect(await page.locator("main .rules-cited li", { hasText: "ke/sha@2024-10-01" }).locator("a").count()).toBeGreaterThan(0);
    // The summary counts per scheme.
    const shaRow = page.locator("main table.counts tr", { hasText: "(SHA)" });
    expect(Number(await shaRow.locator("td").first().innerText())).toBeGreaterThan(0);
    await expectAccessible(page, "what changed");
    await shot(page, "org-changes");

    // Printed: no navigation, forms or language switch; a line says when and under which rules it was printed.
    await page.emulateMedia({ media: "print" });
    expect(await page.locator("header.top nav").isVisible()).toBe(false);
    expect(await page.locator("main form").first().isVisible()).toBe(false);
    expect(await page.locator("footer.bottom").isVisible()).toBe(false);
    expect(await page.locator("main .printed").innerText()).toMatch(/HomeNet Kenya \(demo\) · Printed on \d{4}-\d{2}-\d{2} · rules [0-9a-f]+/);
    expect(await sha.isVisible()).toBe(true);
    await shot(page, "org-changes-print");
    await page.emulateMedia({ media: "screen" });
    expect(pageErrors.get(page)).toEqual([]);
    await page.context().close();
  });

  it("shows an organizer only her cluster's members, in Kiswahili, and the follow-ups it opened on her member's page", async () => {
    const page = await phone(browser);
    await signInOrg(page, "kisumu@demo.local");
    await openChanges(page);
    expect(await page.locator("main h1").innerText()).toBe("Kilichobadilika");
    // Folded entries ("other changes") included.
    const clusters = await page.locator("main li.change .who").allTextContents();
    expect(clusters.length).toBeGreaterThan(0);
    for (const who of clusters) expect(who.trim()).toMatch(/· Kisumu$/);
    expect(await page.locator("main").innerText()).toContain("Sasa anaweza kujiunga");
    await expectAccessible(page, "what changed (organizer)");

    // Her member: the new follow-up is on her page, in the organizer's words; her applications did not move.
    const first = page.locator("main section.kind-gain li.change").filter({ hasText: "SHA" }).first();
    await Promise.all([page.waitForURL(/\/org\/members\//), first.locator(".who a").click()]);
    expect(await page.locator("main ul.tasks").innerText()).toContain("Sasa anastahili: mjulishe");
    await page.context().close();
  });

  it("forecasts a later date with the engine, and refuses a date that is not after today", async () => {
    const page = await phone(browser);
    await signInOrg(page, "admin@demo.local");
    await page.goto(`${baseUrl()}/org/changes`);
    await page.fill("#c-date", "2099-01-01");
    await Promise.all([page.waitForURL(/date=2099-01-01/), page.locator("form:has(#c-date) button").click()]);
    expect(await page.locator("main #c-forecast").innerText()).toBe("Forecast for 2099-01-01");
    expect(await page.locator("main section[aria-labelledby=c-ahead]").innerText()).toMatch(/On 2099-01-01 the same rules apply as today|would be able to join/);
    await expectAccessible(page, "forecast");
    await page.goto(`${baseUrl()}/org/changes?date=2001-01-01`);
    expect(await page.locator("main .problems").innerText()).toContain("choose a date after today");
    await page.context().close();
  });
});
