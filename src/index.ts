/**
 * The Worker's entry point and composition root: the HTTP layer (src/http) joined to the member's pages (web/),
 * the only place where the two meet.
 */
import { createApp } from "./http/app";
import { pages } from "../web/src/server";
import { orgPages } from "../web/src/org/pages";

import { handleQueue } from "./jobs";
import type { Bindings } from "./http/env";
import type { Job } from "./jobs/types";

const app = createApp({ pages, orgPages });

export default {
  fetch: app.fetch,
  queue: handleQueue,
} satisfies ExportedHandler<Bindings, Job>;
