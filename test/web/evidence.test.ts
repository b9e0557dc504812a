/**
 * The advocate's evidence in Chromium, on the demo `npm start` loads: she signs in, reads the Kenya network's
 * coverage ladder (no count from 1 to 10 anywhere on the page), breaks it down by cluster, runs a what-if on NSSF
 * Haba Haba's citizenship-or-refugee requirement, downloads the CSV, and prints the brief to PDF on A4.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, expectAccessible, launch, signInOrg } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Table cells showing a count from 1 to 10 (percentages and median days are not counts), with where they are. */
async function smallCounts(page: Page): Promise<string[]> {
  return page.$$eval("main table td", (cells) =>
    cells
      .filter((c) => {
        const t = (c.textContent ?? "").trim();
        // Durations (median days between steps) are not counts of members.
        if (/median days/i.test(c.closest("table")?.querySelector("caption")?.textContent ?? "")) return false;
        return /^\d{1,2}$/.test(t) && Number(t) >= 1 && Number(t) <= 10;
      })
      .map((c) => `${c.closest("table")?.querySelector("caption")?.textContent ?? "?"} / ${c.parentElement?.querySelector("th")?.textContent ?? "?"}: ${c.textContent}`),
  );
}

describe("an advocate's evidence", () => {
  it("reads the ladder, breaks it down by cluster, runs a what-if, downloads the CSV and prints the brief", async () => {
    const context = await browser.newContext({ viewport: { width: 1024, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    await signInOrg(page, "advocate@demo.local");
    await page.locator('nav a[href="/org/evidence"]').click();
    await page.waitForURL(/\/org\/evidence$/);
    // The stamp: rules version and the threshold; the ladder of health coverage, with its data table.
    const main = page.locator("main");
    await expect.poll(() => main.innerText()).toMatch(/SHA|Social Health/);
    const ladders = page.locator("main figure.chart svg[role=img]");
    expect(await ladders.count()).toBeGreaterThan(3);
    expect(await smallCounts(page)).toEqual([]);
    await expectAccessible(page, "evidence");

    // By cluster: one row per cluster of the network.
    await page.selectOption("#ev-by", "cluster");
    await Promise.all([page.waitForURL(/by=cluster/), page.locator("form.filters button").click()]);
    for (const cluster of ["Kisumu", "Nairobi", "Lodwar"]) expect(await main.innerText()).toContain(cluster);
    expect(await smallCounts(page)).toEqual([]);

    // What if Haba Haba admitted everyone, citizen or not?
    await page.selectOption("#wi-scheme", "nssf_haba_haba");
    await page.check("#wi-k-drop");
    await page.selectOption("#wi-criterion", { value: "kenyan_or_refugee" });
    await Promise.all([page.waitForURL(/\/org\/evidence\/what-if$/), page.locator("form.what-if button.primary").click()]);
    const result = page.locator("main section.what-if-result");
    await result.waitFor();
    expect(await main.innerText()).toMatch(/Haba Haba/);
    expect(await smallCounts(page)).toEqual([]);

    // The CSV, as downloaded: long format, withheld figures empty with a flag, no count from 1 to 10.
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator("ul.exports a[download]").first().click()]);
    const path = await download.path();
    const { readFileSync } = await import("node:fs");
    const csv = readFileSync(path!, "utf8");
    const lines = csv.trim().split(/\r?\n/);
    const header = lines[0]!.split(",");
    expect(header).toEqual(expect.arrayContaining(["table", "row", "col", "value", "flag", "rules_version"]));
    const value = header.indexOf("value");
    const measure = header.indexOf("measure");
    for (const line of lines.slice(1)) {
      const cells = line.split(",");
      if (cells[measure] === "count" && /^\d+$/.test(cells[value]!)) expect(Number(cells[value]) === 0 || Number(cells[value]) > 10, line).toBe(true);
    }
    expect(lines.some((l) => l.split(",")[value] === "")).toBe(true);

    // The brief, printed to PDF on A4.
    const brief = await context.newPage();
    await brief.goto(`${baseUrl()}/org/evidence/brief?by=cluster&kind=drop_criterion&scheme=nssf_haba_haba&criterion=kenyan_or_refugee`);
    const text = await brief.locator("body").innerText();
    expect(text).toMatch(/ke\/nssf_haba_haba@/);
    expect(text).toMatch(/Haba Haba/);
    expect(await brief.locator("figure svg").count()).toBeGreaterThan(3);
    expect(await brief.locator("figure + table, figure table").count()).toBeGreaterThan(3);
    expect(await smallCounts(brief)).toEqual([]);
    const pdf = await brief.pdf({ preferCSSPageSize: true, printBackground: true });
    const raw = pdf.toString("latin1");
    expect(raw.startsWith("%PDF")).toBe(true);
    // A4 is 595 × 842 points.
    const boxes = [...raw.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
    expect(boxes.length).toBeGreaterThan(1);
    for (const [w, h] of boxes) expect([w, h]).toEqual([595, 842]);
    await context.close();
  });
});
