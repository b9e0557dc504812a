/**
 * The Hono application: middleware (security headers, body limit), the API routes, the OpenAPI document and
 * its human-readable page, and JSON 404/405/500 answers. Only this layer knows status codes.
 */
import { OpenAPIHono } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { NONCE, secureHeaders } from "hono/secure-headers";
import type { AppEnv } from "./env";
import { errorBody, notFound, onError } from "./errors";
import { checkRoutes } from "./routes/check";
import { countryRoutes } from "./routes/countries";
import { OPENAPI_INFO, renderDocs } from "./routes/docs";
import { matrixRoutes } from "./routes/matrix";
import { pageRoutes } from "./routes/page";

export const MAX_BODY_BYTES = 64 * 1024;

/** Paths and the methods they answer, for 405 answers with an Allow header. */
const METHODS: [RegExp, string[]][] = [
  [/^\/api\/check$/, ["POST"]],
  [/^\/api\/countries$/, ["GET", "HEAD"]],
  [/^\/api\/countries\/[^/]+\/schemes$/, ["GET", "HEAD"]],
  [/^\/api\/policy-matrix(\.csv)?$/, ["GET", "HEAD"]],
  [/^\/api\/openapi\.json$/, ["GET", "HEAD"]],
  [/^\/api\/docs$/, ["GET", "HEAD"]],
  [/^\/$/, ["GET", "HEAD"]],
  [/^\/check$/, ["GET", "HEAD", "POST"]],
];

export function createApp() {
  const app = new OpenAPIHono<AppEnv>();
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
  app.use("*", async (c, next) => {
    const path = new URL(c.req.url).pathname;
    const allowed = METHODS.find(([re]) => re.test(path))?.[1];
    if (allowed && !allowed.includes(c.req.method)) {
      c.header("Allow", allowed.join(", "));
      return c.json(errorBody("method_not_allowed", `${c.req.method} is not allowed on ${path}; use ${allowed.join(" or ")}`), 405);
    }
    return next();
  });
  app.use(
    "/api/*",
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => c.json(errorBody("payload_too_large", `The body is larger than ${MAX_BODY_BYTES / 1024} KiB.`), 413),
    }),
  );

  app.route("/", checkRoutes);
  app.route("/", countryRoutes);
  app.route("/", matrixRoutes);
  app.doc("/api/openapi.json", OPENAPI_INFO);
  app.get("/api/docs", (c) => renderDocs(c, app.getOpenAPIDocument(OPENAPI_INFO)));
  app.route("/", pageRoutes);

  app.notFound(notFound);
  app.onError(onError);
  return app;
}
