/**
 * The human-readable API page, rendered on the server from the same OpenAPI document served at
 * /api/openapi.json (no third-party script, so the strict Content-Security-Policy holds).
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { html, raw } from "hono/html";
import type { AppEnv } from "../env";

type Doc = ReturnType<OpenAPIHono<AppEnv>["getOpenAPI31Document"]>;

/** The OpenAPI document's header: what the API is, where it is served, who may use it and how. */
export const OPENAPI_CONFIG = {
  openapi: "3.1.0",
  info: {
    title: "Home-based workers' social-protection checker API",
    version: "0.2.0",
    description:
      "Which social-protection schemes a home-based worker can join, and why, from versioned, sourced rule packs. Errors share one envelope: { error: { code, message, issues } }; each issue has a path, a code, its parameters and a message in the request's language. Open data (countries, schemes, the policy matrix) is public, cacheable and readable from any origin.",
    license: { name: "AGPL-3.0-or-later", url: "https://www.gnu.org/licenses/agpl-3.0.html" },
    contact: { name: "HomeNet networks' social-protection checker" },
  },
  servers: [{ url: "/", description: "This Worker" }],
  // The public routes need no credentials; each says so (security: []).
  security: [],
  tags: [
    { name: "check", description: "Eligibility checks" },
    { name: "open data", description: "Rule packs and the policy matrix, for anyone to build on" },
    { name: "workspace", description: "The organizer's workspace: sessions, members, consent, screenings, enrollments, follow-ups, users and the audit log. Needs the session cookie; a member outside your clusters is a 404." },
    { name: "evidence", description: "Advocacy evidence: coverage gaps of the network's own members (legal vs effective coverage, exclusion reasons, funnels, trends), what a rule change would do, and the public self-checks' counts beside. Aggregates only, for every role; counts from 1 to 10 and whatever would let one be solved are withheld. Needs the session cookie." },
  ],
};

const CHECK_EXAMPLE = {
  country: "ke",
  date: "2025-06-01",
  lang: "sw",
  facts: { age: 45, worker_type: "self_employed", residency_status: "citizen", region: "kisumu" },
};

export function renderDocs(c: Context<AppEnv>, doc: Doc) {
  const nonce = c.get("secureHeadersNonce") ?? "";
  const ops = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    Object.entries(item as Record<string, { summary?: string; description?: string; responses?: Record<string, { description?: string }> }>).map(
      ([method, op]) => ({ path, method: method.toUpperCase(), ...op }),
    ),
  );
  return c.html(html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>API · ${doc.info.title}</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<style nonce="${nonce}">
body{font:16px/1.5 system-ui,sans-serif;max-width:52rem;margin:0 auto;padding:1rem;color:#1a1a1a}
code,pre{font:14px/1.4 ui-monospace,monospace;background:#f3f3f3;border-radius:4px}
pre{padding:.75rem;overflow-x:auto}code{padding:0 .2rem}
.m{display:inline-block;min-width:3.5rem;font-weight:700}
section{border-top:1px solid #ddd;padding:.5rem 0}
a{color:#0b57d0}
</style>
</head>
<body>
<h1>${doc.info.title}</h1>
<p>${doc.info.description ?? ""}</p>
<p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI ${doc.openapi}).</p>
<h2>Try it</h2>
<pre>curl -s http://127.0.0.1:8787/api/check -H 'content-type: application/json' \\
  -d '${JSON.stringify(CHECK_EXAMPLE)}'</pre>
<h2>Endpoints</h2>
${ops.map(
  (op) => html`<section>
<h3><span class="m">${op.method}</span> <code>${op.path}</code></h3>
<p>${op.summary ?? ""}</p>
${op.description ? html`<p>${op.description}</p>` : ""}
<ul>${Object.entries(op.responses ?? {}).map(([code, r]) => html`<li><b>${code}</b> ${r.description ?? ""}</li>`)}</ul>
</section>`,
)}
<h2>Facts</h2>
<p>One vocabulary, used unchanged by the API, the page, imports and exports. <code>null</code> means the member declined to answer; an absent fact was never asked. A country may add facts: see <code>GET /api/countries/{cc}/schemes</code>.</p>
<pre>${raw(escapeJson((doc.components?.schemas?.Facts as { properties?: unknown } | undefined)?.properties ?? {}))}</pre>
</body>
</html>`);
}

function escapeJson(v: unknown): string {
  return JSON.stringify(v, null, 2).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
