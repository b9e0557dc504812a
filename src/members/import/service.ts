/**
 * Imports as work on D1, in two phases over queued chunks of at most CHUNK_ROWS rows: the dry run decides what
 * each row will do (new, update, unchanged, possible duplicate, blocked because she was erased or refused, error)
 * and stores it; the apply writes only rows the dry run let through and marks each applied in the same transaction,
 * so a chunk delivered twice, or resumed after a failure, never writes a row twice. The network's member number is
 * the key: importing the same file again changes nothing.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import { keyedHash, newId, receiptCode } from "../../auth/password";
import type { Db } from "../../db/queries";
import { clusters as clustersTable, consents, erasedKeys, importChunks, importMappings, importRows, imports, members } from "../../db/schema";
import type { Facts, Pack } from "../../engine/types";
import { nameKey } from "../../db/members";
import type { Column, ParsedTable } from "./parse";
import { checkRow, type ImportedMember, type Mapping, type RowIssue } from "./rows";

export const CHUNK_ROWS = 250;

export interface ImportOptions {
  /** Overwrite what the member's record already holds (default: only fill blanks). */
  overwrite?: boolean;
  /** The cluster for rows that name none (or a cluster the network does not have: an error instead). */
  default_cluster?: string;
  /** The importing organizer's clusters: rows for any other cluster are errors. */
  allowed_clusters?: string[] | "all";
}

export interface ImportJob {
  kind: "import";
  import_id: string;
  seq: number;
  phase: "check" | "apply";
  /** Who asked (the apply is recorded in her name). */
  by?: string;
}

/** Stores a parsed file as an import with its rows in chunks; answers the import id. */
export async function createImport(db: Db, input: { network_id: string; user_id: string; file_name: string; encoding: string; table: ParsedTable; now: string; xlsx?: boolean }): Promise<{ id: string; chunks: number }> {
  const id = newId();
  const { table } = input;
  const chunks: string[] = [];
  for (let i = 0; i < table.rows.length; i += CHUNK_ROWS) chunks.push(JSON.stringify(table.rows.slice(i, i + CHUNK_ROWS).map((r) => [r.line, r.cells])));
  const stmts = [
    db.insert(imports).values({
      id,
      network_id: input.network_id,
      created_by: input.user_id,
      created_at: input.now,
      file_name: input.file_name.slice(0, 200),
      source: input.xlsx ? "xlsx" : table.source,
      encoding: input.encoding,
      separator: table.separator,
      columns: JSON.stringify(table.columns),
      problems: JSON.stringify(table.problems),
      skipped: JSON.stringify(table.skipped),
      status: "uploaded",
      total_rows: table.rows.length,
      chunks: chunks.length,
      updated_at: input.now,
    }),
    ...chunks.map((rows, seq) => db.insert(importChunks).values({ import_id: id, seq, rows })),
  ];
  // D1 runs a batch as one transaction: the import exists whole or not at all.
  for (let i = 0; i < stmts.length; i += 50) {
    const part = stmts.slice(i, i + 50);
    await db.batch(part as [(typeof part)[0], ...typeof part]);
  }
  return { id, chunks: chunks.length };
}

export type ImportRow = typeof imports.$inferSelect;

export async function findImport(db: Db, networkId: string, id: string): Promise<ImportRow | undefined> {
  return db.select().from(imports).where(and(eq(imports.id, id), eq(imports.network_id, networkId))).get();
}

/** Files from the same form or sheet have the same headers: their signature keys the saved mapping. */
export function headerSignature(columns: readonly Column[]): string {
  return columns.map((c) => c.name).join("|").slice(0, 2000);
}

/** The mapping last confirmed for files with these headers, if any. */
export async function savedMapping(db: Db, networkId: string, columns: readonly Column[]): Promise<(Mapping & ImportOptions) | undefined> {
  const row = await db.select().from(importMappings).where(and(eq(importMappings.network_id, networkId), eq(importMappings.signature, headerSignature(columns)))).get();
  return row ? (JSON.parse(row.mapping) as Mapping & ImportOptions) : undefined;
}

