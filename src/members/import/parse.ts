/**
 * Reading a member list as its file really is (pure): the bytes' encoding (UTF-8 with or without a byte-order mark,
 * UTF-16, or an Excel "CSV" saved in the PC's legacy code page, such as Windows-874 for a Thai list), the separator
 * (`;` from KoboToolbox, `,` from Excel and ODK Central, tab), quoted fields with line breaks, mixed line ends, and
 * the export tool (Kobo's meta columns and hashtag row, ODK Central's meta columns and review state).
 *
 * CSV parsing is papaparse's. Two things it does not do are done here, because both lose members silently
 * (../shared/research/import-shapes.md): line ends are normalised first (a file whose first lines end in CRLF and the
 * rest in LF is otherwise read as one huge row), and a quote left open is reported at the line where its record
 * starts and the rest of the file is read again from the next line (otherwise it swallows everything after it).
 * Every row carries its physical line number, as the organizer sees it in her editor.
 */
import Papa from "papaparse";

export type SourceKind = "csv" | "kobo" | "odk";

export interface Column {
  index: number;
  /** The header as written. */
  header: string;
  /** The question's own name: the last segment of a group path (Kobo `/`, ODK `-`), cleaned for matching. */
  name: string;
  /** An export tool's own column (`_uuid`, `SubmissionDate`, …): never member data. */
  meta: boolean;
}

export interface Row {
  /** Physical line (1-based) where the record starts. */
  line: number;
  cells: string[];
}

export type ParseProblem =
  | { line: number; code: "field_count"; expected: number; found: number }
  | { line: number; code: "open_quote" };

export interface ParsedTable {
  source: SourceKind;
  separator: string;
  columns: Column[];
  rows: Row[];
  problems: ParseProblem[];
  /** Rows left out on purpose: Kobo's hashtag (HXL) row, ODK submissions not approved when only approved are wanted. */
  skipped: { line: number; why: "hashtag_row" | "not_approved" }[];
}

export interface Decoded {
  text: string;
  /** What the bytes were read as. */
  encoding: "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | string;
  /** True when the bytes were not UTF-8 and were read in the network's legacy code page: show a preview to confirm. */
  legacy: boolean;
}

/** Windows-874 (Thai) by hand: the Workers runtime's TextDecoder knows only UTF-8 and UTF-16. */
function decodeWindows874(bytes: Uint8Array): string {
  const extra: Record<number, number> = { 0x80: 0x20ac, 0x85: 0x2026, 0x91: 0x2018, 0x92: 0x2019, 0x93: 0x201c, 0x94: 0x201d, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014, 0xa0: 0x00a0 };
  let out = "";
  for (const b of bytes) {
    if (b < 0x80) out += String.fromCharCode(b);
    else if (extra[b] !== undefined) out += String.fromCharCode(extra[b]!);
    else if ((b >= 0xa1 && b <= 0xda) || (b >= 0xdf && b <= 0xfb)) out += String.fromCharCode(0x0e00 + (b - 0xa0));
    else out += "\ufffd";
  }
  return out;
}

/** Windows-1252 (Western Europe; what Excel writes on an English or Kiswahili PC). */
function decodeWindows1252(bytes: Uint8Array): string {
  const high = [0x20ac, 0xfffd, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0xfffd, 0x017d, 0xfffd, 0xfffd, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0xfffd, 0x017e, 0x0178];
  let out = "";
  for (const b of bytes) out += String.fromCharCode(b >= 0x80 && b < 0xa0 ? high[b - 0x80]! : b);
  return out;
}

/** The legacy code page Excel uses on PCs of a country. */
export function legacyCodePage(country: string): "windows-874" | "windows-1252" {
  return country === "th" ? "windows-874" : "windows-1252";
}

/**
 * Decodes a file's bytes: a byte-order mark decides; else strict UTF-8; else the network's legacy code page.
 * @example decode(new Uint8Array([0xca, 0xc1]), "th").text // "สม" (Windows-874)
 */
export function decode(bytes: Uint8Array, country: string): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8-bom", legacy: false };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le", legacy: false };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    // UTF-16BE: swap to LE, which every runtime decodes.
    const swapped = new Uint8Array(bytes.length - 2);
    for (let i = 2; i + 1 < bytes.length; i += 2) {
      swapped[i - 2] = bytes[i + 1]!;
      swapped[i - 1] = bytes[i]!;
    }
    return { text: new TextDecoder("utf-16le").decode(swapped), encoding: "utf-16be", legacy: false };
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8", legacy: false };
  } catch {
    const page = legacyCodePage(country);
    return { text: page === "windows-874" ? decodeWindows874(bytes) : decodeWindows1252(bytes), encoding: page, legacy: true };
  }
}

const KOBO_META = new Set(["_id", "_uuid", "_submission_time", "_validation_status", "_notes", "_status", "_submitted_by", "__version__", "_tags", "_index", "_parent_table_name", "_parent_index", "_xform_id_string", "_attachments", "_geolocation", "meta/instanceid", "meta/rootuuid", "meta/deprecatedid", "formhub/uuid", "start", "end", "today", "deviceid", "username", "simserial", "subscriberid", "phonenumber", "audit", "instanceid"]);
const ODK_META = new Set(["submissiondate", "key", "reviewstate", "submitterid", "submittername", "attachmentspresent", "attachmentsexpected", "status", "deviceid", "edits", "formversion", "meta-instanceid", "instanceid", "start", "end", "today"]);

