/**
 * The engines the engine benchmark times on the 20-scheme pack, each built from scratch by name, so that
 * each can run in its own worker thread (its own heap and JIT state; see timing.ts). Members are generated from a
 * fixed seed, so every thread, and the agreement check in the main thread, sees the same members.
 */
import jsonLogic from "json-logic-js";
import { Engine } from "json-rules-engine";
import { compilePack, type BulkResult } from "../../src/engine/compile";
import { referenceEvaluate } from "../../src/engine/reference";
import type { Facts } from "../../src/engine/types";
import { evaluateHandwritten, type Profile } from "./handwritten20";
import { evaluateHandwrittenBulk } from "./handwritten20-bulk";
import { pack20 } from "./pack20";
import { asProfile, generateFacts } from "./profiles";
import type { Subject } from "./timing";
import { toJsonLogic, toJsonRulesEngine } from "./translate";

export const DATE = "2025-06-01";
export const LANG = "sw";
/** Members the timed engines cycle through. */
export const POOL = 2000;
const SEED = 20;

/** The benchmark's members: as facts for the engines, and typed for the hand-written schemes. */
export function members(): { facts: Facts[]; profiles: Profile[] } {
  const facts = generateFacts(pack20, POOL, SEED);
  return { facts, profiles: facts.map(asProfile) };
}

export const SUBJECTS = ["compiled", "reference", "handwritten", "bulk", "handwritten-bulk", "json-logic", "json-rules-engine"] as const;
export type SubjectName = (typeof SUBJECTS)[number];

export const LABELS: Record<SubjectName, { name: string; output: string }> = {
  compiled: { name: "our engine, compiled (`evaluate`)", output: "status + reasons" },
  reference: { name: "our reference evaluator", output: "status + reasons" },
  handwritten: { name: "hand-written JS", output: "status + reasons" },
  bulk: { name: "our engine, bulk mode (`evaluateBulk`)", output: "status + failed/unknown bits" },
  "handwritten-bulk": { name: "hand-written JS, bulk", output: "status + failed bits" },
  "json-logic": { name: "json-logic-js 2.0.2", output: "verdict only" },
  "json-rules-engine": { name: "json-rules-engine 7.3.1", output: "verdict (+ condition results)" },
};

/** Builds one engine with its members; `i` indexes the pool. */
export function makeSubject(which: SubjectName): Subject {
  const { facts, profiles } = members();
  const opts = { date: DATE, lang: LANG };
  switch (which) {
    case "compiled": {
      const engine = compilePack(pack20);
      return { sync: (i) => engine.evaluate(facts[i]!, opts).results.length };
    }
    case "reference":
      return { sync: (i) => referenceEvaluate(pack20, facts[i]!, opts).results.length };
    case "handwritten":
      return { sync: (i) => evaluateHandwritten(profiles[i]!, LANG).length };
    case "bulk": {
      const engine = compilePack(pack20);
      let out: BulkResult | undefined;
      return {
        sync: (i) => {
          out = engine.evaluateBulk(facts[i]!, DATE, out);
          return out.status[i % 20]! + out.failed[i % 20]!;
        },
      };
    }
    case "handwritten-bulk": {
      const status = new Uint8Array(20);
      const failed = new Uint32Array(20);
      return {
        sync: (i) => {
          evaluateHandwrittenBulk(profiles[i]!, status, failed);
          return status[i % 20]! + failed[i % 20]!;
        },
      };
    }
    case "json-logic": {
      const rules = toJsonLogic(pack20, DATE).map((r) => r.rule);
      return {
        sync: (i) => {
          let n = 0;
          for (const rule of rules) if (jsonLogic.apply(rule, facts[i])) n++;
          return n;
        },
      };
    }
    case "json-rules-engine": {
      // As its users call it: one awaited run per member.
      const engine = new Engine(toJsonRulesEngine(pack20, DATE));
      return { async: async (i) => (await engine.run(facts[i]!)).events.length };
    }
  }
}
