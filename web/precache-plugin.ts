/**
 * A Vite plugin that writes `precache.json` into the build: which chunk holds each country's rule pack and each
 * language's words, so the service worker can cache what a phone needs at install (before she picks a country)
 * and the page can tell which countries' rules are on the phone.
 */
import type { Plugin } from "vite";
import { COUNTRIES } from "../src/rules/generated/countries";

export interface PrecacheManifest {
  /** The page's own files, always cached. */
  shell: string[];
  /** Country code → its rule pack's chunk. */
  packs: Record<string, string>;
  /** Language → the chunks of its words (the page's messages, the interview's words). */
  langs: Record<string, string[]>;
  /** Country code → its languages (the service worker guesses her country from the phone's languages). */
  countries: Record<string, string[]>;
}

export function precacheManifest(): Plugin {
  return {
    name: "hbw-precache-manifest",
    generateBundle(_options, bundle) {
      const manifest: PrecacheManifest = {
        shell: ["/", "/app.js", "/app.css", "/manifest.webmanifest", "/favicon.svg"],
        packs: {},
        langs: {},
        countries: Object.fromEntries(COUNTRIES.map((c) => [c.code, c.languages])),
      };
      for (const item of Object.values(bundle)) {
        if (item.type !== "chunk" || !item.facadeModuleId) continue;
        const id = item.facadeModuleId.replace(/\\/g, "/");
        const url = `/${item.fileName}`;
        const pack = /\/src\/rules\/generated\/([a-z]{2})\.ts$/.exec(id);
        const words = /\/(?:web\/src\/i18n|src\/interview\/wording)\/([a-z]{2,3})\.ts$/.exec(id);
        if (pack) manifest.packs[pack[1]!] = url;
        else if (words) (manifest.langs[words[1]!] ??= []).push(url);
      }
      this.emitFile({ type: "asset", fileName: "precache.json", source: JSON.stringify(manifest) });
    },
  };
}
