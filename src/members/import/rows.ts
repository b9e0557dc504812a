/**
 * From a parsed member list to members (pure): which column holds what (suggested from headers in English,
 * Kiswahili, Thai and the other networks' languages, confirmed by the organizer), values as the tools write them
 * ("F", "Mwanamke", "หญิง" → female; "15/3/2518" → 1975-03-15; "3.250,50" → 3250.5; "0712 345 678" → +254712345678),
 * then the one facts gate. A row answers a member or its problems, each with its line, column and a code with
 * parameters (the channel words it in the organizer's language). Bad rows never stop good ones.
 */
import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/min";
import type { Facts, FactValue, Pack } from "../../engine/types";
import { ANSWERED_BY } from "../../engine/vocabulary";
import { checkFacts, factDefs } from "../../interview/gate";
import { asciiDigits, readNumber } from "../../interview/parse";
import type { Column, Row } from "./parse";

/** What a column may hold: a member's own field, a fact of the vocabulary (`fact:age`), or nothing to import. */
export type Target = "member_no" | "name" | "given_name" | "family_name" | "phone" | "cluster" | "lang" | "consent" | `fact:${string}` | "ignore";

export interface Mapping {
  /** Column index → target. Columns not named are ignored. */
  columns: Record<number, Target>;
  /** Per target, a raw value (lower case, trimmed) → the value to import: the organizer's own answers ("Mke" → female). */
  values?: Record<string, Record<string, string>>;
}

export interface ImportedMember {
  line: number;
  member_no: string;
  name: string;
  phone: string | null;
  /** The cluster's code or name as written (matched to the network's clusters by the caller). */
  cluster: string | null;
  lang: string | null;
  /** What the file records of her consent: a refusal blocks the row; blank means "consent needed". */
  consent: "given" | "refused" | "unknown";
  facts: Facts;
}

export interface RowIssue {
  line: number;
  /** The header of the column, or "" for the row as a whole. */
  column: string;
  code: string;
  params?: Record<string, string | number>;
}

export type RowResult = { ok: true; member: ImportedMember } | { ok: false; issues: RowIssue[] };

const clean = (s: string) => s.normalize("NFKC").toLowerCase().replace(/[^\p{L}\p{M}\p{N}]+/gu, "_").replace(/^_+|_+$/g, "");

/** Header words per target, in the networks' languages, cleaned as headers are. */
const SYNONYMS: Record<string, string[]> = {
  member_no: ["member_no", "member_number", "membership_no", "membership_number", "member_id", "no", "number", "id_no", "nambari_ya_mwanachama", "namba_ya_mwanachama", "nambari", "เลขสมาชิก", "รหัสสมาชิก", "เลขที่สมาชิก", "numero_ng_miyembro", "nomor_anggota", "सदस्य_संख्या", "رکن_نمبر"],
  name: ["name", "full_name", "member_name", "names", "jina", "jina_kamili", "majina", "ชื่อ", "ชื่อ_สกุล", "ชื่อ_นามสกุล", "pangalan", "nama", "नाम", "نام", "নাম"],
  given_name: ["first_name", "given_name", "jina_la_kwanza", "ชื่อจริง"],
  family_name: ["last_name", "surname", "family_name", "jina_la_ukoo", "นามสกุล"],
  phone: ["phone", "phone_number", "mobile", "mobile_number", "tel", "telephone", "msisdn", "simu", "nambari_ya_simu", "โทรศัพท์", "เบอร์โทร", "เบอร์โทรศัพท์", "telepono", "telepon", "no_hp", "फ़ोन", "فون"],
  cluster: ["cluster", "group", "branch", "kikundi", "tawi", "กลุ่ม", "เครือข่าย", "kelompok", "grupo"],
  lang: ["language", "lang", "lugha", "ภาษา"],
  consent: ["consent", "consent_given", "agreed", "idhini", "ridhaa", "ความยินยอม", "ยินยอม", "pahintulot", "persetujuan"],
  "fact:birth_date": ["birth_date", "date_of_birth", "dob", "birthdate", "tarehe_ya_kuzaliwa", "วันเกิด", "วัน_เดือน_ปีเกิด", "kaarawan", "tanggal_lahir", "जन्म_तिथि"],
  "fact:age": ["age", "umri", "อายุ", "edad", "umur", "उम्र", "عمر"],
  "fact:sex": ["sex", "gender", "jinsia", "เพศ", "kasarian", "jenis_kelamin", "लिंग", "جنس"],
  "fact:worker_type": ["worker_type", "type_of_work", "work_type", "aina_ya_kazi", "ประเภทงาน"],
  "fact:monthly_income": ["monthly_income", "income", "income_per_month", "kipato", "mapato", "รายได้", "รายได้ต่อเดือน", "kita", "pendapatan"],
  "fact:region": ["region", "county", "province", "state", "kaunti", "จังหวัด", "provinsi"],
  "fact:has_national_id": ["has_national_id", "national_id", "id_card", "kitambulisho", "บัตรประชาชน"],
  "fact:is_pregnant": ["pregnant", "is_pregnant", "mjamzito", "ตั้งครรภ์"],
  "fact:has_disability": ["disability", "has_disability", "ulemavu", "พิการ"],
  "fact:household_size": ["household_size", "household", "idadi_ya_watu_nyumbani", "จำนวนสมาชิกในครัวเรือน"],
};

