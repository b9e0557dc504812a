/**
 * Re-screening when the rules change, against real D1 with the real queue and cron handlers (Kenya's NHIF ended on
 * 2024-09-30 and SHA began on 2024-10-01: members screened on 2024-09-15 are out of date today). Who is affected
 * (and who not), the cron starting a run that the queue carries out, the consumer writing only what changed and
 * nothing on a second delivery, enrollments never moved, follow-ups in the member's cluster, members without
 * consent to screening or erased left alone, /api/changes scoped like /api/members, and the forecast.
 */
import { createExecutionContext, createMessageBatch, createScheduledController, env, getQueueResult, waitOnExecutionContext } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import worker from "../../src/index";
import { MEMBER_TABLES } from "../../src/db/members";
import { scanPage, scanSql } from "../../src/db/rescreen";
import { jobsOf } from "../../src/jobs";
import type { Job, RescreenJob } from "../../src/jobs/types";
import { inForceKey, versionsInForce } from "../../src/members/changes";
import { forecast, noticeIfRulesChanged } from "../../src/members/rescreen";
import { getEngine, getPack } from "../../src/rules/registry";
import { ACCOUNTS, addMember, as, CONSENT, IDS, seedWorkspace, signIn, TODAY, type Who } from "../helpers/workspace";

const BEFORE_SHA = "2024-09-15";
const FACTS = { age: 34, sex: "female", worker_type: "homeworker", residency_status: "citizen", region: "kisumu", has_national_id: true, monthly_income: 6000 };
const ke = getPack("ke")!;

const cookies: Partial<Record<Who, string>> = {};
beforeAll(async () => {
  await seedWorkspace();
  for (const who of Object.keys(ACCOUNTS) as Who[]) cookies[who] = await signIn(who);
});

/** A member of `who`'s cluster with facts, screened on `on` (default: before SHA). */
async function screened(who: Who = "kisumu", on: string | null = BEFORE_SHA, extra: Record<string, unknown> = {}) {
  const cluster = who === "nairobi" ? IDS.nairobi : IDS.kisumu;
  const id = await addMember(cookies[who]!, { cluster_id: cluster, facts: FACTS, ...extra });
  if (on) {
    const r = await as(cookies[who]!, `/api/members/${id}/screenings`, "POST", { date: on });
    expect(r.status).toBe(201);
  }
  return id;
}

/** A run for messages these tests deliver by hand (marked finished: it must not hold back the cron's runs). */
async function newRun(): Promise<string> {
  const id = `run_${crypto.randomUUID()}`;
  const now = new Date().toISOString();
  await env.DB.prepare("INSERT INTO rescreen_runs (id, network_id, country, date, trigger, pack_hash, in_force_key, started_at, finished_at, scanned, chunks) VALUES (?, ?, 'ke', ?, 'cron', ?, ?, ?, ?, 1, 1)")
    .bind(id, IDS.ke, TODAY, ke.hash, inForceKey(ke, TODAY), now, now)
    .run();
  return id;
}

let n = 0;
/** Delivers one message to the Worker's queue handler, as the queue would. */
async function deliver(body: RescreenJob) {
  const batch = createMessageBatch<Job>("hbw-jobs", [{ id: `m${++n}`, timestamp: new Date(), attempts: 1, body }]);
  const ctx = createExecutionContext();
  await worker.queue(batch, env, ctx);
  return getQueueResult(batch, ctx);
}

async function chunk(memberIds: string[], run?: string): Promise<RescreenJob> {
  return { kind: "rescreen", step: "members", run_id: run ?? (await newRun()), network_id: IDS.ke, country: "ke", date: TODAY, n: 0, member_ids: memberIds };
}

