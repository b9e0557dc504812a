/**
 * The evidence endpoints against the real Worker and D1: who may see what (anonymous, organizers of two clusters,
 * an admin, an advocate, another network's admin), that no route gives an advocate a member row or any count from
 * 1 to 10 (JSON, CSV, the what-if, the pages), the CSV formats, bad input named by field, cross-site posts refused,
 * and a fuzz of every evidence endpoint (never a 5xx).
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import worker from "../../../src/index";
import { BASE, call } from "../../helpers/http";

/** The response's bytes, as a browser would save the file (Response.text() would drop a byte-order mark). */
async function bytes(path: string, cookie: string): Promise<{ status: number; type: string | null; buf: Uint8Array }> {
  const ctx = createExecutionContext();
  const res = await worker.fetch(new Request(`${BASE}${path}`, { headers: { cookie } }), env, ctx);
  const buf = new Uint8Array(await res.arrayBuffer());
  await waitOnExecutionContext(ctx);
  return { status: res.status, type: res.headers.get("content-type"), buf };
}
import { ACCOUNTS, addMember, as, CONSENT, IDS, seedWorkspace, signIn, TODAY, type Who } from "../../helpers/workspace";

const cookies: Partial<Record<Who, string>> = {};
const names: string[] = [];
const numbers: string[] = [];

beforeAll(async () => {
  await seedWorkspace();
  for (const who of Object.keys(ACCOUNTS) as Who[]) cookies[who] = await signIn(who);
  // Enough members for some figures to be published and others withheld: 30 in Kisumu, 4 in Nairobi.
  for (let i = 0; i < 34; i++) {
    const name = `Evidence Member ${i} Wanjiru`;
    const member_no = `EV-${i}`;
    names.push(name);
    numbers.push(member_no);
    const id = await addMember(cookies.admin!, {
      name,
      member_no,
      cluster_id: i < 30 ? IDS.kisumu : IDS.nairobi,
      facts: { age: 25 + (i % 40), sex: "female", worker_type: i % 3 ? "homeworker" : "self_employed", residency_status: "citizen", has_national_id: i % 4 !== 0, monthly_income: 4000 + 300 * i },
      consent: CONSENT,
    });
    expect((await as(cookies.admin!, `/api/members/${id}/screenings`, "POST", { date: TODAY })).status).toBe(201);
  }
}, 120_000);

/** Every number that is a published count or rate's count in an evidence document. */
function figures(x: unknown, out: number[] = []): number[] {
  if (Array.isArray(x)) for (const v of x) figures(v, out);
  else if (x && typeof x === "object") {
    const o = x as Record<string, unknown>;
    if ("value" in o && "flag" in o && (typeof o.value === "number" || o.value === null)) {
      if (typeof o.value === "number" && !("numerator" in o)) out.push(o.value);
    }
    for (const [k, v] of Object.entries(o)) if (k !== "threshold" && k !== "took_ms") figures(v, out);
  }
  return out;
}
const small = (n: number) => Number.isInteger(n) && n >= 1 && n <= 10;

