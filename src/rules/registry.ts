/**
 * The bundled rule packs, compiled on first use. Importing this pulls every country into the bundle; the page
 * loads one country's generated module instead.
 */
import { compilePack, type CompiledPack } from "../engine/compile";
import type { Pack } from "../engine/types";
import { PACKS, RULES_VERSION } from "./generated/index";

export { RULES_VERSION };

const compiled = new Map<string, CompiledPack>();

export function countryCodes(): string[] {
  return Object.keys(PACKS).sort();
}

/** The pack of a country code in any case (`KE`, `ke`), or undefined. */
export function getPack(code: string): Pack | undefined {
  const cc = code.toLowerCase();
  return Object.hasOwn(PACKS, cc) ? PACKS[cc] : undefined;
}

export function getEngine(code: string): CompiledPack | undefined {
  const pack = getPack(code);
  if (!pack) return undefined;
  let engine = compiled.get(pack.country.code);
  if (!engine) {
    engine = compilePack(pack);
    compiled.set(pack.country.code, engine);
  }
  return engine;
}