const count = async (sql: string, ...args: unknown[]) => (await env.DB.prepare(sql).bind(...args).first<{ n: number }>())!.n;
const screenings = (id: string) => count("SELECT count(*) AS n FROM screenings WHERE member_id = ?", id);
const latest = async (id: string) => (await env.DB.prepare("SELECT scheme, status, rule_version, screening_id FROM screening_results WHERE member_id = ? AND latest = 1 ORDER BY scheme").bind(id).all<{ scheme: string; status: string; rule_version: string; screening_id: string }>()).results;
const changesOf = async (id: string) => (await env.DB.prepare("SELECT scheme, from_status, to_status, from_rule_version, to_rule_version, causes, task_kind, cluster_id FROM eligibility_changes WHERE member_id = ? ORDER BY scheme").bind(id).all<Record<string, string | null>>()).results;
const tasksOf = async (id: string) => (await env.DB.prepare("SELECT scheme, kind, status, cluster_id FROM tasks WHERE member_id = ? ORDER BY scheme, kind").bind(id).all<Record<string, string>>()).results;

/** Every row of the tables a re-screening writes, to compare before and after. */
async function snapshot() {
  const out: Record<string, unknown[]> = {};
  for (const t of ["members", "screenings", "screening_results", "eligibility_changes", "tasks", "enrollments", "enrollment_events", "audit_log"]) out[t] = (await env.DB.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()).results;
  return out;
}

/** Waits until no run is unfinished (the real queue works in the background of the test). */
async function settle() {
  for (let i = 0; i < 200; i++) {
    if ((await count("SELECT count(*) AS n FROM rescreen_runs WHERE finished_at IS NULL")) === 0) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("a run did not finish");
}

async function cron(at = Date.now()) {
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ scheduledTime: at, cron: "15 2 * * *" }), env, ctx);
  await waitOnExecutionContext(ctx);
}

const affectedNow = async () => new Set((await scanPage(env.DB, IDS.ke, inForceKey(ke, TODAY), "affected", null, 100_000)).ids);

