/** Calendar arithmetic on ISO `YYYY-MM-DD` strings, with no clock: the evaluation date is always an argument. */

/** Whether `s` is a real calendar date written `YYYY-MM-DD` (so 2025-02-30 is not). */
export function isIsoDate(s: unknown): s is string {
  if (typeof s !== "string" || s.length !== 10) return false;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/**
 * Age in whole years on `date` of someone born on `birth`. A person born on 29 February turns a year older on
 * 1 March in common years.
 * @example ageOn("1955-06-01", "2025-06-01") // 70
 * @example ageOn("1955-06-01", "2025-05-31") // 69
 */
export function ageOn(birth: string, date: string): number {
  const by = Number(birth.slice(0, 4));
  const dy = Number(date.slice(0, 4));
  // Month-day strings compare correctly as text ("06-01" > "05-31").
  return dy - by - (date.slice(5) < birth.slice(5) ? 1 : 0);
}

/** A dated rule version: in force from `effective_from` to `effective_to` (inclusive), or without end. */
export interface Dated {
  effective_from: string;
  effective_to?: string | undefined;
}

/**
 * Whether a dated version is in force on `date`. The one definition every layer uses.
 * @example inForce({ effective_from: "2024-10-01" }, "2024-09-30") // false
 */
export function inForce(v: Dated, date: string): boolean {
  return v.effective_from <= date && (v.effective_to === undefined || date <= v.effective_to);
}

/** The version in force on `date`, if any (versions never overlap; the loader checks). */
export function versionOn<V extends Dated>(versions: readonly V[], date: string): V | undefined {
  for (const v of versions) if (inForce(v, date)) return v;
  return undefined;
}
