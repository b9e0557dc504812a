/**
 * What changed when the rules changed, as JSON: members' eligibility changes found by the re-screening job (who
 * newly qualifies, who no longer does, who needs to answer something new), each with its reasons, sources and the
 * rule versions before and after; and the forecast of a dated change before its date. Scoped like /api/members:
 * an organizer sees her clusters, an admin her network, an advocate nothing (403). Never cached.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { addDays } from "../../members/enrollment";
import { CHANGE_KINDS, changeKind, datedChangesAfter } from "../../members/changes";
import { changeSummary, forecast, listChangesFor, rescreenRuns } from "../../members/rescreen";
import { STATUSES } from "../../engine/enums";
import { getPack } from "../../rules/registry";
import { DateSchema, ErrorSchema } from "../schemas";
import { createRouter } from "../router";
import { callerOf } from "../workspace";
import { errorBody } from "../errors";
import { PRIVATE_CACHE } from "../middleware";
import { SESSION_SECURITY } from "../workspace-schemas";

const res = <T extends z.ZodType>(description: string, schema: T) => ({ description, content: { "application/json": { schema } } });
const err = (description: string) => res(description, ErrorSchema);
const common = {
  400: err("Invalid query"),
  401: err("Not signed in"),
  403: err("Your role has no access to members (advocates see aggregates only)"),
};
const base = { tags: ["workspace"], security: SESSION_SECURITY };

const Status = z.enum(STATUSES).nullable().openapi({ description: "null: the scheme was not (or is no longer) in force" });
const Explained = {
  scheme: z.string(),
  scheme_name: z.string(),
  from_status: Status,
  to_status: Status,
  from_rule_version: z.string().nullable().openapi({ example: "ke/nhif@2015-04-01" }),
  to_rule_version: z.string().nullable().openapi({ example: "ke/sha@2024-10-01" }),
  from_hash: z.string().nullable(),
  to_hash: z.string().nullable(),
  reasons: z.array(z.object({ criterion: z.string(), text: z.string() })).openapi({ description: "The criteria that made the difference, with their reasons in your language" }),
  sources: z.array(z.object({ id: z.string(), title: z.string(), url: z.string(), date: z.string() })),
  rule_event: z.enum(["started", "ended", "changed"]),
  rule_date: z.string().nullable().openapi({ description: "When the rule used came into force, or (ended) the last day the old one applied" }),
};
const Member = z.object({ id: z.string(), name: z.string(), member_no: z.string(), cluster_id: z.string() });

const ChangeSchema = z
  .object({ id: z.string(), member: Member, ...Explained, kind: z.enum(CHANGE_KINDS), detected_on: z.string(), task: z.object({ id: z.string(), kind: z.string() }).nullable().openapi({ description: "The follow-up it opened in her cluster" }) })
  .openapi("EligibilityChange");

const CountsSchema = z.object({ scheme: z.string(), gain: z.number().int(), loss: z.number().int(), needs_info: z.number().int(), other: z.number().int() });
const RunSchema = z
  .object({ id: z.string(), date: z.string(), trigger: z.string(), members: z.number().int(), chunks: z.number().int(), chunks_done: z.number().int(), scanned: z.boolean(), started_at: z.string(), finished_at: z.string().nullable() })
  .openapi("RescreenRun");

const ChangesQuerySchema = z.object({
  since: DateSchema.optional().openapi({ description: "Changes found on or after this date (default: 30 days ago)" }),
  cluster: z.string().max(64).optional(),
  scheme: z.string().regex(/^[a-z0-9_]+$/).max(64).optional(),
  kind: z.enum(CHANGE_KINDS).optional().openapi({ description: "gain: now can join; loss: no longer can; needs_info: must answer something new; other" }),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const list = createRoute({
  ...base,
  method: "get",
  path: "/api/changes",
  operationId: "listEligibilityChanges",
  summary: "What changed for your members when the rules changed",
  description:
    "Each change the re-screening found after a rule change (a deploy with new rules, or a dated version coming into force): who newly qualifies for what, who no longer does, who needs to answer something new — with the reasons, the rule's sources and date, and the rule versions and content hashes before and after. Newest first, 50 at a time (next_cursor for more). Also: counts per scheme since the date, and the network's latest re-screening runs with their progress.",
  request: { query: ChangesQuerySchema },
  responses: {
    200: res(
      "Changes in your clusters",
      z.object({ since: z.string(), items: z.array(ChangeSchema), next_cursor: z.string().nullable(), counts: z.array(CountsSchema), runs: z.array(RunSchema) }),
    ),
    ...common,
  },
});

const ForecastItemSchema = z
  .object({ member: Member, ...Explained, kind: z.enum(CHANGE_KINDS), task_kind: z.string().nullable().openapi({ description: "The follow-up it would open" }) })
  .openapi("ForecastChange");

const forecastRoute = createRoute({
  ...base,
  method: "get",
  path: "/api/changes/forecast",
  operationId: "forecastEligibilityChanges",
  summary: "What a dated change in the rules will do, before its date",
  description:
    "Your members' stored facts evaluated by the engine on the date and on today, for the schemes whose rule version differs between the two (nothing is written): who would gain, who would lose, who would need to answer something. `upcoming` lists the dated changes the rule files already hold after today.",
  request: { query: z.object({ date: DateSchema.openapi({ description: "A date after today" }), limit: z.coerce.number().int().min(1).max(500).default(200) }) },
  responses: {
    200: res(
      "The forecast",
      z.object({
        today: z.string(),
        date: z.string(),
        schemes: z.array(z.string()),
        upcoming: z.array(z.object({ date: z.string(), scheme: z.string(), rule_version: z.string(), change: z.enum(["starts", "ends"]) })),
        members: z.number().int(),
        counts: z.object({ gain: z.number().int(), loss: z.number().int(), needs_info: z.number().int(), other: z.number().int() }),
        items: z.array(ForecastItemSchema),
      }),
    ),
    ...common,
  },
});

const runsRoute = createRoute({
  ...base,
  method: "get",
  path: "/api/changes/runs",
  operationId: "listRescreenRuns",
  summary: "The network's latest re-screenings and their progress",
  description: "Each run: the date the rules were applied on, what started it (cron, request: the first request after new rules, all: everyone on request), members queued, chunks queued and done, and when it finished. Cheap to poll.",
  responses: { 200: res("Latest runs, newest first", z.object({ runs: z.array(RunSchema) })), 401: common[401], 403: common[403] },
});

const encodeCursor = (d: string, id: string) => btoa(JSON.stringify([d, id])).replace(/=+$/, "");
function decodeCursor(s: string | undefined): { detected_on: string; id: string } | undefined | null {
  if (!s) return undefined;
  try {
    const [detected_on, id] = JSON.parse(atob(s)) as unknown[];
    return typeof detected_on === "string" && typeof id === "string" ? { detected_on, id } : null;
  } catch {
    return null;
  }
}

const invalidQuery = (path: string, code: string, message: string) => errorBody("invalid_request", "The request is not valid; see issues.", [{ path, code, message }]);

export const changeRoutes = createRouter()
  .openapi(list, async (c) => {
    const query = c.req.valid("query");
    const before = decodeCursor(query.cursor);
    c.header("Cache-Control", PRIVATE_CACHE);
    if (before === null) return c.json(invalidQuery("cursor", "invalid_cursor", "is not a cursor this API gave"), 400);
    const caller = callerOf(c);
    const s = c.var.session!;
    const since = query.since ?? addDays(c.var.today, -30);
    const [r, summary] = await Promise.all([
      listChangesFor(c.var.db.$client, caller.scope, s.network.country, s.user.lang, { since, cluster: query.cluster, scheme: query.scheme, kind: query.kind, before, limit: query.limit }),
      changeSummary(c.var.db.$client, caller.scope, since, query.cluster),
    ]);
    return c.json({ since, items: r.items, next_cursor: r.next ? encodeCursor(r.next.detected_on, r.next.id) : null, counts: summary.counts, runs: summary.runs }, 200);
  })
  .openapi(runsRoute, async (c) => {
    c.header("Cache-Control", PRIVATE_CACHE);
    return c.json({ runs: await rescreenRuns(c.var.db.$client, callerOf(c).scope.network_id) }, 200);
  })
  .openapi(forecastRoute, async (c) => {
    const { date, limit } = c.req.valid("query");
    c.header("Cache-Control", PRIVATE_CACHE);
    const today = c.var.today;
    if (date <= today) return c.json(invalidQuery("date", "not_in_future", `must be after today (${today})`), 400);
    const s = c.var.session!;
    const f = await forecast(c.var.db.$client, callerOf(c).scope, s.network.country, today, date, s.user.lang, limit);
    const upcoming = datedChangesAfter(getPack(s.network.country)!, today);
    return c.json(
      {
        today: f.today,
        date: f.date,
        schemes: f.schemes,
        upcoming,
        members: f.members,
        counts: f.counts,
        items: f.items.map(({ change, ...rest }) => ({
          ...rest,
          scheme: change.scheme,
          from_status: change.from,
          to_status: change.to,
          from_rule_version: change.from_rule_version,
          to_rule_version: change.to_rule_version,
          from_hash: change.from_hash,
          to_hash: change.to_hash,
          kind: changeKind(change.from, change.to),
          task_kind: change.task ?? null,
        })),
      },
      200,
    );
  });