describe("noticing who a rule change affects", () => {
  it("finds members whose latest screening used versions not in force today, and no one else, by index", async () => {
    const stale = await screened();
    const nairobi = await screened("nairobi");
    const current = await screened("kisumu", TODAY);
    const never = await screened("kisumu", null);
    const rescreenedByHand = await screened();
    await as(cookies.kisumu, `/api/members/${rescreenedByHand}/screenings`, "POST", {});
    const noConsent = await screened();
    await as(cookies.kisumu, `/api/members/${noConsent}/consents`, "POST", { ...CONSENT, purposes: ["follow_up"] });

    const found = await affectedNow();
    const mine = [stale, nairobi, current, never, rescreenedByHand, noConsent].filter((id) => found.has(id));
    expect(mine.sort()).toEqual([stale, nairobi].sort());

    // The same members as the definition says, read the slow way from every latest screening_results row: a row
    // naming a (scheme, version hash) not in force today, or a scheme in force with no row.
    const inForce = versionsInForce(ke, TODAY);
    const rows = (await env.DB.prepare("SELECT r.member_id, r.scheme, r.version_hash FROM screening_results r JOIN members m ON m.id = r.member_id WHERE m.network_id = ? AND r.latest = 1 AND m.screened_key IS NOT NULL").bind(IDS.ke).all<{ member_id: string; scheme: string; version_hash: string }>()).results;
    const byMember = new Map<string, { scheme: string; version_hash: string }[]>();
    for (const r of rows) byMember.set(r.member_id, [...(byMember.get(r.member_id) ?? []), r]);
    const consenting = new Set((await env.DB.prepare(`SELECT m.id FROM members m WHERE (SELECT c.purposes FROM consents c WHERE c.member_id = m.id AND c.withdrawn_on IS NULL ORDER BY c.recorded_at DESC LIMIT 1) LIKE '%"screening"%'`).all<{ id: string }>()).results.map((r) => r.id));
    const byDefinition = [...byMember]
      .filter(([id, rs]) => consenting.has(id) && (rs.some((r) => !inForce.some((v) => v.scheme === r.scheme && v.version_hash === r.version_hash)) || inForce.some((v) => !rs.some((r) => r.scheme === v.scheme))))
      .map(([id]) => id);
    const keyed = new Set((await env.DB.prepare("SELECT id FROM members WHERE screened_key IS NOT NULL").all<{ id: string }>()).results.map((r) => r.id));
    expect([...found].filter((id) => keyed.has(id)).sort()).toEqual(byDefinition.sort());

    // Each range is a walk along the members' index, never a scan of the table.
    for (const range of [0, 1, 2]) {
      const plan = (await env.DB.prepare(`EXPLAIN QUERY PLAN ${scanSql("affected", range)}`).bind(IDS.ke, "k", "", 10, "").all<{ detail: string }>()).results.map((r) => r.detail);
      expect(plan[0], plan.join(" | ")).toMatch(/^SEARCH m USING COVERING INDEX members_network_screened/);
      expect(plan.join(" | ")).not.toMatch(/SCAN m\b/);
    }
  });

  it("checks once a member screened before keys existed: a new screening only if her rules changed, then her key", async () => {
    const current = await screened("kisumu", TODAY);
    const stale = await screened();
    await env.DB.prepare("UPDATE members SET screened_key = NULL WHERE id IN (?, ?)").bind(current, stale).run();
    let found = await affectedNow();
    expect(found.has(current) && found.has(stale)).toBe(true);
    const result = await deliver(await chunk([current, stale]));
    expect(result.outcome).toBe("ok");
    expect(await screenings(current)).toBe(1);
    expect(await screenings(stale)).toBe(2);
    found = await affectedNow();
    expect(found.has(current) || found.has(stale)).toBe(false);
  });

  it("the first request after new rules notices them; a second changes nothing", async () => {
    const stale = await screened();
    await env.DB.prepare("UPDATE rules_state SET pack_hash = 'an-older-pack' WHERE country = 'ke'").run();
    const started = await noticeIfRulesChanged(jobsOf(env), TODAY);
    expect(started).toHaveLength(1);
    expect(await env.DB.prepare("SELECT trigger, members FROM rescreen_runs WHERE id = ?").bind(started[0]).first()).toMatchObject({ trigger: "request" });
    expect(await env.DB.prepare("SELECT pack_hash, processed_on FROM rules_state WHERE country = 'ke'").first()).toEqual({ pack_hash: ke.hash, processed_on: TODAY });
    await settle();
    expect(await screenings(stale)).toBe(2);
    expect(await noticeIfRulesChanged(jobsOf(env), TODAY)).toEqual([]);
  });
});

describe("the cron", () => {
  it("starts a run for the affected members; the queue re-screens them in the background; the next day's finds nothing", async () => {
    const a = await screened();
    const b = await screened("nairobi");
    const runsBefore = await count("SELECT count(*) AS n FROM rescreen_runs");
    await cron();
    const run = await env.DB.prepare("SELECT * FROM rescreen_runs ORDER BY started_at DESC LIMIT 1").first<{ id: string; trigger: string; date: string; in_force_key: string }>();
    expect(run).toMatchObject({ trigger: "cron", date: TODAY, in_force_key: inForceKey(ke, TODAY) });
    await settle();
    for (const id of [a, b]) {
      const s = await env.DB.prepare("SELECT recorded_by, cause, run_id, date FROM screenings WHERE member_id = ? ORDER BY recorded_at DESC LIMIT 1").bind(id).first();
      expect(s).toEqual({ recorded_by: "system", cause: "rule_change", run_id: run!.id, date: TODAY });
      const schemes = (await latest(id)).map((r) => r.scheme);
      expect(schemes).toContain("sha");
      expect(schemes).not.toContain("nhif");
    }
    const steps = await env.DB.prepare("SELECT step, members FROM rescreen_steps WHERE run_id = ? ORDER BY step, n").bind(run!.id).all();
    expect(steps.results.length).toBeGreaterThanOrEqual(2);
    await cron();
    expect(await count("SELECT count(*) AS n FROM rescreen_runs")).toBe(runsBefore + 1);
  });
});