/** The separator of the header line: the most frequent of `;` `,` tab outside quotes. */
function sniffSeparator(headerLine: string): string {
  const counts: Record<string, number> = { ";": 0, ",": 0, "\t": 0 };
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch in counts) counts[ch]! += 1;
  }
  const [best, n] = Object.entries(counts).sort((a, b) => b[1] - a[1])[0]!;
  return n > 0 ? best : ",";
}

/** A header cleaned for matching: lower case, group path dropped, spaces and punctuation as `_`. */
export function cleanHeader(header: string, source: SourceKind): string {
  const path = source === "odk" ? header.split("-") : header.split("/");
  const last = (source === "csv" ? header : path.at(-1)!).trim().toLowerCase();
  return last.normalize("NFKC").replace(/[^\p{L}\p{M}\p{N}]+/gu, "_").replace(/^_+|_+$/g, "");
}

function detectSource(headers: string[]): SourceKind {
  const lower = headers.map((h) => h.trim().toLowerCase());
  if (lower.includes("_uuid") || lower.includes("_submission_time") || lower.includes("_validation_status")) return "kobo";
  if (lower.includes("submissiondate") && lower.includes("key")) return "odk";
  return "csv";
}

/** Records of `text` (already "\n"-only) from character `from`, each with its physical start line. */
function records(text: string, separator: string, firstLine: number): { rows: Row[]; openQuoteAt?: number; resumeAt?: number } {
  const rows: Row[] = [];
  let line = firstLine;
  let offset = 0;
  let openQuoteAt: number | undefined;
  let resumeAt: number | undefined;
  Papa.parse<string[]>(text, {
    delimiter: separator,
    newline: "\n",
    quoteChar: '"',
    skipEmptyLines: false,
    step: (result, p) => {
      const end = result.meta.cursor;
      const start = line;
      if (result.errors.some((e) => e.code === "MissingQuotes")) {
        openQuoteAt = start;
        // Read again from the line after the one where the broken record starts.
        const nl = text.indexOf("\n", offset);
        resumeAt = nl < 0 ? undefined : nl + 1;
        p.abort();
        return;
      }
      rows.push({ line: start, cells: result.data });
      // Lines this record took: its own line breaks, plus the one that ends it.
      for (let i = offset; i < end; i++) if (text.charCodeAt(i) === 10) line++;
      if (text.charCodeAt(end) === 10) line++;
      offset = end + 1;
    },
  });
  return { rows, openQuoteAt, resumeAt };
}

/**
 * Parses a decoded file into columns and rows with their physical lines, dropping export tools' meta columns from
 * what can be mapped (they stay in `columns`, marked), Kobo's hashtag row, and — with `approvedOnly` — ODK
 * submissions whose review state is not "approved".
 */
export function parseTable(input: string, options: { approvedOnly?: boolean } = {}): ParsedTable {
  const text = input.replace(/^\ufeff/, "").replace(/\r\n?/g, "\n");
  const firstBreak = text.indexOf("\n");
  const separator = sniffSeparator(firstBreak < 0 ? text : text.slice(0, firstBreak));
  const problems: ParseProblem[] = [];
  const all: Row[] = [];
  let rest = text;
  let line = 1;
  for (let guard = 0; guard < 10_000; guard++) {
    const r = records(rest, separator, line);
    all.push(...r.rows);
    if (r.openQuoteAt === undefined) break;
    problems.push({ line: r.openQuoteAt, code: "open_quote" });
    if (r.resumeAt === undefined) break;
    // Lines consumed up to the resume point.
    const consumed = rest.slice(0, r.resumeAt);
    line += (consumed.match(/\n/g) ?? []).length;
    rest = rest.slice(r.resumeAt);
  }
  const header = all.shift();
  const headers = header?.cells ?? [];
  const source = detectSource(headers);
  const metaSet = source === "kobo" ? KOBO_META : source === "odk" ? ODK_META : new Set<string>();
  const columns: Column[] = headers.map((h, index) => {
    const lower = h.trim().toLowerCase();
    return { index, header: h, name: cleanHeader(h, source), meta: metaSet.has(lower) || (source === "kobo" && lower.startsWith("_")) };
  });
  const skipped: ParsedTable["skipped"] = [];
  const rows: Row[] = [];
  const reviewCol = source === "odk" ? headers.findIndex((h) => h.trim().toLowerCase() === "reviewstate") : -1;
  for (const [i, row] of all.entries()) {
    // Excel's trailing rows of bare separators, and blank lines, are not members.
    if (row.cells.every((c) => c.trim() === "")) continue;
    if (i === 0 && source === "kobo" && row.cells.filter((c) => c.trim()).every((c) => c.trim().startsWith("#"))) {
      skipped.push({ line: row.line, why: "hashtag_row" });
      continue;
    }
    if (options.approvedOnly && reviewCol >= 0 && (row.cells[reviewCol] ?? "").trim().toLowerCase() !== "approved") {
      skipped.push({ line: row.line, why: "not_approved" });
      continue;
    }
    if (row.cells.length !== headers.length) {
      problems.push({ line: row.line, code: "field_count", expected: headers.length, found: row.cells.length });
      continue;
    }
    rows.push(row);
  }
  problems.sort((a, b) => a.line - b.line);
  return { source, separator, columns, rows, problems, skipped };
}
