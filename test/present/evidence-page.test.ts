/**
 * The advocate's evidence page and printable brief, rendered to HTML in Node (the browser tests are apart): every
 * chart is an SVG image followed by its table with the same figures, withheld figures print as `<threshold` and
 * never as a number, bars are drawn to d3's scales, the trend marks rule changes and leaves withheld months as gaps,
 * reasons cite their sources, and the brief is an A4 document with its method and the rules' versions.
 */
import { readFileSync } from "node:fs";
import { scaleLinear } from "d3-scale";
import { describe, expect, it } from "vitest";
import type { Evidence } from "../../src/evidence/types";
import type { OrgFrame } from "../../src/present/org-pages";
import { orgPages } from "../../web/src/org/pages";
import { EVIDENCE, evidenceView, FUNNELS, LADDER_RAW, LADDERS, REASONS, STAMP, TREND, WHAT_IF, WHAT_IF_RAW } from "../helpers/evidence";

const frame: OrgFrame = { lang: "en", languages: ["en", "sw"], user: { display_name: "Achieng", role: "advocate", network: "HomeNet Kenya" } };
const page = (view = evidenceView(), f = frame) => orgPages.evidence(f, view);
const brief = (view = evidenceView(), f = frame) => orgPages.brief(f, view);

/** Text as a reader gets it: tags dropped, entities decoded, spaces collapsed. */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();

interface Chart {
  id: string;
  cls: string;
  svg: string;
  after: string;
}
function charts(html: string): Chart[] {
  return [...html.matchAll(/<figure class="chart ([^"]*)" id="([^"]+)"[^>]*>([\s\S]*?)<\/figure>/g)].map((m) => {
    const inner = m[3]!;
    const end = inner.indexOf("</svg>") + "</svg>".length;
    return { cls: m[1]!, id: m[2]!, svg: inner.slice(0, end), after: inner.slice(end) };
  });
}
const chart = (html: string, id: string) => {
  const c = charts(html).find((x) => x.id === id);
  if (!c) throw new Error(`no chart ${id}`);
  return c;
};

interface CellOf {
  tag: "th" | "td";
  attrs: string;
  text: string;
}
function rows(table: string): CellOf[][] {
  return [...table.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((r) => [...r[1]!.matchAll(/<(th|td)([^>]*)>([\s\S]*?)<\/\1>/g)].map((c) => ({ tag: c[1] as "th" | "td", attrs: c[2]!, text: text(c[3]!) })));
}
const tables = (html: string) => [...html.matchAll(/<table[\s\S]*?<\/table>/g)].map((m) => m[0]);
/** The body rows of a table by their row heading: the data cells' texts. */
function byRow(table: string): Map<string, string[]> {
  return new Map(
    rows(table)
      .filter((r) => r[0]?.tag === "th" && r[0].attrs.includes('scope="row"'))
      .map((r) => [r[0]!.text, r.slice(1).map((c) => c.text)]),
  );
}
/** Whole numbers a cell prints as counts: percentages left out. */
const counts = (s: string) =>
  [...s.replace(/\d[\d,]*\s?%/g, "").matchAll(/\d[\d,]*/g)].map((m) => Number(m[0].replace(/,/g, "")));

describe("every chart", () => {
  for (const [name, render] of [["page", page], ["brief", brief]] as const) {
    it(`on the ${name} is an SVG image with a title, followed at once by its table under the same caption`, () => {
      const html = render();
      const all = charts(html);
      expect(all.length).toBeGreaterThanOrEqual(name === "page" ? 13 : 12);
      for (const c of all) {
        const title = /<title id="([^"]+)">([\s\S]*?)<\/title>/.exec(c.svg);
        expect(c.svg, c.id).toMatch(new RegExp(`^<svg viewBox="0 0 400 \\d+" role="img" aria-labelledby="${title?.[1]}"`));
        expect(title?.[1]).toBe(`${c.id}-t`);
        expect(c.after.startsWith("<table"), c.id).toBe(true);
        expect(text(/<caption>([\s\S]*?)<\/caption>/.exec(c.after)?.[1] ?? "")).toBe(text(title![2]!));
        const cells = rows(c.after).flat();
        expect(cells.filter((x) => x.tag === "th").every((x) => /scope="(col|row)"/.test(x.attrs)), c.id).toBe(true);
      }
    });
  }

  it("writes no figure in the SVG that its table does not hold", () => {
    for (const c of charts(page())) {
      const labels = [...c.svg.matchAll(/<text class="v[^"]*"[^>]*>([^<]*)<\/text>/g)].map((m) => text(m[1]!));
      const cells = rows(c.after)
        .flat()
        .filter((x) => x.tag === "td")
        .map((x) => x.text);
      for (const l of labels) expect(cells.some((t) => t.includes(l)), `${c.id}: ${l}`).toBe(true);
    }
  });
});

