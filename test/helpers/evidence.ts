/**
 * A realistic advocacy evidence for a Kenyan network (six clusters, Kenya's schemes in force in late 2026), and a
 * what-if, as the page and the brief get them: raw counts go through a small stand-in for disclosure control
 * (counts 1..threshold-1 withheld, then more cells until no row or column holds a lone withheld one), so the
 * fixture has the shapes real exports have, and the tests know the raw counts behind every withheld figure.
 */
import type { Evidence, Figure, Flag, Funnel, Heading, PublishedTable, Rate, SchemeReasons, Stamp, Trend, WhatIf } from "../../src/evidence/types";
import { FUNCTIONS, RUNGS } from "../../src/evidence/types";
import type { EvidenceView, WhatIfFormView } from "../../src/present/org-pages";

export const THRESHOLD = 11;

const small = (n: number, t: number) => n > 0 && n < t;
/** A count as published: withheld when small. */
export const fig = (n: number, t = THRESHOLD): Figure => (small(n, t) ? { value: null, flag: "small" } : { value: n, flag: "" });
export const hidden = (flag: Flag = "small"): Figure => ({ value: null, flag });
export function rate(num: number, den: number, t = THRESHOLD): Rate {
  const numerator = fig(num, t);
  const denominator = fig(den, t);
  const value = numerator.value === null || denominator.value === null || den === 0 ? null : num / den;
  return { value, numerator, denominator, flag: value === null && den !== 0 ? "small" : "" };
}

const headings = (pairs: [string, string][]): Heading[] => pairs.map(([key, label]) => ({ key, label }));

/** A published table of raw counts, with primary and secondary suppression; `raw` keeps the counts behind it. */
export function publish(id: string, row_dim: string, col_dim: string, rows: Heading[], cols: Heading[], raw: number[][], t = THRESHOLD): PublishedTable & { raw: number[][] } {
  const rowSum = raw.map((r) => r.reduce((a, b) => a + b, 0));
  const colSum = cols.map((_, j) => raw.reduce((a, r) => a + r[j]!, 0));
  const total = rowSum.reduce((a, b) => a + b, 0);
  const flag: Flag[][] = raw.map((r) => r.map((n) => (small(n, t) ? "small" : "")));
  const rowFlag: Flag[] = rowSum.map((n) => (small(n, t) ? "small" : ""));
  const colFlag: Flag[] = colSum.map((n) => (small(n, t) ? "small" : ""));
  // A lone withheld cell in a line whose total is published can be worked out: withhold the smallest other one.
  const lone = (cells: { n: number; f: Flag; set: (f: Flag) => void }[], totalShown: boolean) => {
    const withheld = cells.filter((c) => c.f !== "");
    if (withheld.length !== 1 || !totalShown) return false;
    const other = cells.filter((c) => c.f === "" && c.n > 0).sort((a, b) => a.n - b.n)[0];
    if (!other) return false;
    other.set("secondary");
    return true;
  };
  for (let changed = true; changed; ) {
    changed = false;
    raw.forEach((r, i) => {
      changed = lone(r.map((n, j) => ({ n, f: flag[i]![j]!, set: (f) => (flag[i]![j] = f) })), rowFlag[i] === "") || changed;
    });
    cols.forEach((_, j) => {
      changed = lone(raw.map((r, i) => ({ n: r[j]!, f: flag[i]![j]!, set: (f) => (flag[i]![j] = f) })), colFlag[j] === "") || changed;
    });
  }
  const out = (n: number, f: Flag): Figure => (f ? { value: null, flag: f } : { value: n, flag: "" });
  return {
    id,
    row_dim,
    col_dim,
    rows,
    cols,
    cells: raw.map((r, i) => r.map((n, j) => out(n, flag[i]![j]!))),
    row_totals: rowSum.map((n, i) => out(n, rowFlag[i]!)),
    col_totals: colSum.map((n, j) => out(n, colFlag[j]!)),
    total: fig(total, t),
    additive: true,
    raw,
  };
}

export const CLUSTERS = headings([
  ["kibera", "Kibera (Nairobi)"],
  ["mathare", "Mathare (Nairobi)"],
  ["kisauni", "Kisauni (Mombasa)"],
  ["nyalenda", "Nyalenda (Kisumu)"],
  ["bondeni", "Bondeni (Nakuru)"],
  ["machakos", "Machakos town"],
]);
const RUNG_HEADINGS = headings(RUNGS.map((r) => [r, r.replace("_", " ")]));

