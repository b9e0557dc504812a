/** Rows of a member list to members: the suggested mapping, values as tools write them, and the facts gate. */
import { describe, expect, it } from "vitest";
import { PACKS } from "../../../src/rules/generated/index";
import { parseTable } from "../../../src/members/import/parse";
import { checkRow, readDate, readImportNumber, suggestMapping } from "../../../src/members/import/rows";

const ke = PACKS.ke!;
const ctx = { pack: ke, country: "ke", today: "2026-12-02", decimalComma: false };

describe("suggestMapping", () => {
  it("reads headers in English and Kiswahili, and group paths' last segment", () => {
    const t = parseTable("Nambari ya mwanachama;Jina;Simu;Jinsia;Tarehe ya kuzaliwa;Umri;Kipato;Kikundi;Idhini;Maoni\n");
    expect(suggestMapping(t.columns, ke)).toEqual({ 0: "member_no", 1: "name", 2: "phone", 3: "fact:sex", 4: "fact:birth_date", 6: "fact:monthly_income", 7: "cluster", 8: "consent" });
  });
});

describe("values", () => {
  it("dates: ISO with time, day/month/year, Buddhist era, Excel serials; impossible dates refused", () => {
    expect(readDate("2026-01-05T10:00:00.000+03:00")).toBe("2026-01-05");
    expect(readDate("15/3/2518")).toBe("1975-03-15");
    expect(readDate("05.11.1980")).toBe("1980-11-05");
    expect(readDate("29221")).toBe("1980-01-01");
    expect(readDate("31/02/1990")).toBeUndefined();
  });

  it("numbers: thousands, native digits, decimal commas in a semicolon file", () => {
    expect(readImportNumber("8,000", false)).toBe(8000);
    expect(readImportNumber("3.250,50", true)).toBe(3250.5);
    expect(readImportNumber("4.500", true)).toBe(4500);
    expect(readImportNumber("๘๐๐๐", false)).toBe(8000);
  });
});

describe("checkRow", () => {
  const t = parseTable("No;Jina;Simu;Jinsia;DOB;Kipato;Idhini\nHNK-1;Achieng Otieno;712345678;Mwanamke;15/03/1980;6.000;ndiyo\nHNK-2;Bad;2.54712E+11;x;31/02/1990;;\n;;;;;;hapana\n");
  const mapping = { columns: suggestMapping(t.columns, ke) };
  const semicolon = { ...ctx, decimalComma: true };

  it("reads a good row into a member with facts through the gate", () => {
    expect(checkRow(t.rows[0]!, t.columns, mapping, semicolon)).toEqual({
      ok: true,
      member: { line: 2, member_no: "HNK-1", name: "Achieng Otieno", phone: "+254712345678", cluster: null, lang: null, consent: "given", facts: { sex: "female", birth_date: "1980-03-15", monthly_income: 6000 } },
    });
  });

  it("names each problem's line, column and code", () => {
    const r = checkRow(t.rows[1]!, t.columns, mapping, semicolon);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues.map((i) => [i.line, i.column, i.code])).toEqual([
        [3, "Simu", "excel_scientific"],
        [3, "Jinsia", "unreadable_value"],
        [3, "DOB", "unreadable_value"],
      ]);
    }
  });

  it("a refusal blocks the row and keeps nothing", () => {
    expect(checkRow(t.rows[2]!, t.columns, mapping, semicolon)).toEqual({ ok: false, issues: [{ line: 4, column: "Idhini", code: "consent_refused" }] });
  });

  it("uses the organizer's own value map", () => {
    const own = parseTable("No,Name,Sex\nA1,Asha,Mke\n");
    const r = checkRow(own.rows[0]!, own.columns, { columns: { 0: "member_no", 1: "name", 2: "fact:sex" }, values: { "fact:sex": { mke: "female" } } }, ctx);
    expect(r.ok && r.member.facts.sex).toBe("female");
  });
});
