/**
 * The small part of json-logic-js (which ships no types) that the benchmark uses. Declared here rather than adding
 * a @types package.
 */
declare module "json-logic-js" {
  /** A JsonLogic rule: a literal, a list, or `{ operator: arguments }`. */
  export type JsonLogicRule = string | number | boolean | null | JsonLogicRule[] | { [operator: string]: JsonLogicRule };

  interface JsonLogic {
    /** Evaluates `rule` against `data`; the result is whatever the rule computes (truthy means "holds"). */
    apply(rule: JsonLogicRule, data?: unknown): unknown;
  }

  const jsonLogic: JsonLogic;
  export default jsonLogic;
}
