/** The member registry through the API: consent before data, the facts gate, search, erasure, screening, enrollment. */
import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { MEMBER_TABLES } from "../../../src/db/members";
import { as, addMember, CONSENT, IDS, seedWorkspace, signIn, TODAY } from "../../helpers/workspace";

let kisumu: string;
let admin: string;
beforeAll(async () => {
  await seedWorkspace();
  kisumu = await signIn("kisumu");
  admin = await signIn("admin");
});

const KENYAN_FACTS = { age: 34, sex: "female", worker_type: "homeworker", residency_status: "citizen", region: "kisumu", has_national_id: true, monthly_income: 6000 };

async function rowsNaming(id: string) {
  const counts: Record<string, number> = {};
  for (const t of MEMBER_TABLES) {
    const col = t === "members" ? "id" : "member_id";
    counts[t] = (await env.DB.prepare(`SELECT count(*) AS n FROM ${t} WHERE ${col} = ?`).bind(id).first<{ n: number }>())!.n;
  }
  return counts;
}

describe("adding a member", () => {
  it("keeps her with her consent and gives a receipt code to read back", async () => {
    const r = await as(kisumu, "/api/members", "POST", { cluster_id: IDS.kisumu, member_no: "HNK-0001", name: "Achieng Otieno", phone: "0712 345 678", lang: "sw", facts: KENYAN_FACTS, consent: CONSENT });
    expect(r.status).toBe(201);
    expect(r.body.receipt_code).toMatch(/^[2-9A-HJ-NP-Z]{6}$/);
    expect(r.body.member.phone).toBe("+254712345678");
    expect(r.headers.get("cache-control")).toBe("no-store");
    const view = await as(kisumu, `/api/members/${r.body.member.id}`);
    expect(view.body.member.facts.age).toBe(34);
    expect(view.body.consents[0].purposes).toEqual(["follow_up", "screening", "statistics"]);
    expect(view.body.consents[0].receipt_code).toBe(r.body.receipt_code);
  });

  it("refuses to keep anything without consent to screening or follow-up", async () => {
    const r = await as(kisumu, "/api/members", "POST", { cluster_id: IDS.kisumu, member_no: "HNK-NOCONSENT", name: "No Consent", lang: "sw", consent: { ...CONSENT, purposes: ["statistics"] } });
    expect(r.status).toBe(400);
    expect(r.body.error.issues[0]).toMatchObject({ path: "consent.purposes", code: "consent_required" });
    const missing = await as(kisumu, "/api/members", "POST", { cluster_id: IDS.kisumu, member_no: "HNK-NOCONSENT", name: "No Consent", lang: "sw" });
    expect(missing.status).toBe(400);
    expect(missing.body.error.issues[0].path).toBe("consent");
    const row = await env.DB.prepare("SELECT count(*) AS n FROM members WHERE member_no = 'HNK-NOCONSENT'").first<{ n: number }>();
    expect(row!.n).toBe(0);
  });

  it("keeps facts only with consent to screening, and spoken consent needs a witness", async () => {
    const r = await as(kisumu, "/api/members", "POST", { cluster_id: IDS.kisumu, member_no: "HNK-F1", name: "Follow Up Only", lang: "sw", facts: { age: 40 }, consent: { ...CONSENT, purposes: ["follow_up"] } });
    expect(r.status).toBe(400);
    expect(r.body.error.issues[0]).toMatchObject({ path: "facts", code: "consent_required" });
    const spoken = await as(kisumu, "/api/members", "POST", { cluster_id: IDS.kisumu, member_no: "HNK-F2", name: "Spoken", lang: "sw", consent: { ...CONSENT, method: "spoken_witnessed" } });
    expect(spoken.status).toBe(400);
    expect(spoken.body.error.issues[0].path).toBe("consent.witness");
  });

  it("passes her facts through the facts gate, naming the fact and the problem in the organizer's language", async () => {
    const r = await as(kisumu, "/api/members", "POST", { cluster_id: IDS.kisumu, member_no: "HNK-BAD", name: "Bad Facts", lang: "sw", facts: { age: 400, shoe_size: 5 }, consent: CONSENT });
    expect(r.status).toBe(400);
    const paths = r.body.error.issues.map((i: { path: string }) => i.path);
    expect(paths).toContain("facts.age");
    expect(paths).toContain("facts.shoe_size");
  });

  it("keeps member numbers unique in the network, and refuses clusters she does not work in", async () => {
    await as(kisumu, "/api/members", "POST", { cluster_id: IDS.kisumu, member_no: "HNK-DUP", name: "First", lang: "sw", consent: CONSENT });
    const dup = await as(kisumu, "/api/members", "POST", { cluster_id: IDS.kisumu, member_no: "HNK-DUP", name: "Second", lang: "sw", consent: CONSENT });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe("member_no_taken");
    const elsewhere = await as(kisumu, "/api/members", "POST", { cluster_id: IDS.nairobi, member_no: "HNK-NBO", name: "Nairobi", lang: "sw", consent: CONSENT });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.error.issues[0].path).toBe("cluster_id");
  });

  it("refuses a phone number that is not one", async () => {
    const r = await as(kisumu, "/api/members", "POST", { cluster_id: IDS.kisumu, member_no: "HNK-PH", name: "Phone", phone: "12", lang: "sw", consent: CONSENT });
    expect(r.status).toBe(400);
    expect(r.body.error.issues[0].path).toBe("phone");
  });
});

