/**
 * The only script of the organizer's pages, on the import page alone: a spreadsheet (.xlsx) is read here, in her
 * browser, with read-excel-file (maintained; not the frozen `xlsx` 0.18 package), and sent on as rows. A CSV posts
 * as the plain form does, with or without this script.
 */
import { readSheet } from "read-excel-file/universal";

const form = document.querySelector<HTMLFormElement>("form[data-import]");
const status = document.querySelector<HTMLElement>("#im-status");

function cell(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
}

form?.addEventListener("submit", async (e) => {
  const file = form.querySelector<HTMLInputElement>("input[type=file]")?.files?.[0];
  if (!file || !/\.xlsx$/i.test(file.name)) return;
  e.preventDefault();
  if (status) status.textContent = form.dataset.reading ?? "";
  try {
    const rows = (await readSheet(file)) as unknown[][];
    const res = await fetch("/api/imports", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ file_name: file.name, rows: rows.map((r) => r.map(cell)) }) });
    const body = (await res.json()) as { id?: string; error?: { message?: string } };
    if (res.status !== 201 || !body.id) throw new Error(body.error?.message ?? String(res.status));
    location.href = `/org/imports/${body.id}`;
  } catch (err) {
    if (status) status.textContent = `${form.dataset.failed ?? ""} (${err instanceof Error ? err.message : String(err)})`;
  }
});