/** Starts the dry run (again, if the mapping changed): earlier decisions are dropped. Answers the jobs to send. */
export async function startCheck(db: Db, imp: ImportRow, mapping: Mapping & ImportOptions, now: string, by?: string): Promise<ImportJob[]> {
  const { allowed_clusters: _a, ...keep } = mapping;
  const columns = JSON.parse(imp.columns) as Column[];
  await db.batch([
    // Remembered for the next file with the same headers (without the organizer's scope, which is hers alone).
    db
      .insert(importMappings)
      .values({ network_id: imp.network_id, signature: headerSignature(columns), mapping: JSON.stringify(keep), updated_by: by ?? imp.created_by, updated_at: now })
      .onConflictDoUpdate({ target: [importMappings.network_id, importMappings.signature], set: { mapping: JSON.stringify(keep), updated_by: by ?? imp.created_by, updated_at: now } }),
    db.delete(importRows).where(eq(importRows.import_id, imp.id)),
    db.update(imports).set({ mapping: JSON.stringify(mapping), status: "checking", checked_chunks: 0, applied_chunks: 0, updated_at: now }).where(eq(imports.id, imp.id)),
  ]);
  return Array.from({ length: imp.chunks }, (_, seq) => ({ kind: "import", import_id: imp.id, seq, phase: "check" }));
}

/**
 * Starts the apply. `includeDuplicates`: lines of possible duplicates a person looked at and found to be different
 * members: they are imported as new.
 */
export async function startApply(db: Db, imp: ImportRow, now: string, includeDuplicates: number[] = []): Promise<ImportJob[]> {
  const stmts = [db.update(imports).set({ status: "applying", applied_chunks: 0, updated_at: now }).where(eq(imports.id, imp.id))];
  for (let i = 0; i < includeDuplicates.length; i += 90) {
    stmts.push(db.update(importRows).set({ outcome: "new", member_id: null }).where(and(eq(importRows.import_id, imp.id), eq(importRows.outcome, "possible_duplicate"), inArray(importRows.line, includeDuplicates.slice(i, i + 90)))) as never);
  }
  await db.batch(stmts as [never, ...never[]]);
  return Array.from({ length: imp.chunks }, (_, seq) => ({ kind: "import", import_id: imp.id, seq, phase: "apply" }));
}

export interface ChunkContext {
  db: Db;
  pack: Pack;
  secret: string;
  today: string;
  now: string;
}

const existingFields = (m: Pick<typeof members.$inferSelect, "name" | "phone" | "cluster_id" | "facts">) => ({ name: m.name, phone: m.phone, cluster_id: m.cluster_id, facts: JSON.parse(m.facts) as Facts });

