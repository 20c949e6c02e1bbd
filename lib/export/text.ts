// The human report of a scan: workloads grouped by readiness (blocked first), each with its score
// and findings, then inventory findings, input errors and a summary. Plain text unless `color`.
import type { InputError } from "../inventory/types";
import { READINESS_STATES, READINESS_STYLES, SEVERITY_STYLES, type Readiness } from "../domain";
import { formatCount, formatCountOf, formatErrorLocation } from "../format";
import type { Finding, InventoryFinding } from "../rules/types";
import type { ScannedWorkload, ScanResult } from "../scan";
import { compareSeverity } from "../scoring/assess";
import { describeSizingSummary, summarizeSizing } from "../scoring/sizing";

export interface TextOptions {
  /** ANSI colours; the caller decides (TTY, NO_COLOR). */
  color?: boolean;
  /** Line width to wrap messages at (default 100). */
  width?: number;
}

type Style = "bold" | "dim" | "red" | "yellow" | "green" | "cyan";

const ANSI: Record<Style, [number, number]> = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  yellow: [33, 39],
  green: [32, 39],
  cyan: [36, 39],
};


type Paint = (text: string, ...styles: Style[]) => string;

function painter(color: boolean): Paint {
  if (!color) return (text) => text;
  return (text, ...styles) => styles.reduce((out, style) => `\x1b[${ANSI[style][0]}m${out}\x1b[${ANSI[style][1]}m`, text);
}

/** Word-wraps `text` to `width`, every line starting with `indent`; long words are split. */
export function wrapText(text: string, width: number, indent: string): string[] {
  const room = Math.max(20, width - indent.length);
  const lines: string[] = [];
  let line = "";
  for (let word of text.split(/\s+/).filter(Boolean)) {
    while (word.length > room) {
      if (line) lines.push(line);
      lines.push(word.slice(0, room));
      word = word.slice(room);
      line = "";
    }
    if (!line) line = word;
    else if (line.length + 1 + word.length <= room) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines.map((l) => indent + l);
}

function displayName(workload: ScannedWorkload): string {
  return [workload.namespace, workload.kind, workload.name].filter((part) => part !== null && part !== "").join("/");
}

function sortFindings<T extends Finding>(findings: readonly T[]): T[] {
  return [...findings].sort((a, b) => compareSeverity(a.severity, b.severity) || a.ruleId.localeCompare(b.ruleId));
}

function formatFinding(finding: Finding, width: number, paint: Paint, indent: string): string[] {
  const severity = paint(finding.severity.padEnd(7), SEVERITY_STYLES[finding.severity].tone);
  const container = finding.container === null ? "" : paint(` [${finding.container}]`, "dim");
  const lines = [`${indent}${severity} ${paint(finding.ruleId, "bold")}${container}`];
  const detail = `${indent}        `;
  lines.push(...wrapText(finding.message, width, detail));
  lines.push(...wrapText(finding.path, width, detail).map((l) => paint(l, "dim")));
  return lines;
}

function formatWorkload(workload: ScannedWorkload, width: number, paint: Paint): string[] {
  const score = paint(String(workload.score).padStart(3), READINESS_STYLES[workload.readiness].tone, "bold");
  const migrated = workload.migrated ? paint(" (on Kata)", "cyan") : "";
  const head = `  ${score}  ${displayName(workload)}${migrated}`;
  const plainLength = 7 + displayName(workload).length + (workload.migrated ? 10 : 0);
  const source = workload.source;
  const lines =
    plainLength + 2 + source.length <= width
      ? [`${head}${" ".repeat(width - plainLength - source.length)}${paint(source, "dim")}`]
      : [head, ...wrapText(source, width, "       ").map((l) => paint(l, "dim"))];
  for (const finding of sortFindings(workload.findings)) lines.push(...formatFinding(finding, width, paint, "       "));
  return lines;
}

function formatInventoryFinding(finding: InventoryFinding, width: number, paint: Paint): string[] {
  return [...formatFinding(finding, width, paint, "  "), ...wrapText(`in ${finding.source}`, width, "          ").map((l) => paint(l, "dim"))];
}

function formatError(error: InputError, width: number, paint: Paint): string[] {
  const where = formatErrorLocation(error);
  return [`  ${paint(where, "bold")}`, ...wrapText(error.message, width, "    ")];
}


export function summaryLine(result: ScanResult): string {
  const { summary } = result;
  const parts = [`${formatCount(summary.blocked)} blocked`, `${formatCount(summary.needsChanges)} need changes`, `${formatCount(summary.ready)} ready`];
  const migrated = summary.migrated > 0 ? ` (${formatCount(summary.migrated)} already on Kata)` : "";
  const errors = result.errors.length > 0 ? `; ${formatCountOf(result.errors.length, "input error")}` : "";
  return `${formatCountOf(summary.workloads, "workload")}: ${parts.join(", ")}${migrated}${errors}`;
}

export function formatTextReport(result: ScanResult, options: TextOptions = {}): string {
  let text = "";
  for (const chunk of textReportChunks(result, options)) text += chunk;
  return text;
}

/** Lines as one chunk, each ending in a newline. */
function chunkOf(lines: readonly string[]): string {
  return lines.length === 0 ? "" : `${lines.join("\n")}\n`;
}

/**
 * `formatTextReport`'s text in pieces (a heading, then one workload at a time), so the CLI can
 * write a 50k-workload report without holding it as one string.
 */
export function* textReportChunks(result: ScanResult, options: TextOptions = {}): Generator<string> {
  const width = options.width ?? 100;
  const paint = painter(options.color ?? false);
  yield chunkOf([
    paint(`Kata readiness for target ${result.target}`, "bold") +
      paint(` (cluster ${result.cluster}, catalog v${result.catalogVersion}, score ${result.scoreFormula})`, "dim"),
  ]);

  const groups = new Map<Readiness, ScannedWorkload[]>(READINESS_STATES.map((r) => [r, []]));
  for (const workload of result.workloads) groups.get(workload.readiness)?.push(workload);
  for (const readiness of READINESS_STATES) {
    const workloads = groups.get(readiness) ?? [];
    if (workloads.length === 0) continue;
    workloads.sort((a, b) => a.score - b.score || a.id.localeCompare(b.id));
    yield chunkOf(["", paint(`${READINESS_STYLES[readiness].label.toUpperCase()} (${formatCount(workloads.length)})`, READINESS_STYLES[readiness].tone, "bold")]);
    for (const workload of workloads) yield chunkOf(formatWorkload(workload, width, paint));
  }

  if (result.inventoryFindings.length > 0) {
    yield chunkOf(["", paint(`INVENTORY (${formatCount(result.inventoryFindings.length)})`, "bold")]);
    for (const finding of sortFindings(result.inventoryFindings)) yield chunkOf(formatInventoryFinding(finding, width, paint));
  }
  if (result.errors.length > 0) {
    yield chunkOf(["", paint(`INPUT ERRORS (${formatCount(result.errors.length)})`, "red", "bold")]);
    for (const error of result.errors) yield chunkOf(formatError(error, width, paint));
  }

  const ready = groups.get("ready") ?? [];
  yield chunkOf(["", paint(`Summary: ${summaryLine(result)}`, "bold")]);
  if (ready.length > 0) {
    const sizing = describeSizingSummary(summarizeSizing(ready.map((w) => w.sizing)), ready.length === 1 ? "ready workload" : "ready workloads");
    yield chunkOf(wrapText(`Sizing: ${sizing}.`, width, ""));
  }
}