/**
 * Suggests a target per column from its header (meta columns of export tools are left out). A fact the country's
 * rules know may also be named by its own vocabulary name (`monthly_income`).
 * @example suggestMapping([{ index: 0, header: "Jina", name: "jina", meta: false }], kePack) // { 0: "name" }
 */
export function suggestMapping(columns: readonly Column[], pack: Pack): Record<number, Target> {
  const defs = factDefs(pack);
  const out: Record<number, Target> = {};
  const used = new Set<Target>();
  for (const c of columns) {
    if (c.meta) continue;
    const name = clean(c.name);
    let target: Target | undefined;
    for (const [t, words] of Object.entries(SYNONYMS)) if (words.includes(name)) target = t as Target;
    if (!target && defs.has(name)) target = `fact:${name}`;
    if (target?.startsWith("fact:") && !defs.has(target.slice(5))) target = undefined;
    if (target && !used.has(target)) {
      out[c.index] = target;
      used.add(target);
    }
  }
  // An age beside a birth date is a frozen formula: import the birth date only.
  if (used.has("fact:birth_date")) for (const [i, t] of Object.entries(out)) if (t === "fact:age") delete out[Number(i)];
  return out;
}

const YES = new Set(["yes", "y", "true", "1", "ndiyo", "ndio", "ใช่", "มี", "oo", "opo", "ya", "iya", "हाँ", "हां", "ہاں", "হ্যাঁ", "x", "✓"]);
const NO = new Set(["no", "n", "false", "0", "hapana", "la", "ไม่", "ไม่มี", "ไม่ใช่", "hindi", "wala", "tidak", "bukan", "नहीं", "نہیں", "না"]);
const FEMALE = new Set(["f", "female", "woman", "w", "mwanamke", "mke", "ke", "หญิง", "ผู้หญิง", "ญ", "babae", "perempuan", "p", "महिला", "عورت", "মহিলা"]);
const MALE = new Set(["m", "male", "man", "mwanaume", "me", "ชาย", "ผู้ชาย", "ช", "lalaki", "laki_laki", "l", "पुरुष", "مرد", "পুরুষ"]);

