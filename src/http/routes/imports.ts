/**
 * Importing member lists (API): upload a file (CSV bytes as saved by Excel, KoboToolbox or ODK Central; or rows an
 * organizer's browser read from a spreadsheet), see its columns with a suggested mapping, run the dry run, read its
 * summary and bad rows, then apply. Dry run and apply run on the jobs Queue in chunks. An organizer imports into
 * her own clusters only.
 */
import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { clustersOf } from "../../db/accounts";
import { audit } from "../../db/members";
import { cleanHeader, decode, parseTable, type ParsedTable } from "../../members/import/parse";
import { suggestMapping, type Mapping } from "../../members/import/rows";
import { createImport, errorRows, findImport, importSummary, savedMapping, startApply, startCheck, type ImportOptions, type ImportRow } from "../../members/import/service";
import { getEngine } from "../../rules/registry";
import { enqueue } from "../../jobs/send";
import type { AppEnv } from "../env";
import type { ImportIssue } from "../../present/org-pages";
import { errorBody } from "../errors";
import { PRIVATE_CACHE } from "../middleware";
import { createRouter } from "../router";
import { ErrorSchema } from "../schemas";
import { scopeOf } from "../session";
import { SESSION_SECURITY } from "../workspace-schemas";

/** The largest file accepted: 50,000 rows of a typical list are about 8 MB. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
const MAX_ROWS = 100_000;

const res = <T extends z.ZodType>(description: string, schema: T) => ({ description, content: { "application/json": { schema } } });
const err = (description: string) => res(description, ErrorSchema);
const base = { tags: ["workspace"], security: SESSION_SECURITY };
const common = { 401: err("Not signed in"), 403: err("Your role cannot import, or the request came from another site") };
const IdParam = z.object({ id: z.string().max(64).openapi({ param: { name: "id", in: "path" } }) });

const TARGET = z.string().regex(/^(member_no|name|given_name|family_name|phone|cluster|lang|consent|ignore|fact:[a-z0-9_]+)$/, "must be a field (member_no, name, phone, cluster, consent, …) or fact:<name>");
export const MappingSchema = z
  .object({
    columns: z.record(z.string().regex(/^\d{1,3}$/), TARGET),
    values: z.record(TARGET, z.record(z.string().max(100), z.string().max(100))).optional(),
    overwrite: z.boolean().optional(),
    default_cluster: z.string().max(64).optional(),
  })
  .strict()
  .openapi("ImportMapping");

const ImportSchema = z
  .object({
    id: z.string(),
    file_name: z.string(),
    source: z.string(),
    encoding: z.string(),
    status: z.string(),
    total_rows: z.number(),
    chunks: z.number(),
    checked_chunks: z.number(),
    applied_chunks: z.number(),
    columns: z.array(z.object({ index: z.number(), header: z.string(), name: z.string(), meta: z.boolean() })),
    problems: z.array(z.object({ line: z.number(), code: z.string() }).passthrough()),
    skipped: z.array(z.object({ line: z.number(), why: z.string() })),
    mapping: z.unknown().nullable(),
    suggested: z.record(z.string(), z.string()),
    summary: z.record(z.string(), z.number()),
  })
  .openapi("Import");

const upload = createRoute({
  ...base,
  method: "post",
  path: "/api/imports",
  operationId: "uploadImport",
  summary: "Upload a member list",
  description:
    "Send the file's bytes as text/csv (any encoding: UTF-8 with or without a byte-order mark, UTF-16, or the PC's legacy code page, which is detected and reported as `legacy` so the organizer can confirm a preview), or application/json `{ file_name, rows }` with a spreadsheet's rows read in the browser. Query: `file_name`, `approved_only=1` (ODK Central: only approved submissions). Answers the columns, a suggested mapping, the first rows and the file's own problems with their physical lines.",
  request: {
    query: z.object({ file_name: z.string().max(200).optional(), approved_only: z.enum(["0", "1"]).optional() }),
    // Read by the handler (bytes in any encoding, or rows as JSON), not by the schema validator.
    body: { required: true, content: { "text/csv": { schema: z.string().openapi({ description: "The file's bytes" }) } } },
  },
  responses: { 201: res("Uploaded", ImportSchema.extend({ legacy: z.boolean(), sample: z.array(z.object({ line: z.number(), cells: z.array(z.string()) })) })), 400: err("Empty file, no header, or too many rows"), 413: err("File larger than 20 MiB"), 415: err("Not CSV or JSON"), ...common },
});

const read = createRoute({ ...base, method: "get", path: "/api/imports/{id}", operationId: "getImport", summary: "An import: progress and the dry run's summary", request: { params: IdParam }, responses: { 200: res("The import", ImportSchema), 404: err("No such import in your network"), ...common } });

const check = createRoute({
  ...base,
  method: "post",
  path: "/api/imports/{id}/check",
  operationId: "checkImport",
  summary: "Map the columns and run the dry run",
  description: "Queues the dry run: each row's outcome — new, update, unchanged, possible_duplicate (same phone, or same name in the cluster), blocked_erased, blocked_refused (the file records a refusal), error (line, column, reason). Poll GET /api/imports/{id}.",
  request: { params: IdParam, body: { required: true, content: { "application/json": { schema: MappingSchema } } } },
  responses: { 202: res("Dry run queued", ImportSchema), 400: err("Invalid mapping or unknown cluster"), 404: err("No such import"), 409: err("Already applying or applied"), ...common },
});

const apply = createRoute({
  ...base,
  method: "post",
  path: "/api/imports/{id}/apply",
  operationId: "applyImport",
  summary: "Apply the dry run",
  description: "Queues the apply: new members (consent needed unless the file records consent) and updates (blanks filled; overwritten only if the mapping asked). Possible duplicates are not written unless a person listed their lines in include_duplicates (found to be different members); blocked and bad rows never are. Safe to repeat; resumes without duplicates after a failure.",
  request: { params: IdParam, body: { required: false, content: { "application/json": { schema: z.object({ include_duplicates: z.array(z.number().int().min(1)).max(MAX_ROWS).optional() }).strict() } } } },
  responses: { 202: res("Apply queued", ImportSchema), 404: err("No such import"), 409: err("The dry run has not finished"), ...common },
});

const bad = createRoute({
  ...base,
  method: "get",
  path: "/api/imports/{id}/errors.csv",
  operationId: "importErrors",
  summary: "The bad rows alone, as CSV, to fix and import again",
  description: "Each bad row's original cells under the file's own headers, preceded by its line in the uploaded file and the problems found.",
  request: { params: IdParam },
  responses: { 200: { description: "CSV (UTF-8 with a byte-order mark, for Excel)", content: { "text/csv": { schema: z.string() } } }, 404: err("No such import"), ...common },
});

async function describe(c: Context<AppEnv>, imp: ImportRow) {
  const engine = getEngine(c.var.session!.network.country)!;
  const columns = JSON.parse(imp.columns);
  return {
    id: imp.id,
    file_name: imp.file_name,
    source: imp.source,
    encoding: imp.encoding,
    status: imp.status,
    total_rows: imp.total_rows,
    chunks: imp.chunks,
    checked_chunks: imp.checked_chunks,
    applied_chunks: imp.applied_chunks,
    columns,
    problems: JSON.parse(imp.problems),
    skipped: JSON.parse(imp.skipped),
    mapping: imp.mapping ? JSON.parse(imp.mapping) : null,
    // The mapping confirmed last for files with these headers, else one read from the headers.
    suggested: Object.fromEntries(Object.entries((await savedMapping(c.var.db, imp.network_id, columns))?.columns ?? suggestMapping(columns, engine.pack)).map(([k, v]) => [k, String(v)])),
    summary: await importSummary(c.var.db, imp.id),
  };
}

/** Reads an upload into a parsed table: bytes decoded and parsed, or a spreadsheet's rows as sent. */
export async function readUpload(c: Context<AppEnv>): Promise<{ table: ParsedTable; encoding: string; legacy: boolean; file_name: string; xlsx: boolean } | { problem: string }> {
  const type = c.req.header("content-type") ?? "";
  const country = c.var.session!.network.country;
  if (/^application\/json\b/i.test(type)) {
    const body = (await c.req.json().catch(() => null)) as { file_name?: unknown; rows?: unknown } | null;
    if (!body || !Array.isArray(body.rows) || !body.rows.every((r) => Array.isArray(r) && r.every((x) => typeof x === "string"))) return { problem: "rows must be an array of rows of text cells" };
    const rows = body.rows as string[][];
    const [header = [], ...data] = rows;
    const table: ParsedTable = { source: "csv", separator: ",", columns: header.map((h, index) => ({ index, header: h, name: cleanHeader(h, "csv"), meta: false })), rows: [], problems: [], skipped: [] };
    data.forEach((cells, i) => {
      if (cells.every((x) => !x.trim())) return;
      const line = i + 2;
      if (cells.length > header.length) table.problems.push({ line, code: "field_count", expected: header.length, found: cells.length });
      else table.rows.push({ line, cells: [...cells, ...Array(header.length - cells.length).fill("")] });
    });
    return { table, encoding: "xlsx", legacy: false, file_name: String(body.file_name ?? "spreadsheet.xlsx"), xlsx: true };
  }
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  const decoded = decode(bytes, country);
  return { table: parseTable(decoded.text, { approvedOnly: c.req.query("approved_only") === "1" }), encoding: decoded.encoding, legacy: decoded.legacy, file_name: c.req.query("file_name") ?? "members.csv", xlsx: false };
}

