/**
 * Importing member lists through the API and the jobs Queue (miniflare, as deployed), against real D1: a corpus of
 * real-world-shaped files with their exact outcomes, bad rows that never block good ones, the bad-rows file,
 * erased members blocked, possible duplicates left to a person, scope, idempotence (a property), and a resumed
 * apply after a failure equal to an uninterrupted one.
 */
import { env } from "cloudflare:test";
import fc from "fast-check";
import { drizzle } from "drizzle-orm/d1";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../../src/db/queries";
import { parseTable } from "../../../src/members/import/parse";
import { applyChunk, checkChunk, createImport, findImport, startApply, startCheck } from "../../../src/members/import/service";
import { PACKS } from "../../../src/rules/generated/index";
import { call } from "../../helpers/http";
import { as, IDS, seedWorkspace, signIn } from "../../helpers/workspace";

let admin: string;
let kisumu: string;
beforeAll(async () => {
  await seedWorkspace();
  admin = await signIn("admin");
  kisumu = await signIn("kisumu");
});

function upload(cookie: string, body: string, query = "") {
  return call(`/api/imports?file_name=list.csv${query}`, { method: "POST", headers: { cookie, origin: "http://127.0.0.1:8787", "content-type": "text/csv" }, body });
}

async function until(cookie: string, id: string, status: string) {
  for (let i = 0; i < 200; i++) {
    const r = await as(cookie, `/api/imports/${id}`);
    if (r.body.status === status) return r.body;
    await new Promise((res) => setTimeout(res, 50));
  }
  throw new Error(`import ${id} never reached ${status}`);
}

async function dryRun(cookie: string, csv: string, mapping?: Record<string, unknown>, query = "") {
  const up = await upload(cookie, csv, query);
  expect(up.status, JSON.stringify(up.body)).toBe(201);
  const check = await as(cookie, `/api/imports/${up.body.id}/check`, "POST", mapping ?? { columns: up.body.suggested, default_cluster: IDS.kisumu });
  expect(check.status, JSON.stringify(check.body)).toBe(202);
  return { upload: up.body, checked: await until(cookie, up.body.id, "checked") };
}

async function applyAll(cookie: string, id: string, body: Record<string, unknown> = {}) {
  expect((await as(cookie, `/api/imports/${id}/apply`, "POST", body)).status).toBe(202);
  return until(cookie, id, "applied");
}

const members = async (network = IDS.ke) =>
  (await env.DB.prepare("SELECT member_no, name, phone, cluster_id, facts, consent_state FROM members WHERE network_id = ? ORDER BY member_no").bind(network).all()).results;

const EXCEL = "\ufeffMember No;Name;Phone;Sex;Date of birth;Income\r\nIMP-1;Achieng Otieno;0712 000 001;F;15/03/1980;6.000\r\nIMP-2;Wanjiku Kamau;712000002;Mwanamke;01/01/1990;\r\nIMP-3;Bad Date;;F;31/02/1990;\r\nIMP-4;Nafula Wekesa;;Female;;3.250,50\r\n;;;;;\r\n";

