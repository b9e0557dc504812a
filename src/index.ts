/**
 * The Worker's entry point and composition root: the HTTP layer (src/http) joined to the member's pages (web/),
 * the only place where the two meet; the queue consumer and the daily cron (src/jobs).
 */
import { createApp } from "./http/app";
import type { Bindings } from "./http/env";
import { checkRulesOnFirstRequest, handleQueue, handleScheduled } from "./jobs";
import { pages } from "../web/src/server";
import { orgPages } from "../web/src/org/pages";

const app = createApp({ pages, orgPages });

export default {
  fetch(request: Request, env: Bindings, ctx: ExecutionContext) {
    checkRulesOnFirstRequest(env, ctx);
    return app.fetch(request, env, ctx);
  },
  queue: handleQueue,
  scheduled: handleScheduled,
};
