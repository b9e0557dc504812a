/**
 * Writes the local demo's data as SQL (for `npm start`): "HomeNet Kenya (demo)" with its six clusters and about
 * 3,000 synthetic members, and a smaller "HomeNet Thailand (demo)" with three regional networks — each member with
 * a consent, facts in the one vocabulary, a screening by the real engine, and plausible enrollment histories with
 * their events and follow-ups — plus the demo accounts (README). Names and numbers are made up; the generator is
 * seeded, so every run writes the same members. Ids are fixed and rows are INSERT OR IGNORE: running it twice
 * changes nothing.
 *
 * It only writes a file; `npm start` loads it into the local D1 (`--local`). It never touches a deployed database:
 * it refuses to run with --remote, and the accounts it creates exist nowhere else.
 *
 *   tsx scripts/seed-demo.ts [out.sql] [--scale=N] [--stale=F]
 *     default out .wrangler/demo-seed.sql; N multiplies the members (10.34 gives HomeNet Kenya 31,000, as
 *     npm run bench:org and bench:rescreen use); F is the share of Kenyan members last screened on 2024-09-15,
 *     before SHA replaced NHIF (their intake and enrollments from then too): a rule change for the re-screening
 *     job to find (npm start and the page tests use 0.05, bench:rescreen 1). Without --stale the demo is as before.
 */
import { appendFileSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { hashPassword, receiptCode } from "../src/auth/password";
import type { Facts, Pack } from "../src/engine/types";
import { checkFacts, factDefs } from "../src/interview/gate";
import { addDays, followUpsFor, type EnrollmentState, type Move } from "../src/members/enrollment";
import { nameKey } from "../src/db/members";
import { getEngine } from "../src/rules/registry";
import { BARRIERS } from "../src/members/enums";
import { resultRowsOf, screeningKey } from "../src/members/changes";

if (process.argv.includes("--remote")) {
  console.error("The demo seed is for the local database only; it never runs against a deployed one.");
  process.exit(2);
}
const out = process.argv.slice(2).find((a) => a.endsWith(".sql")) ?? ".wrangler/demo-seed.sql";
const SCALE = Number(process.argv.find((a) => a.startsWith("--scale="))?.slice(8) ?? 1);
if (!(SCALE > 0)) {
  console.error("--scale must be a positive number");
  process.exit(2);
}
export const DEMO_PASSWORD = "demo-password-1";
const STALE = Number(process.argv.find((a) => a.startsWith("--stale="))?.slice(8) ?? 0);
if (!(STALE >= 0 && STALE <= 1)) {
  console.error("--stale must be a share between 0 and 1");
  process.exit(2);
}
const TODAY = new Date().toISOString().slice(0, 10);
const NOW = `${TODAY}T06:00:00.000Z`;
/** The date stale members were last screened: two weeks before SHA replaced NHIF (2024-10-01). */
const BEFORE_SHA = "2024-09-15";
/** Every n-th Kenyan member is stale (a fixed pattern, so that the other members stay as they are). */
const STALE_EVERY = STALE > 0 ? Math.max(1, Math.round(1 / STALE)) : 0;

// A small seeded generator (mulberry32): the same demo every run.
let seed = 20261202;
function rand(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const chance = (p: number) => rand() < p;
const between = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));

const q = (v: unknown): string => (v === null || v === undefined ? "NULL" : typeof v === "number" ? String(v) : typeof v === "boolean" ? (v ? "1" : "0") : `'${String(v).replace(/'/g, "''")}'`);
const lines: string[] = [];
/** Where the seed goes: written as it is made, since a large scale's SQL outgrows one string. */
let outFile = "";
function flush(): void {
  if (!lines.length) return;
  appendFileSync(outFile, `${lines.join("\n")}\n`);
  lines.length = 0;
}
/** Multi-row INSERT OR IGNORE, 50 rows a statement (well under D1's statement size), one statement a line. */
function insert(table: string, rows: Record<string, unknown>[]): void {
  if (!rows.length) return;
  const cols = Object.keys(rows[0]!);
  for (let i = 0; i < rows.length; i += 50) {
    const chunk = rows.slice(i, i + 50);
    lines.push(`INSERT OR IGNORE INTO ${table} (${cols.join(", ")}) VALUES ${chunk.map((r) => `(${cols.map((c) => q(r[c])).join(", ")})`).join(", ")};`);
    if (lines.length >= 5000) flush();
  }
}