/** Members per cluster and rung, per function (rows: CLUSTERS; columns: RUNGS). */
export const LADDER_RAW: Record<(typeof FUNCTIONS)[number], number[][]> = {
  health: [
    [62, 14, 21, 38, 12, 0],
    [48, 7, 18, 30, 15, 3],
    [35, 12, 9, 41, 20, 0],
    [29, 16, 13, 33, 11, 12],
    [40, 11, 17, 25, 14, 0],
    [4, 2, 0, 3, 1, 0],
  ],
  old_age: [
    [18, 12, 0, 70, 24, 23],
    [11, 0, 13, 64, 12, 21],
    [15, 14, 0, 52, 23, 13],
    [12, 0, 11, 55, 14, 22],
    [20, 11, 12, 47, 0, 17],
    [0, 0, 0, 6, 2, 2],
  ],
  maternity: [
    [11, 0, 0, 14, 0, 122],
    [0, 0, 0, 12, 0, 109],
    [0, 0, 0, 13, 0, 104],
    [12, 0, 0, 0, 0, 102],
    [0, 0, 0, 11, 0, 96],
    [0, 0, 0, 0, 0, 10],
  ],
  accident: [
    [0, 0, 0, 0, 0, 147],
    [0, 0, 0, 0, 0, 121],
    [0, 0, 0, 0, 0, 117],
    [0, 0, 0, 0, 0, 114],
    [0, 0, 0, 0, 0, 107],
    [0, 0, 0, 0, 0, 10],
  ],
  cash_support: [
    [13, 0, 0, 12, 30, 92],
    [14, 0, 11, 0, 25, 71],
    [0, 0, 0, 15, 31, 71],
    [11, 0, 0, 13, 22, 68],
    [12, 0, 0, 0, 24, 71],
    [0, 0, 0, 3, 0, 7],
  ],
  labour_protection: [
    [0, 0, 0, 0, 0, 147],
    [0, 0, 0, 0, 0, 121],
    [0, 0, 0, 0, 0, 117],
    [0, 0, 0, 0, 0, 114],
    [0, 0, 0, 0, 0, 107],
    [0, 0, 0, 0, 0, 10],
  ],
};

export const LADDERS = FUNCTIONS.map((f) => ({ function: f, table: publish(`ladder.${f}.cluster`, "cluster", "rung", CLUSTERS, RUNG_HEADINGS, LADDER_RAW[f]) }));

const SOURCES = {
  sha_act: { id: "ke40", title: "Social Health Insurance Act, No. 16 of 2023 (Kenya Law)", url: "https://new.kenyalaw.org/akn/ke/act/2023/16/eng@2023-11-24", date: "2023-11-24", tier: "law" as const },
  sha_regs: { id: "ke41", title: "Social Health Insurance Regulations, 2024, Legal Notice 49 of 2024", url: "https://new.kenyalaw.org/akn/ke/act/ln/2024/49/eng@2024-03-08", date: "2024-03-08", tier: "law" as const },
  opct: { id: "ke60", title: "Inua Jamii Older Persons Cash Transfer – National Social Protection Secretariat", url: "https://socialprotection.or.ke/social-protection-components/social-assistance/national-safety-net-program/inua-jamii", date: "2026-11-23", tier: "official" as const },
  ssa: { id: "ke61", title: "Social Assistance Act, No. 24 of 2013, s. 20 (Kenya Law)", url: "https://new.kenyalaw.org/akn/ke/act/2013/24/eng@2013-01-14", date: "2013-01-14", tier: "law" as const },
  ctovc: { id: "ke76", title: "Cash Transfer for Orphans and Vulnerable Children (CT-OVC) – National Social Protection Secretariat", url: "https://socialprotection.or.ke/social-protection-components/social-assistance/national-safety-net-program/cash-transfer-for-orphans-and-vulnerable-children-ct-ovc", date: "2026-11-23", tier: "official" as const },
  blog: { id: "ke81", title: "The CT-OVC programme – households must not have a caregiver in formal employment (Consolation Africa blog)", url: "https://consolationafrica.wordpress.com/2014/03/20/the-cash-transfer-for-orphans-and-vulnerable-children-ct-ovc-programme/", date: "2014-03-20", tier: "secondary" as const },
  nssf: { id: "ke20", title: "National Social Security Fund Act, No. 45 of 2013, s. 21 (Kenya Law)", url: "https://new.kenyalaw.org/akn/ke/act/2013/45/eng@2022-12-31", date: "2022-12-31", tier: "law" as const },
  nhif: { id: "ke30", title: "National Hospital Insurance Fund Act, Cap. 255 (Kenya Law)", url: "https://new.kenyalaw.org/akn/ke/act/1998/9/eng@2022-12-31", date: "2022-12-31", tier: "law" as const },
};