export const importRoutes = createRouter()
  .openapi(upload, async (c) => {
    c.header("Cache-Control", PRIVATE_CACHE);
    const s = c.var.session!;
    const read = await readUpload(c);
    if ("problem" in read) return c.json(errorBody("invalid_request", read.problem), 400);
    if (!read.table.columns.length || !read.table.rows.length) return c.json(errorBody("empty_file", "The file has no header row or no member rows."), 400);
    if (read.table.rows.length > MAX_ROWS) return c.json(errorBody("too_many_rows", `At most ${MAX_ROWS} rows a file; split it.`), 400);
    const now = new Date().toISOString();
    const { id } = await createImport(c.var.db, { network_id: s.network.id, user_id: s.user.id, file_name: read.file_name, encoding: read.encoding, table: read.table, now, xlsx: read.xlsx });
    await audit(c.var.db, { network_id: s.network.id, actor_id: s.user.id, action: "import.upload", entity_type: "import", entity_id: id, fields: read.table.columns.map((col) => col.name).slice(0, 50), at: now });
    const imp = (await findImport(c.var.db, s.network.id, id))!;
    return c.json({ ...(await describe(c, imp)), legacy: read.legacy, sample: read.table.rows.slice(0, 5) }, 201);
  })
  .openapi(read, async (c) => {
    c.header("Cache-Control", PRIVATE_CACHE);
    const imp = await findImport(c.var.db, c.var.session!.network.id, c.req.valid("param").id);
    if (!imp) return c.json(errorBody("not_found", "No such import in your network."), 404);
    return c.json(await describe(c, imp), 200);
  })
  .openapi(check, async (c) => {
    const s = c.var.session!;
    const imp = await findImport(c.var.db, s.network.id, c.req.valid("param").id);
    if (!imp) return c.json(errorBody("not_found", "No such import in your network."), 404);
    if (imp.status === "applying" || imp.status === "applied") return c.json(errorBody("already_applied", "This import is being applied or was applied; upload the file again for a new dry run."), 409);
    const body = c.req.valid("json") as Mapping & ImportOptions;
    const problem = await checkMappingScope(c, body);
    if (problem) return c.json(errorBody("invalid_request", "The request is not valid; see issues.", [problem]), 400);
    const jobs = await startCheck(c.var.db, imp, { ...body, allowed_clusters: allowedClusters(c) }, new Date().toISOString(), s.user.id);
    await enqueue(c.env.JOBS, jobs);
    return c.json(await describe(c, (await findImport(c.var.db, s.network.id, imp.id))!), 202);
  })
  .openapi(apply, async (c) => {
    const s = c.var.session!;
    const imp = await findImport(c.var.db, s.network.id, c.req.valid("param").id);
    if (!imp) return c.json(errorBody("not_found", "No such import in your network."), 404);
    if (imp.status !== "checked" && imp.status !== "applying") return c.json(errorBody("not_checked", "Run the dry run first, and wait until it has finished."), 409);
    const body = (await c.req.json().catch(() => ({}))) as { include_duplicates?: number[] };
    const jobs = await startApply(c.var.db, imp, new Date().toISOString(), Array.isArray(body.include_duplicates) ? body.include_duplicates.filter((n) => Number.isInteger(n)) : []);
    await enqueue(c.env.JOBS, jobs.map((j) => ({ ...j, by: s.user.id })));
    await audit(c.var.db, { network_id: s.network.id, actor_id: s.user.id, action: "import.apply", entity_type: "import", entity_id: imp.id, at: new Date().toISOString() });
    return c.json(await describe(c, (await findImport(c.var.db, s.network.id, imp.id))!), 202);
  })
  .openapi(bad, async (c) => {
    const s = c.var.session!;
    const imp = await findImport(c.var.db, s.network.id, c.req.valid("param").id);
    if (!imp) return c.json(errorBody("not_found", "No such import in your network."), 404);
    const rows = await errorRows(c.var.db, imp.id);
    const headers = (JSON.parse(imp.columns) as { header: string }[]).map((col) => col.header);
    c.header("Cache-Control", PRIVATE_CACHE);
    c.header("Content-Disposition", `attachment; filename="bad-rows-${imp.file_name.replace(/[^\w.-]+/g, "_").replace(/\.\w+$/, "")}.csv"`);
    // The problems in the organizer's words, as the import page shows them.
    const words = (json: string | null) => ((json ? JSON.parse(json) : []) as ImportIssue[]).map((i) => c.var.orgPages.importIssue(s.user.lang, i)).join("; ");
    return c.body(`\ufeff${toCsv([["line_in_file", "problems", ...headers], ...rows.map((r) => [String(r.line), words(r.issues), ...((r.raw ? JSON.parse(r.raw) : []) as string[])])])}`, 200, { "Content-Type": "text/csv; charset=utf-8" });
  });

/** CSV cells quoted as needed; a cell that starts like a formula is neutralised for spreadsheets. */
export function toCsv(rows: string[][]): string {
  const cell = (v: string) => {
    const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
    return /[",\n\r;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return `${rows.map((r) => r.map(cell).join(",")).join("\r\n")}\r\n`;
}

function allowedClusters(c: Context<AppEnv>): string[] | "all" {
  return scopeOf(c).clusters;
}

async function checkMappingScope(c: Context<AppEnv>, body: Mapping & ImportOptions) {
  if (!body.default_cluster) return undefined;
  const clusters = await clustersOf(c.var.db, c.var.session!.network.id);
  const allowed = allowedClusters(c);
  const found = clusters.find((cl) => cl.id === body.default_cluster || cl.code === body.default_cluster);
  if (!found || (allowed !== "all" && !allowed.includes(found.id))) return { path: "default_cluster", code: "unknown_cluster", message: "is not one of your clusters" };
  body.default_cluster = found.id;
  return undefined;
}