describe("a list saved by Excel (BOM, semicolons, decimal commas)", () => {
  it("dry run: exact outcomes; bad rows alone as CSV; apply: members with consent needed; the same file again changes nothing", async () => {
    const { upload: up, checked } = await dryRun(admin, EXCEL);
    expect(up.encoding).toBe("utf-8-bom");
    expect(up.suggested).toEqual({ 0: "member_no", 1: "name", 2: "phone", 3: "fact:sex", 4: "fact:birth_date", 5: "fact:monthly_income" });
    expect(checked.summary).toMatchObject({ new: 3, update: 0, unchanged: 0, error: 1 });
    const bad = await call(`/api/imports/${up.id}/errors.csv`, { headers: { cookie: admin } });
    expect(bad.headers.get("content-type")).toMatch(/text\/csv/);
    const lines = String(bad.body).replace(/^\ufeff/, "").trim().split("\r\n");
    expect(lines).toEqual(["line_in_file,problems,Member No,Name,Phone,Sex,Date of birth,Income", "4,line 4 · Date of birth: “31/02/1990” cannot be read here,IMP-3,Bad Date,,F,31/02/1990,"]);

    await applyAll(admin, up.id);
    const after = (await members()).filter((m) => String(m.member_no).startsWith("IMP-"));
    expect(after.map((m) => [m.member_no, m.phone, m.consent_state, JSON.parse(String(m.facts))])).toEqual([
      ["IMP-1", "+254712000001", "needed", { sex: "female", birth_date: "1980-03-15", monthly_income: 6000 }],
      ["IMP-2", "+254712000002", "needed", { sex: "female", birth_date: "1990-01-01" }],
      ["IMP-4", null, "needed", { sex: "female", monthly_income: 3250.5 }],
    ]);
    // A member who has not consented cannot be screened.
    const id = (await env.DB.prepare("SELECT id FROM members WHERE member_no = 'IMP-1'").first<{ id: string }>())!.id;
    expect((await as(admin, `/api/members/${id}/screenings`, "POST", {})).body.error.code).toBe("consent_required");

    const before = await members();
    const again = await dryRun(admin, EXCEL);
    expect(again.checked.summary).toMatchObject({ new: 0, update: 0, unchanged: 3, error: 1 });
    await applyAll(admin, again.upload.id);
    expect(await members()).toEqual(before);
  });

  it("a re-import fills blanks by default and overwrites only when asked", async () => {
    await applyAll(admin, (await dryRun(admin, "No,Name,Income\nFILL-1,Moraa Nyaboke,\n")).upload.id);
    await applyAll(admin, (await dryRun(admin, "No,Name,Income\nFILL-1,Moraa N.,5000\n")).upload.id);
    let row = (await members()).find((m) => m.member_no === "FILL-1")!;
    expect([row.name, JSON.parse(String(row.facts)).monthly_income]).toEqual(["Moraa Nyaboke", 5000]);
    const up = await upload(admin, "No,Name,Income\nFILL-1,Moraa Nyaboke Onsongo,7000\n");
    await as(admin, `/api/imports/${up.body.id}/check`, "POST", { columns: up.body.suggested, default_cluster: IDS.kisumu, overwrite: true });
    await until(admin, up.body.id, "checked");
    await applyAll(admin, up.body.id);
    row = (await members()).find((m) => m.member_no === "FILL-1")!;
    expect([row.name, JSON.parse(String(row.facts)).monthly_income]).toEqual(["Moraa Nyaboke Onsongo", 7000]);
  });
});

describe("saved mappings", () => {
  it("the next file with the same headers gets the mapping the organizer confirmed last", async () => {
    const first = await upload(admin, "Code,Woman,Earnings in a month\nSAVE-1,Asha Ali,4000\n");
    // Nothing reads these headers; she maps them herself.
    expect(first.body.suggested).toEqual({});
    const mapping = { columns: { 0: "member_no", 1: "name", 2: "fact:monthly_income" }, default_cluster: IDS.kisumu };
    await as(admin, `/api/imports/${first.body.id}/check`, "POST", mapping);
    await until(admin, first.body.id, "checked");
    const second = await upload(admin, "Code,Woman,Earnings in a month\nSAVE-2,Halima Juma,3000\n");
    expect(second.body.suggested).toEqual({ 0: "member_no", 1: "name", 2: "fact:monthly_income" });
  });
});

describe("exports of KoboToolbox and ODK Central", () => {
  it("Kobo: meta columns and hashtag row left out, group paths read, consent column honoured", async () => {
    const kobo = [
      '"start";"grp_a1/member_no";"grp_a1/full_name";"grp_a1/consent";"_id";"_uuid";"_submission_time";"_validation_status";"_index"',
      '"";"#id";"#name";"#consent";"";"";"";"";""',
      '"2026-01-05T10:00:00.000+03:00";"KOBO-1";"Akinyi Odhiambo";"yes";"1";"u1";"2026-01-05T07:05:00";"";"1"',
      '"2026-01-05T10:00:00.000+03:00";"";"";"no";"2";"u2";"2026-01-05T07:06:00";"";"2"',
    ].join("\r\n");
    const { upload: up, checked } = await dryRun(admin, kobo);
    expect(up.source).toBe("kobo");
    expect(up.skipped).toEqual([{ line: 2, why: "hashtag_row" }]);
    expect(checked.summary).toMatchObject({ new: 1, blocked_refused: 1, error: 0 });
    await applyAll(admin, up.id);
    const m = await env.DB.prepare("SELECT id, consent_state FROM members WHERE member_no = 'KOBO-1'").first<{ id: string; consent_state: string }>();
    expect(m!.consent_state).toBe("given");
    const consent = await env.DB.prepare("SELECT method FROM consents WHERE member_id = ?").bind(m!.id).first();
    expect(consent).toEqual({ method: "network_records" });
  });

  it("ODK Central: only approved submissions when asked", async () => {
    const odk = "SubmissionDate,member-member_no,member-name,KEY,ReviewState\n2026-02-01T08:00:00.000Z,ODK-1,Kemunto,uuid:1,approved\n2026-01-30T08:00:00.000Z,ODK-2,Test Entry,uuid:2,rejected\n";
    const { checked } = await dryRun(admin, odk, undefined, "&approved_only=1");
    expect(checked.total_rows).toBe(1);
    expect(checked.summary.new).toBe(1);
  });
});