describe("finding members", () => {
  it("by the start of her names' words (accents and case folded), number or phone, a page at a time", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await addMember(kisumu, { name: `Wánjiku Search ${i}`, member_no: `S-${i}` }));
    const byName = await as(kisumu, "/api/members?q=wanj%20sear&limit=2");
    expect(byName.body.items.map((m: { name: string }) => m.name)).toEqual(["Wánjiku Search 0", "Wánjiku Search 1"]);
    const page2 = await as(kisumu, `/api/members?q=wanj%20sear&limit=2&cursor=${byName.body.next_cursor}`);
    expect(page2.body.items.map((m: { name: string }) => m.name)).toEqual(["Wánjiku Search 2", "Wánjiku Search 3"]);
    const page3 = await as(kisumu, `/api/members?q=wanj%20sear&limit=2&cursor=${page2.body.next_cursor}`);
    expect(page3.body.items).toHaveLength(1);
    expect(page3.body.next_cursor).toBeNull();
    const byNo = await as(kisumu, "/api/members?q=S-3");
    expect(byNo.body.items.map((m: { id: string }) => m.id)).toEqual([ids[3]]);
    expect((await as(kisumu, "/api/members?cursor=garbage")).status).toBe(400);
    // Words in any order; a word that is not in her name finds no one.
    expect((await as(kisumu, "/api/members?q=search%20w%C3%A1nj")).body.items).toHaveLength(5);
    expect((await as(kisumu, "/api/members?q=wanjiku%20otieno")).body.items).toEqual([]);
    // Her phone, as the organizer types it locally.
    const phoned = await addMember(kisumu, { name: "Phone Search", phone: "+254 733 123 456" });
    expect((await as(kisumu, "/api/members?q=0733%20123%20456")).body.items.map((m: { id: string }) => m.id)).toEqual([phoned]);
  });

  it("forgets an erased member's name in the search index too", async () => {
    const id = await addMember(kisumu, { name: "Zawadi Forgotten" });
    expect((await as(kisumu, "/api/members?q=forgotten")).body.items).toHaveLength(1);
    await as(kisumu, `/api/members/${id}`, "DELETE");
    expect((await as(kisumu, "/api/members?q=forgotten")).body.items).toEqual([]);
    const left = await env.DB.prepare("SELECT count(*) AS n FROM member_names WHERE member_names MATCH 'forgotten'").first<{ n: number }>();
    expect(left!.n).toBe(0);
  });

  it("treats % and _ in a search as letters", async () => {
    await addMember(kisumu, { name: "Percent Person" });
    expect((await as(kisumu, "/api/members?q=%25")).body.items).toEqual([]);
  });
});

