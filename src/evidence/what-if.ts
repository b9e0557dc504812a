/**
 * What a proposed rule change would do for the network's members: the real engine, in bulk mode, over every
 * counted member's stored facts, once with the pack as it is and once with the change applied to the pack
 * (src/engine/override.ts) — never a copy of the rule logic. Who the law admits before and after, who gains and
 * who loses, by a breakdown; a row's four figures are withheld together (src/evidence/disclosure.ts).
 */
import { compilePack } from "../engine/compile";
import { versionOn } from "../engine/dates";
import { testFacts } from "../engine/tests";
import { countryFacts } from "../engine/vocabulary";
import { STATUSES } from "../engine/enums";
import { applyChange } from "../engine/override";
import { localize } from "../engine/text";
import type { Facts } from "../engine/types";
import { breakdownKey, schemesInForce, TABLE_IDS } from "./catalogue";
import { protectFigure, protectWhatIf, whatIfTable } from "./disclosure";
import { breakdownRows, stampOf, type EvidenceContext } from "./service";
import type { Breakdown, RuleChange, WhatIf } from "./types";

export type WhatIfResult = { ok: true; whatIf: WhatIf } | { ok: false; issue: { path: string; code: string; message: string } };

const ADMITTED = new Set([STATUSES.indexOf("eligible"), STATUSES.indexOf("likely_eligible")]);

/** The change in plain words (English; the page words it in the advocate's language from the same fields). */
export function describeChange(change: RuleChange, schemeName: string): string {
  switch (change.kind) {
    case "parameter":
      return `${schemeName}: ${change.parameter} set to ${Array.isArray(change.value) ? change.value.join(", ") : String(change.value)}`;
    case "drop_criterion":
      return `${schemeName}: without the criterion ${change.criterion}`;
    case "admit_worker_type":
      return `${schemeName}: ${change.worker_type.replace(/_/g, " ")} workers admitted`;
  }
}

export async function runWhatIf(ctx: EvidenceContext, change: RuleChange, by: Breakdown | null): Promise<WhatIfResult> {
  const started = Date.now();
  const { pack, today, threshold } = ctx;
  const changed = applyChange(pack, change, today);
  if (!changed.ok) return { ok: false, issue: { path: `change.${changed.error.field}`, code: changed.error.code, message: changed.error.message } };
  const scheme = pack.schemes.find((s) => s.id === change.scheme)!;
  // Only the scheme asked about, before and after: the engine's bulk mode over one-scheme packs (statuses only).
  const only = (p: typeof pack) => ({ ...p, schemes: p.schemes.filter((s) => s.id === change.scheme) });
  const before = compilePack(only(pack));
  const after = compilePack(only(changed.pack));
  // Counted members (statistics consent, screened or with an application), in the caller's scope.
  const params: string[] = [ctx.scope.network_id];
  let where = "m.network_id = ?1 AND m.consent_state = 'given' AND m.stats_consent = 1";
  if (ctx.scope.clusters !== "all") {
    where += ` AND m.cluster_id IN (${ctx.scope.clusters.map((_, i) => `?${i + 2}`).join(", ")})`;
    params.push(...ctx.scope.clusters);
  }
  // Only the facts the scheme's rules read (before and after), her age's, and the breakdown's: a member's whole
  // facts as JSON cost four times as much to read as these columns (BENCHMARKS.md).
  const read = new Set<string>(["age", "birth_date", ...(by === "sex" || by === "worker_type" ? [by] : [])]);
  for (const p of [pack, changed.pack]) {
    const version = versionOn(p.schemes.find((s) => s.id === change.scheme)!.versions, today);
    for (const c of version?.criteria ?? []) for (const t of [c.test, c.when]) if (t) for (const f of testFacts(t)) read.add(f);
  }
  const defs = new Map(countryFacts(pack.country, pack.schemes.map((s) => s.id)).map((d) => [d.name, d]));
  const names = [...read].filter((f) => defs.has(f) && /^[a-z0-9_]+$/.test(f));
  const rowsRead = await ctx.db.$client
    .prepare(`SELECT m.cluster_id, ${names.map((f) => `json_extract(m.facts, '$.${f}')`).join(", ")} FROM members m WHERE ${where} AND EXISTS (SELECT 1 FROM coverage v WHERE v.member_id = m.id)`)
    .bind(...params)
    .raw<(string | number | null)[]>();
  // SQLite gives JSON true/false as 1/0 and a list as its JSON text: back to the vocabulary's types.
  const kinds = names.map((f) => defs.get(f)!.type);
  const results: [string, Facts][] = rowsRead.map((row) => {
    const facts: Facts = {};
    names.forEach((f, i) => {
      const v = row[i + 1];
      if (v === null || v === undefined) return;
      const kind = kinds[i];
      facts[f] = kind === "boolean" ? v === 1 || (v as unknown) === true : kind === "list" && typeof v === "string" ? (JSON.parse(v) as string[]) : (v as string | number);
    });
    return [row[0] as string, facts];
  });

  const rows = breakdownRows(by, ctx.clusters);
  const index = new Map(rows.map((r, i) => [r.key, i]));
  const counts = rows.map(() => ({ before: 0, after: 0, gain: 0, loss: 0 }));
  const inForceBefore = before.bulkSchemes(today).length > 0;
  const inForceAfter = after.bulkSchemes(today).length > 0;
  let outBefore = before.evaluateBulk({}, today);
  let outAfter = after.evaluateBulk({}, today);
  for (const [cluster, facts] of results) {
    outBefore = before.evaluateBulk(facts, today, outBefore);
    outAfter = after.evaluateBulk(facts, today, outAfter);
    const was = inForceBefore && ADMITTED.has(outBefore.status[0]!);
    const now = inForceAfter && ADMITTED.has(outAfter.status[0]!);
    const i = index.get(breakdownKey(by, cluster, facts, today));
    if (i === undefined) continue;
    const row = counts[i]!;
    if (was) row.before++;
    if (now) row.after++;
    if (now && !was) row.gain++;
    if (was && !now) row.loss++;
  }
  const total = counts.reduce((a, r) => ({ before: a.before + r.before, after: a.after + r.after, gain: a.gain + r.gain, loss: a.loss + r.loss }), { before: 0, after: 0, gain: 0, loss: 0 });
  const p = protectWhatIf({ rows: counts, total }, threshold);
  const name = localize(scheme.name, ctx.lang);
  const inForce = schemesInForce(pack, today);
  const members = protectFigure(results.length, threshold);
  return {
    ok: true,
    whatIf: {
      stamp: stampOf(ctx, inForce, members),
      change,
      description: describeChange(change, name),
      scheme: change.scheme,
      breakdown: by,
      table: whatIfTable({ id: TABLE_IDS.whatIf(change.scheme, by), row_dim: by ?? "all", col_dim: "what_if", rows, cols: ["before", "after", "gain", "loss"].map((key) => ({ key, label: key })) }, p),
      members,
      took_ms: Date.now() - started,
    },
  };
}