export const SCHEMES = headings([
  ["sha", "Social Health Authority (SHA)"],
  ["nssf_haba_haba", "NSSF Haba Haba savings plan"],
  ["nssf_voluntary", "NSSF voluntary membership"],
  ["inua_jamii_opct", "Inua Jamii – Older Persons Cash Transfer"],
  ["ct_ovc", "Inua Jamii – Cash Transfer for Orphans and Vulnerable Children (CT-OVC)"],
]);
const name = (id: string) => SCHEMES.find((s) => s.key === id)?.label ?? id;

export const STAMP: Stamp = {
  generated_on: "2026-11-30",
  network: { id: "net-hnk", code: "hnk", name: "HomeNet Kenya" },
  country: "ke",
  rules_version: "4cfbe8eef2493cac",
  scheme_versions: [
    { scheme: "sha", name: name("sha"), rule_version: "ke/sha@2024-10-01", hash: "755c05ae6e5acc61", effective_from: "2024-10-01", sources: [SOURCES.sha_act, SOURCES.sha_regs] },
    { scheme: "nssf_haba_haba", name: name("nssf_haba_haba"), rule_version: "ke/nssf_haba_haba@2024-10-30", hash: "ee41c261ea9338c3", effective_from: "2024-10-30", sources: [SOURCES.nssf] },
    { scheme: "nssf_voluntary", name: name("nssf_voluntary"), rule_version: "ke/nssf_voluntary@2014-06-20", hash: "e84eee9233b8b380", effective_from: "2014-06-20", sources: [SOURCES.nssf] },
    { scheme: "inua_jamii_opct", name: name("inua_jamii_opct"), rule_version: "ke/inua_jamii_opct@2018-01-01", hash: "d0a29e64efa775e4", effective_from: "2018-01-01", sources: [SOURCES.opct, SOURCES.ssa] },
    { scheme: "ct_ovc", name: name("ct_ovc"), rule_version: "ke/ct_ovc@2016-06-30", hash: "dfe8a5b19e139926", effective_from: "2016-06-30", sources: [SOURCES.ctovc] },
  ],
  threshold: THRESHOLD,
  members: fig(616),
};

/** Per scheme and rung (rows: SCHEMES). */
export const SCHEMES_RAW = [
  [214, 60, 78, 170, 73, 21],
  [61, 31, 24, 205, 95, 200],
  [0, 0, 12, 88, 40, 476],
  [38, 0, 4, 9, 11, 554],
  [50, 0, 11, 13, 140, 402],
];

const criterion = (id: string, label: string, sources: SchemeReasons["criteria"][number]["criterion"]["sources"], unconfirmed = false) => ({ id, label, sources, unconfirmed });

export const REASONS: SchemeReasons[] = [
  {
    scheme: "sha",
    name: name("sha"),
    rule_version: "ke/sha@2024-10-01",
    effective_from: "2024-10-01",
    excluded: fig(0),
    criteria: [{ criterion: criterion("lives_in_kenya", "SHA is for people who live in Kenya.", [SOURCES.sha_act]), any: fig(0), binding: fig(0) }],
    several: fig(0),
  },
  {
    scheme: "inua_jamii_opct",
    name: name("inua_jamii_opct"),
    rule_version: "ke/inua_jamii_opct@2018-01-01",
    effective_from: "2018-01-01",
    excluded: fig(554),
    criteria: [
      { criterion: criterion("no_pension", "You already get a pension.", [SOURCES.ssa]), any: fig(41), binding: fig(23) },
      { criterion: criterion("age", "You must be 70 or older.", [SOURCES.opct, SOURCES.ssa]), any: fig(530), binding: fig(476) },
      { criterion: criterion("citizen", "Only Kenyan citizens can join.", [SOURCES.ssa]), any: fig(14), binding: fig(6) },
      { criterion: criterion("no_other_cash_transfer", "Your household already gets another government cash transfer.", [SOURCES.opct]), any: fig(19), binding: fig(0) },
    ],
    // 554 - 476 - 23 - 0 would give the withheld binding count away: withheld too.
    several: hidden("secondary"),
  },
  {
    scheme: "nssf_voluntary",
    name: name("nssf_voluntary"),
    rule_version: "ke/nssf_voluntary@2014-06-20",
    effective_from: "2014-06-20",
    excluded: fig(8),
    criteria: [
      { criterion: criterion("past_retirement_age", "You are past the retirement age.", [SOURCES.nssf]), any: fig(8), binding: fig(8) },
      { criterion: criterion("no_employer", "You have an employer who pays NSSF for you.", [SOURCES.nssf]), any: fig(0), binding: fig(0) },
    ],
    several: fig(0),
  },
  {
    scheme: "ct_ovc",
    name: name("ct_ovc"),
    rule_version: "ke/ct_ovc@2016-06-30",
    effective_from: "2016-06-30",
    excluded: fig(402),
    criteria: [
      { criterion: criterion("cares_for_ovc", "This payment is for homes caring for a child under 18 who has lost a parent, or is very sick or disabled.", [SOURCES.ctovc]), any: fig(395), binding: fig(371) },
      { criterion: criterion("no_formal_employment", "You have an employer.", [SOURCES.blog], true), any: fig(18), binding: fig(13) },
      { criterion: criterion("no_other_cash_transfer", "Your household already gets another government cash transfer.", [SOURCES.ctovc]), any: fig(12), binding: fig(0) },
    ],
    several: fig(18),
  },
];

