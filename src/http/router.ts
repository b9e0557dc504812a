/**
 * The router factory every route module uses: an OpenAPI router whose validation failures become the 400 error
 * envelope, so a new route gets documentation and field-level errors by construction.
 */
import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "./env";
import { validationHook } from "./validation";

export function createRouter() {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
}
