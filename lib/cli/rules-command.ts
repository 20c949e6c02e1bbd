// `rules` (the catalog as a table) and `explain <rule-id>` (one rule in full).
import { escapeControlKeepingLines } from "../export/terminal";
import { formatRemedy, PLATFORM_LABELS } from "../domain";
import { wrapText } from "../export/text";
import { CATALOG, CATALOG_VERSION, findRule } from "../rules/catalog";
import type { Rule } from "../rules/types";
import { FORMATS, parseCommandArgs, pickChoice } from "./args";
import { EXIT, UsageError } from "./errors";
import { EXPLAIN_HELP, RULES_HELP } from "./help";
import type { CliIo } from "./io";

const WIDTH = 100;
const SCOPE_TITLE: Record<Rule["scope"], string> = {
  workload: "Workload rules",
  declared: "Declared requirements (kata-readiness.io/requires)",
  inventory: "Engine and cluster rules (findings on the inventory)",
};

function describeRule(rule: Rule) {
  return {
    id: rule.id,
    scope: rule.scope,
    title: rule.title,
    severity: rule.severity,
    remedy: rule.remedy,
    since: rule.since,
    appliesTo: rule.scope === "workload" ? rule.appliesTo : null,
    summary: rule.summary,
    why: rule.why,
    remediation: rule.remediation,
    references: rule.references,
  };
}

function formatRulesTable(rules: readonly Rule[]): string {
  const idWidth = Math.max(...rules.map((rule) => rule.id.length)) + 2;
  const lines: string[] = [];
  for (const scope of Object.keys(SCOPE_TITLE) as Rule["scope"][]) {
    const inScope = rules.filter((rule) => rule.scope === scope);
    if (inScope.length === 0) continue;
    if (lines.length > 0) lines.push("");
    lines.push(`${SCOPE_TITLE[scope]} (${inScope.length})`);
    lines.push(`  ${"ID".padEnd(idWidth)}${"SEVERITY".padEnd(10)}${"REMEDY".padEnd(14)}TITLE`);
    for (const rule of inScope) {
      const head = `  ${rule.id.padEnd(idWidth)}${rule.severity.padEnd(10)}${(rule.remedy ?? "-").padEnd(14)}`;
      const [first, ...rest] = wrapText(rule.title, WIDTH, head);
      lines.push(first, ...rest.map((line) => " ".repeat(head.length) + line.slice(head.length)));
    }
  }
  lines.push("", `${rules.length} rules (catalog v${CATALOG_VERSION}). Details: kata-readiness explain <id>`);
  return `${lines.join("\n")}\n`;
}

function closestIds(id: string): string[] {
  const parts = id
    .toLowerCase()
    .split(/[-_\s]+/)
    .filter(Boolean);
  return CATALOG.map((rule) => rule.id).filter((candidate) => parts.some((part) => part.length > 2 && candidate.includes(part)));
}

// Only `explain` renders Markdown: loading marked on demand keeps it off every other command's start-up.
async function formatExplanation(rule: Rule): Promise<string> {
  const { renderMarkdownText } = await import("../markdown");
  const lines: string[] = [`${rule.id}: ${rule.title}`, ""];
  const facts = [`severity: ${rule.severity}`, `remedy: ${formatRemedy(rule.remedy)}`, `scope: ${rule.scope}`];
  lines.push(`  ${facts.join("   ")}`);
  if (rule.scope === "workload") lines.push(`  applies to: ${rule.appliesTo.map((platform) => PLATFORM_LABELS[platform]).join(", ")}`);
  lines.push("", ...renderMarkdownText(rule.summary, WIDTH));
  lines.push("", "Why", ...renderMarkdownText(rule.why, WIDTH));
  lines.push("", "What to do", ...renderMarkdownText(rule.remediation, WIDTH));
  if (rule.references.length > 0) {
    lines.push("", "Sources");
    for (const reference of rule.references) lines.push(...wrapText(`- ${reference.title}`, WIDTH, "  "), `    ${reference.url}`);
  }
  return `${lines.join("\n")}\n`;
}

export function runRules(args: readonly string[], io: CliIo): number {
  const { values, positionals } = parseCommandArgs("rules", args, {
    format: { type: "string", short: "f" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) {
    io.stdout.write(RULES_HELP);
    return EXIT.ok;
  }
  if (positionals.length > 0)
    throw new UsageError(`unexpected argument "${positionals[0]}" (did you mean: explain ${positionals[0]}?)`, "rules");
  const format = pickChoice("rules", "format", values.format, FORMATS, "text");
  io.stdout.write(
    format === "json" ? `${JSON.stringify(CATALOG.map(describeRule), null, 2)}\n` : escapeControlKeepingLines(formatRulesTable(CATALOG)),
  );
  return EXIT.ok;
}

export async function runExplain(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs("explain", args, {
    format: { type: "string", short: "f" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) {
    io.stdout.write(EXPLAIN_HELP);
    return EXIT.ok;
  }
  const format = pickChoice("explain", "format", values.format, FORMATS, "text");
  if (positionals.length !== 1) throw new UsageError("give exactly one rule id (list them with: kata-readiness rules)", "explain");
  const id = positionals[0];
  const rule = findRule(id);
  if (!rule) {
    const suggestions = closestIds(id);
    const hint = suggestions.length > 0 ? `; did you mean: ${suggestions.join(", ")}?` : "; list them with: kata-readiness rules";
    throw new UsageError(`unknown rule "${id}"${hint}`, "explain");
  }
  io.stdout.write(
    format === "json" ? `${JSON.stringify(describeRule(rule), null, 2)}\n` : escapeControlKeepingLines(await formatExplanation(rule)),
  );
  return EXIT.ok;
}
