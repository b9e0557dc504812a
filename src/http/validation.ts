/** The hook that turns zod validation failures of any route into the 400 error envelope. */
import type { Hook } from "@hono/zod-openapi";
import type { AppEnv } from "./env";
import { invalid, zodIssues } from "./errors";

// biome-ignore lint: the hook is shared by routes of every input type.
export const validationHook: Hook<any, AppEnv, any, any> = (result, c) => {
  if (!result.success) return invalid(c, zodIssues(result.error.issues));
  return undefined;
};
