/**
 * The naive peer of the evidence's SQL aggregates (src/db/evidence.ts): the same figures computed member by member,
 * re-evaluating each member's facts with the engine instead of reading stored ids. Used by the tests (the SQL must
 * give exactly these figures, before suppression) and by bench:evidence (as the peer it is measured against).
 */
import type { CompiledPack } from "../../src/engine/compile";
import type { Facts } from "../../src/engine/types";
import { breakdownKey } from "../../src/evidence/catalogue";
import type { Breakdown } from "../../src/evidence/types";

export interface PeerMember {
  id: string;
  cluster_id: string;
  /** Consent given, including anonymous statistics. */
  counted: boolean;
  /** Her facts now (what the breakdowns read). */
  facts: Facts;
  enrollments: Record<string, { state: string; barrier: string | null }>;
  /** Her latest screening's facts and date, re-evaluated by the engine; null if never screened. */
  screening: { facts: Facts; date: string } | null;
}

export interface PeerEvent {
  member_id: string;
  scheme: string;
  from_state: string | null;
  to_state: string;
  occurred_on: string;
  recorded_at: string;
}

const IN_PROGRESS = new Set(["gathering_documents", "ready_to_apply", "applied", "appealed"]);

function code(status: string | undefined, state: string | undefined): number {
  if (state === "enrolled") return 6;
  if (state === "lapsed") return 5;
  const admitted = status === "eligible" || status === "likely_eligible";
  if (admitted && state !== undefined && IN_PROGRESS.has(state)) return 4;
  if (admitted) return 3;
  if (status === "not_eligible") return 1;
  return 2;
}

const add = <K>(map: Map<K, number>, k: K, n = 1) => map.set(k, (map.get(k) ?? 0) + n);

/** The figures of src/db/evidence.ts `aggregates`, member by member, as sorted maps keyed by their dimensions. */
export function peerAggregates(
  engine: CompiledPack,
  members: readonly PeerMember[],
  events: readonly PeerEvent[],
  input: { today: string; schemes: { id: string; functions: string[] }[]; by: Breakdown | null; months: string[] },
) {
  const inForce = new Set(input.schemes.map((s) => s.id));
  const fns = [...new Set(input.schemes.flatMap((s) => s.functions))];
  const out = {
    members: new Map<string, number>(),
    schemeRungs: new Map<string, number>(),
    functionRungs: new Map<string, number>(),
    anyCovered: 0,
    anyLegal: 0,
    reasons: new Map<string, [number, number]>(),
    barriers: new Map<string, number>(),
    states: new Map<string, number>(),
    moves: new Map<string, number>(),
    rejections: new Map<string, [number, number]>(),
    trend: new Map<string, number>(),
  };
  const counted = new Set<string>();
  for (const m of members) {
    if (!m.counted) continue;
    const evaluation = m.screening ? engine.evaluate(m.screening.facts, { date: m.screening.date, lang: "en" }) : undefined;
    const codes = new Map<string, number>();
    for (const r of evaluation?.results ?? []) {
      if (!inForce.has(r.scheme)) continue;
      const e = m.enrollments[r.scheme];
      const c = code(r.status, e?.state);
      codes.set(r.scheme, c);
      if (c === 1) {
        const failed = r.criteria.filter((x) => x.outcome === "failed").map((x) => x.id);
        for (const f of failed) {
          const acc = out.reasons.get(`${r.scheme}|${f}`) ?? [0, 0];
          acc[0]++;
          if (failed.length === 1) acc[1]++;
          out.reasons.set(`${r.scheme}|${f}`, acc);
        }
      }
    }
    for (const [scheme, e] of Object.entries(m.enrollments)) {
      if (!inForce.has(scheme)) continue;
      if (!codes.has(scheme)) codes.set(scheme, code(undefined, e.state));
    }
    if (!codes.size) continue;
    counted.add(m.id);
    const k = breakdownKey(input.by, m.cluster_id, m.facts, input.today);
    add(out.members, k);
    for (const [scheme, c] of codes) {
      add(out.schemeRungs, `${scheme}|${k}|${c}`);
      const e = m.enrollments[scheme];
      if ((c === 3 || c === 4) && e?.barrier) add(out.barriers, `${scheme}|${e.barrier}`);
      if (e) add(out.states, `${scheme}|${e.state}`);
    }
    for (const f of fns) {
      let best: number | undefined;
      for (const s of input.schemes) if (s.functions.includes(f) && codes.has(s.id)) best = Math.max(best ?? 0, codes.get(s.id)!);
      add(out.functionRungs, `${f}|${k}|${best ?? 2}`);
    }
    const top = Math.max(...codes.values());
    if (top === 6) out.anyCovered++;
    if (top >= 3) out.anyLegal++;
  }
  // Moves: days since the member's previous event for the scheme, in the order they were recorded.
  const byCase = new Map<string, PeerEvent[]>();
  for (const e of events) {
    if (!counted.has(e.member_id) || !inForce.has(e.scheme)) continue;
    const list = byCase.get(`${e.member_id}|${e.scheme}`) ?? [];
    list.push(e);
    byCase.set(`${e.member_id}|${e.scheme}`, list);
  }
  const applied = new Map<string, Set<string>>();
  const rejected = new Map<string, Set<string>>();
  const net = new Map<string, number>();
  for (const list of byCase.values()) {
    list.sort((a, b) => (a.recorded_at < b.recorded_at ? -1 : a.recorded_at > b.recorded_at ? 1 : a.occurred_on < b.occurred_on ? -1 : 1));
    list.forEach((e, i) => {
      if (i > 0 && e.from_state !== null) {
        const days = Math.max(0, Math.round((Date.parse(e.occurred_on) - Date.parse(list[i - 1]!.occurred_on)) / 86_400_000));
        add(out.moves, `${e.scheme}|${e.from_state}|${e.to_state}|${days}`);
      }
      if (e.to_state === "applied") applied.set(e.scheme, (applied.get(e.scheme) ?? new Set()).add(e.member_id));
      if (e.to_state === "rejected") rejected.set(e.scheme, (rejected.get(e.scheme) ?? new Set()).add(e.member_id));
      const month = e.occurred_on.slice(0, 7);
      if (e.to_state === "enrolled" && e.from_state !== "enrolled") add(net, `${e.scheme}|${month}`);
      if (e.from_state === "enrolled" && e.to_state !== "enrolled") add(net, `${e.scheme}|${month}`, -1);
    });
  }
  for (const scheme of new Set([...applied.keys(), ...rejected.keys()])) out.rejections.set(scheme, [applied.get(scheme)?.size ?? 0, rejected.get(scheme)?.size ?? 0]);
  const schemesWithMoves = new Set([...net.keys()].map((k) => k.split("|")[0]!));
  for (const scheme of schemesWithMoves) {
    for (const month of input.months) {
      let total = 0;
      for (const [k, n] of net) {
        const [s, m] = k.split("|") as [string, string];
        if (s === scheme && m <= month) total += n;
      }
      out.trend.set(`${month}|${scheme}`, total);
    }
  }
  return out;
}
