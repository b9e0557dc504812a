/** Reading member lists as KoboToolbox, ODK Central and Excel write them (../shared/research/import-shapes.md). */
import { describe, expect, it } from "vitest";
import { decode, parseTable } from "../../../src/members/import/parse";

const utf8 = (s: string) => new TextEncoder().encode(s);

describe("decode", () => {
  it("strips a UTF-8 byte-order mark, reads UTF-16, and falls back to the network's legacy code page", () => {
    expect(decode(utf8("\ufeffNo.;Name"), "ke")).toEqual({ text: "No.;Name", encoding: "utf-8-bom", legacy: false });
    expect(decode(new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x42, 0x00]), "ke").text).toBe("AB");
    // "สมศรี" in Windows-874, as Excel saves a Thai list as plain CSV: not UTF-8.
    const thai = decode(new Uint8Array([0xca, 0xc1, 0xc8, 0xc3, 0xd5]), "th");
    expect(thai).toEqual({ text: "สมศรี", encoding: "windows-874", legacy: true });
    expect(decode(new Uint8Array([0x4d, 0xe9, 0x6c]), "ke")).toMatchObject({ text: "Mél", encoding: "windows-1252", legacy: true });
  });
});

describe("parseTable", () => {
  it("an Excel list: BOM, semicolons, CRLF, a cell with a line break, trailing rows of bare separators", () => {
    const file = '\ufeffNo.;Name;Phone;Notes\r\nHNK-1;Achieng Otieno;0712345678;"sews\r\nat home"\r\nHNK-2;Wanjiku Kamau;;\r\n;;;\r\n;;;\r\n';
    const t = parseTable(file);
    expect(t.separator).toBe(";");
    expect(t.source).toBe("csv");
    expect(t.columns.map((c) => c.name)).toEqual(["no", "name", "phone", "notes"]);
    expect(t.rows).toEqual([
      { line: 2, cells: ["HNK-1", "Achieng Otieno", "0712345678", "sews\nat home"] },
      // The cell above took two lines: this record is on line 4.
      { line: 4, cells: ["HNK-2", "Wanjiku Kamau", "", ""] },
    ]);
    expect(t.problems).toEqual([]);
  });

  it("a KoboToolbox export: every field quoted, ';', group paths, meta columns, the hashtag row", () => {
    const file = [
      '"start";"end";"group_mw5hx83/member_no";"group_mw5hx83/full_name";"sex";"_id";"_uuid";"_submission_time";"_validation_status";"_index"',
      '"";"";"#beneficiary+id";"#beneficiary+name";"#sex";"";"";"";"";""',
      '"2026-01-05T10:00:00.000+03:00";"2026-01-05T10:05:00.000+03:00";"HNK-7";"Nafula\nWekesa";"female";"1";"a1";"2026-01-05T07:05:00";"";"1"',
      '"2026-01-06T10:00:00.000+03:00";"";"HNK-8";"Chebet";"";"2";"a2";"2026-01-06T07:05:00";"";"2"',
    ].join("\r\n");
    const t = parseTable(file);
    expect(t.source).toBe("kobo");
    expect(t.columns.filter((c) => !c.meta).map((c) => c.name)).toEqual(["member_no", "full_name", "sex"]);
    expect(t.skipped).toEqual([{ line: 2, why: "hashtag_row" }]);
    expect(t.rows.map((r) => [r.line, r.cells[2], r.cells[3]])).toEqual([
      [3, "HNK-7", "Nafula\nWekesa"],
      [5, "HNK-8", "Chebet"],
    ]);
  });

  it("an ODK Central export: ',' , '-' group separators, meta columns, and only approved submissions when asked", () => {
    const file = [
      "SubmissionDate,start,end,member-member_no,member-name,member-phone,meta-instanceID,KEY,SubmitterID,SubmitterName,AttachmentsPresent,AttachmentsExpected,Status,ReviewState,DeviceID,Edits,FormVersion",
      "2026-02-01T08:00:00.000Z,,,HNK-20,Akinyi,0700000001,uuid:1,uuid:1,5,kisumu,0,0,,approved,,0,1",
      "2026-01-30T08:00:00.000Z,,,HNK-21,Test Entry,,uuid:2,uuid:2,5,kisumu,0,0,,rejected,,0,1",
      "2026-01-29T08:00:00.000Z,,,HNK-22,Moraa,,uuid:3,uuid:3,5,kisumu,0,0,,,,0,1",
    ].join("\n");
    const all = parseTable(file);
    expect(all.source).toBe("odk");
    expect(all.columns.filter((c) => !c.meta).map((c) => c.name)).toEqual(["member_no", "name", "phone"]);
    expect(all.rows).toHaveLength(3);
    const approved = parseTable(file, { approvedOnly: true });
    expect(approved.rows.map((r) => r.cells[3])).toEqual(["HNK-20"]);
    expect(approved.skipped).toEqual([
      { line: 3, why: "not_approved" },
      { line: 4, why: "not_approved" },
    ]);
  });

  it("mixed line ends lose no member; a row with too many fields and an open quote are reported at their lines, and the rows after them are kept", () => {
    const lines = ["No,Name,Phone"];
    for (let i = 1; i <= 5; i++) lines.push(`M${i},Name ${i},07000000${i}`);
    const crlf = `${lines.join("\r\n")}\r\n`;
    const lf = ["M6,Name 6,0700000006", "M7,Name 7,0700000007,extra", 'M8,"Name 8,0700000008', "M9,Name 9,0700000009", "M10,Name 10,0700000010"].join("\n");
    const t = parseTable(crlf + lf);
    expect(t.rows.map((r) => r.cells[0])).toEqual(["M1", "M2", "M3", "M4", "M5", "M6", "M9", "M10"]);
    expect(t.rows.map((r) => r.line)).toEqual([2, 3, 4, 5, 6, 7, 10, 11]);
    expect(t.problems).toEqual([
      { line: 8, code: "field_count", expected: 3, found: 4 },
      { line: 9, code: "open_quote" },
    ]);
  });

  it("a Thai list saved by Excel as plain CSV: Windows-874, read and parsed", () => {
    // เลขสมาชิก,ชื่อ → bytes in Windows-874, then one row.
    const enc874 = (s: string) => Uint8Array.from([...s].map((ch) => (ch.charCodeAt(0) >= 0x0e01 ? ch.charCodeAt(0) - 0x0e00 + 0xa0 : ch.charCodeAt(0))));
    const decoded = decode(enc874("เลขสมาชิก,ชื่อ\r\nHNT-1,สมศรี ใจดี\r\n"), "th");
    expect(decoded.legacy).toBe(true);
    const t = parseTable(decoded.text);
    expect(t.columns.map((c) => c.name)).toEqual(["เลขสมาชิก", "ชื่อ"]);
    expect(t.rows[0]!.cells).toEqual(["HNT-1", "สมศรี ใจดี"]);
  });
});
