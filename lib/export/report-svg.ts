// Inline SVG charts for the HTML report: no scripts, no fonts to fetch. Each chart is an
// `role="img"` SVG with <title>/<desc>; the report puts the same numbers in a table beside it.
import { formatCount, formatSvgNumber } from "../format";
import { escapeHtml } from "./report-escape";

export interface Bar {
  label: string;
  value: number;
  color: string;
}

// Narrow enough that the print layout (a 3/5 column of A4) scales the 12px labels down little.
const LABEL_WIDTH = 180;
const BAR_AREA = 230;
const VALUE_WIDTH = 60;
const ROW_HEIGHT = 26;
const MAX_LABEL_CHARS = 27;

function truncate(label: string): string {
  return label.length > MAX_LABEL_CHARS ? `${label.slice(0, MAX_LABEL_CHARS - 1)}…` : label;
}

function header(id: string, title: string, desc: string, width: number, height: number): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="${id}-title ${id}-desc" viewBox="0 0 ${width} ${height}" ` +
    `width="${width}" height="${height}" class="chart"><title id="${id}-title">${escapeHtml(title)}</title>` +
    `<desc id="${id}-desc">${escapeHtml(desc)}</desc>`
  );
}

/** Horizontal bars, one row per label, scaled to the largest value. */
export function barChartSvg(id: string, title: string, bars: readonly Bar[]): string {
  const width = LABEL_WIDTH + BAR_AREA + VALUE_WIDTH;
  const height = Math.max(1, bars.length) * ROW_HEIGHT + 8;
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const desc = bars.map((bar) => `${bar.label}: ${bar.value}`).join("; ");
  const rows = bars.map((bar, index) => {
    const y = 4 + index * ROW_HEIGHT;
    const length = bar.value === 0 ? 0 : Math.max(2, (bar.value / max) * BAR_AREA);
    return (
      `<g><text x="${LABEL_WIDTH - 8}" y="${y + 17}" text-anchor="end" class="chart-label">${escapeHtml(truncate(bar.label))}</text>` +
      `<rect x="${LABEL_WIDTH}" y="${y + 4}" width="${formatSvgNumber(length)}" height="${ROW_HEIGHT - 8}" rx="3" fill="${bar.color}"/>` +
      `<text x="${formatSvgNumber(LABEL_WIDTH + length + 6)}" y="${y + 17}" class="chart-value">${formatCount(bar.value)}</text></g>`
    );
  });
  return `${header(id, title, desc, width, height)}${rows.join("")}</svg>`;
}

/** One bar split into segments (e.g. ready / needs changes / blocked), with a legend under it. */
export function stackedBarSvg(id: string, title: string, segments: readonly Bar[]): string {
  const width = LABEL_WIDTH + BAR_AREA + VALUE_WIDTH;
  const barHeight = 28;
  const height = barHeight + 40;
  const total = segments.reduce((sum, segment) => sum + segment.value, 0);
  const desc = segments.map((segment) => `${segment.label}: ${segment.value} of ${total}`).join("; ");
  let x = 0;
  const rects = segments.map((segment) => {
    const length = total === 0 ? 0 : (segment.value / total) * width;
    const rect = `<rect x="${formatSvgNumber(x)}" y="0" width="${formatSvgNumber(length)}" height="${barHeight}" fill="${segment.color}"/>`;
    x += length;
    return rect;
  });
  let legendX = 0;
  const legend = segments.map((segment) => {
    const text = `${segment.label} ${formatCount(segment.value)}`;
    const item =
      `<rect x="${legendX}" y="${barHeight + 14}" width="12" height="12" rx="2" fill="${segment.color}"/>` +
      `<text x="${legendX + 18}" y="${barHeight + 24}" class="chart-label">${escapeHtml(text)}</text>`;
    legendX += 18 + text.length * 6.5 + 18;
    return item;
  });
  const empty = total === 0 ? `<rect x="0" y="0" width="${width}" height="${barHeight}" fill="#e2e8f0"/>` : "";
  return `${header(id, title, desc, width, height)}${empty}${rects.join("")}${legend.join("")}</svg>`;
}

export interface LinePoint {
  label: string;
  value: number;
}

/** Readiness % across snapshots: 0–100 on the y axis, one point per snapshot. */
export function percentLineSvg(id: string, title: string, points: readonly LinePoint[], color: string): string {
  const width = 650;
  const height = 200;
  // Room for the first and last date labels, which are centred on their points.
  const left = 60;
  const right = 44;
  const top = 12;
  const bottom = 40;
  const plotWidth = width - left - right;
  const plotHeight = height - top - bottom;
  const xAt = (index: number) => left + (points.length <= 1 ? plotWidth / 2 : (index / (points.length - 1)) * plotWidth);
  const yAt = (value: number) => top + plotHeight - (Math.min(100, Math.max(0, value)) / 100) * plotHeight;
  const desc = points.map((point) => `${point.label}: ${point.value}%`).join("; ");

  const grid = [0, 25, 50, 75, 100]
    .map(
      (tick) =>
        `<line x1="${left}" x2="${width - right}" y1="${yAt(tick)}" y2="${yAt(tick)}" class="chart-grid"/>` +
        `<text x="${left - 6}" y="${yAt(tick) + 4}" text-anchor="end" class="chart-axis">${tick}%</text>`,
    )
    .join("");
  const line = points.map((point, index) => `${formatSvgNumber(xAt(index))},${formatSvgNumber(yAt(point.value))}`).join(" ");
  // Label at most ~8 snapshots on the axis so the dates do not overlap.
  const step = Math.max(1, Math.ceil(points.length / 8));
  const marks = points
    .map((point, index) => {
      const dot = `<circle cx="${formatSvgNumber(xAt(index))}" cy="${formatSvgNumber(yAt(point.value))}" r="3.5" fill="${color}"/>`;
      const label =
        index % step === 0 || index === points.length - 1
          ? `<text x="${formatSvgNumber(xAt(index))}" y="${height - bottom + 18}" text-anchor="middle" class="chart-axis">${escapeHtml(point.label)}</text>`
          : "";
      return dot + label;
    })
    .join("");
  return (
    `${header(id, title, desc, width, height)}${grid}` +
    `<polyline points="${line}" fill="none" stroke="${color}" stroke-width="2.5"/>${marks}</svg>`
  );
}
