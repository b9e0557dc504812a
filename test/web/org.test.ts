/**
 * The organizer's workspace in real Chromium, on a phone, on the demo `npm start` loads: an organizer signs in,
 * adds a member with her consent, finds her, records a new consent, screens her in Kiswahili, moves her SHA
 * application to enrolled and sees her follow-up list change; an organizer of another cluster cannot reach her;
 * erasure removes her everywhere. axe finds no violation on any workspace page.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { queryLocalD1 } from "../../scripts/dev-server";
import { answerAll, baseUrl, expectAccessible, launch, pageErrors, phone, shot, signInOrg } from "./browser";
import { tailor } from "./kenya";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});


/** Her follow-ups due this week, as the organizer's "all due" list shows them. */
async function dueFor(page: Page, name: string): Promise<string[]> {
  await page.goto(`${baseUrl()}/org`);
  const all = page.locator("main section[aria-labelledby=due-h] a", { hasText: /\d/ }).first();
  const link = (await all.count()) ? await all.getAttribute("href") : null;
  await page.goto(`${baseUrl()}${link ?? "/org/members?due_by=2999-12-31"}&q=${encodeURIComponent(name)}`);
  return page.locator("main ul.members li").allInnerTexts();
}

// Long journeys on a shared 2-core machine: generous limits (no test asserts a duration).
describe("the organizer's workspace", { timeout: 240_000 }, () => {
  const name = `Atieno Journey ${Date.now().toString(36)}`;
  let memberUrl = "";
  let memberId = "";

  it("signs in (in her language, Kiswahili), and refuses a wrong password in words she reads", async () => {
    const page = await phone(browser);
    await page.goto(`${baseUrl()}/org`);
    expect(page.url()).toMatch(/\/org\/sign-in/);
    await expectAccessible(page, "sign-in");
    await page.fill("#login", "kisumu@demo.local");
    await page.fill("#password", "not-the-password");
    await page.click("main button.primary");
    await expect.poll(() => page.locator("main .problems").innerText()).toMatch(/password|wrong/i);
    await signInOrg(page, "kisumu@demo.local");
    expect(await page.locator("main h1").innerText()).toBe("Kazi za kufanya");
    await expectAccessible(page, "home");
    await shot(page, "org-home");
    await page.context().close();
  });

  it("adds a member with her consent, finds her, and records a corrected consent", async () => {
    const page = await phone(browser);
    await signInOrg(page, "kisumu@demo.local");
    await page.goto(`${baseUrl()}/org/members/new`);
    await expectAccessible(page, "new member");
    // Without consent to screening or follow-up, nothing is kept.
    for (const p of ["screening", "follow_up", "statistics"]) await page.uncheck(`#n-p-${p}`);
    await page.fill("#n-name", name);
    await page.fill("#n-no", `HNK-J-${Date.now()}`);
    await page.fill("#n-phone", "0722 000 111");
    await page.selectOption("#n-method", "thumbprint");
    await page.click("main button.primary");
    await expect.poll(() => page.locator("main .problems").innerText()).toContain("lazima akubali");
    expect(queryLocalD1(inject("stateDir"), `SELECT count(*) AS n FROM members WHERE name = '${name}'`)[0]!.n).toBe(0);
    for (const p of ["screening", "follow_up", "statistics"]) await page.check(`#n-p-${p}`);
    await Promise.all([page.waitForURL(/\/org\/members\/[^/]+\?notice=created/), page.click("main button.primary")]);
    memberUrl = page.url().split("?")[0]!;
    memberId = memberUrl.split("/").at(-1)!;
    const receipt = await page.locator(".receipt").first().innerText();
    expect(receipt).toMatch(/^[2-9A-Z]{6}$/);
    expect(await page.locator("main .notice").innerText()).toContain(receipt);

    // Find her by part of her name.
    await page.goto(`${baseUrl()}/org`);
    await page.fill("#q", name.split(" ").slice(1).join(" ").toLowerCase());
    await Promise.all([page.waitForURL(/\/org\/members\?q=/), page.click("form.search button")]);
    expect(await page.locator("main ul.members li a").allInnerTexts()).toEqual([name]);
    await expectAccessible(page, "members");

    // A corrected consent: without statistics. The first stays as it was given.
    await page.goto(memberUrl);
    await page.locator("details", { hasText: "Rekodi idhini mpya" }).locator("summary").click();
    await page.uncheck("#nc-p-statistics");
    await page.selectOption("#nc-method", "signed");
    await Promise.all([page.waitForURL(/notice=consent/), page.locator("form[action$='/consents'] button.primary").click()]);
    expect(await page.locator(".receipt").count()).toBe(2);
    const row = queryLocalD1(inject("stateDir"), `SELECT stats_consent FROM members WHERE id = '${memberId}'`)[0]!;
    expect(row.stats_consent).toBe(0);
    await expectAccessible(page, "member");
    await page.context().close();
  });

  it("screens her in Kiswahili, moves her SHA application to enrolled, and her follow-ups change", async () => {
    const page = await phone(browser);
    await signInOrg(page, "kisumu@demo.local");
    expect(await dueFor(page, name)).toEqual([]);
    await page.goto(`${memberUrl}/screen`);
    expect(await page.locator("html").getAttribute("lang")).toBe("sw");
    await expectAccessible(page, "assisted screening");
    await answerAll(page, tailor);
    await shot(page, "org-screen-results");
    await Promise.all([page.waitForURL(/notice=screened/), page.locator("main form.save button").click()]);
    const sha = page.locator("section.scheme", { has: page.locator("h3", { hasText: "SHA" }) });
    expect(await sha.locator(".badge").innerText()).toBe("Anaweza kujiunga");

    const move = async (to: string, extra: Record<string, string> = {}) => {
      await page.locator("section.scheme", { has: page.locator("h3", { hasText: "SHA" }) }).locator("select[name=to]").selectOption(to);
      for (const [k, v] of Object.entries(extra)) await page.locator("section.scheme", { has: page.locator("h3", { hasText: "SHA" }) }).locator(`select[name=${k}]`).selectOption(v);
      await Promise.all([page.waitForURL(/notice=moved/), page.locator("section.scheme", { has: page.locator("h3", { hasText: "SHA" }) }).locator("button.primary").click()]);
    };
    await move("gathering_documents");
    expect(await sha.innerText()).toContain("Anakusanya hati");
    expect(await page.locator("main ul.tasks li").allInnerTexts()).toEqual([expect.stringContaining("Kukusanya hati")]);
    expect((await dueFor(page, name)).join()).toContain(name);

    await page.goto(memberUrl);
    // Enrolled straight from gathering documents is not a step the state machine allows: a clear refusal.
    await move("applied");
    await page.locator("section.scheme", { has: page.locator("h3", { hasText: "SHA" }) }).locator("select[name=to]").selectOption("enrolled");
    await page.locator("section.scheme", { has: page.locator("h3", { hasText: "SHA" }) }).locator("button.primary").click();
    await expect.poll(() => page.locator("main .problems").innerText()).toContain("amesajiliwa");
    await move("enrolled", { verification: "document_seen" });
    expect(await sha.innerText()).toContain("Amesajiliwa");
    expect(await dueFor(page, name)).toEqual([]);
    await page.goto(memberUrl);
    // The documents task is done, the outcome check closed when she was enrolled, and SHA (paid yearly) now
    // has its renewal reminder, about a year out.
    const open = await page.locator("main ul.tasks li.open").allInnerTexts();
    expect(open).toEqual([expect.stringContaining("Kuhuisha")]);
    const events = queryLocalD1(inject("stateDir"), `SELECT to_state FROM enrollment_events WHERE member_id = '${memberId}' AND scheme = 'sha' ORDER BY recorded_at`);
    expect(events.map((e) => e.to_state)).toEqual(["gathering_documents", "applied", "enrolled"]);
    expect(pageErrors.get(page)).toEqual([]);
    await page.context().close();
  });

  it("an organizer of another cluster cannot reach her, by link or by search", async () => {
    const page = await phone(browser);
    await signInOrg(page, "nairobi@demo.local");
    const res = await page.goto(memberUrl);
    expect(res?.status()).toBe(404);
    expect(await page.locator("main").innerText()).not.toContain(name);
    await page.goto(`${baseUrl()}/org/members?q=${encodeURIComponent(name)}`);
    expect(await page.locator("main ul.members li").count()).toBe(0);
    // An advocate never sees a member's record.
    const advocate = await phone(browser);
    await signInOrg(advocate, "advocate@demo.local");
    expect((await advocate.goto(memberUrl))?.status()).toBe(403);
    await page.context().close();
    await advocate.context().close();
  });

  it("the admin sees her view in the audit log; erasure removes her everywhere", async () => {
    const admin = await phone(browser);
    await signInOrg(admin, "admin@demo.local");
    await admin.goto(`${baseUrl()}/org/audit`);
    await expectAccessible(admin, "audit log");
    expect(await admin.locator("main table").innerText()).toContain("enrollment.move");

    const page = await phone(browser);
    await signInOrg(page, "kisumu@demo.local");
    await page.goto(`${memberUrl}/erase`);
    await expectAccessible(page, "erase confirmation");
    await Promise.all([page.waitForURL(/notice=erased/), page.locator("main button.danger").click()]);
    expect(await page.locator("main .notice").innerText()).toContain("amefutwa");
    expect((await page.goto(memberUrl))?.status()).toBe(404);
    await page.goto(`${baseUrl()}/org/members?q=${encodeURIComponent(name)}`);
    expect(await page.locator("main ul.members li").count()).toBe(0);
    const dir = inject("stateDir");
    const tables = ["members", "consents", "screenings", "screening_results", "enrollments", "enrollment_events", "tasks"];
    const left = queryLocalD1(dir, `SELECT ${tables.map((t) => `(SELECT count(*) FROM ${t} WHERE ${t === "members" ? "id" : "member_id"} = '${memberId}') AS ${t}`).join(", ")}`)[0];
    expect(left).toEqual(Object.fromEntries(tables.map((t) => [t, 0])));
    const log = queryLocalD1(dir, `SELECT action, fields FROM audit_log WHERE entity_id = '${memberId}'`);
    expect(log.map((l) => l.action)).toContain("member.erase");
    expect(JSON.stringify(log)).not.toContain(name);
    await admin.goto(`${baseUrl()}/org/users`);
    await expectAccessible(admin, "team");
    await page.context().close();
    await admin.context().close();
  });

  it("imports a member list: upload, suggested mapping, dry run with its bad row, apply (Kiswahili, the plain form)", async () => {
    const page = await phone(browser);
    await signInOrg(page, "kisumu@demo.local");
    await page.goto(`${baseUrl()}/org/imports`);
    await expectAccessible(page, "imports");
    const stamp = Date.now().toString(36).toUpperCase();
    const csv = `\ufeffNambari ya mwanachama;Jina;Simu;Jinsia\r\nIMP-${stamp}-1;Akinyi Import;0712 555 001;Mwanamke\r\nIMP-${stamp}-2;Moraa Import;;F\r\nIMP-${stamp}-3;Bad Phone;12;F\r\n`;
    await page.setInputFiles("#im-file", { name: "orodha.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
    await Promise.all([page.waitForURL(/\/org\/imports\/[^/]+$/), page.click("main button.primary")]);
    expect(await page.locator("#col-0").inputValue()).toBe("member_no");
    expect(await page.locator("#col-3").inputValue()).toBe("fact:sex");
    await expectAccessible(page, "import mapping");
    await page.click("main form[action$='/check'] button.primary");
    await expect.poll(async () => (await page.reload(), page.locator("#sum-h").count()), { timeout: 30_000 }).toBe(1);
    const summary = await page.locator("section[aria-labelledby=sum-h]").innerText();
    expect(summary).toMatch(/2\s+wanachama wapya/);
    expect(summary).toMatch(/1\s+safu zenye makosa/);
    // Each bad row's problem, with its line and column, in her words.
    await page.locator("section[aria-labelledby=sum-h] details summary").click();
    expect(await page.locator("section[aria-labelledby=sum-h] details li").allInnerTexts()).toEqual(["mstari 4 · Simu: hii si nambari ya simu ya nchi hii"]);
    await expectAccessible(page, "import summary");
    await page.click("main form[action$='/apply'] button.primary");
    await expect.poll(async () => (await page.reload(), page.locator("main p.notice").innerText().catch(() => "")), { timeout: 30_000 }).toContain("Imeingizwa");
    await page.goto(`${baseUrl()}/org/members?q=${encodeURIComponent("import")}`);
    const found = await page.locator("main ul.members li").allInnerTexts();
    expect(found.filter((t) => t.includes(`IMP-${stamp}`))).toHaveLength(2);
    expect(found.join()).toContain("idhini inahitajika");
    await page.context().close();
  });

  it("reads a spreadsheet (.xlsx) in the organizer's browser and imports its rows", async () => {
    const { default: writeXlsxFile } = await import("write-excel-file/node");
    const stamp = Date.now().toString(36).toUpperCase();
    const xlsx = await writeXlsxFile([
      [{ value: "Member number" }, { value: "Name" }, { value: "Date of birth" }, { value: "Sex" }],
      [{ value: `XL-${stamp}-1` }, { value: "Excel Achieng" }, { value: new Date(Date.UTC(1985, 4, 17)), format: "dd/mm/yyyy", type: Date }, { value: "F" }],
      [{ value: `XL-${stamp}-2` }, { value: "Excel Wanjiku" }, { value: "" }, { value: "female" }],
    ] as never).toBuffer();
    const page = await phone(browser);
    await signInOrg(page, "kisumu@demo.local");
    await page.goto(`${baseUrl()}/org/imports`);
    await page.setInputFiles("#im-file", { name: "orodha.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: xlsx });
    await Promise.all([page.waitForURL(/\/org\/imports\/[^/]+$/), page.click("main button.primary")]);
    expect(await page.locator("main").innerText()).toContain("xlsx");
    expect(await page.locator("#col-2").inputValue()).toBe("fact:birth_date");
    await page.click("main form[action$='/check'] button.primary");
    await expect.poll(async () => (await page.reload(), page.locator("#sum-h").count()), { timeout: 30_000 }).toBe(1);
    expect(await page.locator("section[aria-labelledby=sum-h]").innerText()).toMatch(/2\s+wanachama wapya/);
    await page.click("main form[action$='/apply'] button.primary");
    await expect.poll(async () => (await page.reload(), page.locator("main p.notice").innerText().catch(() => "")), { timeout: 30_000 }).toContain("Imeingizwa");
    const row = queryLocalD1(inject("stateDir"), `SELECT facts FROM members WHERE member_no = 'XL-${stamp}-1'`)[0]!;
    expect(JSON.parse(String(row.facts))).toEqual({ birth_date: "1985-05-17", sex: "female" });
    expect(pageErrors.get(page)).toEqual([]);
    await page.context().close();
  });
});