describe("changing a member", () => {
  it("merges new facts into hers through the gate, and records the field names (never values) in the audit log", async () => {
    const id = await addMember(kisumu, { facts: { age: 30 } });
    const r = await as(kisumu, `/api/members/${id}`, "PATCH", { facts: { monthly_income: 5000 }, phone: "+254 700 000 001" });
    expect(r.status).toBe(200);
    const view = await as(kisumu, `/api/members/${id}`);
    expect(view.body.member.facts).toMatchObject({ age: 30, monthly_income: 5000 });
    const bad = await as(kisumu, `/api/members/${id}`, "PATCH", { facts: { age: -1 } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0].path).toBe("facts.age");
    const audit = await env.DB.prepare("SELECT action, fields FROM audit_log WHERE entity_id = ? ORDER BY id").bind(id).all<{ action: string; fields: string }>();
    const update = audit.results.find((a) => a.action === "member.update")!;
    expect(JSON.parse(update.fields).sort()).toEqual(["facts", "phone"]);
    const everything = JSON.stringify(audit.results);
    expect(everything).not.toContain("5000");
    expect(everything).not.toContain("254700000001");
  });
});

describe("consent", () => {
  it("is fixed once given: a correction is a new consent; withdrawing statistics takes her out of aggregates", async () => {
    const id = await addMember(kisumu);
    const second = await as(kisumu, `/api/members/${id}/consents`, "POST", { ...CONSENT, purposes: ["screening", "follow_up"], notice_version: "2026-02" });
    expect(second.status).toBe(201);
    const row = await env.DB.prepare("SELECT stats_consent FROM members WHERE id = ?").bind(id).first<{ stats_consent: number }>();
    expect(row!.stats_consent).toBe(0);
    const view = await as(kisumu, `/api/members/${id}`);
    expect(view.body.consents).toHaveLength(2);
    expect(view.body.consents.find((c: { notice_version: string }) => c.notice_version === "2026-01").purposes).toContain("statistics");
  });

  it("withdrawn with effect 'erase' erases her", async () => {
    const id = await addMember(kisumu);
    const view = await as(kisumu, `/api/members/${id}`);
    const r = await as(kisumu, `/api/members/${id}/consents/${view.body.consents[0].id}/withdrawal`, "POST", { channel: "phone_call", effect: "erase" });
    expect(r.status).toBe(200);
    expect(r.body.erased).toBe(true);
    expect((await as(kisumu, `/api/members/${id}`)).status).toBe(404);
  });

  it("withdrawn without erasure stops screening", async () => {
    const id = await addMember(kisumu);
    const view = await as(kisumu, `/api/members/${id}`);
    expect((await as(kisumu, `/api/members/${id}/consents/${view.body.consents[0].id}/withdrawal`, "POST", { channel: "organizer", effect: "stop_follow_up" })).status).toBe(200);
    const s = await as(kisumu, `/api/members/${id}/screenings`, "POST", { facts: KENYAN_FACTS });
    expect(s.status).toBe(409);
    expect(s.body.error.code).toBe("consent_required");
    const again = await as(kisumu, `/api/members/${id}/consents/${view.body.consents[0].id}/withdrawal`, "POST", { channel: "organizer", effect: "stop_follow_up" });
    expect(again.status).toBe(409);
  });
});

