/**
 * The advocate's evidence pages: the figures (with a breakdown from the catalogue), a what-if form posting back
 * here, and the printable brief. Same figures as /api/evidence/*, through the same disclosure control.
 */
import type { Context } from "hono";
import { parseBreakdown } from "../../evidence/catalogue";
import { buildEvidence, criterionInfo } from "../../evidence/service";
import { runWhatIf } from "../../evidence/what-if";
import { BREAKDOWNS, type Breakdown, type RuleChange, type WhatIf } from "../../evidence/types";
import { changeableParts } from "../../engine/override";
import { formatValue, localize } from "../../engine/text";
import type { Pack, Scalar } from "../../engine/types";
import type { EvidenceView, FormIssue, WhatIfFormView } from "../../present/org-pages";
import type { AppEnv } from "../env";
import { PRIVATE_CACHE } from "../middleware";
import { orgFrame } from "../org-frame";
import { createRouter } from "../router";
import { fieldsOf } from "./page";
import { evidenceContext } from "./evidence";

type C = Context<AppEnv>;

function html(c: C, body: string, status: 200 | 400 | 403 = 200) {
  c.header("Cache-Control", PRIVATE_CACHE);
  return c.html(body, status);
}

/** What the what-if form offers: per scheme in force, its parameters, criteria and the worker types it refuses. */
export function whatIfForm(pack: Pack, today: string, lang: string, change?: RuleChange): WhatIfFormView {
  const workerNames = pack.country.facts.find((f) => f.name === "worker_type")?.options;
  return {
    schemes: changeableParts(pack, today).map((part) => {
      const scheme = pack.schemes.find((s) => s.id === part.scheme)!;
      const version = scheme.versions.find((v) => v.rule_version === part.rule_version)!;
      return {
        id: scheme.id,
        name: localize(scheme.name, lang),
        parameters: part.parameters.map((p) => ({ name: p.name, value: formatValue(p.value), ...(p.unit ? { unit: p.unit } : {}), unconfirmed: p.unconfirmed })),
        criteria: part.criteria.map((c) => ({ id: c.id, label: criterionInfo(scheme, version, version.criteria.find((x) => x.id === c.id)!, lang).label })),
        refuses: part.refuses.map((value) => ({ value, label: workerNames?.[value] ? localize(workerNames[value]!, lang) : value.replace(/_/g, " ") })),
      };
    }),
    ...(change ? { change } : {}),
  };
}

/** A form's value for a parameter, read as the parameter's own type (a number, yes/no, or a list). */
function valueFor(pack: Pack, today: string, scheme: string, parameter: string, raw: string): Scalar | Scalar[] {
  const current = changeableParts(pack, today).find((s) => s.scheme === scheme)?.parameters.find((p) => p.name === parameter)?.value;
  const one = (s: string, like: unknown): Scalar => {
    if (typeof like === "number") {
      const n = Number(s.replace(/[\s,_]/g, ""));
      return s.trim() === "" || !Number.isFinite(n) ? s : n;
    }
    if (typeof like === "boolean") return s === "true" || s === "yes" ? true : s === "false" || s === "no" ? false : s;
    return s.trim();
  };
  if (Array.isArray(current)) return raw.split(",").map((x) => one(x, current[0])).filter((x) => x !== "");
  return one(raw, current);
}

/** The change a what-if form asks for, or the field that is missing. */
function changeOf(f: Record<string, unknown>, pack: Pack, today: string): { change: RuleChange } | { issue: FormIssue } {
  const get = (k: string) => (typeof f[k] === "string" ? (f[k] as string).trim() : "");
  const scheme = get("scheme");
  const kind = get("kind");
  if (!scheme) return { issue: { path: "scheme", code: "required", message: "choose a scheme" } };
  if (kind === "parameter") {
    const parameter = get("parameter");
    if (!parameter) return { issue: { path: "parameter", code: "required", message: "choose a parameter" } };
    if (!get("value")) return { issue: { path: "value", code: "required", message: "give the proposed value" } };
    return { change: { kind, scheme, parameter, value: valueFor(pack, today, scheme, parameter, get("value")) } };
  }
  if (kind === "drop_criterion") {
    const criterion = get("criterion");
    if (!criterion) return { issue: { path: "criterion", code: "required", message: "choose a criterion" } };
    return { change: { kind, scheme, criterion } };
  }
  if (kind === "admit_worker_type") {
    const worker_type = get("worker_type");
    if (!worker_type) return { issue: { path: "worker_type", code: "required", message: "choose a worker type" } };
    return { change: { kind, scheme, worker_type } };
  }
  return { issue: { path: "kind", code: "required", message: "choose what to change" } };
}

