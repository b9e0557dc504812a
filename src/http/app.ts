/**
 * The Hono application: middleware (security headers, request context, body limits, caching and CORS for open
 * data), the API routes, the OpenAPI document and its human-readable page, the member's pages, and the answers
 * for what matches nothing: 405 with Allow (derived from the registered routes), 404 as JSON under /api and as a
 * page elsewhere. Only this layer knows status codes. The pages themselves come from the caller (src/index.ts).
 */
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import { etag } from "hono/etag";
import { NONCE, secureHeaders } from "hono/secure-headers";
// The Worker answers in every language: all of the interview's words, not one at a time as a phone loads them.
import "../interview/wording/all";
import type { AppEnv } from "./env";
import { errorBody, errorPage, isApi, onError } from "./errors";
import { OPEN_DATA_CACHE, openData, requestContext } from "./middleware";
import type { PageRenderer } from "../present/pages";
import type { OrgPageRenderer } from "../present/org-pages";
import { createRouter } from "./router";
import { checkRoutes } from "./routes/check";
import { countRoutes } from "./routes/counts";
import { countryRoutes } from "./routes/countries";
import { OPENAPI_CONFIG, renderDocs } from "./routes/docs";
import { matrixRoutes } from "./routes/matrix";
import { pageRoutes } from "./routes/page";
import { orgRoutes } from "./routes/org";
import { adminRoutes } from "./routes/admin";
import { memberRoutes } from "./routes/members";
import { changeRoutes } from "./routes/changes";
import { evidenceRoutes } from "./routes/evidence";
import { orgEvidenceRoutes } from "./routes/org-evidence";
import { sessionRoutes } from "./routes/session";
import { importRoutes, MAX_IMPORT_BYTES } from "./routes/imports";
import { readSession, requireSession, sameOrigin } from "./session";
import { SESSION_SCHEME } from "./workspace-schemas";

export const MAX_BODY_BYTES = 64 * 1024;

/** Routes anyone may read and build on: cacheable, validated by ETag, readable from any origin. */
const OPEN_DATA = ["/api/countries", "/api/countries/*", "/api/policy-matrix", "/api/policy-matrix.csv"];

export interface AppOptions {
  /** The member's pages (web/ implements them). */
  pages: PageRenderer;
  /** The organizer's pages (web/ implements them too). */
  orgPages: OrgPageRenderer;
}

export function createApp({ pages, orgPages }: AppOptions) {
  const app = createRouter();
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", NONCE],
        imgSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
      strictTransportSecurity: "max-age=63072000; includeSubDomains",
      referrerPolicy: "strict-origin-when-cross-origin",
      xFrameOptions: "DENY",
    }),
  );
  app.use(requestContext(pages, orgPages));
  const small = bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => c.json(errorBody("payload_too_large", `The body is larger than ${MAX_BODY_BYTES / 1024} KiB.`), 413) });
  const file = bodyLimit({ maxSize: MAX_IMPORT_BYTES, onError: (c) => c.json(errorBody("payload_too_large", `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MiB.`), 413) });
  // A member list is the one large body: its upload gets its own limit.
  app.use("/api/*", (c, next) => (c.req.method === "POST" && new URL(c.req.url).pathname === "/api/imports" ? file(c, next) : small(c, next)));
  for (const path of [...OPEN_DATA, "/api/openapi.json"]) app.use(path, cors({ origin: "*", allowMethods: ["GET", "HEAD", "OPTIONS"] }));
  for (const path of OPEN_DATA) app.use(path, openData);
  // The API description changes with the code, not the rules: its validator is a hash of the document itself.
  app.use("/api/openapi.json", async (c, next) => {
    await next();
    if (c.res.status === 200) c.header("Cache-Control", OPEN_DATA_CACHE);
  });
  app.use("/api/openapi.json", etag());

  // The organizer's workspace: a session where the request carries one; nothing changed from another site;
  // each group of routes behind the capability it needs.
  app.use(readSession);
  for (const path of ["/api/session", "/api/members", "/api/members/*", "/api/follow-ups", "/api/invitations", "/api/invitations/*", "/api/users/*", "/api/audit", "/api/imports", "/api/imports/*", "/api/evidence/*", "/org/*"]) app.use(path, sameOrigin);
  for (const path of ["/api/members", "/api/members/*", "/api/follow-ups", "/api/imports", "/api/imports/*"]) app.use(path, requireSession("members"));
  // Evidence: aggregates only, for every role (an advocate's only view); scoped by the grants' network and clusters.
  app.use("/api/evidence/*", requireSession("aggregates"));
  app.use("/org/evidence", requireSession("aggregates"));
  app.use("/org/evidence/*", requireSession("aggregates"));
  app.use("/api/changes", requireSession("members"));
  app.use("/api/changes/*", requireSession("members"));
  app.use("/api/invitations", requireSession("manage_users"));
  for (const path of ["/api/users", "/api/users/*"]) app.use(path, requireSession("manage_users"));
  app.use("/api/audit", requireSession("read_audit"));
  app.openAPIRegistry.registerComponent("securitySchemes", "session", SESSION_SCHEME);

  app.route("/", checkRoutes);
  app.route("/", countRoutes);
  app.route("/", countryRoutes);
  app.route("/", matrixRoutes);
  app.route("/", sessionRoutes);
  app.route("/", memberRoutes);
  app.route("/", changeRoutes);
  app.route("/", evidenceRoutes);
  app.route("/", adminRoutes);
  app.route("/", importRoutes);
  app.doc31("/api/openapi.json", OPENAPI_CONFIG);
  app.get("/api/docs", (c) => renderDocs(c, app.getOpenAPI31Document(OPENAPI_CONFIG)));
  app.route("/", pageRoutes);
  app.route("/", orgEvidenceRoutes);
  app.route("/", orgRoutes);

  const allowed = methodsByPath(app.routes);
  app.notFound((c) => {
    const path = new URL(c.req.url).pathname;
    const methods = allowed(path);
    if (methods.length && !methods.includes(c.req.method)) {
      c.header("Allow", methods.join(", "));
      if (!isApi(c)) return errorPage(c, 405);
      return c.json(errorBody("method_not_allowed", `${c.req.method} is not allowed on ${path}; use ${methods.join(" or ")}`), 405);
    }
    if (!isApi(c)) return errorPage(c, 404);
    return c.json(errorBody("not_found", `No such resource: ${c.req.method} ${path}`), 404);
  });
  app.onError(onError);
  return app;
}

/**
 * The methods each path answers, from the routes as registered (middleware excluded): the 405 answers cannot
 * drift from the routes. GET implies HEAD; a route with CORS answers OPTIONS.
 */
function methodsByPath(routes: readonly { method: string; path: string }[]): (path: string) => string[] {
  const table: { re: RegExp; methods: Set<string> }[] = [];
  for (const r of routes) {
    if (r.method === "ALL") continue;
    const source = `^${r.path
      .split("/")
      .map((seg) => (seg.startsWith(":") ? "[^/]+" : seg === "*" ? ".*" : seg.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
      .join("/")}$`;
    let entry = table.find((t) => t.re.source === source);
    if (!entry) table.push((entry = { re: new RegExp(source), methods: new Set() }));
    entry.methods.add(r.method);
    if (r.method === "GET") entry.methods.add("HEAD");
  }
  return (path) => {
    const out = new Set<string>();
    for (const t of table) if (t.re.test(path)) for (const m of t.methods) out.add(m);
    return [...out];
  };
}
