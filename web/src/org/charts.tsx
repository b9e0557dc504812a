/**
 * The evidence's charts, drawn on the server as SVG (no script): each a `<figure>` whose SVG has a title, and whose
 * data table follows it at once, with the same figures, for screen readers and for print. Scales, ticks and shapes
 * come from d3 (d3-scale, d3-shape); sizes are viewBox units, so a chart fits a 360 px phone and an A4 page alike.
 *
 * A withheld figure (disclosure control) is never drawn to scale and never printed as a number: a hatched shape,
 * labelled `<threshold`, stands in its place, in the chart and in the table.
 */
import type { ComponentChildren } from "preact";
import { scaleBand, scaleLinear, scalePoint, type ScaleLinear } from "d3-scale";
import { line, symbol, symbolCircle, symbolCross, symbolDiamond, symbolSquare, symbolStar, symbolTriangle, symbolWye } from "d3-shape";
import type { Figure, Funnel, PublishedTable, Rate, Rung, SchemeReasons, Trend } from "../../../src/evidence/types";

/** Chart width in viewBox units: about a phone's width in CSS pixels, so text sizes read as pixels there. */
const W = 400;
const FONT = 12;
const SMALL = 10;
const INK = "#1d1b1e";
const MUTED = "#5b5560";
const GRID = "#d9d3dc";

/** How numbers are printed in the advocate's language, and the mark a withheld figure gets. */
export interface Numbers {
  lang: string;
  /** `<threshold`, e.g. "<11". */
  withheld: string;
  count(n: number): string;
  /** A published count, or the withheld mark. */
  figure(f: Figure): string;
  /** A share 0–1 as a whole percentage. */
  percent(x: number): string;
  /** "45% (123 / 270)"; the counts alone (one of them withheld) when the rate is; "—" over nobody. */
  rate(r: Rate): string;
  /** `YYYY-MM` as the language writes a month. */
  month(m: string): string;
}

export function numbers(lang: string, threshold: number): Numbers {
  const safe = <T,>(make: () => T, fallback: T): T => {
    try {
      return make();
    } catch {
      return fallback;
    }
  };
  const int = safe(() => new Intl.NumberFormat(lang, { maximumFractionDigits: 0 }), new Intl.NumberFormat("en", { maximumFractionDigits: 0 }));
  const pct = safe(() => new Intl.NumberFormat(lang, { style: "percent", maximumFractionDigits: 0 }), new Intl.NumberFormat("en", { style: "percent", maximumFractionDigits: 0 }));
  const mon = safe(() => new Intl.DateTimeFormat(lang, { month: "short", year: "numeric", timeZone: "UTC" }), new Intl.DateTimeFormat("en", { month: "short", year: "numeric", timeZone: "UTC" }));
  const withheld = `<${threshold}`;
  const count = (n: number) => int.format(n);
  const figure = (f: Figure) => (f.value === null ? withheld : count(f.value));
  return {
    lang,
    withheld,
    count,
    figure,
    percent: (x) => pct.format(x),
    rate: (r) => {
      if (r.value !== null) return `${pct.format(r.value)} (${figure(r.numerator)} / ${figure(r.denominator)})`;
      if (r.denominator.value === 0) return "—";
      return `${figure(r.numerator)} / ${figure(r.denominator)}`;
    },
    month: (m) => (/^\d{4}-\d{2}$/.test(m) ? mon.format(new Date(`${m}-01T00:00:00Z`)) : m),
  };
}

/**
 * The ladder's rungs in a fixed order and palette: viridis at six steps (colour-blind safe, and its lightness falls
 * steadily, so it prints as six distinct greys), with a texture on two neighbours and direct labels besides.
 */
export const RUNG_FILL: Record<Rung, string> = {
  covered: "#440154",
  lapsed: "#414487",
  in_progress: "#2a788e",
  not_started: "#22a884",
  unknown: "#7ad151",
  excluded: "#fde725",
};
const RUNG_TEXT: Record<Rung, string> = { covered: "#fff", lapsed: "#fff", in_progress: "#fff", not_started: "#000", unknown: "#000", excluded: "#000" };
const RUNG_TEXTURE: Partial<Record<Rung, "lines" | "dots">> = { lapsed: "lines", unknown: "dots" };
/** Two bars side by side (binding and any; before and after): dark and light, apart in grey too. */
const DARK = "#3b2a6e";
const LIGHT = "#b8b0c8";
/** Series of a trend: Okabe–Ito (colour-blind safe), each with its own dash and point shape for greyscale. */
const SERIES = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"];
const DASHES = ["", "6 3", "2 3", "8 3 2 3", "4 4", "1 2", "10 2"];
const SHAPES = [symbolCircle, symbolSquare, symbolTriangle, symbolDiamond, symbolCross, symbolStar, symbolWye];