describe("the consumer", () => {
  it("re-screens her stored facts and writes only what changed; a second delivery changes nothing", async () => {
    const stale = await screened();
    const current = await screened("kisumu", TODAY);
    const factsBefore = await env.DB.prepare("SELECT facts FROM members WHERE id = ?").bind(stale).first<{ facts: string }>();
    const currentRows = await latest(current);
    const job = await chunk([stale, current]);
    const first = await deliver(job);
    expect(first).toMatchObject({ outcome: "ok", explicitAcks: ["m" + n] });

    expect(await screenings(current)).toBe(1);
    expect(await latest(current)).toEqual(currentRows);
    expect(await screenings(stale)).toBe(2);
    const now = await latest(stale);
    expect(now.find((r) => r.scheme === "sha")).toMatchObject({ status: "eligible", rule_version: "ke/sha@2024-10-01" });
    expect(new Set(now.map((r) => r.screening_id)).size).toBe(1);
    // The evidence's derived rows follow (triggers): one per latest result, with its status; NHIF's row is gone.
    const coverage = (await env.DB.prepare("SELECT scheme, status FROM coverage WHERE member_id = ? ORDER BY scheme").bind(stale).all<{ scheme: string; status: string }>()).results;
    expect(coverage).toEqual(now.map((r) => ({ scheme: r.scheme, status: r.status })).sort((a, b) => (a.scheme < b.scheme ? -1 : 1)));
    expect(coverage.some((r) => r.scheme === "nhif")).toBe(false);
    // Her facts are as she gave them; the screening used them with covered_by from her enrollments.
    expect(await env.DB.prepare("SELECT facts FROM members WHERE id = ?").bind(stale).first()).toEqual(factsBefore);
    const used = (await env.DB.prepare("SELECT facts FROM screenings WHERE member_id = ? AND recorded_by = 'system'").bind(stale).first<{ facts: string }>())!.facts;
    expect(used).toBe(factsBefore!.facts);

    const changes = await changesOf(stale);
    expect(changes).toContainEqual(expect.objectContaining({ scheme: "nhif", from_status: "eligible", to_status: null, from_rule_version: "ke/nhif@2015-04-01", to_rule_version: null, task_kind: "no_longer_eligible" }));
    expect(changes).toContainEqual(expect.objectContaining({ scheme: "sha", from_status: null, to_status: "eligible", to_rule_version: "ke/sha@2024-10-01", task_kind: "newly_eligible" }));
    expect(await tasksOf(stale)).toEqual(
      expect.arrayContaining([
        { scheme: "nhif", kind: "no_longer_eligible", status: "open", cluster_id: IDS.kisumu },
        { scheme: "sha", kind: "newly_eligible", status: "open", cluster_id: IDS.kisumu },
      ]),
    );

    const before = await snapshot();
    const again = await deliver(job);
    expect(again.outcome).toBe("ok");
    expect(await snapshot()).toEqual(before);
    expect(await count("SELECT count(*) AS n FROM rescreen_steps WHERE run_id = ? AND step = 'members'", job.run_id)).toBe(1);
  });

  it("never moves an enrollment: an enrolled member who loses her scheme gets a review, in her own cluster", async () => {
    const id = await screened("nairobi");
    const put = (body: unknown) => as(cookies.nairobi, `/api/members/${id}/enrollments/nhif`, "PUT", body);
    expect((await put({ to: "applied", occurred_on: "2024-03-01" })).status).toBe(200);
    expect((await put({ to: "enrolled", occurred_on: "2024-04-01", verification: "document_seen" })).status).toBe(200);
    const enrollment = async () => (await env.DB.prepare("SELECT * FROM enrollments WHERE member_id = ?").bind(id).all()).results;
    const events = async () => (await env.DB.prepare("SELECT * FROM enrollment_events WHERE member_id = ?").bind(id).all()).results;
    const [e0, ev0] = [await enrollment(), await events()];
    expect((await deliver(await chunk([id]))).outcome).toBe("ok");
    expect(await enrollment()).toEqual(e0);
    expect(await events()).toEqual(ev0);
    // The facts used are hers, with covered_by as the workspace knows it: the scheme she is enrolled in.
    const used = await env.DB.prepare("SELECT s.facts AS used, m.facts FROM screenings s JOIN members m ON m.id = s.member_id WHERE s.member_id = ? AND s.recorded_by = 'system'").bind(id).first<{ used: string; facts: string }>();
    expect(JSON.parse(used!.used)).toEqual({ ...JSON.parse(used!.facts), covered_by: ["nhif"] });
    expect(await tasksOf(id)).toEqual(
      expect.arrayContaining([
        { scheme: "nhif", kind: "enrollment_review", status: "open", cluster_id: IDS.nairobi },
        { scheme: "sha", kind: "newly_eligible", status: "open", cluster_id: IDS.nairobi },
      ]),
    );
    // On the Nairobi organizer's list of what is due this week, and not on Kisumu's.
    const due = async (who: Who) => (await as(cookies[who], "/api/follow-ups")).body.due.filter((t: { member_id: string }) => t.member_id === id).map((t: { kind: string }) => t.kind);
    expect(await due("nairobi")).toEqual(["enrollment_review"]);
    expect(await due("kisumu")).toEqual([]);
  });

  it("leaves alone a member whose consent no longer covers screening, and one erased after the message was sent", async () => {
    const noConsent = await screened();
    await as(cookies.kisumu, `/api/members/${noConsent}/consents`, "POST", { ...CONSENT, purposes: ["follow_up"] });
    const erased = await screened();
    const job = await chunk([noConsent, erased]);
    expect((await as(cookies.kisumu, `/api/members/${erased}`, "DELETE")).status).toBe(204);
    expect((await deliver(job)).outcome).toBe("ok");
    expect(await screenings(noConsent)).toBe(1);
    expect(await changesOf(noConsent)).toEqual([]);
    for (const t of MEMBER_TABLES) expect(await count(`SELECT count(*) AS n FROM ${t} WHERE ${t === "members" ? "id" : "member_id"} = ?`, erased), t).toBe(0);
  });

  it("erasing a member erases her eligibility changes too", async () => {
    const id = await screened();
    await deliver(await chunk([id]));
    expect((await changesOf(id)).length).toBeGreaterThan(0);
    expect((await as(cookies.kisumu, `/api/members/${id}`, "DELETE")).status).toBe(204);
    expect(await count("SELECT count(*) AS n FROM eligibility_changes WHERE member_id = ?", id)).toBe(0);
  });

  it("cancels a follow-up a later change supersedes", async () => {
    const id = await screened();
    await deliver(await chunk([id]));
    // She is screened on the old date again by hand (an organizer's what-if): a later run finds her again.
    await as(cookies.kisumu, `/api/members/${id}/screenings`, "POST", { date: BEFORE_SHA });
    await deliver(await chunk([id]));
    const tasks = await tasksOf(id);
    expect(tasks.filter((t) => t.scheme === "sha" && t.kind === "newly_eligible").map((t) => t.status).sort()).toEqual(["cancelled", "open"]);
  });
});