describe("assisted screening", () => {
  it("stores the facts used, the date, the rules' versions and hashes, and per scheme the status and criterion ids", async () => {
    const id = await addMember(kisumu);
    const r = await as(kisumu, `/api/members/${id}/screenings`, "POST", { facts: KENYAN_FACTS, lang: "sw" });
    expect(r.status).toBe(201);
    expect(r.body.result.lang).toBe("sw");
    const results = await env.DB.prepare("SELECT scheme, status, rule_version, version_hash, failed, unknown, latest FROM screening_results WHERE member_id = ?").bind(id).all<Record<string, string | number>>();
    expect(results.results.length).toBe(r.body.result.results.length);
    for (const row of results.results) {
      expect(row.rule_version).toMatch(/^ke\/[a-z0-9_]+@\d{4}-\d{2}-\d{2}$/);
      expect(row.version_hash).toMatch(/^[0-9a-f]{8,}$/);
      for (const ids of [JSON.parse(row.failed as string), JSON.parse(row.unknown as string)]) for (const c of ids) expect(c).toMatch(/^[a-z0-9_]+$/);
    }
    const sha = r.body.result.results.find((x: { scheme: string }) => x.scheme === "sha");
    expect(["eligible", "likely_eligible"]).toContain(sha.status);
    const screening = await env.DB.prepare("SELECT date, rules_version, facts FROM screenings WHERE member_id = ?").bind(id).first<{ date: string; rules_version: string; facts: string }>();
    expect(screening!.date).toBe(TODAY);
    expect(JSON.parse(screening!.facts).age).toBe(34);
    // A second screening becomes the latest; the first is kept.
    await as(kisumu, `/api/members/${id}/screenings`, "POST", {});
    const latest = await env.DB.prepare("SELECT count(DISTINCT screening_id) AS n, sum(latest) AS l FROM screening_results WHERE member_id = ?").bind(id).first<{ n: number; l: number }>();
    expect(latest!.n).toBe(2);
    expect(latest!.l).toBe(results.results.length);
  });

  it("lets her enrollments decide covered_by, so exclusions between schemes apply", async () => {
    // She said she has the orphan grant; the workspace follows her old-age grant: it is enrolled.
    const id = await addMember(kisumu, { facts: { ...KENYAN_FACTS, age: 72, covered_by: ["ct_ovc", "inua_jamii_opct"] } });
    await as(kisumu, `/api/members/${id}/enrollments/inua_jamii_opct`, "PUT", { to: "applied" });
    let r = await as(kisumu, `/api/members/${id}/screenings`, "POST", {});
    const usedFacts = async () => JSON.parse((await env.DB.prepare("SELECT facts FROM screenings WHERE member_id = ? ORDER BY recorded_at DESC LIMIT 1").bind(id).first<{ facts: string }>())!.facts);
    // Applied is not enrolled: the record, not what she said, decides.
    expect((await usedFacts()).covered_by).toEqual(["ct_ovc"]);
    await as(kisumu, `/api/members/${id}/enrollments/inua_jamii_opct`, "PUT", { to: "enrolled", verification: "registry_confirmed" });
    r = await as(kisumu, `/api/members/${id}/screenings`, "POST", {});
    expect((await usedFacts()).covered_by).toEqual(["ct_ovc", "inua_jamii_opct"]);
    // The orphan grant excludes members of the old-age grant: its criterion fails, as an id in the stored result.
    const ctOvc = await env.DB.prepare("SELECT failed FROM screening_results WHERE member_id = ? AND scheme = 'ct_ovc' AND latest = 1").bind(id).first<{ failed: string }>();
    expect(JSON.parse(ctOvc!.failed)).toContain("no_other_cash_transfer");
    expect(r.status).toBe(201);
  });
});