const BARRIER_KEYS = ["contribution_unaffordable", "documents_missing", "office_too_far", "no_information", "contractor_refused", "not_recognised_as_worker", "no_phone_or_digital_access", "distrust", "other"];
export const BARRIERS_TABLE = publish(
  "barriers",
  "scheme",
  "barrier",
  SCHEMES.slice(0, 3),
  headings(BARRIER_KEYS.map((b) => [b, b])),
  [
    [64, 22, 3, 19, 0, 0, 12, 0, 5],
    [88, 14, 0, 31, 0, 11, 2, 17, 0],
    [40, 0, 0, 29, 0, 13, 0, 0, 6],
  ],
);

const STATES = ["not_started", "gathering_documents", "ready_to_apply", "applied", "enrolled", "rejected", "appealed", "lapsed", "exited", "declined"];
function funnel(scheme: string, raw: number[], medians: Funnel["median_days"], rejected: number, applied: number): Funnel {
  return { scheme, name: name(scheme), states: Object.fromEntries(STATES.map((s, i) => [s, fig(raw[i]!)])), median_days: medians, rejection_rate: rate(rejected, applied) };
}
export const FUNNELS: Funnel[] = [
  funnel(
    "sha",
    [120, 31, 12, 44, 214, 4, 0, 60, 0, 17],
    [
      { from: "not_started", to: "gathering_documents", days: 9, moves: fig(58) },
      { from: "gathering_documents", to: "applied", days: 21, moves: fig(40) },
      { from: "applied", to: "enrolled", days: 34, moves: fig(37) },
      { from: "applied", to: "rejected", days: null, moves: hidden() },
    ],
    4,
    262,
  ),
  funnel(
    "nssf_haba_haba",
    [150, 23, 0, 13, 61, 0, 0, 31, 0, 42],
    [{ from: "applied", to: "enrolled", days: 12, moves: fig(19) }],
    0,
    74,
  ),
];

export const MONTHS = ["2024-07", "2024-08", "2024-09", "2024-10", "2024-11", "2024-12", "2025-01", "2025-02", "2025-03", "2025-04", "2025-05", "2025-06"];
export const TREND: Trend = {
  months: MONTHS,
  series: [
    { scheme: "nhif", name: "National Hospital Insurance Fund (NHIF)", values: [151, 149, 147, 0, 0, 0, 0, 0, 0, 0, 0, 0].map((n) => fig(n)) },
    { scheme: "sha", name: name("sha"), values: [0, 0, 0, 96, 121, 140, 162, 175, 188, 196, 205, 214].map((n) => fig(n)) },
    // Withheld in October and November (a small count), so those months are gaps in its line.
    { scheme: "nssf_haba_haba", name: name("nssf_haba_haba"), values: [33, 35, 36, null, null, 41, 44, 47, 51, 55, 58, 61].map((n) => (n === null ? hidden("window") : fig(n))) },
  ],
  markers: [
    { month: "2024-09", scheme: "nhif", rule_version: "ke/nhif@2015-04-01", kind: "ended" },
    { month: "2024-10", scheme: "sha", rule_version: "ke/sha@2024-10-01", kind: "in_force" },
    { month: "2024-10", scheme: "nssf_haba_haba", rule_version: "ke/nssf_haba_haba@2024-10-30", kind: "in_force" },
  ],
};

