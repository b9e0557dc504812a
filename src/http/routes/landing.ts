/** GET /: a short page saying what this service is and where its API lives. */
import type { Context } from "hono";
import { html } from "hono/html";
import { countryCodes, getPack, RULES_VERSION } from "../../rules/registry";
import type { AppEnv } from "../env";

export function landingPage(c: Context<AppEnv>) {
  const nonce = c.get("secureHeadersNonce") ?? "";
  return c.html(html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Social-protection checker for home-based workers</title>
<style nonce="${nonce}">body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:0 auto;padding:1rem}a{color:#0b57d0}</style>
</head>
<body>
<h1>Social-protection checker for home-based workers</h1>
<p>Which health insurance, pension and informal-worker schemes a home-based worker can join, and why, from dated and sourced rules.</p>
<p>Rules for: ${countryCodes().map((cc, i) => html`${i ? ", " : ""}${getPack(cc)!.country.name.en}`)} (rules version <code>${RULES_VERSION}</code>).</p>
<p><a href="/api/docs">API documentation</a> · <a href="/api/openapi.json">OpenAPI document</a></p>
</body>
</html>`);
}
