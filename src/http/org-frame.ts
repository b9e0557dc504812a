/** The frame of every organizer page: her language, her network's languages, who she is. */
import type { Context } from "hono";
import { mainRole } from "../auth/access";
import type { OrgFrame } from "../present/org-pages";
import type { AppEnv } from "./env";
import { preferredLang } from "./lang";

/** Languages the organizer's pages are written in (web/src/org/messages.ts); others fall back to English there. */
const ORG_UI = ["en", "sw", "th"];

export function orgFrame(c: Context<AppEnv>, notice?: OrgFrame["notice"]): OrgFrame {
  const s = c.var.session;
  if (!s) {
    const lang = preferredLang(c);
    return { lang: ORG_UI.includes(lang) ? lang : "en", languages: ORG_UI, notice };
  }
  const network = s.network;
  const languages = [...new Set([...network.languages, "en"])];
  return {
    lang: s.user.lang,
    languages,
    user: { display_name: s.user.display_name, role: mainRole(s.principal), network: network.name },
    notice,
  };
}

