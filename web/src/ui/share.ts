/** The short text a member can send by WhatsApp or SMS: scheme names only, nothing about her. */
import type { PresentedResult } from "../../../src/present/content";
import { fill, type Messages } from "../i18n";

export function shareText(m: Messages, country: string, date: string, results: readonly PresentedResult[]): string {
  const now = results.filter((r) => r.status === "eligible").map((r) => `- ${r.name}`);
  const maybe = results.filter((r) => r.status === "likely_eligible" || r.status === "needs_info").map((r) => `- ${r.name}`);
  const lines = [fill(m.share.summary_title, { country, date })];
  lines.push(...(now.length ? now : [m.share.summary_none]));
  if (maybe.length) lines.push(m.share.summary_maybe, ...maybe);
  return lines.join("\n");
}
