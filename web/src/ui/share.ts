/** The short text a member can send by WhatsApp or SMS: scheme names and the one action for each, nothing about her. */
import type { PresentedResult } from "../../../src/present/content";
import { fill, type Messages } from "../i18n";

export function shareText(m: Messages, country: string, date: string, groups: { now: readonly PresentedResult[]; maybe: readonly PresentedResult[] }): string {
  const now = groups.now.map((r) => `- ${r.name}${action(r)}`);
  const maybe = groups.maybe.map((r) => `- ${r.name}`);
  const lines = [fill(m.share.summary_title, { country, date })];
  lines.push(...(now.length ? now : [m.share.summary_none]));
  if (maybe.length) lines.push(m.share.summary_maybe, ...maybe);
  return lines.join("\n");
}

/** The one thing to do for a scheme, for the share text: dial a code, or the website. */
function action(r: PresentedResult): string {
  const ussd = r.apply.find((a) => a.kind === "ussd" && a.value);
  if (ussd) return `: ${ussd.value}`;
  const web = r.apply.find((a) => a.kind === "web" && a.value);
  return web ? `: ${web.value}` : "";
}