describe("who sees the evidence", () => {
  it("anonymous: 401 on the API, the sign-in page for the pages", async () => {
    for (const path of ["/api/evidence/coverage", "/api/evidence/coverage.csv", "/api/evidence/reasons"]) expect((await call(path)).status).toBe(401);
    expect((await as(undefined, "/api/evidence/what-if", "POST", { change: { kind: "drop_criterion", scheme: "nssf_haba_haba", criterion: "x" } })).status).toBe(401);
    const page = await call("/org/evidence");
    expect([302, 303]).toContain(page.status);
  });

  it("every role gets aggregates only: no member row, no name, no number, no count from 1 to 10, by any breakdown", async () => {
    for (const [who, by] of (["advocate", "admin", "kisumu", "nairobi"] as const).flatMap((w) => ["", "?by=cluster", "?by=sex", "?by=worker_type", "?by=age_band"].map((b) => [w, b] as const))) {
      const r = await as(cookies[who]!, `/api/evidence/coverage${by}`);
      expect(r.status).toBe(200);
      expect(r.headers.get("cache-control")).toContain("no-store");
      const text = JSON.stringify(r.body);
      for (const n of [...names, ...numbers]) expect(text).not.toContain(n);
      expect(text).not.toMatch(/"member_id"|"member_no"|"phone"/);
      const counts = figures(r.body);
      expect(counts.length).toBeGreaterThan(50);
      expect(counts.filter(small), `${who} ${by}`).toEqual([]);
      // Nairobi's organizer has 4 members: her own total is withheld too.
      expect(r.body.stamp.members.value).toBe(who === "kisumu" ? 30 : who === "nairobi" ? null : 34);
      expect(r.body.stamp.network.code).toBeTruthy();
      expect(r.body.stamp.rules_version).toMatch(/^[0-9a-f]{16}$/);
    }
    // Nairobi's 4 members are withheld in the cluster ladder, and so is enough else that they cannot be solved.
    const byCluster = await as(cookies.advocate!, "/api/evidence/coverage?by=cluster");
    const health = byCluster.body.ladders.find((l: { function: string }) => l.function === "health").table;
    const nairobi = health.rows.findIndex((r: { key: string }) => r.key === IDS.nairobi);
    expect(health.row_totals[nairobi]).toEqual({ value: null, flag: "small" });
    expect(health.total.value).toBe(34);
  });

  it("the CSV has no count from 1 to 10, withheld figures empty with a flag; the Excel variant has a byte-order mark", async () => {
    for (const excel of [false, true]) {
      const r = await bytes(`/api/evidence/coverage.csv?by=cluster${excel ? "&excel=1" : ""}`, cookies.advocate!);
      expect(r.status).toBe(200);
      expect(r.type).toContain("text/csv");
      const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(r.buf);
      expect(text.startsWith("\uFEFF")).toBe(excel);
      const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/).filter(Boolean);
      const header = lines[0]!.split(",");
      const value = header.indexOf("value");
      const flag = header.indexOf("flag");
      expect(value).toBeGreaterThanOrEqual(0);
      expect(flag).toBeGreaterThanOrEqual(0);
      let withheld = 0;
      for (const line of lines.slice(1)) {
        const cells = line.split(",");
        const v = cells[value]!;
        if (v === "") {
          expect(cells[flag]).toMatch(/small|secondary|window|pair/);
          withheld++;
        } else if (/^\d+$/.test(v) && !/rate|median|threshold/.test(line)) expect(small(Number(v)), line).toBe(false);
      }
      expect(withheld).toBeGreaterThan(0);
      for (const n of names) expect(text).not.toContain(n);
    }
  });

  it("an organizer of Kisumu sees only Kisumu's figures", async () => {
    const r = await as(cookies.kisumu!, "/api/evidence/coverage?by=cluster");
    expect(r.status).toBe(200);
    expect(r.body.ladders[0].table.rows.map((x: { key: string }) => x.key)).toEqual([IDS.kisumu]);
    expect(r.body.stamp.members.value).toBe(30);
  });

  it("another network's admin sees none of these members", async () => {
    const r = await as(cookies.other_admin!, "/api/evidence/coverage");
    expect(r.status).toBe(200);
    expect(r.body.stamp.members.value).toBe(0);
    expect(r.body.stamp.country).toBe("th");
  });

  it("reasons cite the rule: criterion, sources, binding and any", async () => {
    const r = await as(cookies.advocate!, "/api/evidence/reasons");
    expect(r.status).toBe(200);
    const all = r.body.reasons.flatMap((s: { criteria: unknown[] }) => s.criteria);
    expect(all.length).toBeGreaterThan(0);
    for (const c of all) expect(c.criterion.sources.length + (c.criterion.unconfirmed ? 1 : 0)).toBeGreaterThan(0);
    expect(figures(r.body).filter(small)).toEqual([]);
  });
});