/** A date as these tools write it: ISO (with a time from Kobo or ODK), day/month/year, a Buddhist-era year, an Excel serial. */
export function readDate(raw: string): string | undefined {
  const s = asciiDigits(raw.trim());
  let y: number, m: number, d: number;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(s);
  if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s))) [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if (/^\d{5}$/.test(s)) {
    // Excel's day count from 1899-12-30, when a date column was saved as a number.
    const date = new Date(Date.UTC(1899, 11, 30) + Number(s) * 86400000);
    return date.toISOString().slice(0, 10);
  } else return undefined;
  // Thai dates count years from the Buddha's death: 2518 BE is 1975.
  if (y > 2300) y -= 543;
  const iso = `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  const back = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(back.getTime()) || back.toISOString().slice(0, 10) !== iso ? undefined : iso;
}

/** A number as written, also in the European style a semicolon file carries ("3.250,50"). */
export function readImportNumber(raw: string, decimalComma: boolean): number | undefined {
  const s = asciiDigits(raw.trim()).replace(/[\s\u00a0]/g, "");
  if (decimalComma && /^-?\d{1,3}(\.\d{3})*(,\d+)?$|^-?\d+,\d+$/.test(s)) return Number(s.replace(/\./g, "").replace(",", "."));
  const n = readNumber(raw);
  return typeof n === "number" ? n : undefined;
}

export interface RowContext {
  pack: Pack;
  /** The network's country, for phone numbers written locally. */
  country: string;
  today: string;
  /** The file's separator was `;` (decimal commas are likely). */
  decimalComma: boolean;
}

/** Checks one row against the mapping; never throws. */
export function checkRow(row: Row, columns: readonly Column[], mapping: Mapping, ctx: RowContext): RowResult {
  const defs = factDefs(ctx.pack);
  const issues: RowIssue[] = [];
  const header = (i: number) => columns[i]?.header ?? String(i);
  const raw: Partial<Record<Target, { value: string; column: number }>> = {};
  for (const [i, target] of Object.entries(mapping.columns)) {
    if (target === "ignore") continue;
    const value = (row.cells[Number(i)] ?? "").trim();
    if (value !== "") raw[target] = { value, column: Number(i) };
  }
  const mapped = (target: Target, value: string) => mapping.values?.[target]?.[value.toLowerCase()] ?? value;
  const problem = (column: number | undefined, code: string, params?: Record<string, string | number>) => issues.push({ line: row.line, column: column === undefined ? "" : header(column), code, ...(params ? { params } : {}) });

  const consentRaw = raw.consent ? mapped("consent", raw.consent.value).toLowerCase() : "";
  const consent: ImportedMember["consent"] = !consentRaw ? "unknown" : YES.has(consentRaw) || consentRaw === "given" ? "given" : NO.has(consentRaw) || consentRaw === "refused" ? "refused" : "unknown";
  if (consentRaw && consent === "unknown") problem(raw.consent!.column, "unknown_value", { value: raw.consent!.value.slice(0, 40) });

  const memberNo = raw.member_no?.value;
  const name = raw.name?.value ?? [raw.given_name?.value, raw.family_name?.value].filter(Boolean).join(" ");
  // A refusal on a consent-first form leaves no number and no name: nothing about her is kept, and that is no error.
  if (consent === "refused") return { ok: false, issues: [{ line: row.line, column: raw.consent ? header(raw.consent.column) : "", code: "consent_refused" }] };
  if (!memberNo) problem(Object.entries(mapping.columns).find(([, t]) => t === "member_no")?.[0] as never, "required", { field: "member_no" });
  else if (!/^[\p{L}\p{N}._/-]{1,40}$/u.test(memberNo)) problem(raw.member_no!.column, "invalid_member_no");
  if (!name) problem(undefined, "required", { field: "name" });

  let phone: string | null = null;
  if (raw.phone) {
    const v = raw.phone.value;
    if (/^\d(\.\d+)?E\+\d+$/i.test(v)) problem(raw.phone.column, "excel_scientific", { value: v });
    else {
      const digits = asciiDigits(v);
      // Excel drops a leading zero: a 9-digit Kenyan mobile is tried with it put back.
      const parsed = parsePhoneNumberFromString(digits, ctx.country.toUpperCase() as CountryCode) ?? undefined;
      const retry = !parsed?.isValid() && /^\d{9}$/.test(digits.replace(/\D/g, "")) ? parsePhoneNumberFromString(`0${digits.replace(/\D/g, "")}`, ctx.country.toUpperCase() as CountryCode) : undefined;
      const ok = parsed?.isValid() ? parsed : retry?.isValid() ? retry : undefined;
      if (ok) phone = ok.number;
      else problem(raw.phone.column, "invalid_phone", { value: v.slice(0, 40) });
    }
  }

  const facts: Facts = {};
  const factColumn: Record<string, number> = {};
  for (const [target, cell] of Object.entries(raw) as [Target, { value: string; column: number }][]) {
    if (!target.startsWith("fact:")) continue;
    const fact = target.slice(5);
    const def = defs.get(fact);
    if (!def) continue;
    const v = mapped(target, cell.value);
    const low = v.toLowerCase().trim();
    let value: FactValue | undefined;
    switch (def.type) {
      case "boolean":
        value = YES.has(low) ? true : NO.has(low) ? false : undefined;
        break;
      case "integer":
      case "number": {
        const n = readImportNumber(v, ctx.decimalComma);
        value = n === undefined ? undefined : def.type === "integer" && Number.isInteger(n) ? n : def.type === "number" ? n : undefined;
        break;
      }
      case "date":
        value = readDate(v);
        break;
      case "enum": {
        const values = def.values ?? [];
        const byCode = values.find((x) => x.toLowerCase() === clean(v));
        const byLabel = values.find((x) => Object.values(def.options?.[x] ?? {}).some((label) => label.toLowerCase() === low));
        const sexMatch = fact === "sex" ? (FEMALE.has(clean(v)) ? "female" : MALE.has(clean(v)) ? "male" : undefined) : undefined;
        value = byCode ?? byLabel ?? (sexMatch && values.includes(sexMatch) ? sexMatch : undefined);
        break;
      }
      case "list":
        value = v.split(/[\s,;]+/).map((x) => clean(x)).filter(Boolean);
        break;
    }
    if (value === undefined) problem(cell.column, "unreadable_value", { fact, value: cell.value.slice(0, 40) });
    else {
      facts[fact] = value;
      factColumn[fact] = cell.column;
    }
  }
  // Rules read a birth date as age: both given is a contradiction waiting for the next birthday.
  for (const [fact, alt] of Object.entries(ANSWERED_BY)) if (facts[fact] !== undefined && facts[alt] !== undefined) delete facts[fact];
  const checked = checkFacts(ctx.pack, facts, ctx.today);
  if (!checked.ok) {
    for (const i of checked.issues) {
      const fact = String(i.path[1] ?? "");
      problem(factColumn[fact], i.code, { fact, ...(i.params as Record<string, string | number> | undefined) });
    }
  }
  if (issues.length) return { ok: false, issues };
  return {
    ok: true,
    member: {
      line: row.line,
      member_no: memberNo!,
      name: name.replace(/\s+/g, " ").trim(),
      phone,
      cluster: raw.cluster?.value ?? null,
      lang: raw.lang?.value.toLowerCase() ?? null,
      consent,
      facts: checked.ok ? checked.facts : {},
    },
  };
}
