/**
 * Reading a typed or tapped answer as a fact's value. Numbers are accepted as women write them: with a
 * currency sign or code ("KSh 6,000", "Rs 8000", "₹8000"), the shop-keeper's "8000/-" or "8,000/=", spaces
 * between digit groups, and the digits of her script (Devanagari, Bengali, Arabic-Indic, Thai).
 */
import type { FactDef, FactValue } from "../engine/types";
import type { FactIssue } from "./issues";

export type Parsed = { ok: true; value: FactValue } | { ok: false; issue: Omit<FactIssue, "path"> };

/** Zero of each decimal script a member may type in, besides ASCII. */
const ZEROS = [0x0660, 0x06f0, 0x0966, 0x09e6, 0x0e50, 0x0ae6, 0x0a66, 0x0be6, 0x0d66, 0x1040];

/** ASCII digits for any decimal digit of the scripts above. */
export function asciiDigits(s: string): string {
  let out = "";
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    const zero = ZEROS.find((z) => c >= z && c <= z + 9);
    out += zero === undefined ? ch : String(c - zero);
  }
  return out;
}

/**
 * A number as a member writes it, or undefined. Currency words and signs before or after, "/-" and "/=", and
 * group separators (comma, space, apostrophe, Arabic thousands separator) are dropped; one decimal point is kept.
 * @example parseNumber("KSh 6,000") // 6000
 * @example parseNumber("८०००/-") // 8000
 */
export function parseNumber(input: string): number | undefined {
  const r = readNumber(input);
  return typeof r === "number" ? r : undefined;
}

/**
 * A number as a member writes it, or the two readings when her writing could mean either ("8.000" is 8 in one
 * country and 8000 in another; "8,5" is 8.5 or a slip for 85), so that she is asked rather than misread.
 * @example readNumber("8.000") // { ambiguous: [8, 8000] }
 */
export function readNumber(input: string): number | { ambiguous: [number, number] } | undefined {
  const plain = asciiDigits(input.normalize("NFKC")).trim().replace(/\/[-=]$/, "").replace(/[\s\u00a0\u202f]/g, "");
  const digits = plain.replace(/^[^\d]+|[^\d]+$/g, "");
  const dotted = /^(\d{1,3})\.(\d{3})$/.exec(digits);
  if (dotted) return { ambiguous: [Number(`${dotted[1]}.${dotted[2]}`), Number(dotted[1]! + dotted[2]!)] };
  const comma = /^(\d+),(\d{1,2})$/.exec(digits);
  if (comma) return { ambiguous: [Number(`${comma[1]}.${comma[2]}`), Number(comma[1]! + comma[2]!)] };
  if (/^\d{1,3}(\.\d{3}){2,}$/.test(digits)) return Number(digits.replace(/\./g, ""));
  return strictNumber(input);
}

function strictNumber(input: string): number | undefined {
  let s = asciiDigits(input.normalize("NFKC")).trim().toLowerCase();
  s = s.replace(/\/[-=]$/, "");
  // Currency signs and words, before or after the number.
  s = s.replace(/^(ksh|kes|sh|rs\.?|inr|pkr|npr|bdt|tk\.?|php|idr|rp\.?|thb|baht|₹|৳|₱|฿|₨|रु\.?|रू\.?|रुपैयाँ|रुपये|روپے|টাকা|บาท)\s*/u, "");
  s = s.replace(/\s*(ksh|kes|shillings?|rs\.?|inr|pkr|npr|bdt|tk\.?|php|idr|rp\.?|thb|baht|₹|৳|₱|฿|₨|रु\.?|रू\.?|रुपैयाँ|रुपये|روپے|টাকা|บาท)$/u, "");
  s = s.replace(/[\s,'’٬\u00a0\u202f]/g, "").replace(/٫/g, ".");
  if (!/^\d+(\.\d+)?$/.test(s)) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

/** A form value as the fact's type; the gate (checkFacts) then checks ranges and codes. */
export function parseAnswer(def: FactDef, raw: string | string[] | undefined): Parsed {
  if (def.type === "list") {
    const values = (Array.isArray(raw) ? raw : raw ? [raw] : []).filter((v) => v && v !== "none");
    return { ok: true, value: [...new Set(values)] };
  }
  const s = (Array.isArray(raw) ? raw[0] : raw)?.trim() ?? "";
  if (s === "") return { ok: false, issue: { code: "required" } };
  switch (def.type) {
    case "boolean":
      return s === "true" ? { ok: true, value: true } : s === "false" ? { ok: true, value: false } : { ok: false, issue: { code: "not_yes_no" } };
    case "integer":
    case "number": {
      const n = readNumber(s);
      if (n === undefined) return { ok: false, issue: { code: "not_a_number" } };
      if (typeof n === "object") {
        // A whole-number fact cannot be 8.5: only the other reading is possible, so nothing to ask.
        const [a, b] = n.ambiguous;
        if (def.type === "integer") return Number.isInteger(a) ? { ok: false, issue: { code: "ambiguous_number", params: { a, b } } } : { ok: true, value: b };
        return { ok: false, issue: { code: "ambiguous_number", params: { a, b } } };
      }
      return { ok: true, value: n };
    }
    default:
      return s.length > 64 ? { ok: false, issue: { code: "too_long" } } : { ok: true, value: s };
  }
}