describe("withheld figures", () => {
  it("print as “<11” in the ladder's table, where the published ones print their count and share", () => {
    const table = byRow(chart(page(), "ladder-health").after);
    const health = LADDERS.find((l) => l.function === "health")!.table;
    health.rows.forEach((r, i) => {
      const printed = table.get(r.label)!;
      health.cells[i]!.forEach((f, j) => {
        if (f.value === null) expect(printed[j]).toBe("<11");
        else expect(counts(printed[j]!)).toEqual([f.value]);
      });
    });
    // Mathare's lapsed members are 7: withheld, and printed as such.
    expect(LADDER_RAW.health[1]![1]).toBe(7);
    expect(table.get("Mathare (Nairobi)")![1]).toBe("<11");
    // A row whose total is small is withheld whole.
    expect(table.get("Machakos town")!.at(-1)).toBe("<11");
  });

  for (const [name, render] of [["page", page], ["brief", brief]] as const) {
    it(`never leave a count from 1 to 10 in a table cell or a chart label of the ${name}`, () => {
      const html = render();
      const cells = tables(html)
        .flatMap(rows)
        .flat()
        .filter((c) => c.tag === "td" && !/class="[^"]*\b(days|note)\b/.test(c.attrs));
      expect(cells.length).toBeGreaterThan(300);
      const small = cells.filter((c) => counts(c.text).some((n) => n >= 1 && n <= 10));
      expect(small.map((c) => c.text)).toEqual([]);
      const labels = [...html.matchAll(/<text class="v[^"]*"[^>]*>([^<]*)<\/text>/g)].map((m) => text(m[1]!));
      expect(labels.filter((l) => counts(l).some((n) => n >= 1 && n <= 10))).toEqual([]);
      expect(cells.filter((c) => c.text === "<11").length).toBeGreaterThan(20);
    });
  }

  it("take their mark from the stamp's threshold", () => {
    const ev: Evidence = { ...EVIDENCE, stamp: { ...STAMP, threshold: 5 } };
    const html = page(evidenceView({ evidence: ev, whatIf: { form: evidenceView().whatIf.form, result: { ...WHAT_IF, stamp: ev.stamp } } }));
    expect(html).not.toContain("&lt;11");
    expect(byRow(chart(html, "ladder-health").after).get("Mathare (Nairobi)")![1]).toBe("<5");
    expect(text(html)).toContain("counts from 1 to 4 withheld");
  });

  it("are drawn hatched and labelled, never to scale", () => {
    const ladder = chart(page(), "ladder-health").svg;
    const mathare = /<g class="row" data-row="mathare">([\s\S]*?)<\/g><g class="row"/.exec(ladder)![1]!;
    expect(mathare.match(/<rect class="withheld"/g)).toHaveLength(2);
    expect(mathare.match(/<text class="v wh"[^>]*>&lt;11<\/text>/g)).toHaveLength(2);
    const funnel = chart(page(), "funnel-sha").svg;
    expect(funnel).not.toContain('data-k="rejected"');
    expect(/<g class="row" data-row="rejected">[\s\S]*?<rect class="withheld"[^>]*width="24"/.test(funnel)).toBe(true);
    // The what-if's Nyalenda row is withheld as a pair: before and after both hatched.
    const whatIf = byRow(chart(page(), "what-if").after);
    expect(WHAT_IF_RAW[3]).toEqual([3, 15, 12, 0]);
    expect(whatIf.get("Nyalenda (Kisumu)")).toEqual(["<11", "<11", "<11", "<11"]);
  });
});