interface NetworkSpec {
  id: string;
  code: string;
  name: string;
  country: string;
  languages: string[];
  clusters: { id: string; code: string; name: string; region: string | null; members: number }[];
  given: readonly string[];
  family: readonly string[];
  income: [number, number];
  phone: () => string;
  prefix: string;
}

const KENYA: NetworkSpec = {
  id: "demo_hnk",
  code: "hnk-demo",
  name: "HomeNet Kenya (demo)",
  country: "ke",
  languages: ["en", "sw"],
  clusters: [
    { id: "demo_ke_lodwar", code: "lodwar", name: "Lodwar", region: "turkana", members: 380 },
    { id: "demo_ke_bungoma", code: "bungoma", name: "Bungoma", region: "bungoma", members: 520 },
    { id: "demo_ke_kisumu", code: "kisumu", name: "Kisumu", region: "kisumu", members: 610 },
    { id: "demo_ke_kisii", code: "kisii", name: "Kisii", region: "kisii", members: 450 },
    { id: "demo_ke_nairobi", code: "nairobi", name: "Nairobi", region: "nairobi", members: 640 },
    { id: "demo_ke_machakos", code: "machakos", name: "Machakos", region: "machakos", members: 400 },
  ],
  given: ["Achieng", "Akinyi", "Atieno", "Adhiambo", "Auma", "Wanjiku", "Wairimu", "Nyambura", "Njeri", "Wambui", "Nafula", "Naliaka", "Nekesa", "Chebet", "Jepkosgei", "Kemunto", "Moraa", "Kwamboka", "Nyaboke", "Mwikali", "Mueni", "Ndinda", "Nakiru", "Ekaru", "Akai", "Grace", "Mary", "Esther", "Faith", "Mercy", "Lucy", "Beatrice", "Rose", "Zawadi", "Halima", "Amina"],
  family: ["Otieno", "Odhiambo", "Onyango", "Ochieng", "Wafula", "Wekesa", "Barasa", "Simiyu", "Nyaboke", "Mokaya", "Onsongo", "Kamau", "Njoroge", "Mwangi", "Kariuki", "Mutua", "Musyoka", "Mwende", "Kioko", "Ekal", "Lokol", "Ewoton", "Achieng", "Omondi", "Chepkoech", "Ruto"],
  income: [1500, 25000],
  phone: () => `+2547${between(10, 99)}${String(between(0, 999999)).padStart(6, "0")}`,
  prefix: "HNK",
};

const THAILAND: NetworkSpec = {
  id: "demo_hnt",
  code: "hnt-demo",
  name: "HomeNet Thailand (demo)",
  country: "th",
  languages: ["th", "en"],
  clusters: [
    { id: "demo_th_central", code: "central", name: "Central", region: null, members: 140 },
    { id: "demo_th_northern", code: "northern", name: "Northern", region: null, members: 110 },
    { id: "demo_th_northeast", code: "north_east", name: "North East", region: null, members: 150 },
  ],
  given: ["สมศรี", "มาลี", "บุญมี", "สุนีย์", "วันเพ็ญ", "ประไพ", "อรุณี", "นงลักษณ์", "จันทร์เพ็ญ", "ทองใบ", "สมใจ", "ละเอียด", "คำปุน", "บัวผัน"],
  family: ["ใจดี", "ศรีสุข", "บุญมา", "แก้วมณี", "ทองดี", "สายบุญ", "คำแสน", "พรหมมา", "จันทร์หอม", "มีสุข"],
  income: [2000, 15000],
  phone: () => `+668${between(1, 9)}${String(between(0, 9999999)).padStart(7, "0")}`,
  prefix: "HNT",
};

