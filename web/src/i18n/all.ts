/** Every language's messages, for the Worker's server-rendered pages (no-JS browsers). */
import { en, type Messages } from "./index";
import sw from "./sw";
import th from "./th";
import fil from "./fil";
import hi from "./hi";
import id from "./id";
import ne from "./ne";
import ur from "./ur";
import bn from "./bn";

export const MESSAGES: Record<string, Messages> = { en, sw, th, fil, hi, id, ne, ur, bn };

export function messagesFor(lang: string): Messages {
  return MESSAGES[lang] ?? en;
}
