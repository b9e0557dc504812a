/**
 * The eligibility engine's public surface. Pure: no I/O and no clock, so it runs unchanged in the Worker, in the
 * browser (the offline check) and in Node (benchmarks, rule tooling).
 */
export { compilePack, maskIds, MAX_CRITERIA, resolveFacts, type BulkResult, type BulkScheme, type CompiledPack, type EvaluateOptions } from "./compile";
export { referenceEvaluate } from "./reference";
export { applyChange, changeableParts, CHANGE_ERROR_CODES, WHATIF_SUFFIX, type ChangeablePart, type ChangeError, type ChangeErrorCode, type ChangeResult, type RuleChange } from "./override";
export { nextQuestion } from "./next-question";
export { ageOn, isIsoDate } from "./dates";
export { localize, localizeAll, type Localized } from "./text";
export { BASE_FACTS, countryFacts } from "./vocabulary";
export type * from "./types";