export const PUBLIC_TABLE = publish(
  "public_counts",
  "scheme",
  "status",
  SCHEMES.slice(0, 4),
  headings(["eligible", "likely_eligible", "needs_info", "likely_not_eligible", "not_eligible"].map((s) => [s, s])),
  [
    [1204, 0, 311, 14, 2],
    [640, 212, 499, 0, 180],
    [120, 0, 381, 0, 1030],
    [3, 41, 125, 0, 1362],
  ],
);

function ladderIndicators() {
  const sumCol = (f: (typeof FUNCTIONS)[number], j: number) => LADDER_RAW[f].reduce((a, r) => a + r[j]!, 0);
  const members = LADDER_RAW.health.flat().reduce((a, b) => a + b, 0);
  return {
    members: fig(members),
    covered_any: rate(301, members),
    legal_any: rate(522, members),
    functions: FUNCTIONS.map((f) => {
      const legal = [0, 1, 2, 3].reduce((a, j) => a + sumCol(f, j), 0);
      return { function: f, legal: rate(legal, members), effective: rate(sumCol(f, 0), members), eligible_not_enrolled: fig(sumCol(f, 2) + sumCol(f, 3)), lapsed: fig(sumCol(f, 1)) };
    }),
  };
}

export const EVIDENCE: Evidence = {
  stamp: STAMP,
  breakdown: "cluster",
  indicators: ladderIndicators(),
  ladders: LADDERS,
  schemes: publish("schemes", "scheme", "rung", SCHEMES, RUNG_HEADINGS, SCHEMES_RAW),
  reasons: REASONS,
  barriers: BARRIERS_TABLE,
  funnels: FUNNELS,
  trend: TREND,
  public_counts: { from: "2026-09-01", to: "2026-11-30", checks: fig(5728), table: PUBLIC_TABLE },
};

/** Before, after, gain and loss per cluster: the four withheld together when any one is small. */
export const WHAT_IF_RAW = [
  [12, 58, 46, 0],
  [0, 31, 31, 0],
  [11, 40, 29, 0],
  [3, 15, 12, 0],
  [14, 37, 23, 0],
  [0, 4, 4, 0],
];
export const WHAT_IF: WhatIf = {
  stamp: STAMP,
  change: { kind: "parameter", scheme: "inua_jamii_opct", parameter: "min_age", value: 65 },
  description: "Inua Jamii – Older Persons Cash Transfer: minimum age 65 instead of 70",
  scheme: "inua_jamii_opct",
  breakdown: "cluster",
  table: {
    id: "what_if",
    row_dim: "cluster",
    col_dim: "what_if",
    rows: CLUSTERS,
    cols: headings([
      ["before", "before"],
      ["after", "after"],
      ["gain", "gain"],
      ["loss", "loss"],
    ]),
    cells: WHAT_IF_RAW.map((r) => (r.some((n) => small(n, THRESHOLD)) ? r.map(() => hidden("pair")) : r.map((n) => fig(n)))),
    row_totals: [],
    col_totals: [],
    total: fig(0),
    additive: false,
  },
  members: fig(616),
  took_ms: 41,
};

export const WHAT_IF_FORM: WhatIfFormView = {
  schemes: [
    {
      id: "inua_jamii_opct",
      name: name("inua_jamii_opct"),
      parameters: [{ name: "min_age", value: "70", unit: "years", unconfirmed: false }],
      criteria: [
        { id: "citizen", label: "Only Kenyan citizens can join." },
        { id: "no_pension", label: "You already get a pension." },
      ],
      refuses: [],
    },
    {
      id: "nssf_voluntary",
      name: name("nssf_voluntary"),
      parameters: [{ name: "retirement_age", value: "60", unit: "years", unconfirmed: false }],
      criteria: [{ id: "no_employer", label: "You have an employer who pays NSSF for you." }],
      refuses: [{ value: "employee", label: "Employee" }],
    },
  ],
};

export function evidenceView(over: Partial<EvidenceView> = {}): EvidenceView {
  return {
    evidence: EVIDENCE,
    breakdowns: ["cluster", "worker_type", "sex", "age_band"],
    whatIf: { form: { ...WHAT_IF_FORM, change: WHAT_IF.change }, result: WHAT_IF },
    exports: { csv: "/api/evidence.csv?by=cluster", excel: "/api/evidence.csv?by=cluster&excel=1", json: "/api/evidence?by=cluster", brief: "/org/evidence/brief?by=cluster" },
    ...over,
  };
}