/** About how wide a text runs, in units (no font metrics on the server: an average glyph, bold a little wider). */
const textWidth = (text: string, size = FONT, bold = false) => text.length * size * (bold ? 0.64 : 0.58);

/** Cuts a label to fit about `width` units at `size` (SVG text does not wrap); the table has it in full. */
function fit(text: string, width: number, size = FONT, bold = false): string {
  const max = Math.max(4, Math.floor(width / (size * (bold ? 0.64 : 0.58))));
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

interface LegendItem {
  fill: string;
  texture?: string;
  label: string;
}

/** Legend entries laid out in reading order, wrapping to a new line when the next would not fit. */
function legendLayout(items: LegendItem[]): { placed: (LegendItem & { x: number; y: number })[]; height: number } {
  const LINE = 20;
  let x = 0;
  let y = 0;
  const placed = items.map((item) => {
    const w = Math.min(W, 19 + textWidth(item.label, SMALL + 1) + 14);
    if (x > 0 && x + w > W) {
      x = 0;
      y += LINE;
    }
    const at = { ...item, x, y };
    x += w;
    return at;
  });
  return { placed, height: items.length ? y + LINE + 4 : 0 };
}

function Legend({ placed }: { placed: (LegendItem & { x: number; y: number })[] }) {
  return (
    <g class="legend">
      {placed.map((l) => (
        <Swatch x={l.x} y={l.y} fill={l.fill} texture={l.texture} label={l.label} width={W - l.x} />
      ))}
    </g>
  );
}

/** Patterns a chart's shapes share: the hatching of a withheld figure, and the rungs' textures. */
function Defs({ id }: { id: string }) {
  return (
    <defs>
      <pattern id={`${id}-hatch`} patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
        <rect width="6" height="6" fill="#fff" />
        <line x1="0" y1="0" x2="0" y2="6" stroke="#767676" stroke-width="2" />
      </pattern>
      <pattern id={`${id}-lines`} patternUnits="userSpaceOnUse" width="5" height="5" patternTransform="rotate(-45)">
        <line x1="0" y1="0" x2="0" y2="5" stroke="#fff" stroke-opacity="0.55" stroke-width="1.5" />
      </pattern>
      <pattern id={`${id}-dots`} patternUnits="userSpaceOnUse" width="5" height="5">
        <circle cx="2.5" cy="2.5" r="1" fill="#000" fill-opacity="0.45" />
      </pattern>
    </defs>
  );
}

/** A withheld figure's stand-in: hatched, outlined with dashes, never to scale. */
function WithheldBox({ id, x, y, width, height }: { id: string; x: number; y: number; width: number; height: number }) {
  return <rect class="withheld" x={x} y={y} width={Math.max(0, width)} height={height} fill={`url(#${id}-hatch)`} stroke="#555" stroke-dasharray="3 2" />;
}

/** Width of the hatched stub that stands for a withheld bar. */
const STUB = 24;

/** The frame every chart shares: figure, SVG with its title and a pointer to the table, then the table. */
function ChartFigure({ id, title, height, cls, svg, table }: { id: string; title: string; height: number; cls: string; svg: ComponentChildren; table: ComponentChildren }) {
  return (
    // Focusable: a wide chart scrolls sideways on a phone, and a keyboard must reach it (WCAG 2.1.1).
    <figure class={`chart ${cls}`} id={id} tabIndex={0} aria-labelledby={`${id}-t`}>
      <svg viewBox={`0 0 ${W} ${Math.ceil(height)}`} role="img" aria-labelledby={`${id}-t`} font-size={FONT} fill={INK}>
        <title id={`${id}-t`}>{title}</title>
        <Defs id={id} />
        {svg}
      </svg>
      {table}
    </figure>
  );
}

/** A count's table cell: the number (right-aligned), or the withheld mark; its share of a whole after it. */
export function Cell({ f, nums, share }: { f: Figure; nums: Numbers; share?: number | null }) {
  return (
    <td class={f.value === null ? "n withheld" : "n"}>
      {nums.figure(f)}
      {f.value !== null && share !== undefined && share !== null ? <span class="pct"> ({nums.percent(share)})</span> : null}
    </td>
  );
}

/** A bottom axis from the scale's own ticks (whole numbers only: these are counts of members). */
function XAxis({ x, y, top, nums, offset = 0 }: { x: ScaleLinear<number, number>; y: number; top: number; nums: Numbers; offset?: number }) {
  const ticks = x.ticks(4).filter((t) => Number.isInteger(t));
  return (
    <g class="axis" font-size={SMALL} fill={MUTED}>
      {ticks.map((t) => (
        <g>
          <line x1={offset + x(t)} x2={offset + x(t)} y1={top} y2={y} stroke={GRID} stroke-width="1" />
          <text x={offset + x(t)} y={y + 11} text-anchor="middle">
            {nums.count(t)}
          </text>
        </g>
      ))}
    </g>
  );
}

/** One bar of a bar chart, to scale, or the withheld stub; its value written at its end. */
function Bar({ id, f, x, left, y, height, fill, stroke, nums, dataKey }: { id: string; f: Figure; x: ScaleLinear<number, number>; left: number; y: number; height: number; fill: string; stroke?: string; nums: Numbers; dataKey: string }) {
  const withheld = f.value === null;
  const width = withheld ? STUB : x(f.value!) - x(0);
  return (
    <g>
      {withheld ? (
        <WithheldBox id={id} x={left} y={y} width={width} height={height} />
      ) : (
        <rect class="bar" data-k={dataKey} x={left} y={y} width={Math.max(0, width)} height={height} fill={fill} stroke={stroke} stroke-width={stroke ? 1 : undefined} />
      )}
      <text class={withheld ? "v wh" : "v"} x={left + width + 4} y={y + height / 2} dominant-baseline="central" font-size={SMALL + 1}>
        {nums.figure(f)}
      </text>
    </g>
  );
}

/** A small legend entry: a swatch (colour and texture, or hatching) and its words. */
function Swatch({ x, y, fill, texture, label, width }: { x: number; y: number; fill: string; texture?: string; label: string; width: number }) {
  return (
    <g>
      <rect x={x} y={y} width="14" height="14" fill={fill} stroke="#555" stroke-width="0.5" />
      {texture ? <rect x={x} y={y} width="14" height="14" fill={texture} /> : null}
      <text x={x + 19} y={y + 7} dominant-baseline="central" font-size={SMALL + 1}>
        {fit(label, width - 22, SMALL + 1)}
      </text>
    </g>
  );
}

interface Segment {
  key: string;
  start: number;
  share: number;
  withheld: boolean;
}

/**
 * A row's segments on a 0–1 scale. Withheld cells share what the published total leaves once the published cells
 * are counted (a figure anyone can work out from the table), equally: their widths say nothing more. Null when the
 * total itself is withheld or zero: the bar cannot be drawn to scale.
 */
export function segmentsOf(cells: Figure[], total: Figure, keys: string[]): Segment[] | null {
  if (total.value === null || total.value <= 0) return null;
  const known = cells.reduce((s, c) => s + (c.value ?? 0), 0);
  const hidden = cells.filter((c) => c.value === null).length;
  const rest = Math.max(0, total.value - known);
  let start = 0;
  return cells.map((c, i) => {
    const share = c.value === null ? rest / hidden / total.value! : c.value / total.value!;
    const seg = { key: keys[i]!, start, share, withheld: c.value === null };
    start += share;
    return seg;
  });
}

export interface LadderChartProps {
  id: string;
  title: string;
  /** Rows (clusters, breakdown values, functions or schemes) by columns = RUNGS. */
  table: PublishedTable;
  nums: Numbers;
  rowHeader: string;
  totalLabel: string;
  rungLabel: (rung: string) => string;
  /** What the hatched swatch means, after the withheld mark ("withheld"). */
  withheldLabel: string;
  /** Print the columns' totals (off when the rows are not parts of one whole, e.g. functions). */
  columnTotals?: boolean;
}

/** The coverage ladder: one 100% bar per row, its segments the rungs, top rung first. */
export function LadderChart({ id, title, table, nums, rowHeader, totalLabel, rungLabel, withheldLabel, columnTotals = true }: LadderChartProps) {
  const keys = table.cols.map((c) => c.key);
  const fillOf = (k: string) => RUNG_FILL[k as Rung] ?? "#999";
  const textureOf = (k: string) => (RUNG_TEXTURE[k as Rung] ? `url(#${id}-${RUNG_TEXTURE[k as Rung]})` : undefined);
  const legend = legendLayout([...keys.map((k) => ({ fill: fillOf(k), texture: textureOf(k), label: rungLabel(k) })), { fill: `url(#${id}-hatch)`, label: `${nums.withheld}: ${withheldLabel}` }]);
  const legendH = legend.height + 2;
  const BAND = 60;
  const BAR = 24;
  const y = scaleBand<string>()
    .domain(table.rows.map((r) => r.key))
    .range([legendH, legendH + BAND * table.rows.length]);
  const x = scaleLinear().domain([0, 1]).range([0, W]);
  const svg = (
    <>
      <Legend placed={legend.placed} />
      {table.rows.map((row, i) => {
        const top = y(row.key)!;
        const total = table.row_totals[i] ?? { value: null, flag: "small" };
        const segs = segmentsOf(table.cells[i] ?? [], total, keys);
        const barY = top + 18;
        return (
          <g class="row" data-row={row.key}>
            <text x="0" y={top + 10} dominant-baseline="central" font-weight="600">
              {fit(`${row.label} (${nums.figure(total)})`, W, FONT, true)}
            </text>
            {segs === null ? (
              total.value === null ? (
                <>
                  <WithheldBox id={id} x={0} y={barY} width={W} height={BAR} />
                  <text class="v wh" x={W / 2} y={barY + BAR / 2} text-anchor="middle" dominant-baseline="central" font-weight="600">
                    {nums.withheld}
                  </text>
                </>
              ) : (
                <rect x="0" y={barY} width={W} height={BAR} fill="none" stroke={GRID} />
              )
            ) : (
              segs.map((s) => {
                const x0 = x(s.start);
                const w = x(s.start + s.share) - x0;
                const mid = x0 + w / 2;
                const label = s.withheld ? nums.withheld : nums.percent(s.share);
                const inside = w >= (s.withheld ? 26 : 32);
                if (w <= 0) return null;
                return (
                  <g>
                    {s.withheld ? (
                      <WithheldBox id={id} x={x0} y={barY} width={w} height={BAR} />
                    ) : (
                      <>
                        <rect class="seg" data-k={`${row.key}:${s.key}`} x={x0} y={barY} width={w} height={BAR} fill={fillOf(s.key)} stroke="#fff" stroke-width="1" />
                        {textureOf(s.key) ? <rect x={x0} y={barY} width={w} height={BAR} fill={textureOf(s.key)} /> : null}
                      </>
                    )}
                    {inside ? (
                      <text class={s.withheld ? "v wh" : "v"} x={mid} y={barY + BAR / 2} text-anchor="middle" dominant-baseline="central" font-size={SMALL + 1} fill={s.withheld ? INK : RUNG_TEXT[s.key as Rung] ?? INK} font-weight="600">
                        {label}
                      </text>
                    ) : s.withheld ? (
                      // Too narrow to hold its mark: written just under the bar.
                      <text class="v wh" x={Math.min(W - 12, Math.max(12, mid))} y={barY + BAR + 8} text-anchor="middle" dominant-baseline="central" font-size={SMALL}>
                        {label}
                      </text>
                    ) : null}
                  </g>
                );
              })
            )}
          </g>
        );
      })}
    </>
  );
  const rowTotal = (i: number) => table.row_totals[i] ?? { value: null, flag: "small" as const };
  const shareOf = (f: Figure, total: Figure) => (f.value !== null && total.value ? f.value / total.value : null);
  return (
    <ChartFigure
      id={id}
      cls="ladder"
      title={title}
      height={legendH + BAND * table.rows.length}
      svg={svg}
      table={
        <table class="data">
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{rowHeader}</th>
              {table.cols.map((c) => (
                <th scope="col">{rungLabel(c.key)}</th>
              ))}
              <th scope="col">{totalLabel}</th>
            </tr>
          </thead>
          <tbody>
            {table.rows.map((r, i) => (
              <tr>
                <th scope="row">{r.label}</th>
                {(table.cells[i] ?? []).map((f) => (
                  <Cell f={f} nums={nums} share={shareOf(f, rowTotal(i))} />
                ))}
                <Cell f={rowTotal(i)} nums={nums} />
              </tr>
            ))}
            {columnTotals && table.rows.length > 1 ? (
              <tr class="total">
                <th scope="row">{totalLabel}</th>
                {table.col_totals.map((f) => (
                  <Cell f={f} nums={nums} share={shareOf(f, table.total)} />
                ))}
                <Cell f={table.total} nums={nums} />
              </tr>
            ) : null}
          </tbody>
        </table>
      }
    />
  );
}

/** Two bars per row (a criterion, a breakdown value), dark then light, to one scale; the table follows. */
function PairedBars({ id, title, cls, rows, names, nums, rowHeader, extra }: {
  id: string;
  title: string;
  cls: string;
  rows: { key: string; label: string; pair: [Figure, Figure]; note?: string; more?: Figure[] }[];
  names: [string, string];
  nums: Numbers;
  rowHeader: string;
  /** Columns the table has beyond the pair (e.g. gain and loss), with their figures in `more`. */
  extra?: string[];
}) {
  const legend = legendLayout([
    { fill: DARK, label: names[0] },
    { fill: LIGHT, label: names[1] },
    { fill: `url(#${id}-hatch)`, label: nums.withheld },
  ]);
  const legendH = legend.height;
  const BAR = 14;
  const BAND = 18 + BAR * 2 + 3 + 14;
  const axisH = 18;
  const y = scaleBand<string>()
    .domain(rows.map((r) => r.key))
    .range([legendH, legendH + BAND * rows.length]);
  const max = Math.max(1, ...rows.flatMap((r) => r.pair.map((f) => f.value ?? 0)));
  const x = scaleLinear().domain([0, max]).nice().range([0, W - 56]);
  const bottom = legendH + BAND * rows.length;
  const svg = (
    <>
      <Legend placed={legend.placed} />
      <XAxis x={x} y={bottom} top={legendH} nums={nums} />
      {rows.map((r) => {
        const top = y(r.key)!;
        return (
          <g class="row" data-row={r.key}>
            <text x="0" y={top + 9} dominant-baseline="central" font-weight="600">
              {fit(r.label, r.note ? W - 96 : W, FONT, true)}
            </text>
            {r.note ? (
              <text x={W - 2} y={top + 9} text-anchor="end" dominant-baseline="central" font-size={SMALL + 1}>
                {r.note}
              </text>
            ) : null}
            <Bar id={id} f={r.pair[0]} x={x} left={0} y={top + 18} height={BAR} fill={DARK} nums={nums} dataKey={`${r.key}:0`} />
            <Bar id={id} f={r.pair[1]} x={x} left={0} y={top + 18 + BAR + 3} height={BAR} fill={LIGHT} stroke={DARK} nums={nums} dataKey={`${r.key}:1`} />
          </g>
        );
      })}
    </>
  );
  return (
    <ChartFigure
      id={id}
      cls={cls}
      title={title}
      height={bottom + axisH}
      svg={svg}
      table={
        <table class="data">
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{rowHeader}</th>
              <th scope="col">{names[0]}</th>
              <th scope="col">{names[1]}</th>
              {(extra ?? []).map((e) => (
                <th scope="col">{e}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr>
                <th scope="row">{r.label}</th>
                <Cell f={r.pair[0]} nums={nums} />
                <Cell f={r.pair[1]} nums={nums} />
                {(r.more ?? []).map((f) => (
                  <Cell f={f} nums={nums} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}

/** The order reasons are shown in: the most binding first, then the most failed; withheld after published. */
export function criteriaInOrder(r: SchemeReasons): SchemeReasons["criteria"] {
  const v = (f: Figure) => f.value ?? -1;
  return [...r.criteria].sort((a, b) => v(b.binding) - v(a.binding) || v(b.any) - v(a.any));
}

/** Why members are excluded from one scheme: per criterion, "binding" (the only one failed) beside "any". */
export function ReasonsChart({ id, title, reasons, nums, words }: { id: string; title: string; reasons: SchemeReasons; nums: Numbers; words: { criterion: string; binding: string; any: string } }) {
  const rows = criteriaInOrder(reasons).map((c) => ({ key: c.criterion.id, label: c.criterion.label, pair: [c.binding, c.any] as [Figure, Figure] }));
  return <PairedBars id={id} title={title} cls="reasons" rows={rows} names={[words.binding, words.any]} nums={nums} rowHeader={words.criterion} />;
}

/** A what-if's table (rows by columns before, after, gain, loss) as paired bars, gain and loss written beside. */
export function WhatIfChart({ id, title, table, nums, rowHeader, words }: { id: string; title: string; table: PublishedTable; nums: Numbers; rowHeader: string; words: { before: string; after: string; gain: string; loss: string } }) {
  const col = (k: string) => table.cols.findIndex((c) => c.key === k);
  const at = (i: number, k: string): Figure => table.cells[i]?.[col(k)] ?? { value: null, flag: "pair" };
  const rows = table.rows.map((r, i) => {
    const gain = at(i, "gain");
    const loss = at(i, "loss");
    return { key: r.key, label: r.label, pair: [at(i, "before"), at(i, "after")] as [Figure, Figure], note: `+${nums.figure(gain)} / −${nums.figure(loss)}`, more: [gain, loss] };
  });
  return <PairedBars id={id} title={title} cls="what-if" rows={rows} names={[words.before, words.after]} nums={nums} rowHeader={rowHeader} extra={[words.gain, words.loss]} />;
}

/** One scheme's members per enrollment state, as horizontal bars. */
export function FunnelChart({ id, title, funnel, states, nums, stateLabel, words }: { id: string; title: string; funnel: Funnel; states: readonly string[]; nums: Numbers; stateLabel: (s: string) => string; words: { state: string; members: string } }) {
  const keys = [...states.filter((s) => s in funnel.states), ...Object.keys(funnel.states).filter((s) => !states.includes(s))];
  const LABEL = 150;
  const y = scaleBand<string>().domain(keys).range([0, keys.length * 24]).paddingInner(0.25);
  const max = Math.max(1, ...keys.map((k) => funnel.states[k]!.value ?? 0));
  const x = scaleLinear().domain([0, max]).nice().range([0, W - LABEL - 44]);
  const bottom = keys.length * 24;
  const svg = (
    <>
      <XAxis x={x} y={bottom} top={0} nums={nums} offset={LABEL} />
      {keys.map((k) => (
        <g class="row" data-row={k}>
          <text x={LABEL - 6} y={y(k)! + y.bandwidth() / 2} text-anchor="end" dominant-baseline="central" font-size={SMALL + 1}>
            {fit(stateLabel(k), LABEL - 8, SMALL + 1)}
          </text>
          <Bar id={id} f={funnel.states[k]!} x={x} left={LABEL} y={y(k)!} height={y.bandwidth()} fill={DARK} nums={nums} dataKey={k} />
        </g>
      ))}
    </>
  );
  return (
    <ChartFigure
      id={id}
      cls="funnel"
      title={title}
      height={bottom + 18}
      svg={svg}
      table={
        <table class="data">
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{words.state}</th>
              <th scope="col">{words.members}</th>
            </tr>
          </thead>
          <tbody>
            {keys.map((k) => (
              <tr>
                <th scope="row">{stateLabel(k)}</th>
                <Cell f={funnel.states[k]!} nums={nums} />
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}

/**
 * Members enrolled at each month's end, one line per scheme; a withheld month is a gap in its line. A dashed
 * vertical line marks each rule version that came into force or ended, numbered, with its words under the chart.
 */
export function TrendChart({ id, title, trend, nums, words }: { id: string; title: string; trend: Trend; nums: Numbers; words: { month: string; changes: string; marker: (m: Trend["markers"][number]) => string } }) {
  const M = { top: 22, right: 12, bottom: 22, left: 40 };
  const plotH = 170;
  const x = scalePoint<string>().domain(trend.months).range([M.left, W - M.right]).padding(0.3);
  const max = Math.max(1, ...trend.series.flatMap((s) => s.values.map((v) => v.value ?? 0)));
  const y = scaleLinear().domain([0, max]).nice().range([M.top + plotH, M.top]);
  const markers = trend.markers.filter((mk) => trend.months.includes(mk.month));
  const every = Math.max(1, Math.ceil(trend.months.length / 6));
  const legendTop = M.top + plotH + M.bottom + 6;
  const legendH = trend.series.length * 16 + markers.length * 15;
  const path = line<Figure>()
    .defined((f) => f.value !== null)
    .x((_, i) => x(trend.months[i]!)!)
    .y((f) => y(f.value ?? 0));
  const svg = (
    <>
      <g class="axis" font-size={SMALL} fill={MUTED}>
        {y.ticks(5).filter((t) => Number.isInteger(t)).map((t) => (
          <g>
            <line x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} stroke={GRID} stroke-width="1" />
            <text x={M.left - 4} y={y(t)} text-anchor="end" dominant-baseline="central">
              {nums.count(t)}
            </text>
          </g>
        ))}
        {trend.months.map((m, i) =>
          i % every === 0 ? (
            <text x={x(m)} y={M.top + plotH + 13} text-anchor="middle">
              {nums.month(m)}
            </text>
          ) : null,
        )}
      </g>
      {markers.map((mk, i) => {
        // Markers of one month side by side, each numbered.
        const nth = markers.slice(0, i).filter((o) => o.month === mk.month).length;
        const cx = Math.min(W - 8, x(mk.month)! + nth * 15);
        return (
          <g class="marker" data-version={mk.rule_version}>
            <line x1={x(mk.month)} x2={x(mk.month)} y1={M.top - 6} y2={M.top + plotH} stroke={INK} stroke-width="1" stroke-dasharray="4 3" />
            <circle cx={cx} cy={M.top - 12} r="7" fill="#fff" stroke={INK} />
            <text x={cx} y={M.top - 12} text-anchor="middle" dominant-baseline="central" font-size={SMALL} font-weight="700">
              {i + 1}
            </text>
          </g>
        );
      })}
      {trend.series.map((s, si) => {
        const colour = SERIES[si % SERIES.length]!;
        const shape = symbol(SHAPES[si % SHAPES.length]!, 30);
        return (
          <g class="series" data-scheme={s.scheme}>
            <path d={path(s.values) ?? ""} fill="none" stroke={colour} stroke-width="2" stroke-dasharray={DASHES[si % DASHES.length] || undefined} />
            {s.values.map((v, i) => (v.value === null ? null : <path d={shape() ?? ""} transform={`translate(${x(trend.months[i]!)},${y(v.value)})`} fill={colour} />))}
          </g>
        );
      })}
      <g class="legend" font-size={SMALL + 1}>
        {trend.series.map((s, si) => {
          const ly = legendTop + si * 16;
          return (
            <g>
              <line x1="0" x2="26" y1={ly + 6} y2={ly + 6} stroke={SERIES[si % SERIES.length]} stroke-width="2" stroke-dasharray={DASHES[si % DASHES.length] || undefined} />
              <path d={symbol(SHAPES[si % SHAPES.length]!, 30)() ?? ""} transform={`translate(13,${ly + 6})`} fill={SERIES[si % SERIES.length]} />
              <text x="32" y={ly + 6} dominant-baseline="central">
                {fit(s.name, W - 32, SMALL + 1)}
              </text>
            </g>
          );
        })}
        {markers.map((mk, i) => (
          <text class="marker-label" x="0" y={legendTop + trend.series.length * 16 + i * 15 + 6} dominant-baseline="central">
            {fit(`${i + 1}. ${nums.month(mk.month)}: ${words.marker(mk)}`, W, SMALL + 1)}
          </text>
        ))}
      </g>
    </>
  );
  const changesIn = (m: string) => trend.markers.filter((mk) => mk.month === m).map(words.marker).join("; ");
  return (
    <ChartFigure
      id={id}
      cls="trend"
      title={title}
      height={legendTop + legendH}
      svg={svg}
      table={
        <table class="data">
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{words.month}</th>
              {trend.series.map((s) => (
                <th scope="col">{s.name}</th>
              ))}
              <th scope="col">{words.changes}</th>
            </tr>
          </thead>
          <tbody>
            {trend.months.map((m, i) => (
              <tr>
                <th scope="row">{nums.month(m)}</th>
                {trend.series.map((s) => (
                  <Cell f={s.values[i] ?? { value: null, flag: "window" }} nums={nums} />
                ))}
                <td class="note">{changesIn(m)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}