describe("GET /api/changes", () => {
  it("is scoped like /api/members: her clusters for an organizer, the network for an admin, nothing for an advocate", async () => {
    const kisumu = await screened();
    const nairobi = await screened("nairobi");
    await deliver(await chunk([kisumu, nairobi]));
    const seen = async (who: Who | "anonymous") => {
      const r = await as(who === "anonymous" ? undefined : cookies[who], "/api/changes?limit=200");
      if (r.status !== 200) return r.status;
      expect(r.headers.get("cache-control")).toBe("no-store");
      const ids = new Set(r.body.items.map((i: { member: { id: string } }) => i.member.id));
      return [ids.has(kisumu), ids.has(nairobi)];
    };
    expect(await seen("kisumu")).toEqual([true, false]);
    expect(await seen("nairobi")).toEqual([false, true]);
    expect(await seen("admin")).toEqual([true, true]);
    expect(await seen("other_admin")).toEqual([false, false]);
    expect(await seen("advocate")).toBe(403);
    expect(await seen("anonymous")).toBe(401);
    // A cluster outside her reach gives nothing, not someone else's members.
    expect((await as(cookies.nairobi, `/api/changes?cluster=${IDS.kisumu}`)).body.items).toEqual([]);
    expect((await as(cookies.kisumu, "/api/changes?cursor=garbage")).status).toBe(400);
  });

  it("explains each change: the reasons in her language, the rule versions and hashes before and after, the sources", async () => {
    // Without her residence, SHA (new) needs an answer: the criterion that asks is the cause.
    const { residency_status: _r, ...facts } = FACTS;
    const id = await screened("kisumu", BEFORE_SHA, { facts });
    await deliver(await chunk([id]));
    await as(cookies.kisumu, "/api/session", "GET");
    const r = await as(cookies.kisumu, "/api/changes?limit=200");
    const sha = r.body.items.find((i: { member: { id: string }; scheme: string }) => i.member.id === id && i.scheme === "sha");
    expect(sha).toMatchObject({ from_status: null, to_status: "needs_info", to_rule_version: "ke/sha@2024-10-01", rule_event: "started", rule_date: "2024-10-01", task: { kind: "needs_information" } });
    expect(sha.to_hash).toBe(ke.schemes.find((s) => s.id === "sha")!.versions.at(-1)!.hash);
    expect(sha.reasons).toEqual([{ criterion: "lives_in_kenya", text: expect.stringContaining("Kenya") }]);
    expect(sha.sources.length).toBeGreaterThan(0);
    const nhif = r.body.items.find((i: { member: { id: string }; scheme: string }) => i.member.id === id && i.scheme === "nhif");
    expect(nhif).toMatchObject({ from_rule_version: "ke/nhif@2015-04-01", to_rule_version: null, rule_event: "ended", rule_date: "2024-09-30" });
    expect(r.body.counts.find((c: { scheme: string }) => c.scheme === "sha").needs_info).toBeGreaterThan(0);
  });
});