describe("what-if", () => {
  it("dropping Haba Haba's citizenship-or-refugee requirement: who gains, by cluster, before and after withheld together", async () => {
    const r = await as(cookies.advocate!, "/api/evidence/what-if", "POST", { change: { kind: "drop_criterion", scheme: "nssf_haba_haba", criterion: "kenyan_or_refugee" }, by: "cluster" });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.table.cols.map((c: { key: string }) => c.key)).toEqual(["before", "after", "gain", "loss"]);
    expect(figures(r.body).filter(small)).toEqual([]);
    const nairobi = r.body.table.rows.findIndex((x: { key: string }) => x.key === IDS.nairobi);
    const row = r.body.table.cells[nairobi];
    // Nairobi has 4 members: its before and after are withheld together.
    expect(row.every((f: { value: number | null }) => f.value === null)).toBe(true);
    const totals = r.body.table.col_totals.map((f: { value: number | null }) => f.value);
    if (totals.every((v: number | null) => v !== null)) expect(totals[1]).toBe(totals[0] + totals[2] - totals[3]);
    // "Before" is what the stored screenings say (all screened today, on the same facts), read member by member.
    const stored = await env.DB.prepare(
      "SELECT count(*) AS n FROM screening_results r JOIN members m ON m.id = r.member_id WHERE r.latest = 1 AND r.scheme = 'nssf_haba_haba' AND r.status IN ('eligible', 'likely_eligible') AND m.network_id = ? AND m.stats_consent = 1",
    )
      .bind(IDS.ke)
      .first<{ n: number }>();
    expect(stored!.n).toBeGreaterThan(10);
    expect(totals[0]).toBe(stored!.n);
    // Raising the minimum age to 60 takes Haba Haba from everyone younger: the loss is the engine's, not a copy.
    const older = await as(cookies.advocate!, "/api/evidence/what-if", "POST", { change: { kind: "parameter", scheme: "nssf_haba_haba", parameter: "min_age", value: 60 } });
    expect(older.status, JSON.stringify(older.body)).toBe(200);
    const [before, after, gain, loss] = older.body.table.col_totals.map((f: { value: number | null }) => f.value);
    expect(before).toBe(stored!.n);
    expect(gain).toBe(0);
    expect(loss).toBeGreaterThan(10);
    expect(after).toBe(before - loss);
  });

  it("names the field of a bad change", async () => {
    const cases: [unknown, string][] = [
      [{ change: { kind: "drop_criterion", scheme: "no_such_scheme", criterion: "x" } }, "change.scheme"],
      [{ change: { kind: "drop_criterion", scheme: "nssf_haba_haba", criterion: "no_such" } }, "change.criterion"],
      [{ change: { kind: "parameter", scheme: "nssf_haba_haba", parameter: "no_such", value: 1 } }, "change.parameter"],
      [{ change: { kind: "admit_worker_type", scheme: "nssf_haba_haba", worker_type: "astronaut" } }, "change.worker_type"],
    ];
    for (const [body, path] of cases) {
      const r = await as(cookies.advocate!, "/api/evidence/what-if", "POST", body);
      expect(r.status, JSON.stringify(r.body)).toBe(400);
      expect(r.body.error.issues.map((i: { path: string }) => i.path)).toContain(path);
    }
    const bad = await as(cookies.advocate!, "/api/evidence/what-if", "POST", { change: { kind: "rewrite_law" } });
    expect(bad.status).toBe(400);
  });

  it("refuses a cross-site post", async () => {
    const r = await call("/api/evidence/what-if", { method: "POST", headers: { cookie: cookies.advocate!, "content-type": "application/json", origin: "https://evil.example", "sec-fetch-site": "cross-site" }, body: JSON.stringify({ change: { kind: "drop_criterion", scheme: "nssf_haba_haba", criterion: "national_id" } }) });
    expect(r.status).toBe(403);
  });
});