/** What applying a member onto her existing record would change: only blanks, unless overwriting. */
export function merged(existing: ReturnType<typeof existingFields> | undefined, incoming: ImportedMember, clusterId: string, overwrite: boolean) {
  if (!existing) return { name: incoming.name, phone: incoming.phone, cluster_id: clusterId, facts: incoming.facts };
  const take = <T>(old: T | null | undefined, now: T | null | undefined) => (overwrite ? now ?? old : old ?? now) ?? null;
  const facts: Facts = { ...existing.facts };
  for (const [k, v] of Object.entries(incoming.facts)) if (overwrite || facts[k] === undefined || facts[k] === null) facts[k] = v;
  return { name: overwrite ? incoming.name : existing.name, phone: take(existing.phone, incoming.phone), cluster_id: overwrite ? clusterId : existing.cluster_id, facts };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The dry run of one chunk: decides and stores each row's outcome. Safe to run twice. */
export async function checkChunk(ctx: ChunkContext, imp: ImportRow, seq: number): Promise<void> {
  const { db } = ctx;
  const chunk = await db.select().from(importChunks).where(and(eq(importChunks.import_id, imp.id), eq(importChunks.seq, seq))).get();
  if (!chunk || !imp.mapping) return;
  const mapping = JSON.parse(imp.mapping) as Mapping & ImportOptions;
  const columns = JSON.parse(imp.columns) as Column[];
  const clusters = await db.select().from(clustersTable).where(eq(clustersTable.network_id, imp.network_id));
  const rows = (JSON.parse(chunk.rows) as [number, string[]][]).map(([line, cells]) => ({ line, cells }));
  const checked = rows.map((r) => ({ row: r, result: checkRow(r, columns, mapping, { pack: ctx.pack, country: ctx.pack.country.code, today: ctx.today, decimalComma: imp.separator === ";" }) }));
  const nos = [...new Set(checked.flatMap((c) => (c.result.ok ? [c.result.member.member_no] : [])))];
  const existing = new Map<string, typeof members.$inferSelect>();
  for (let i = 0; i < nos.length; i += 90) {
    for (const m of await db.select().from(members).where(and(eq(members.network_id, imp.network_id), inArray(members.member_no, nos.slice(i, i + 90))))) existing.set(m.member_no, m);
  }
  // Possible duplicates: another member with the same phone, or the same name in the same cluster.
  const phones = [...new Set(checked.flatMap((c) => (c.result.ok && c.result.member.phone ? [c.result.member.phone] : [])))];
  const byPhone = new Map<string, { id: string; member_no: string; name_key: string }[]>();
  for (let i = 0; i < phones.length; i += 90) {
    for (const m of await db.select({ id: members.id, member_no: members.member_no, name_key: members.name_key, phone: members.phone }).from(members).where(and(eq(members.network_id, imp.network_id), inArray(members.phone, phones.slice(i, i + 90))))) {
      byPhone.set(m.phone!, [...(byPhone.get(m.phone!) ?? []), m]);
    }
  }
  const keys = [...new Set(checked.flatMap((c) => (c.result.ok ? [nameKey(c.result.member.name)] : [])))];
  const byName = new Map<string, { id: string; member_no: string; cluster_id: string }[]>();
  for (let i = 0; i < keys.length; i += 90) {
    for (const m of await db.select({ id: members.id, member_no: members.member_no, name_key: members.name_key, cluster_id: members.cluster_id }).from(members).where(and(eq(members.network_id, imp.network_id), inArray(members.name_key, keys.slice(i, i + 90))))) {
      byName.set(m.name_key, [...(byName.get(m.name_key) ?? []), m]);
    }
  }
  // Keyed hashes of numbers and phones of erased members: she does not come back silently.
  const hashes = new Map<string, string>();
  for (const c of checked) {
    if (!c.result.ok) continue;
    const m = c.result.member;
    hashes.set(`no|${m.member_no}`, await keyedHash(ctx.secret, `${imp.network_id}|no|${m.member_no}`));
    if (m.phone) hashes.set(`phone|${m.phone}`, await keyedHash(ctx.secret, `${imp.network_id}|phone|${m.phone}`));
  }
  const erased = new Set<string>();
  const hashList = [...new Set(hashes.values())];
  for (let i = 0; i < hashList.length; i += 90) {
    for (const e of await db.select({ k: erasedKeys.key_hash }).from(erasedKeys).where(and(eq(erasedKeys.network_id, imp.network_id), inArray(erasedKeys.key_hash, hashList.slice(i, i + 90))))) erased.add(e.k);
  }

  const out: (typeof importRows.$inferInsert)[] = [];
  for (const { row, result } of checked) {
    const base = { import_id: imp.id, line: row.line, seq };
    if (!result.ok) {
      const refused = result.issues.some((i) => i.code === "consent_refused");
      out.push({ ...base, outcome: refused ? "blocked_refused" : "error", issues: JSON.stringify(result.issues), raw: refused ? null : JSON.stringify(row.cells) });
      continue;
    }
    const m = result.member;
    const clusterName = m.cluster ?? mapping.default_cluster ?? null;
    const cluster = clusterName ? clusters.find((cl) => cl.id === clusterName || cl.code.toLowerCase() === clusterName.toLowerCase() || cl.name.toLowerCase() === clusterName.toLowerCase()) : undefined;
    const allowed = mapping.allowed_clusters ?? "all";
    if (!cluster || (allowed !== "all" && !allowed.includes(cluster.id))) {
      const issue: RowIssue = { line: row.line, column: m.cluster ? columns[Number(Object.entries(mapping.columns).find(([, t]) => t === "cluster")?.[0])]?.header ?? "" : "", code: clusterName ? "unknown_cluster" : "cluster_required", params: clusterName ? { value: clusterName.slice(0, 40) } : undefined };
      out.push({ ...base, member_no: m.member_no, outcome: "error", issues: JSON.stringify([issue]), raw: JSON.stringify(row.cells) });
      continue;
    }
    const data = JSON.stringify({ ...m, cluster_id: cluster.id });
    const current = existing.get(m.member_no);
    if (!current && (erased.has(hashes.get(`no|${m.member_no}`)!) || (m.phone && erased.has(hashes.get(`phone|${m.phone}`)!)))) {
      out.push({ ...base, member_no: m.member_no, outcome: "blocked_erased", issues: JSON.stringify([{ line: row.line, column: "", code: "erased_member" }]) });
      continue;
    }
    if (current) {
      const before = existingFields(current);
      const after = merged(before, m, cluster.id, !!mapping.overwrite);
      const changed = !same(before, after) || (m.consent === "given" && current.consent_state === "needed");
      out.push({ ...base, member_no: m.member_no, outcome: changed ? "update" : "unchanged", member_id: current.id, data });
      continue;
    }
    const key = nameKey(m.name);
    const twin = (m.phone ? byPhone.get(m.phone) ?? [] : []).find((x) => x.member_no !== m.member_no) ?? (byName.get(key) ?? []).find((x) => x.cluster_id === cluster.id && x.member_no !== m.member_no);
    out.push({ ...base, member_no: m.member_no, outcome: twin ? "possible_duplicate" : "new", member_id: twin?.id ?? null, data });
  }
  // Each row binds 10 values: 9 rows a statement stays under D1's 100 bound parameters.
  const stmts = [db.delete(importRows).where(and(eq(importRows.import_id, imp.id), eq(importRows.seq, seq)))];
  for (let i = 0; i < out.length; i += 9) stmts.push(db.insert(importRows).values(out.slice(i, i + 9)) as never);
  // The same member number twice in one file: the later row is an error, found across chunks once all are in.
  // Progress is counted from the rows themselves, so a chunk delivered twice is not counted twice.
  const done = sql`(SELECT count(DISTINCT seq) FROM import_rows WHERE import_id = ${imp.id})`;
  stmts.push(db.update(imports).set({ checked_chunks: done, status: sql`CASE WHEN ${done} >= chunks THEN 'checked' ELSE status END`, updated_at: ctx.now }).where(eq(imports.id, imp.id)) as never);
  await db.batch(stmts as [never, ...never[]]);
  if ((await findImport(db, imp.network_id, imp.id))?.status === "checked") await markFileDuplicates(db, imp.id);
}

/** Rows of one file that repeat a member number already in it: all but the first become errors. */
async function markFileDuplicates(db: Db, importId: string): Promise<void> {
  // Grouped once (not a correlated subquery per row, which read 200 million rows for a 20,000-row file).
  const live = sql`outcome IN ('new', 'update', 'unchanged', 'possible_duplicate') AND member_no IS NOT NULL`;
  await db.run(
    sql`UPDATE import_rows SET outcome = 'error', issues = json_array(json_object('line', line, 'column', '', 'code', 'duplicate_in_file')), raw = NULL WHERE import_id = ${importId} AND ${live} AND member_no IN (SELECT member_no FROM import_rows WHERE import_id = ${importId} AND ${live} GROUP BY member_no HAVING count(*) > 1) AND line NOT IN (SELECT min(line) FROM import_rows WHERE import_id = ${importId} AND ${live} GROUP BY member_no)`,
  );
}

/** Counts per outcome: the dry run's summary. */
export async function importSummary(db: Db, importId: string): Promise<Record<string, number>> {
  const rows = await db.all<{ outcome: string; n: number; applied: number }>(sql`SELECT outcome, count(*) AS n, sum(applied) AS applied FROM import_rows WHERE import_id = ${importId} GROUP BY outcome`);
  const out: Record<string, number> = { new: 0, update: 0, unchanged: 0, possible_duplicate: 0, blocked_erased: 0, blocked_refused: 0, error: 0, applied: 0 };
  for (const r of rows) {
    out[r.outcome] = r.n;
    out.applied! += r.applied ?? 0;
  }
  return out;
}

/** The rows the dry run found bad, with their cells, for the bad-rows file. */
export async function errorRows(db: Db, importId: string) {
  return db.select({ line: importRows.line, issues: importRows.issues, raw: importRows.raw }).from(importRows).where(and(eq(importRows.import_id, importId), eq(importRows.outcome, "error"))).orderBy(importRows.line);
}

/**
 * Applies one chunk: new members (consent needed unless the file records it), updates that fill blanks (or
 * overwrite when asked); each row marked applied in the same transaction. Possible duplicates wait for a person.
 */
export async function applyChunk(ctx: ChunkContext, imp: ImportRow, seq: number, actor: string): Promise<void> {
  const { db } = ctx;
  const mapping = JSON.parse(imp.mapping ?? "{}") as ImportOptions;
  const todo = await db.select().from(importRows).where(and(eq(importRows.import_id, imp.id), eq(importRows.seq, seq), eq(importRows.applied, false), inArray(importRows.outcome, ["new", "update"])));
  // Read her record as it is now: one the dry run found, or one another import created since under her number.
  const current = new Map<string, typeof members.$inferSelect>();
  const nos = todo.flatMap((r) => (r.member_no ? [r.member_no] : []));
  for (let i = 0; i < nos.length; i += 90) for (const m of await db.select().from(members).where(and(eq(members.network_id, imp.network_id), inArray(members.member_no, nos.slice(i, i + 90))))) current.set(m.member_no, m);
  // Each row's writes and its "applied" mark go in the same transaction: a row is written once or not at all.
  const groups: unknown[][] = [];
  for (const r of todo) {
    const m = JSON.parse(r.data!) as ImportedMember & { cluster_id: string };
    const existing = current.get(m.member_no);
    const group: unknown[] = [];
    if (r.outcome === "update" && !existing) {
      // Erased since the dry run: nothing to update, and she is not brought back.
    } else {
      const after = merged(existing ? existingFields(existing) : undefined, m, m.cluster_id, !!mapping.overwrite);
      const consentGiven = m.consent === "given";
      if (existing) {
        const grant = consentGiven && existing.consent_state === "needed";
        group.push(db.update(members).set({ name: after.name, name_key: nameKey(after.name), phone: after.phone, cluster_id: after.cluster_id, facts: JSON.stringify(after.facts), updated_at: ctx.now, ...(grant ? { consent_state: "given" as const } : {}) }).where(eq(members.id, existing.id)));
        if (grant) group.push(db.insert(consents).values(importedConsent(existing.id, existing.lang, imp, actor, ctx)));
      } else {
        const id = newId();
        const lang = m.lang && ctx.pack.country.languages.includes(m.lang) ? m.lang : ctx.pack.country.languages.at(-1)!;
        group.push(db.insert(members).values({ id, network_id: imp.network_id, cluster_id: after.cluster_id, member_no: m.member_no, name: after.name, name_key: nameKey(after.name), phone: after.phone, lang, facts: JSON.stringify(after.facts), consent_state: consentGiven ? "given" : "needed", stats_consent: false, created_at: ctx.now, created_by: actor, updated_at: ctx.now }));
        if (consentGiven) group.push(db.insert(consents).values(importedConsent(id, lang, imp, actor, ctx)));
      }
    }
    group.push(db.update(importRows).set({ applied: true }).where(and(eq(importRows.import_id, imp.id), eq(importRows.line, r.line))));
    groups.push(group);
  }
  const left = sql`NOT EXISTS (SELECT 1 FROM import_rows WHERE import_id = ${imp.id} AND applied = 0 AND outcome IN ('new', 'update'))`;
  groups.push([db.update(imports).set({ applied_chunks: sql`min(chunks, applied_chunks + 1)`, status: sql`CASE WHEN ${left} THEN 'applied' ELSE status END`, updated_at: ctx.now }).where(eq(imports.id, imp.id))]);
  let batch: unknown[] = [];
  for (const group of groups) {
    if (batch.length + group.length > 90) {
      await db.batch(batch as [never, ...never[]]);
      batch = [];
    }
    batch.push(...group);
  }
  if (batch.length) await db.batch(batch as [never, ...never[]]);
}

function importedConsent(memberId: string, lang: string, imp: ImportRow, actor: string, ctx: ChunkContext) {
  return { id: newId(), member_id: memberId, notice_version: `import:${imp.id}`, notice_lang: lang, purposes: JSON.stringify(["follow_up", "screening"]), method: "network_records" as const, witness: null, given_on: ctx.today, recorded_by: actor, recorded_at: ctx.now, receipt_code: receiptCode() };
}