describe("the forecast", () => {
  it("is what the engine says on the later date, the same changes the re-screening then records", async () => {
    const id = await screened("kisumu", "2024-09-01");
    const f = await forecast(env.DB, { network_id: IDS.ke, clusters: [IDS.kisumu] }, "ke", "2024-09-01", TODAY, "en", 100_000);
    expect(f.schemes).toEqual(expect.arrayContaining(["nhif", "sha", "linda_mama"]));
    const mine = f.items.filter((i) => i.member.id === id).map((i) => i.change);
    expect(mine.find((c) => c.scheme === "sha")).toMatchObject({ from: null, to: getEngine("ke")!.evaluate(FACTS, { date: TODAY }).results.find((r) => r.scheme === "sha")!.status, task: "newly_eligible" });
    await deliver(await chunk([id]));
    const recorded = (await changesOf(id)).map((c) => ({ scheme: c.scheme, from: c.from_status, to: c.to_status, causes: JSON.parse(c.causes!), task: c.task_kind ?? undefined }));
    expect(recorded.sort((a, b) => String(a.scheme).localeCompare(String(b.scheme)))).toEqual(mine.map((c) => ({ scheme: c.scheme, from: c.from, to: c.to, causes: c.causes, task: c.task })).sort((a, b) => a.scheme.localeCompare(b.scheme)));
  });

  it("GET /api/changes/forecast wants a date after today and is scoped like the list", async () => {
    expect((await as(cookies.kisumu, `/api/changes/forecast?date=${TODAY}`)).status).toBe(400);
    expect((await as(cookies.kisumu, "/api/changes/forecast")).status).toBe(400);
    expect((await as(cookies.advocate, "/api/changes/forecast?date=2099-01-01")).status).toBe(403);
    const r = await as(cookies.kisumu, "/api/changes/forecast?date=2099-01-01");
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ today: TODAY, date: "2099-01-01" });
    expect(Array.isArray(r.body.upcoming)).toBe(true);
  });
});