/** The change as query parameters (the brief's link prints the same what-if). */
function changeQuery(change: RuleChange): string {
  const q = new URLSearchParams({ kind: change.kind, scheme: change.scheme });
  if (change.kind === "parameter") {
    q.set("parameter", change.parameter);
    q.set("value", Array.isArray(change.value) ? change.value.join(",") : String(change.value));
  } else if (change.kind === "drop_criterion") q.set("criterion", change.criterion);
  else q.set("worker_type", change.worker_type);
  return q.toString();
}

async function view(c: C, by: Breakdown | null, whatIf?: { change?: RuleChange; result?: WhatIf; issues?: FormIssue[] }): Promise<EvidenceView | Response> {
  const caller = await evidenceContext(c);
  if (!("ctx" in caller)) return html(c, c.var.orgPages.error(orgFrame(c), 403), 403);
  const { ctx } = caller;
  const evidence = await buildEvidence(ctx, by);
  const q = by ? `?by=${by}` : "";
  const brief = `/org/evidence/brief${q}${whatIf?.result ? `${q ? "&" : "?"}${changeQuery(whatIf.result.change)}` : ""}`;
  return {
    evidence,
    breakdowns: BREAKDOWNS,
    whatIf: { form: whatIfForm(ctx.pack, ctx.today, ctx.lang, whatIf?.change), ...(whatIf?.result ? { result: whatIf.result } : {}), ...(whatIf?.issues ? { issues: whatIf.issues } : {}) },
    exports: { csv: `/api/evidence/coverage.csv${q}`, excel: `/api/evidence/coverage.csv${q ? `${q}&` : "?"}excel=1`, json: `/api/evidence/coverage${q}`, brief },
  };
}

const badBy = (c: C) => html(c, c.var.orgPages.error(orgFrame(c), 403, "That breakdown is not in the catalogue."), 403);

/** A what-if from a form or a query; its result or the issue to show beside the field. */
async function whatIfFrom(c: C, fields: Record<string, unknown>, by: Breakdown | null) {
  const caller = await evidenceContext(c);
  if (!("ctx" in caller)) return undefined;
  const parsed = changeOf(fields, caller.ctx.pack, caller.ctx.today);
  if ("issue" in parsed) return { issues: [parsed.issue] };
  const r = await runWhatIf(caller.ctx, parsed.change, by);
  return r.ok ? { change: parsed.change, result: r.whatIf } : { change: parsed.change, issues: [{ ...r.issue, path: r.issue.path.replace(/^change\./, "") }] };
}

export const orgEvidenceRoutes = createRouter()
  .get("/org/evidence", async (c) => {
    const by = parseBreakdown(c.req.query("by"));
    if (by === undefined) return badBy(c);
    const v = await view(c, by);
    return v instanceof Response ? v : html(c, c.var.orgPages.evidence(orgFrame(c), v));
  })
  .post("/org/evidence/what-if", async (c) => {
    let fields: Record<string, unknown> = {};
    try {
      fields = fieldsOf(await c.req.parseBody()) as Record<string, unknown>;
    } catch {
      fields = {};
    }
    const by = parseBreakdown(typeof fields.by === "string" ? fields.by : undefined);
    if (by === undefined) return badBy(c);
    const w = await whatIfFrom(c, fields, by);
    const v = await view(c, by, w);
    if (v instanceof Response) return v;
    return html(c, c.var.orgPages.evidence(orgFrame(c), v), w?.issues ? 400 : 200);
  })
  .get("/org/evidence/brief", async (c) => {
    const by = parseBreakdown(c.req.query("by"));
    if (by === undefined) return badBy(c);
    const q = c.req.query();
    const w = q.kind ? await whatIfFrom(c, q, by) : undefined;
    const v = await view(c, by, w);
    if (v instanceof Response) return v;
    return html(c, c.var.orgPages.brief(orgFrame(c), v), w?.issues ? 400 : 200);
  });
