/** The HTML document the Worker sends: the rendered screen, the boot data for the browser app, and its assets. */
import { dirOf } from "../i18n";

export interface Boot {
  page: "home" | "flow";
  lang: string;
  /** The flow state and screen the server rendered, for the browser app to continue from. */
  flow?: unknown;
}

const escapeJson = (v: unknown) => JSON.stringify(v).replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026");
const escapeAttr = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

export function shell({ lang, title, body, boot }: { lang: string; title: string; body: string; boot: Boot }): string {
  return `<!doctype html>
<html lang="${escapeAttr(lang)}" dir="${dirOf(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="theme-color" content="#7a2e6e">
<title>${escapeAttr(title)}</title>
<link rel="stylesheet" href="/app.css">
<link rel="manifest" href="/manifest.webmanifest">
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<script type="module" src="/app.js"></script>
</head>
<body>
<div id="app">${body}</div>
<script type="application/json" id="boot">${escapeJson(boot)}</script>
</body>
</html>`;
}
