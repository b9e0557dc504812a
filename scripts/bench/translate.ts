/**
 * Generic translators from our rule packs to two popular JavaScript rule engines, so the benchmark can run the
 * same rules through them: json-logic-js (one JsonLogic rule per scheme) and json-rules-engine (one rule per
 * scheme, firing an event named after the scheme). A scheme holds when all its criteria hold; a criterion with
 * `when` holds when its condition fails or its test passes. They give a verdict only (no reasons), and only for
 * criteria with a test: office-only criteria have no two-valued meaning, so translating one throws.
 */
import type { JsonLogicRule } from "json-logic-js";
import type { RuleProperties, TopLevelCondition } from "json-rules-engine";
import type { Criterion, LeafTest, Pack, Scalar, Scheme, SchemeVersion, Test } from "../../src/engine/types";

/** The scheme's version in force on `date` (ISO), if any. */
export function versionOn(scheme: Scheme, date: string): SchemeVersion | undefined {
  return scheme.versions.find((v) => v.effective_from <= date && (v.effective_to === undefined || date <= v.effective_to));
}

/** Each scheme in force on `date` with its version, in pack order. */
function inForce(pack: Pack, date: string): { scheme: Scheme; version: SchemeVersion }[] {
  const out: { scheme: Scheme; version: SchemeVersion }[] = [];
  for (const scheme of pack.schemes) {
    const version = versionOn(scheme, date);
    if (version) out.push({ scheme, version });
  }
  return out;
}

function thresholdOf(leaf: LeafTest, v: SchemeVersion): Scalar | Scalar[] {
  if (leaf.param === undefined) return leaf.value!;
  const p = v.parameters[leaf.param];
  if (!p) throw new Error(`${v.rule_version}: unknown parameter "${leaf.param}"`);
  return p.value;
}

function testOf(c: Criterion, v: SchemeVersion): Test {
  if (!c.test) throw new Error(`${v.rule_version}: criterion "${c.id}" has no test (an office judges it); it cannot be translated`);
  return c.test;
}

function asList(x: Scalar | Scalar[]): Scalar[] {
  return Array.isArray(x) ? x : [x];
}

// ---------------------------------------------------------------------------------------------------- json-logic

export interface JsonLogicScheme {
  scheme: string;
  rule: JsonLogicRule;
}

/** One JsonLogic rule per scheme in force on `date`; `jsonLogic.apply(rule, facts)` is truthy when eligible. */
export function toJsonLogic(pack: Pack, date: string): JsonLogicScheme[] {
  return inForce(pack, date).map(({ scheme, version }) => ({
    scheme: scheme.id,
    rule: {
      and: version.criteria.map((c): JsonLogicRule => {
        const test = logicOf(testOf(c, version), version);
        return c.when ? { or: [{ "!": logicOf(c.when, version) }, test] } : test;
      }),
    },
  }));
}

function logicOf(t: Test, v: SchemeVersion): JsonLogicRule {
  if ("all" in t) return { and: t.all.map((k) => logicOf(k, v)) };
  if ("any" in t) return { or: t.any.map((k) => logicOf(k, v)) };
  if ("not" in t) return { "!": logicOf(t.not, v) };
  const fact: JsonLogicRule = { var: t.fact };
  const th = thresholdOf(t, v);
  switch (t.op) {
    case "eq":
      return { "===": [fact, th as Scalar] };
    case "ne":
      return { "!==": [fact, th as Scalar] };
    case "lt":
      return { "<": [fact, th as Scalar] };
    case "lte":
      return { "<=": [fact, th as Scalar] };
    case "gt":
      return { ">": [fact, th as Scalar] };
    case "gte":
      return { ">=": [fact, th as Scalar] };
    case "in":
      return { in: [fact, asList(th)] };
    case "not_in":
      return { "!": { in: [fact, asList(th)] } };
    // List facts: `{"var": ""}` is the current item inside some/none.
    case "includes_any":
      return { some: [fact, { in: [{ var: "" }, asList(th)] }] };
    case "includes_none":
      return { none: [fact, { in: [{ var: "" }, asList(th)] }] };
  }
}

// ---------------------------------------------------------------------------------------------- json-rules-engine

/** A condition at any depth of a json-rules-engine rule (the library does not export this type). */
type JreCondition = TopLevelCondition | { fact: string; operator: string; value: unknown };

/**
 * One json-rules-engine rule per scheme in force on `date`, with only the library's built-in operators; the
 * rule fires an event whose type is the scheme id when the member is eligible.
 */
export function toJsonRulesEngine(pack: Pack, date: string): RuleProperties[] {
  return inForce(pack, date).map(({ scheme, version }) => ({
    name: scheme.id,
    event: { type: scheme.id },
    conditions: {
      all: version.criteria.map((c): JreCondition => {
        const test = conditionOf(testOf(c, version), version);
        return c.when ? { any: [{ not: conditionOf(c.when, version) }, test] } : test;
      }),
    },
  }));
}

function conditionOf(t: Test, v: SchemeVersion): JreCondition {
  if ("all" in t) return { all: t.all.map((k) => conditionOf(k, v)) };
  if ("any" in t) return { any: t.any.map((k) => conditionOf(k, v)) };
  if ("not" in t) return { not: conditionOf(t.not, v) };
  const { fact } = t;
  const th = thresholdOf(t, v);
  switch (t.op) {
    case "eq":
      return { fact, operator: "equal", value: th };
    case "ne":
      return { fact, operator: "notEqual", value: th };
    case "lt":
      return { fact, operator: "lessThan", value: th };
    case "lte":
      return { fact, operator: "lessThanInclusive", value: th };
    case "gt":
      return { fact, operator: "greaterThan", value: th };
    case "gte":
      return { fact, operator: "greaterThanInclusive", value: th };
    case "in":
      return { fact, operator: "in", value: asList(th) };
    case "not_in":
      return { fact, operator: "notIn", value: asList(th) };
    // List facts: `contains` / `doesNotContain` test one item, so a list threshold becomes any / all of them.
    case "includes_any":
      return { any: asList(th).map((x) => ({ fact, operator: "contains", value: x })) };
    case "includes_none":
      return { all: asList(th).map((x) => ({ fact, operator: "doesNotContain", value: x })) };
  }
}