describe("what must not happen silently", () => {
  it("an erased member is blocked, by number or phone; possible duplicates wait for a person; a number twice in a file is an error", async () => {
    await applyAll(admin, (await dryRun(admin, "No,Name,Phone\nERA-1,Erased Woman,0733 000 111\nTWIN-1,Chebet Ruto,0733 000 222\n")).upload.id);
    const erased = (await env.DB.prepare("SELECT id FROM members WHERE member_no = 'ERA-1'").first<{ id: string }>())!.id;
    expect((await as(admin, `/api/members/${erased}`, "DELETE")).status).toBe(204);
    const { upload: up, checked } = await dryRun(admin, "No,Name,Phone\nERA-1,Erased Woman,\nERA-9,Someone,0733000111\nTWIN-2,Chebet Ruto,0733 000 222\nDUP-1,First,\nDUP-1,Second,\nTWIN-3,Chebet Ruto,\n");
    expect(checked.summary).toMatchObject({ blocked_erased: 2, possible_duplicate: 2, new: 1, error: 1 });
    // A person looked at line 7 (same name, same cluster) and found her to be a different woman; line 4 she left.
    await applyAll(admin, up.id, { include_duplicates: [7] });
    const nos = (await members()).map((m) => m.member_no);
    expect(nos).not.toContain("ERA-1");
    expect(nos).not.toContain("ERA-9");
    expect(nos).not.toContain("TWIN-2");
    expect(nos).toContain("TWIN-3");
    expect(nos.filter((n) => n === "DUP-1")).toHaveLength(1);
  });

  it("an organizer imports into her own clusters only; an advocate not at all", async () => {
    const { checked } = await dryRun(kisumu, "No,Name,Cluster\nSCOPE-1,In Kisumu,kisumu\nSCOPE-2,In Nairobi,nairobi\n");
    expect(checked.summary).toMatchObject({ new: 1, error: 1 });
    expect((await upload(await signIn("advocate"), "No,Name\nA,B\n")).status).toBe(403);
    expect((await as(kisumu, "/api/imports/garbage")).status).toBe(404);
  });

  it("refuses an empty file, and a form post from another site", async () => {
    expect((await upload(admin, "")).status).toBe(400);
    const evil = await call("/api/imports", { method: "POST", headers: { cookie: admin, origin: "https://evil.example", "content-type": "text/csv" }, body: "No,Name\nX,Y\n" });
    expect(evil.status).toBe(403);
  });
});

