// The human report of a scan. It opens with what to do first (one line per rule: severity, remedy,
// workloads affected), then lists workloads grouped by readiness (blocked first) and, within a
// group, by source file (named once), each with its score and findings; then inventory findings,
// input errors, a summary and the cost of moving the ready workloads. Plain text unless `color`.
// Everything read from the inputs is shown with control characters escaped (lib/export/terminal.ts).
import type { InputError } from "../inventory/types";
import { READINESS_STATES, READINESS_STYLES, REMEDY_STYLES, SEVERITY_STYLES, type Readiness } from "../domain";
import { formatCount, formatCountOf, formatErrorLocation } from "../format";
import type { Finding, InventoryFinding, Remedy, Severity } from "../rules/types";
import type { ScannedWorkload, ScanResult } from "../scan";
import { compareSeverity } from "../scoring/assess";
import { describeSizingSummary, summarizeReadyToMove } from "../scoring/sizing";
import { escapeControl } from "./terminal";

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

/** What each remedy asks for, in words (catalog: `remedy`). */
function remedyText(remedy: Remedy): string {
  return REMEDY_STYLES[remedy].label.toLowerCase();
}

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
  return escapeControl([workload.namespace, workload.kind, workload.name].filter((part) => part !== null && part !== "").join("/"));
}

function sortFindings<T extends Finding>(findings: readonly T[]): T[] {
  return [...findings].sort((a, b) => compareSeverity(a.severity, b.severity) || a.ruleId.localeCompare(b.ruleId));
}

function formatFinding(finding: Finding, width: number, paint: Paint, indent: string): string[] {
  const severity = paint(finding.severity.padEnd(7), SEVERITY_STYLES[finding.severity].tone);
  const container = finding.container === null ? "" : paint(` [${escapeControl(finding.container)}]`, "dim");
  const remedy = finding.remedy ? ` -> ${remedyText(finding.remedy)}` : "";
  const lines = [`${indent}${severity} ${paint(escapeControl(finding.ruleId), "bold")}${container}${remedy}`];
  const detail = `${indent}        `;
  lines.push(...wrapText(escapeControl(finding.message), width, detail));
  lines.push(...wrapText(escapeControl(finding.path), width, detail).map((l) => paint(l, "dim")));
  return lines;
}

function formatWorkload(workload: ScannedWorkload, width: number, paint: Paint): string[] {
  const score = paint(String(workload.score).padStart(3), READINESS_STYLES[workload.readiness].tone, "bold");
  const migrated = workload.migrated ? paint(" (on Kata)", "cyan") : "";
  const lines = [`    ${score}  ${displayName(workload)}${migrated}`];
  // The group's heading names the first file; a duplicated identity names the others here.
  if (workload.sources.length > 1) {
    lines.push(
      ...wrapText(`also defined in: ${workload.sources.slice(1).map(escapeControl).join(", ")}`, width, "         ").map((l) =>
        paint(l, "dim"),
      ),
    );
  }
  for (const finding of sortFindings(workload.findings)) lines.push(...formatFinding(finding, width, paint, "         "));
  return lines;
}

function formatSourceHeading(source: string, width: number, paint: Paint): string[] {
  return wrapText(escapeControl(source), width, "  ").map((l) => paint(l, "cyan"));
}

function formatInventoryFinding(finding: InventoryFinding, width: number, paint: Paint): string[] {
  return [
    ...formatFinding(finding, width, paint, "  "),
    ...wrapText(`in ${escapeControl(finding.source)}`, width, "          ").map((l) => paint(l, "dim")),
  ];
}

function formatError(error: InputError, width: number, paint: Paint): string[] {
  const where = escapeControl(formatErrorLocation(error));
  return [`  ${paint(where, "bold")}`, ...wrapText(escapeControl(error.message), width, "    ")];
}

export interface RuleRollup {
  ruleId: string;
  /** The highest severity the rule was found at. */
  severity: Severity;
  remedy: Remedy | null;
  /** Workloads with at least one finding of the rule. */
  workloads: number;
  /** Findings on the inventory (engines, RuntimeClasses, duplicates). */
  inventory: number;
}

/** One entry per rule found: blockers first, then the rules that touch the most workloads. */
export function rollUpRules(result: ScanResult): RuleRollup[] {
  const byRule = new Map<string, RuleRollup>();
  const entry = (finding: Finding) => {
    let rollup = byRule.get(finding.ruleId);
    if (!rollup) {
      rollup = { ruleId: finding.ruleId, severity: finding.severity, remedy: finding.remedy, workloads: 0, inventory: 0 };
      byRule.set(finding.ruleId, rollup);
    } else if (compareSeverity(finding.severity, rollup.severity) < 0) rollup.severity = finding.severity;
    return rollup;
  };
  for (const workload of result.workloads) {
    const seen = new Set<string>();
    for (const finding of workload.findings) {
      const rollup = entry(finding);
      if (seen.has(finding.ruleId)) continue;
      seen.add(finding.ruleId);
      rollup.workloads++;
    }
  }
  for (const finding of result.inventoryFindings) entry(finding).inventory++;
  return [...byRule.values()].sort(
    (a, b) =>
      compareSeverity(a.severity, b.severity) ||
      b.workloads + b.inventory - (a.workloads + a.inventory) ||
      a.ruleId.localeCompare(b.ruleId),
  );
}