/** Plausible facts for a homeworker of this network: most answered, some left unknown as in real interviews. */
function factsFor(pack: Pack, spec: NetworkSpec, region: string | null): Facts {
  const defs = factDefs(pack);
  const facts: Facts = {};
  const age = between(19, 78);
  for (const [name, def] of defs) {
    if (name === "birth_date" || name === "covered_by") continue;
    if (chance(0.12) && !["age", "sex", "worker_type", "residency_status", "region"].includes(name)) continue;
    switch (name) {
      case "age":
        facts.age = age;
        continue;
      case "sex":
        facts.sex = chance(0.93) ? "female" : "male";
        continue;
      case "worker_type":
        facts.worker_type = chance(0.55) ? "homeworker" : "self_employed";
        continue;
      case "residency_status":
        facts.residency_status = chance(0.97) ? "citizen" : def.values?.includes("refugee") ? "refugee" : "citizen";
        continue;
      case "region":
        if (region) facts.region = region;
        continue;
      case "monthly_income":
        facts.monthly_income = Math.round(between(...spec.income) / 100) * 100;
        continue;
      case "household_monthly_income":
        facts.household_monthly_income = Math.round(between(spec.income[0] * 2, spec.income[1] * 2) / 100) * 100;
        continue;
      case "is_pregnant":
        facts.is_pregnant = facts.sex !== "male" && age < 42 && chance(0.08);
        continue;
      case "has_national_id":
        facts.has_national_id = chance(0.88);
        continue;
      case "receives_pension":
        facts.receives_pension = age >= 60 && chance(0.1);
        continue;
      case "income_tax_payer":
        facts.income_tax_payer = chance(0.04);
        continue;
      case "youngest_child_age":
        continue;
      case "children_count":
        facts.children_count = age < 55 ? between(0, 5) : between(0, 1);
        if ((facts.children_count as number) > 0) facts.youngest_child_age = between(0, 17);
        continue;
      case "household_size":
        facts.household_size = between(1, 9);
        continue;
    }
    if (def.type === "boolean") facts[name] = chance(0.25);
    else if (def.type === "enum" && def.values?.length) facts[name] = pick(def.values);
    else if (def.type === "integer" || def.type === "number") facts[name] = between(def.min ?? 0, Math.min(def.max ?? 10, 10));
  }
  facts.covered_by = [];
  const checked = checkFacts(pack, facts, TODAY);
  if (!checked.ok) throw new Error(`generated facts do not pass the gate: ${JSON.stringify(checked.issues)}`);
  return checked.facts;
}

/** An enrollment history along the state machine, with dates in the past 18 months. */
function historyFor(status: string, asOf = TODAY): { state: EnrollmentState; on: string; verification?: Move["verification"]; barrier?: Move["barrier"] }[] {
  if (status !== "eligible" && status !== "likely_eligible") return [];
  const roll = rand();
  if (roll < 0.3) return [];
  let day = addDays(asOf, -between(60, 540));
  const step = (min: number, max: number) => (day = addDays(day, between(min, max)));
  const h: ReturnType<typeof historyFor> = [{ state: "gathering_documents", on: day }];
  if (roll < 0.38) return [...h, { state: "gathering_documents", on: step(3, 20), barrier: pick(["documents_missing", "office_too_far", "no_information"] as const) }];
  if (roll < 0.45) return [...h, { state: "declined", on: step(3, 30), barrier: pick(BARRIERS) }];
  h.push({ state: "ready_to_apply", on: step(3, 25) });
  h.push({ state: "applied", on: step(1, 15) });
  if (roll < 0.55) return h;
  if (roll < 0.62) return [...h, { state: "rejected", on: step(10, 60), barrier: pick(["documents_missing", "not_recognised_as_worker", "other"] as const) }];
  h.push({ state: "enrolled", on: step(7, 45), verification: pick(["member_says", "document_seen", "registry_confirmed"] as const) });
  if (roll > 0.92) h.push({ state: "lapsed", on: step(60, 200), barrier: "contribution_unaffordable" });
  return h.filter((e) => e.on <= asOf);
}