describe("scales", () => {
  const attr = (svg: string, key: string) => {
    const m = new RegExp(`<rect class="(?:seg|bar)" data-k="${key}" x="([\\d.]+)" y="[\\d.]+" width="([\\d.]+)"`).exec(svg);
    if (!m) throw new Error(`no bar ${key}`);
    return { x: Number(m[1]), width: Number(m[2]) };
  };

  it("make a ladder's segments their share of the row, stacked in rung order across the chart's width", () => {
    const svg = chart(page(), "ladder-health").svg;
    const covered = attr(svg, "kibera:covered");
    const lapsed = attr(svg, "kibera:lapsed");
    const started = attr(svg, "kibera:not_started");
    expect(covered.x).toBe(0);
    expect(covered.width).toBeCloseTo((400 * 62) / 147, 6);
    expect(covered.width / started.width).toBeCloseTo(62 / 38, 6);
    expect(lapsed.x).toBeCloseTo(covered.width, 6);
  });

  it("make a bar's length its count on a nice linear scale from zero", () => {
    const svg = chart(page(), "funnel-sha").svg;
    const sha = FUNNELS[0]!;
    const max = Math.max(...Object.values(sha.states).map((f) => f.value ?? 0));
    const x = scaleLinear().domain([0, max]).nice().range([0, 400 - 150 - 44]);
    expect(attr(svg, "enrolled").width).toBeCloseTo(x(214), 6);
    expect(attr(svg, "applied").width).toBeCloseTo(x(44), 6);
    expect(attr(svg, "enrolled").x).toBe(150);
  });

  it("leave withheld months as gaps in a trend's line", () => {
    const svg = chart(page(), "trend").svg;
    const paths = new Map([...svg.matchAll(/<g class="series" data-scheme="([^"]+)"><path d="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
    expect(TREND.series[2]!.values.filter((v) => v.value === null)).toHaveLength(2);
    expect(paths.get("nssf_haba_haba")!.match(/M/g)).toHaveLength(2);
    expect(paths.get("sha")!.match(/M/g)).toHaveLength(1);
    expect(paths.get("sha")!.match(/L/g)).toHaveLength(TREND.months.length - 1);
  });
});

describe("the trend", () => {
  it("marks where a rule version came into force or ended, in the chart and in its table", () => {
    const c = chart(page(), "trend");
    expect([...c.svg.matchAll(/<g class="marker" data-version="([^"]+)"/g)].map((m) => m[1])).toEqual(TREND.markers.map((m) => m.rule_version));
    expect(text(c.svg)).toContain("2. Oct 2024: ke/sha@2024-10-01 came into force");
    const table = byRow(c.after);
    expect(table.get("Oct 2024")!.at(-1)).toBe("ke/sha@2024-10-01 came into force; ke/nssf_haba_haba@2024-10-30 came into force");
    expect(table.get("Sep 2024")!.at(-1)).toBe("ke/nhif@2015-04-01 ended");
    expect(table.get("Oct 2024")![2]).toBe("<11");
    expect(table.get("Jun 2025")!.slice(0, 3)).toEqual(["0", "214", "61"]);
  });
});

describe("exclusion reasons", () => {
  it("put the binding criteria first, say who would qualify but for each, and cite its sources", () => {
    const html = page();
    const section = /<section class="scheme-reasons" aria-labelledby="ev-reasons-inua_jamii_opct">([\s\S]*?)<\/section>/.exec(html)![1]!;
    const items = [...section.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => m[1]!);
    expect(items.map((i) => text(/<strong>([\s\S]*?)<\/strong>/.exec(i)![1]!))).toEqual(["You must be 70 or older.", "You already get a pension.", "Your household already gets another government cash transfer.", "Only Kenyan citizens can join."]);
    expect(text(items[0]!)).toContain("476 members would qualify for Inua Jamii – Older Persons Cash Transfer but for this criterion. 530 members fail it");
    expect(text(items[3]!)).toContain("<11 members would qualify for Inua Jamii – Older Persons Cash Transfer but for this criterion.");
    for (const [i, c] of [REASONS[1]!.criteria[1]!, REASONS[1]!.criteria[0]!].entries()) {
      for (const s of c.criterion.sources) expect(items[i]).toContain(`<a href="${s.url}">${s.title}</a> (${s.date})`);
    }
    expect(text(section)).toContain("<11 members fail two criteria or more.");
    // Chart and table list the criteria in the same order.
    expect([...byRow(chart(html, "reasons-inua_jamii_opct").after).keys()][0]).toBe("You must be 70 or older.");
  });

  it("chart only the schemes that exclude someone (or may: withheld), and flag unconfirmed criteria", () => {
    for (const html of [page(), brief()]) {
      const ids = charts(html)
        .filter((c) => c.cls === "reasons")
        .map((c) => c.id);
      expect(ids).toEqual(["reasons-inua_jamii_opct", "reasons-nssf_voluntary", "reasons-ct_ovc"]);
      expect(text(html)).toContain("No member counted is excluded from: Social Health Authority (SHA).");
    }
    expect(text(page())).toMatch(/You have an employer\. not confirmed in an official source/);
  });
});

describe("the advocate's page", () => {
  it("stamps its figures and says who is counted, and that covered-by-any is not the national SDG 1.3.1 figure", () => {
    const t = text(page());
    expect(t).toContain("Figures of 2026-11-30 · rules 4cfbe8eef2493cac · counts from 1 to 10 withheld · 616 members counted");
    expect(t).toContain("Only members who agreed to be counted in anonymous statistics, and who have been screened or have an application, are counted.");
    expect(t).toContain("49% (301 / 616) Covered by at least one scheme Members of this network only: not comparable to the national SDG 1.3.1 figure.");
  });

  it("offers the breakdowns and none in a GET form, the one shown chosen", () => {
    const form = /<form method="get" action="\/org\/evidence"[\s\S]*?<\/form>/.exec(page())![0];
    expect([...form.matchAll(/<option value="([^"]+)"/g)].map((m) => m[1])).toEqual(["cluster", "worker_type", "sex", "age_band", "none"]);
    expect(form).toContain('<option value="cluster" selected>');
    expect(form).toContain('name="by"');
    const none = page(evidenceView({ evidence: { ...EVIDENCE, breakdown: null } }));
    expect(/<form method="get" action="\/org\/evidence"[\s\S]*?<\/form>/.exec(none)![0]).toContain('<option value="none" selected>');
  });

  it("draws one ladder per function by the breakdown, or one bar per function without one", () => {
    expect(charts(page()).filter((c) => c.cls === "ladder").map((c) => c.id)).toEqual(LADDERS.map((l) => `ladder-${l.function}`));
    const none = page(evidenceView({ evidence: { ...EVIDENCE, breakdown: null } }));
    const ladders = charts(none).filter((c) => c.cls === "ladder");
    expect(ladders.map((c) => c.id)).toEqual(["ladder-all"]);
    const health = LADDERS[0]!.table;
    expect(byRow(ladders[0]!.after).get("Health")!.map(counts)).toEqual([...health.col_totals.map((f) => (f.value === null ? [] : [f.value])), [health.total.value]]);
  });

  it("sets legal against effective coverage per scheme, withholding a sum that would reveal a withheld part", () => {
    const table = tables(page()).find((t) => t.includes("<caption>Legal and effective coverage, per scheme</caption>"))!;
    const r = byRow(table);
    expect(r.get("Social Health Authority (SHA)")).toEqual(["616", "522 (85%)", "214 (35%)"]);
    // Inua Jamii's applying (4) and not started (9) are withheld: so is the legal total.
    expect(r.get("Inua Jamii – Older Persons Cash Transfer")).toEqual(["616", "<11", "38 (6%)"]);
  });

  it("keeps the public self-checks apart, as counts of checks, not members", () => {
    const html = page();
    const pub = /<section class="public" aria-labelledby="ev-public">([\s\S]*?)<\/section>/.exec(html)![1]!;
    expect(text(pub)).toContain("Public self-checks — not members");
    expect(text(pub)).toContain("counts of checks, not of people");
    expect(text(pub)).toContain("5,728 checks");
    expect(pub).toContain("<table");
    expect(html.indexOf('class="public"')).toBeGreaterThan(html.indexOf('id="trend"'));
  });

  it("offers the what-if form, filled with the change asked, and shows each problem by its field", () => {
    const view = evidenceView({
      whatIf: {
        form: evidenceView().whatIf.form,
        issues: [
          { path: "value", code: "not_a_number", message: "Give a whole number of years." },
          { path: "", code: "rules_changed", message: "The rules changed meanwhile; try again." },
        ],
      },
    });
    const form = /<form method="post" action="\/org\/evidence\/what-if"[\s\S]*?<\/form>/.exec(page(view))![0];
    expect([...new Set([...form.matchAll(/name="([a-z_]+)"/g)].filter((m) => m[1] !== "by").map((m) => m[1]))]).toEqual(["scheme", "kind", "parameter", "value", "criterion", "worker_type"]);
    expect([...form.matchAll(/name="kind" value="([a-z_]+)"/g)].map((m) => m[1])).toEqual(["parameter", "drop_criterion", "admit_worker_type"]);
    expect(form).toContain('<option value="inua_jamii_opct" selected>');
    expect(form).toMatch(/name="kind" value="parameter" checked/);
    expect(form).toMatch(/<option value="min_age" selected>min_age \(now 70 years\)/);
    expect(form).toMatch(/<input id="wi-value" name="value" value="65"/);
    const valueField = /<p class="field"><label for="wi-value">[\s\S]*?<\/p>/.exec(form)![0];
    expect(text(valueField)).toContain("Give a whole number of years.");
    expect(valueField).toMatch(/aria-invalid="true" aria-describedby="wi-value-problem"/);
    expect(/<p class="field"><label for="wi-scheme">[\s\S]*?<\/p>/.exec(form)![0]).not.toContain("field-problem");
    expect(text(/<div class="problems" role="alert">[\s\S]*?<\/div>/.exec(form)![0])).toBe("The rules changed meanwhile; try again.");
    // Without a result there is no result section.
    expect(page(view)).not.toContain('id="what-if"');
  });

  it("shows the what-if's result: its words, members evaluated, before and after, gain and loss", () => {
    const html = page();
    const t = text(/<section class="what-if-result"[\s\S]*?<\/section>/.exec(html)![0]);
    expect(t).toContain(WHAT_IF.description);
    expect(t).toContain("616 members evaluated.");
    expect(byRow(chart(html, "what-if").after).get("Kibera (Nairobi)")).toEqual(["12", "58", "46", "0"]);
  });

  it("links the exports of these figures", () => {
    const t = page();
    for (const [href, label] of [["/api/evidence.csv?by=cluster", "CSV"], ["/api/evidence.csv?by=cluster&amp;excel=1", "CSV for Excel"], ["/api/evidence?by=cluster", "JSON"], ["/org/evidence/brief?by=cluster", "Printable brief (A4)"]]) {
      expect(t).toMatch(new RegExp(`<a href="${href!.replace(/[?.]/g, "\\$&")}"[^>]*>${label!.replace(/[()]/g, "\\$&")}</a>`));
    }
  });

  it("has its headings in Kiswahili, English where a word is still missing", () => {
    const html = page(evidenceView(), { ...frame, lang: "sw" });
    expect(html).toContain('<h2 id="ev-key">Takwimu kuu</h2>');
    expect(html).toContain('<h2 id="ev-reasons">Kwa nini wanachama hawastahili</h2>');
    expect(text(html)).toContain("Members of this network only: not comparable to the national SDG 1.3.1 figure.");
  });
});

describe("the brief", () => {
  it("is an A4 document with no workspace navigation and no forms", () => {
    const html = brief();
    const sheets = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)">/g)].map((m) => m[1]);
    expect(sheets).toEqual(["/org.css", "/brief.css"]);
    const css = readFileSync("web/public/brief.css", "utf8").replace(/\s+/g, "");
    expect(css).toContain("@page{size:A4;margin:15mm}");
    expect(css).toMatch(/\.chart[^{]*\{break-inside:avoid\}/);
    expect(html).not.toContain("<nav");
    expect(html).not.toContain("<form");
    expect(html).not.toContain("sign-out");
    expect(text(/<h1>([\s\S]*?)<\/h1>/.exec(html)![1]!)).toBe("Social protection coverage of HomeNet Kenya's members");
  });

  it("holds key figures, ladders, reasons, funnels, the trend and the what-if, then the method", () => {
    const html = brief();
    const order = ["b-key", "b-ladders", "b-reasons", "b-funnels", "b-trend", "b-what-if", "b-method", "b-versions"].map((id) => html.indexOf(`id="${id}"`));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const without = brief(evidenceView({ whatIf: { form: evidenceView().whatIf.form } }));
    expect(without).not.toContain('id="b-what-if"');
    const method = text(/<section class="method" aria-labelledby="b-method">([\s\S]*?)<\/section>/.exec(html)![1]!);
    expect(method).toContain("agreed to be counted in anonymous statistics and have been screened or have an application (616 on 2026-11-30)");
    expect(method).toContain("every count from 1 to 10 is withheld and printed “<11”");
    expect(method).toContain("secondary suppression");
    expect(method).toContain("withheld in every month of the window");
    expect(method).toContain("before, after, gain and loss are withheld together");
    expect(method).toContain("binding");
  });

  it("lists the rule versions with their hashes, dates and sources, and is stamped", () => {
    const html = brief();
    const versions = /<section class="versions"[\s\S]*?<\/section>/.exec(html)![0];
    for (const v of STAMP.scheme_versions) {
      expect(text(versions)).toContain(`${v.name}: ${v.rule_version} · hash ${v.hash} · in force from ${v.effective_from}`);
      for (const s of v.sources) expect(versions).toContain(`<a href="${s.url}">${s.title.replace(/&/g, "&amp;")}</a> (${s.date})`);
    }
    expect(text(html)).toContain("Generated on 2026-11-30 · rules version 4cfbe8eef2493cac");
  });
});