describe("bad input", () => {
  it("a breakdown outside the catalogue is a 400 naming `by`", async () => {
    for (const by of ["member", "name", "cluster,sex", "age_band;DROP"]) {
      const r = await as(cookies.advocate!, `/api/evidence/coverage?by=${encodeURIComponent(by)}`);
      expect(r.status).toBe(400);
      expect(r.body.error.issues[0].path).toBe("by");
    }
  });

  it("fuzz: every evidence endpoint answers hostile input without a 5xx, in the error envelope", async () => {
    const hostile = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom("__proto__", "' OR 1=1 --", "\u0000", "cluster", "age_band", "none", ""), fc.jsonValue({ maxDepth: 3 }));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("/api/evidence/coverage", "/api/evidence/coverage.csv", "/api/evidence/reasons", "/org/evidence", "/org/evidence/brief"),
        hostile,
        hostile,
        async (path, by, excel) => {
          const q = new URLSearchParams({ by: typeof by === "string" ? by : JSON.stringify(by), excel: typeof excel === "string" ? excel : JSON.stringify(excel) });
          const r = await call(`${path}?${q}`, { headers: { cookie: cookies.advocate! } });
          expect(r.status).toBeLessThan(500);
        },
      ),
      { numRuns: 40 },
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.jsonValue({ maxDepth: 4 }), fc.record({ change: fc.record({ kind: fc.constantFrom("parameter", "drop_criterion", "admit_worker_type", "x"), scheme: fc.oneof(fc.constantFrom("sha", "nssf_haba_haba", "hsnp"), fc.string()), parameter: hostile, value: hostile, criterion: hostile, worker_type: hostile }, { requiredKeys: [] }), by: hostile }, { requiredKeys: [] })), async (body) => {
        const r = await as(cookies.advocate!, "/api/evidence/what-if", "POST", body);
        expect(r.status).toBeLessThan(500);
        if (r.status >= 400) expect(r.body.error.code).toBeTruthy();
        else expect(figures(r.body).filter(small)).toEqual([]);
      }),
      { numRuns: 60 },
    );
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom("scheme", "kind", "parameter", "value", "criterion", "worker_type", "by"), fc.string({ maxLength: 20 })), async (fields) => {
        const r = await call("/org/evidence/what-if", { method: "POST", headers: { cookie: cookies.advocate!, "content-type": "application/x-www-form-urlencoded", origin: BASE }, body: new URLSearchParams(fields).toString() });
        expect(r.status).toBeLessThan(500);
      }),
      { numRuns: 40 },
    );
  });
});

describe("figures shared across tables", () => {
  /**
   * The published evidence as one linear system, built from the JSON alone: a figure that is the same count in
   * several places (a cluster's members in every ladder, the members in the schemes table, a scheme's enrolled in
   * its funnel and its trend's last month, its excluded in its reasons) is one unknown. No withheld unknown may be
   * solvable from what is published, and a shared figure is published everywhere or nowhere.
   */
  it("no withheld figure can be solved from all the tables together", async () => {
    const { determinedEntries } = await import("../../../src/evidence/disclosure");
    const { crossTableSystem } = await import("../../helpers/evidence-solve");
    let anyWithheld = false;
    for (const who of ["advocate", "kisumu"] as const) {
      for (const by of ["", "?by=cluster", "?by=worker_type"]) {
        const e = (await as(cookies[who]!, `/api/evidence/coverage${by}`)).body;
        const { relations, withheld } = crossTableSystem(e);
        anyWithheld ||= withheld.some(Boolean);
        expect(determinedEntries(relations, withheld), `${who} ${by}`).toEqual([]);
      }
    }
    // Nairobi's four members make some figures small: the check had something to check.
    expect(anyWithheld).toBe(true);
  });
});