async function main() {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, "");
  outFile = out;
  lines.push("-- Generated by scripts/seed-demo.ts for the local demo only. Do not load into a deployed database.");
  const accounts = [
    { id: "demo_u_admin", network: KENYA.id, email: "admin@demo.local", name: "Demo admin (Kenya)", lang: "en", role: "network_admin", cluster: null },
    { id: "demo_u_kisumu", network: KENYA.id, email: "kisumu@demo.local", name: "Demo organizer, Kisumu", lang: "sw", role: "organizer", cluster: "demo_ke_kisumu" },
    { id: "demo_u_nairobi", network: KENYA.id, email: "nairobi@demo.local", name: "Demo organizer, Nairobi", lang: "sw", role: "organizer", cluster: "demo_ke_nairobi" },
    { id: "demo_u_advocate", network: KENYA.id, email: "advocate@demo.local", name: "Demo advocate (Kenya)", lang: "en", role: "advocate", cluster: null },
    { id: "demo_u_thai", network: THAILAND.id, email: "thai@demo.local", name: "Demo admin (Thailand)", lang: "th", role: "network_admin", cluster: null },
  ];
  let members = 0;
  for (const spec of [KENYA, THAILAND]) {
    const engine = getEngine(spec.country)!;
    insert("networks", [{ id: spec.id, code: spec.code, name: spec.name, country: spec.country, languages: JSON.stringify(spec.languages), created_at: NOW }]);
    insert("clusters", spec.clusters.map((c) => ({ id: c.id, network_id: spec.id, code: c.code, name: c.name, region: c.region })));
    const rows = { members: [] as Record<string, unknown>[], consents: [] as Record<string, unknown>[], screenings: [] as Record<string, unknown>[], results: [] as Record<string, unknown>[], enrollments: [] as Record<string, unknown>[], events: [] as Record<string, unknown>[], tasks: [] as Record<string, unknown>[] };
    let n = 0;
    for (const cluster of spec.clusters) {
      for (let i = 0; i < Math.round(cluster.members * SCALE); i++) {
        n += 1;
        const id = `demo_m_${spec.country}_${n}`;
        const name = `${pick(spec.given)} ${pick(spec.family)}`;
        const facts = factsFor(engine.pack, spec, cluster.region);
        const lang = spec.country === "ke" ? (chance(0.7) ? "sw" : "en") : "th";
        const created = addDays(TODAY, -between(30, 720));
        const stats = chance(0.9);
        const method = pick(["signed", "thumbprint", "spoken_witnessed", "own_phone"] as const);
        const recorder = spec.country === "ke" ? (cluster.code === "nairobi" ? "demo_u_nairobi" : cluster.code === "kisumu" ? "demo_u_kisumu" : "demo_u_admin") : "demo_u_thai";
        rows.members.push({ id, network_id: spec.id, cluster_id: cluster.id, member_no: `${spec.prefix}-${cluster.code.slice(0, 3).toUpperCase()}-${String(n).padStart(5, "0")}`, name, name_key: nameKey(name), phone: chance(0.7) ? spec.phone() : null, lang, facts: JSON.stringify(facts), consent_state: "given", stats_consent: stats, created_at: `${created}T09:00:00.000Z`, created_by: recorder, updated_at: `${created}T09:00:00.000Z` });
        rows.consents.push({ id: `${id}_c1`, member_id: id, notice_version: "2026-01", notice_lang: lang, purposes: JSON.stringify(stats ? ["contact", "follow_up", "screening", "statistics"] : ["follow_up", "screening"]), method, witness: method === "spoken_witnessed" ? pick(spec.given) : null, given_on: created, recorded_by: recorder, recorded_at: `${created}T09:00:00.000Z`, receipt_code: receiptCode() });

        // Her enrollments first (from a screening at intake), then today's screening with covered_by from them. A
        // stale member's intake, enrollments and screening are from before SHA.
        const asOf = spec.country === "ke" && STALE_EVERY && n % STALE_EVERY === 0 ? BEFORE_SHA : TODAY;
        const intake = engine.evaluate(facts, { date: asOf, lang });
        const enrolled: string[] = [];
        for (const r of intake.results) {
          const history = historyFor(r.status, asOf);
          if (!history.length || (r.category === "cash_transfer" && chance(0.5))) continue;
          let from: EnrollmentState = "not_started";
          let last = history[0]!;
          for (const [k, e] of history.entries()) {
            rows.events.push({ id: `${id}_${r.scheme}_e${k}`, member_id: id, scheme: r.scheme, from_state: from, to_state: e.state, occurred_on: e.on, recorded_at: `${e.on}T12:00:00.000Z`, recorded_by: recorder, verification: e.verification ?? null, barrier: e.barrier ?? null });
            from = e.state;
            last = e;
          }
          rows.enrollments.push({ member_id: id, scheme: r.scheme, network_id: spec.id, cluster_id: cluster.id, state: last.state, since: last.on, verification: last.verification ?? null, barrier: last.barrier ?? null, updated_at: `${last.on}T12:00:00.000Z`, version: history.length, last_event_id: `${id}_${r.scheme}_e${history.length - 1}` });
          if (last.state === "enrolled") enrolled.push(r.scheme);
          for (const [k, t] of followUpsFor({ to: last.state, occurred_on: last.on, verification: last.verification, barrier: last.barrier }, 365).open.entries()) {
            rows.tasks.push({ id: `${id}_${r.scheme}_t${k}`, member_id: id, network_id: spec.id, cluster_id: cluster.id, scheme: r.scheme, kind: t.kind, due_on: t.due_on, status: "open", created_at: `${last.on}T12:00:00.000Z` });
          }
        }
        const used = { ...facts, covered_by: enrolled };
        const evaluation = engine.evaluate(used, { date: asOf, lang });
        const sid = `${id}_s1`;
        rows.screenings.push({ id: sid, member_id: id, network_id: spec.id, country: spec.country, date: asOf, lang, facts: JSON.stringify(used), rules_version: evaluation.rules_version, recorded_by: recorder, recorded_at: asOf === TODAY ? NOW : `${asOf}T06:00:00.000Z` });
        const results = resultRowsOf(evaluation);
        for (const r of results) rows.results.push({ screening_id: sid, member_id: id, ...r, latest: 1 });
        (rows.members.at(-1) as { screened_key: string }).screened_key = screeningKey(results);
      }
    }
    members += n;
    insert("members", rows.members);
    insert("consents", rows.consents);
    insert("screenings", rows.screenings);
    insert("screening_results", rows.results);
    insert("enrollments", rows.enrollments);
    insert("enrollment_events", rows.events);
    insert("tasks", rows.tasks);
  }
  insert("users", accounts.map((a) => ({ id: a.id, network_id: a.network, email: a.email, phone: null, display_name: a.name, password_hash: passwordHash, lang: a.lang, status: "active", created_at: NOW })));
  insert("role_grants", accounts.map((a) => ({ id: `${a.id}_g`, user_id: a.id, network_id: a.network, role: a.role, cluster_id: a.cluster, valid_from: "2026-01-01", valid_to: null, granted_by: null, created_at: NOW })));
  flush();
  console.log(`demo seed: ${members} members in 2 networks${STALE_EVERY ? ` (every ${STALE_EVERY === 1 ? "" : `${STALE_EVERY}th `}Kenyan member last screened on ${BEFORE_SHA})` : ""}, ${accounts.length} accounts (password ${DEMO_PASSWORD}) -> ${out}`);
}

await main();