describe("idempotence and resumption (the service, chunk by chunk)", () => {
  const db = () => drizzle(env.DB) as unknown as Db;
  const ctx = () => ({ db: db(), pack: PACKS.ke!, secret: env.MEMBER_KEY_SECRET, today: new Date().toISOString().slice(0, 10), now: new Date().toISOString() });
  const snapshot = async (network: string) => (await env.DB.prepare("SELECT member_no, name, phone, cluster_id, facts, consent_state FROM members WHERE network_id = ? ORDER BY member_no").bind(network).all()).results;

  async function importFile(network: string, csv: string, interrupt?: number) {
    const table = parseTable(csv);
    const { id } = await createImport(db(), { network_id: network, user_id: "u_admin", file_name: "x.csv", encoding: "utf-8", table, now: ctx().now });
    let imp = (await findImport(db(), network, id))!;
    const checks = await startCheck(db(), imp, { columns: { 0: "member_no", 1: "name", 2: "phone", 3: "fact:monthly_income" }, default_cluster: network === IDS.ke ? IDS.kisumu : IDS.central }, ctx().now);
    imp = (await findImport(db(), network, id))!;
    for (const j of checks) await checkChunk(ctx(), imp, j.seq);
    imp = (await findImport(db(), network, id))!;
    const applies = await startApply(db(), imp, ctx().now);
    imp = (await findImport(db(), network, id))!;
    // A failure after `interrupt` chunks: the Queue delivers the rest again, and the first ones again too.
    for (const j of applies.slice(0, interrupt ?? applies.length)) await applyChunk(ctx(), imp, j.seq, "u_admin");
    if (interrupt !== undefined) for (const j of applies) await applyChunk(ctx(), imp, j.seq, "u_admin");
    return (await findImport(db(), network, id))!;
  }

  it("import(x); import(x) ≡ import(x), for random lists (fast-check)", async () => {
    const row = fc.record({ no: fc.integer({ min: 1, max: 30 }), name: fc.constantFrom("Achieng", "Wanjiku Kamau", "Moraa", "", "Zawadi Ali"), phone: fc.constantFrom("", "0712000100", "0712000101", "bad"), income: fc.constantFrom("", "5000", "-3", "8,000") });
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 25 }), async (rows) => {
        run += 1;
        const network = `prop_${run}`;
        await env.DB.batch([
          env.DB.prepare("INSERT INTO networks (id, code, name, country, languages, created_at) VALUES (?, ?, ?, 'ke', '[\"en\",\"sw\"]', '2026-01-01')").bind(network, network, network),
          env.DB.prepare("INSERT INTO clusters (id, network_id, code, name) VALUES (?, ?, 'c', 'C')").bind(`${network}_c`, network),
        ]);
        const csv = `No,Name,Phone,Income\n${rows.map((r) => `P-${r.no},${r.name},${r.phone},"${r.income}"`).join("\n")}\n`;
        const first = await importFileIn(network, csv);
        const once = await snapshot(network);
        await importFileIn(network, csv);
        expect(await snapshot(network)).toEqual(once);
        expect(first.status).toBe("applied");
      }),
      { numRuns: 12 },
    );
    async function importFileIn(network: string, csv: string) {
      const table = parseTable(csv);
      const { id } = await createImport(db(), { network_id: network, user_id: "u_admin", file_name: "x.csv", encoding: "utf-8", table, now: ctx().now });
      let imp = (await findImport(db(), network, id))!;
      for (const j of await startCheck(db(), imp, { columns: { 0: "member_no", 1: "name", 2: "phone", 3: "fact:monthly_income" }, default_cluster: `${network}_c` }, ctx().now)) await checkChunk(ctx(), (await findImport(db(), network, id))!, j.seq);
      imp = (await findImport(db(), network, id))!;
      for (const j of await startApply(db(), imp, ctx().now)) await applyChunk(ctx(), (await findImport(db(), network, id))!, j.seq, "u_admin");
      return (await findImport(db(), network, id))!;
    }
  }, 120_000);

  it("an apply that stops half-way and is delivered again equals an uninterrupted one", async () => {
    const csv = `No,Name,Phone,Income\n${Array.from({ length: 600 }, (_, i) => `R-${i},Member ${i},,${1000 + i}`).join("\n")}\n`;
    await env.DB.batch([
      env.DB.prepare("INSERT INTO networks (id, code, name, country, languages, created_at) VALUES ('net_a', 'a', 'A', 'ke', '[\"en\"]', '2026-01-01'), ('net_b', 'b', 'B', 'ke', '[\"en\"]', '2026-01-01')"),
      env.DB.prepare("INSERT INTO clusters (id, network_id, code, name) VALUES ('net_a_c', 'net_a', 'c', 'C'), ('net_b_c', 'net_b', 'c', 'C')"),
    ]);
    const whole = await importOnce("net_a", csv);
    const resumed = await importOnce("net_b", csv, 1);
    expect(whole.chunks).toBe(3);
    expect([whole.status, resumed.status]).toEqual(["applied", "applied"]);
    const strip = (rows: Record<string, unknown>[]) => rows.map(({ cluster_id: _c, ...r }) => r);
    expect(strip(await snapshot("net_b"))).toEqual(strip(await snapshot("net_a")));
    expect((await snapshot("net_b")).length).toBe(600);

    async function importOnce(network: string, file: string, interrupt?: number) {
      const table = parseTable(file);
      const { id } = await createImport(db(), { network_id: network, user_id: "u_admin", file_name: "x.csv", encoding: "utf-8", table, now: ctx().now });
      for (const j of await startCheck(db(), (await findImport(db(), network, id))!, { columns: { 0: "member_no", 1: "name", 2: "phone", 3: "fact:monthly_income" }, default_cluster: `${network}_c` }, ctx().now)) await checkChunk(ctx(), (await findImport(db(), network, id))!, j.seq);
      const applies = await startApply(db(), (await findImport(db(), network, id))!, ctx().now);
      for (const j of applies.slice(0, interrupt ?? applies.length)) await applyChunk(ctx(), (await findImport(db(), network, id))!, j.seq, "u_admin");
      if (interrupt !== undefined) {
        expect((await findImport(db(), network, id))!.status).toBe("applying");
        for (const j of applies) await applyChunk(ctx(), (await findImport(db(), network, id))!, j.seq, "u_admin");
      }
      return (await findImport(db(), network, id))!;
    }
  }, 120_000);
  void importFile;
});