describe("the organizer's member page", () => {
  it("words each reason as the engine does, with her values and the rule's parameters filled in", async () => {
    const thai = await signIn("other_admin");
    const r = await as(thai, "/api/members", "POST", { cluster_id: IDS.central, member_no: "TH-REASON", name: "Young Member", lang: "th", facts: { age: 14 }, consent: { ...CONSENT, notice_lang: "th" } });
    expect(r.status).toBe(201);
    await as(thai, `/api/members/${r.body.member.id}/screenings`, "POST", {});
    const page = await as(thai, `/org/members/${r.body.member.id}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain("You are 14");
    expect(page.body).not.toMatch(/\{(value|min_age|max_age)\}/);
  });
});

describe("enrollment", () => {
  it("follows the state machine; anything else is a 409 naming the allowed steps", async () => {
    const id = await addMember(kisumu, { facts: KENYAN_FACTS });
    const put = (body: unknown) => as(kisumu, `/api/members/${id}/enrollments/sha`, "PUT", body);
    expect((await put({ to: "gathering_documents", occurred_on: "2026-01-10" })).body.state).toBe("gathering_documents");
    const skip = await put({ to: "enrolled", verification: "member_says" });
    expect(skip.status).toBe(409);
    expect(skip.body.error.code).toBe("transition_not_allowed");
    expect(skip.body.error.params.allowed).toEqual(["ready_to_apply", "applied", "declined"]);
    expect((await put({ to: "applied", occurred_on: "2026-01-20" })).status).toBe(200);
    const noVerification = await put({ to: "enrolled" });
    expect(noVerification.status).toBe(409);
    expect(noVerification.body.error.code).toBe("verification_required");
    const backwards = await put({ to: "enrolled", verification: "registry_confirmed", occurred_on: "2026-01-01" });
    expect(backwards.body.error.code).toBe("occurred_before_current");
    expect((await put({ to: "enrolled", verification: "registry_confirmed", occurred_on: "2026-02-01" })).status).toBe(200);
    const view = await as(kisumu, `/api/members/${id}`);
    expect(view.body.enrollments[0]).toMatchObject({ scheme: "sha", state: "enrolled", since: "2026-02-01", verification: "registry_confirmed" });
    expect(view.body.events.map((e: { from_state: string; to_state: string }) => `${e.from_state}>${e.to_state}`)).toEqual(["applied>enrolled", "gathering_documents>applied", "not_started>gathering_documents"]);
  });

  it("records the barrier of a declined, rejected or stalled case", async () => {
    const id = await addMember(kisumu, { facts: KENYAN_FACTS });
    const put = (body: unknown) => as(kisumu, `/api/members/${id}/enrollments/nssf_haba_haba`, "PUT", body);
    expect((await put({ to: "declined" })).body.error.code).toBe("barrier_required");
    expect((await put({ to: "not_started", barrier: "documents_missing" })).status).toBe(200);
    expect((await put({ to: "declined", barrier: "contribution_unaffordable" })).status).toBe(200);
    const row = await env.DB.prepare("SELECT state, barrier FROM enrollments WHERE member_id = ?").bind(id).first();
    expect(row).toEqual({ state: "declined", barrier: "contribution_unaffordable" });
  });

  it("refuses a move from a version she did not see, and unknown schemes", async () => {
    const id = await addMember(kisumu);
    const first = await as(kisumu, `/api/members/${id}/enrollments/sha`, "PUT", { to: "gathering_documents" });
    expect(first.body.version).toBe(1);
    expect((await as(kisumu, `/api/members/${id}/enrollments/sha`, "PUT", { to: "ready_to_apply", version: 1 })).status).toBe(200);
    const stale = await as(kisumu, `/api/members/${id}/enrollments/sha`, "PUT", { to: "applied", version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("changed_meanwhile");
    expect((await as(kisumu, `/api/members/${id}/enrollments/no_such_scheme`, "PUT", { to: "applied" })).status).toBe(404);
  });

  it("opens and closes follow-ups: documents to gather, an outcome to check", async () => {
    const id = await addMember(kisumu, { facts: KENYAN_FACTS });
    await as(kisumu, `/api/members/${id}/enrollments/sha`, "PUT", { to: "gathering_documents", occurred_on: TODAY });
    let view = await as(kisumu, `/api/members/${id}`);
    expect(view.body.tasks.map((t: { kind: string; status: string }) => `${t.kind}:${t.status}`)).toEqual(["documents:open"]);
    const home = await as(kisumu, "/api/follow-ups");
    expect(home.body.due.some((t: { member_id: string; kind: string }) => t.member_id === id && t.kind === "documents")).toBe(true);
    await as(kisumu, `/api/members/${id}/enrollments/sha`, "PUT", { to: "applied", occurred_on: TODAY });
    view = await as(kisumu, `/api/members/${id}`);
    expect(view.body.tasks.map((t: { kind: string; status: string }) => `${t.kind}:${t.status}`).sort()).toEqual(["check_outcome:open", "documents:done"]);
  });

  it("lists members eligible but not started, and applications waiting too long", async () => {
    const id = await addMember(kisumu, { facts: KENYAN_FACTS });
    await as(kisumu, `/api/members/${id}/screenings`, "POST", {});
    let home = await as(kisumu, "/api/follow-ups");
    expect(home.body.eligible_not_started.some((e: { member_id: string; scheme: string }) => e.member_id === id && e.scheme === "sha")).toBe(true);
    await as(kisumu, `/api/members/${id}/enrollments/sha`, "PUT", { to: "applied", occurred_on: "2025-01-01" });
    home = await as(kisumu, "/api/follow-ups");
    expect(home.body.eligible_not_started.some((e: { member_id: string; scheme: string }) => e.member_id === id && e.scheme === "sha")).toBe(false);
    expect(home.body.waiting_too_long.some((e: { member_id: string; scheme: string }) => e.member_id === id && e.scheme === "sha")).toBe(true);
  });
});

describe("erasure", () => {
  it("removes every row about her in one go, keeps an audit entry without personal data, and blocks silent re-creation", async () => {
    const r = await as(kisumu, "/api/members", "POST", { cluster_id: IDS.kisumu, member_no: "HNK-ERASE", name: "Erased Person", phone: "0711 111 111", lang: "sw", facts: KENYAN_FACTS, consent: CONSENT });
    const id = r.body.member.id;
    await as(kisumu, `/api/members/${id}/screenings`, "POST", {});
    await as(kisumu, `/api/members/${id}/enrollments/sha`, "PUT", { to: "gathering_documents" });
    // Every table names her before (eligibility changes come from a rule change: test/jobs/rescreen.test.ts erases those).
    expect(Object.entries(await rowsNaming(id)).every(([t, n]) => n > 0 || t === "eligibility_changes")).toBe(true);
    expect((await as(kisumu, `/api/members/${id}`, "DELETE")).status).toBe(204);
    expect(await rowsNaming(id)).toEqual(Object.fromEntries(MEMBER_TABLES.map((t) => [t, 0])));
    expect((await as(kisumu, `/api/members/${id}`)).status).toBe(404);
    const audit = await env.DB.prepare("SELECT * FROM audit_log WHERE entity_id = ?").bind(id).all();
    expect(audit.results.some((a) => a.action === "member.erase")).toBe(true);
    const dump = JSON.stringify(audit.results);
    for (const personal of ["Erased Person", "HNK-ERASE", "711111111", "homeworker"]) expect(dump).not.toContain(personal);
    const keys = await env.DB.prepare("SELECT key_hash FROM erased_keys").all<{ key_hash: string }>();
    expect(keys.results.every((k) => /^[0-9a-f]{64}$/.test(k.key_hash))).toBe(true);
    // She cannot come back silently, by number or by phone.
    const back = await as(kisumu, "/api/members", "POST", { cluster_id: IDS.kisumu, member_no: "HNK-ERASE", name: "Erased Person", lang: "sw", consent: CONSENT });
    expect(back.status).toBe(409);
    expect(back.body.error.code).toBe("erased_member");
    const byPhone = await as(kisumu, "/api/members", "POST", { cluster_id: IDS.kisumu, member_no: "HNK-ERASE-2", name: "Someone", phone: "+254711111111", lang: "sw", consent: CONSENT });
    expect(byPhone.body.error.code).toBe("erased_member");
    // Present again and consenting, she can be recorded knowingly.
    expect((await as(kisumu, "/api/members", "POST", { cluster_id: IDS.kisumu, member_no: "HNK-ERASE", name: "Erased Person", lang: "sw", consent: CONSENT, returning_after_erasure: true })).status).toBe(201);
  });
});

describe("the audit log", () => {
  it("records who viewed which member, readable by the network admin only, newest first", async () => {
    const id = await addMember(kisumu);
    await as(kisumu, `/api/members/${id}`);
    const log = await as(admin, `/api/audit?member=${id}`);
    expect(log.status).toBe(200);
    expect(log.body.items.map((a: { action: string }) => a.action)).toEqual(["member.view", "member.create"]);
    expect(log.body.items[0].actor_id).toBe("u_kisumu");
    expect((await as(kisumu, "/api/audit")).status).toBe(403);
  });
});
