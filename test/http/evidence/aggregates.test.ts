/**
 * The evidence's SQL aggregates against the engine run member by member (test/helpers/evidence-peer.ts), on a
 * generated network written through the real API: members added with and without statistics consent, screened,
 * their applications moved, facts changed and screened again, consent withdrawn, one erased. The derived tables
 * are kept by triggers, so every write path above must leave them right: the figures must be the peer's exactly,
 * before suppression, for every breakdown.
 */
import { env } from "cloudflare:test";
import { drizzle } from "drizzle-orm/d1";
import { beforeAll, describe, expect, it } from "vitest";
import { aggregates } from "../../../src/db/evidence";
import type { Db } from "../../../src/db/queries";
import { breakdownSql, functionsOf, schemesInForce } from "../../../src/evidence/catalogue";
import { BREAKDOWNS, type Breakdown } from "../../../src/evidence/types";
import { getEngine, getPack } from "../../../src/rules/registry";
import { peerAggregates, type PeerEvent, type PeerMember } from "../../helpers/evidence-peer";
import { addMember, as, CONSENT, IDS, seedWorkspace, signIn, TODAY } from "../../helpers/workspace";

const ke = getPack("ke")!;
const engine = getEngine("ke")!;
const schemes = schemesInForce(ke, TODAY).map(({ scheme }) => ({ id: scheme.id, functions: functionsOf(scheme) }));
const months = Array.from({ length: 6 }, (_, i) => {
  const d = new Date(`${TODAY.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - 5 + i);
  return d.toISOString().slice(0, 7);
});
const db = () => drizzle(env.DB) as unknown as Db;

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = rng(20261202);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const daysAgo = (n: number) => new Date(Date.parse(`${TODAY}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

function facts(): Record<string, unknown> {
  const f: Record<string, unknown> = {};
  if (rand() < 0.9) f.age = Math.floor(16 + rand() * 60);
  else if (rand() < 0.5) f.birth_date = `${1950 + Math.floor(rand() * 50)}-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 9)}`;
  if (rand() < 0.9) f.sex = rand() < 0.9 ? "female" : "male";
  if (rand() < 0.9) f.worker_type = rand() < 0.5 ? "homeworker" : "self_employed";
  if (rand() < 0.9) f.residency_status = "citizen";
  if (rand() < 0.8) f.has_national_id = rand() < 0.8;
  if (rand() < 0.8) f.monthly_income = Math.floor(rand() * 40) * 500;
  if (rand() < 0.5) f.region = pick(["kisumu", "nairobi", "turkana"]);
  return f;
}

let admin = "";
beforeAll(async () => {
  await seedWorkspace();
  admin = await signIn("admin");
  const ids: string[] = [];
  for (let i = 0; i < 36; i++) {
    const stats = rand() < 0.8;
    const id = await addMember(admin, {
      cluster_id: rand() < 0.5 ? IDS.kisumu : IDS.nairobi,
      facts: facts(),
      consent: { ...CONSENT, purposes: stats ? ["screening", "follow_up", "statistics"] : ["screening", "follow_up"] },
    });
    ids.push(id);
    // Most are screened; a few never are (they are not counted until screened or enrolled).
    if (rand() < 0.9) expect((await as(admin, `/api/members/${id}/screenings`, "POST", { date: TODAY })).status).toBe(201);
  }
  // Applications along the state machine, backdated so that the moves have durations and months.
  const paths = [
    ["gathering_documents"],
    ["gathering_documents", "ready_to_apply", "applied"],
    ["applied", "enrolled"],
    ["applied", "rejected"],
    ["applied", "enrolled", "lapsed"],
    ["applied", "rejected", "appealed"],
    ["declined"],
  ];
  let cases = 0;
  for (const id of ids) {
    if (rand() < 0.35) continue;
    for (const scheme of ["sha", "nssf_haba_haba", "nhif"]) {
      if (rand() < 0.5) continue;
      // Every path in turn, so that each rung and move is there to be counted.
      const path = paths[cases++ % paths.length]!;
      let ago = 20 + Math.floor(rand() * 120);
      for (const to of path) {
        const r = await as(admin, `/api/members/${id}/enrollments/${scheme}`, "PUT", {
          to,
          occurred_on: daysAgo(ago),
          ...(to === "gathering_documents" || to === "declined" || to === "rejected" ? { barrier: pick(["documents_missing", "office_too_far", "contribution_unaffordable"]) } : {}),
          ...(to === "enrolled" ? { verification: "document_seen" } : {}),
        });
        expect(r.status, JSON.stringify(r.body)).toBeLessThan(300);
        ago -= 1 + Math.floor(rand() * 15);
      }
    }
  }
  // Facts change and she is screened again; a consent withdrawn (she leaves the statistics); one member erased.
  expect((await as(admin, `/api/members/${ids[0]}`, "PATCH", { facts: { has_national_id: false, worker_type: "self_employed" } })).status).toBe(200);
  expect((await as(admin, `/api/members/${ids[0]}/screenings`, "POST", { date: TODAY })).status).toBe(201);
  const view = await as(admin, `/api/members/${ids[1]}`);
  expect((await as(admin, `/api/members/${ids[1]}/consents/${view.body.consents[0].id}/withdrawal`, "POST", { channel: "organizer", effect: "leave_statistics" })).status).toBe(200);
  expect((await as(admin, `/api/members/${ids[2]}`, "DELETE")).status).toBeLessThan(300);
}, 240_000);

async function peerInput(): Promise<{ members: PeerMember[]; events: PeerEvent[] }> {
  const rows = (await env.DB.prepare("SELECT id, cluster_id, facts, consent_state, stats_consent FROM members WHERE network_id = ?").bind(IDS.ke).all()).results as {
    id: string;
    cluster_id: string;
    facts: string;
    consent_state: string;
    stats_consent: number;
  }[];
  const enrollments = (await env.DB.prepare("SELECT member_id, scheme, state, barrier FROM enrollments WHERE network_id = ?").bind(IDS.ke).all()).results as { member_id: string; scheme: string; state: string; barrier: string | null }[];
  const latest = (await env.DB.prepare("SELECT s.member_id, s.facts, s.date FROM screenings s WHERE s.id IN (SELECT screening_id FROM screening_results WHERE latest = 1)").all()).results as { member_id: string; facts: string; date: string }[];
  const screening = new Map(latest.map((s) => [s.member_id, { facts: JSON.parse(s.facts), date: s.date }]));
  const events = (await env.DB.prepare("SELECT member_id, scheme, from_state, to_state, occurred_on, recorded_at FROM enrollment_events").all()).results as unknown as PeerEvent[];
  return {
    members: rows.map((m) => ({
      id: m.id,
      cluster_id: m.cluster_id,
      counted: m.consent_state === "given" && m.stats_consent === 1,
      facts: JSON.parse(m.facts),
      screening: screening.get(m.id) ?? null,
      enrollments: Object.fromEntries(enrollments.filter((e) => e.member_id === m.id).map((e) => [e.scheme, { state: e.state, barrier: e.barrier }])),
    })),
    events,
  };
}

const asMap = <T>(rows: T[], key: (r: T) => string, value: (r: T) => unknown) => new Map(rows.map((r) => [key(r), value(r)]));
const sorted = <V>(m: Map<string, V>) => [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

describe("the SQL aggregates equal the engine run member by member", () => {
  for (const by of [null, ...BREAKDOWNS] as (Breakdown | null)[]) {
    it(`by ${by ?? "nothing"}`, async () => {
      const { members, events } = await peerInput();
      const peer = peerAggregates(engine, members, events, { today: TODAY, schemes, by, months });
      const sql = await aggregates(db(), { scope: { network_id: IDS.ke, clusters: "all" }, today: TODAY, schemes, breakdown: breakdownSql(by, TODAY), months });
      // Enough happened for the comparison to mean something.
      expect([...peer.members.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(15);
      expect(peer.reasons.size).toBeGreaterThan(0);
      expect(peer.moves.size).toBeGreaterThan(0);
      for (const state of ["enrolled", "lapsed", "applied", "appealed", "gathering_documents", "declined"]) expect([...peer.states.keys()].some((k) => k.endsWith(`|${state}`)), state).toBe(true);
      expect(sorted(sql.members)).toEqual(sorted(peer.members));
      expect(sorted(asMap(sql.schemeRungs, ([s, k, c]) => `${s}|${k}|${c}`, (r) => r[3]))).toEqual(sorted(peer.schemeRungs));
      expect(sorted(asMap(sql.functionRungs, ([f, k, c]) => `${f}|${k}|${c}`, (r) => r[3]))).toEqual(sorted(peer.functionRungs));
      expect([sql.anyCovered, sql.anyLegal]).toEqual([peer.anyCovered, peer.anyLegal]);
      expect(sorted(asMap(sql.reasons, ([s, c]) => `${s}|${c}`, ([, , any, only]) => [any, only]))).toEqual(sorted(peer.reasons));
      expect(sorted(asMap(sql.barriers, ([s, b]) => `${s}|${b}`, (r) => r[2]))).toEqual(sorted(peer.barriers));
      expect(sorted(asMap(sql.states, ([s, st]) => `${s}|${st}`, (r) => r[2]))).toEqual(sorted(peer.states));
      expect(sorted(asMap(sql.moves, ([s, f, t, d]) => `${s}|${f}|${t}|${d}`, (r) => r[4]))).toEqual(sorted(peer.moves));
      expect(sorted(asMap(sql.rejections, ([s]) => s, ([, a, r]) => [a, r]))).toEqual(sorted(peer.rejections));
      expect(sorted(asMap(sql.trend, ([m, s]) => `${m}|${s}`, (r) => r[2]))).toEqual(sorted(peer.trend));
    });
  }

  it("an organizer's scope of clusters counts only those clusters", async () => {
    const all = await aggregates(db(), { scope: { network_id: IDS.ke, clusters: "all" }, today: TODAY, schemes, breakdown: breakdownSql("cluster", TODAY), months });
    const kisumu = await aggregates(db(), { scope: { network_id: IDS.ke, clusters: [IDS.kisumu] }, today: TODAY, schemes, breakdown: breakdownSql("cluster", TODAY), months });
    expect([...kisumu.members.keys()]).toEqual([IDS.kisumu]);
    expect(kisumu.members.get(IDS.kisumu)).toBe(all.members.get(IDS.kisumu));
  });

  it("another network's figures hold none of these members", async () => {
    const th = await aggregates(db(), { scope: { network_id: IDS.th, clusters: "all" }, today: TODAY, schemes, breakdown: breakdownSql(null, TODAY), months });
    expect(th.members.size).toBe(0);
    expect(th.schemeRungs).toEqual([]);
  });

  it("an erased member leaves no row in the derived tables", async () => {
    const left = await env.DB.prepare("SELECT (SELECT count(*) FROM coverage WHERE member_id NOT IN (SELECT id FROM members)) + (SELECT count(*) FROM evidence_moves WHERE member_id NOT IN (SELECT id FROM members)) AS n").first<{ n: number }>();
    expect(left!.n).toBe(0);
    const erasedRows = await env.DB.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'member.erase'").first<{ n: number }>();
    expect(erasedRows!.n).toBeGreaterThan(0);
  });
});