function formatRollup(rollups: readonly RuleRollup[], paint: Paint): string[] {
  if (rollups.length === 0) return [];
  const idWidth = Math.max(4, ...rollups.map((r) => r.ruleId.length)) + 2;
  const remedyWidth = Math.max(...Object.values(REMEDY_STYLES).map((style) => style.label.length)) + 2;
  const lines = [
    "",
    paint("WHAT TO DO FIRST", "bold"),
    paint(`  ${"RULE".padEnd(idWidth)}${"SEVERITY".padEnd(9)}${"REMEDY".padEnd(remedyWidth)}AFFECTS`, "dim"),
  ];
  for (const rollup of rollups) {
    const affects = [
      rollup.workloads > 0 ? formatCountOf(rollup.workloads, "workload") : "",
      rollup.inventory > 0 ? `the inventory${rollup.inventory > 1 ? ` (${rollup.inventory}×)` : ""}` : "",
    ].filter(Boolean);
    const remedy = rollup.remedy ? remedyText(rollup.remedy) : "-";
    lines.push(
      `  ${paint(escapeControl(rollup.ruleId).padEnd(idWidth), "bold")}${paint(rollup.severity.padEnd(9), SEVERITY_STYLES[rollup.severity].tone)}${remedy.padEnd(remedyWidth)}${affects.join(", ")}`,
    );
  }
  lines.push(
    paint(`  Why and what to do: kata-readiness explain <rule>, e.g. kata-readiness explain ${escapeControl(rollups[0].ruleId)}`, "dim"),
  );
  return lines;
}

export function summaryLine(result: ScanResult): string {
  const { summary } = result;
  const parts = [
    `${formatCount(summary.blocked)} blocked`,
    `${formatCount(summary.needsChanges)} need changes`,
    `${formatCount(summary.ready)} ready`,
  ];
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
 * Workloads of one readiness group by source file, files in the order their most urgent workload
 * comes (lowest score first), workloads by score within a file.
 */
function bySource(workloads: ScannedWorkload[]): ScannedWorkload[][] {
  workloads.sort((a, b) => a.score - b.score || a.id.localeCompare(b.id));
  const files = new Map<string, ScannedWorkload[]>();
  for (const workload of workloads) {
    const list = files.get(workload.source);
    if (list) list.push(workload);
    else files.set(workload.source, [workload]);
  }
  return [...files.values()];
}

/**
 * `formatTextReport`'s text in pieces (headings, then one workload at a time), so the CLI can
 * write a 50k-workload report without holding it as one string.
 */
export function* textReportChunks(result: ScanResult, options: TextOptions = {}): Generator<string> {
  const width = options.width ?? 100;
  const paint = painter(options.color ?? false);
  yield chunkOf([
    paint(`Kata readiness for target ${escapeControl(result.target)}`, "bold") +
      paint(` (cluster ${escapeControl(result.cluster)}, catalog v${result.catalogVersion}, score ${result.scoreFormula})`, "dim"),
  ]);
  yield chunkOf(formatRollup(rollUpRules(result), paint));

  const groups = new Map<Readiness, ScannedWorkload[]>(READINESS_STATES.map((r) => [r, []]));
  for (const workload of result.workloads) groups.get(workload.readiness)?.push(workload);
  for (const readiness of READINESS_STATES) {
    const workloads = groups.get(readiness) ?? [];
    if (workloads.length === 0) continue;
    yield chunkOf([
      "",
      paint(
        `${READINESS_STYLES[readiness].label.toUpperCase()} (${formatCount(workloads.length)})`,
        READINESS_STYLES[readiness].tone,
        "bold",
      ),
    ]);
    for (const file of bySource(workloads)) {
      yield chunkOf(formatSourceHeading(file[0].source, width, paint));
      for (const workload of file) yield chunkOf(formatWorkload(workload, width, paint));
    }
  }

  if (result.inventoryFindings.length > 0) {
    yield chunkOf(["", paint(`INVENTORY (${formatCount(result.inventoryFindings.length)})`, "bold")]);
    for (const finding of sortFindings(result.inventoryFindings)) yield chunkOf(formatInventoryFinding(finding, width, paint));
  }
  if (result.errors.length > 0) {
    yield chunkOf(["", paint(`INPUT ERRORS (${formatCount(result.errors.length)})`, "red", "bold")]);
    for (const error of result.errors) yield chunkOf(formatError(error, width, paint));
  }

  yield chunkOf(["", paint(`Summary: ${summaryLine(result)}`, "bold")]);
  const moving = summarizeReadyToMove(result.workloads);
  if (moving.workloads > 0) {
    const sizing = describeSizingSummary(moving, moving.workloads === 1 ? "ready workload" : "ready workloads");
    yield chunkOf(
      wrapText(`Sizing: ${sizing}${result.summary.migrated > 0 ? " (workloads already on Kata not counted)" : ""}.`, width, ""),
    );
  }
}
