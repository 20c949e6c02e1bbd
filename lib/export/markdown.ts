// A Markdown summary for pull-request comments and CI job summaries: counts, migration paths, top
// blocking rules and the blocked workloads with their fix. Lists are capped ("and N more") and the
// whole text stays under MAX_MARKDOWN_CHARS, below what code hosts accept in one comment.
import { MIGRATION_PATH_STYLES, REMEDY_STYLES } from "../domain";
import { findRule } from "../rules/catalog";
import { MIGRATION_PATHS, type MigrationPath } from "../scoring/migration-path";
import type { Encoder, ExportMeta } from "./model";

export const MAX_MARKDOWN_CHARS = 60_000;
export const MAX_TOP_RULES = 10;
export const MAX_BLOCKED_WORKLOADS = 25;
const MAX_BLOCKERS_PER_WORKLOAD = 5;
const MAX_CELL = 200;

/** Inline text from a manifest: one line, capped, Markdown and HTML syntax escaped. */
export function escapeMarkdown(text: string, max = MAX_CELL): string {
  const line = text.replace(/[\u0000-\u001F\u007F]+/g, " ").trim();
  const capped = line.length > max ? `${line.slice(0, max - 1)}…` : line;
  // Inline only (the text never starts a line): what could open emphasis, code, links, HTML or a cell.
  return capped.replace(/[\\`*_[\]<>|~&]/g, (c) => `\\${c}`);
}

/** The first sentence of a rule's remediation: the fix in one line. */
function fixOf(ruleId: string): string {
  const rule = findRule(ruleId);
  if (!rule) return "";
  const first = rule.remediation.replace(/^\s*[-*]\s+/, "").split(/\n|(?<=\.)\s/)[0] ?? "";
  return first.replace(/[*`_]/g, "");
}

interface BlockedEntry {
  title: string;
  blockers: { ruleId: string; message: string }[];
}

export function markdownEncoder(meta: ExportMeta): Encoder {
  const counts = { workloads: 0, ready: 0, needsChanges: 0, blocked: 0, migrated: 0, waived: 0 };
  const paths: Record<MigrationPath, number> = { ready: 0, "manifest-fixes": 0, "platform-work": 0, "stays-on-runc": 0 };
  const blockingRules = new Map<string, number>();
  const blocked: BlockedEntry[] = [];
  return {
    start: () => "",
    workload(w) {
      counts.workloads++;
      if (w.readiness === "ready") counts.ready++;
      else if (w.readiness === "needs-changes") counts.needsChanges++;
      else counts.blocked++;
      if (w.migrated) counts.migrated++;
      paths[w.migrationPath]++;
      const blockers = new Map<string, string>();
      for (const f of w.findings) {
        if (f.waiver) {
          counts.waived++;
          continue;
        }
        if (f.severity === "blocker" && !blockers.has(f.ruleId)) blockers.set(f.ruleId, f.message);
      }
      for (const ruleId of blockers.keys()) blockingRules.set(ruleId, (blockingRules.get(ruleId) ?? 0) + 1);
      // Only the listed ones are kept: memory stays bounded whatever the number of workloads.
      if (blockers.size > 0 && blocked.length < MAX_BLOCKED_WORKLOADS) {
        blocked.push({
          title: `${w.kind} ${w.namespace ? `${w.namespace}/` : ""}${w.name}`,
          blockers: [...blockers].map(([ruleId, message]) => ({ ruleId, message })),
        });
      }
      return "";
    },
    end() {
      const pct = (n: number) => (counts.workloads === 0 ? "0%" : `${Math.round((n / counts.workloads) * 100)}%`);
      const out: string[] = [];
      out.push(`## Kata readiness: ${escapeMarkdown(meta.scope)}`, "");
      out.push(`Target \`${meta.target}\`, catalog v${meta.catalogVersion}, kata-readiness ${meta.toolVersion}.`, "");
      out.push(
        "| Workloads | Ready | Needs changes | Blocked | Already on Kata | Waived findings |",
        "| ---: | ---: | ---: | ---: | ---: | ---: |",
      );
      out.push(
        `| ${counts.workloads} | ${counts.ready} (${pct(counts.ready)}) | ${counts.needsChanges} (${pct(counts.needsChanges)}) | ${counts.blocked} (${pct(counts.blocked)}) | ${counts.migrated} | ${counts.waived} |`,
        "",
      );
      out.push("### Migration paths", "", "| Path | Workloads |", "| --- | ---: |");
      for (const path of MIGRATION_PATHS) out.push(`| ${MIGRATION_PATH_STYLES[path].label} | ${paths[path]} (${pct(paths[path])}) |`);
      out.push("");
      const rules = [...blockingRules].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
      if (rules.length > 0) {
        out.push("### Top blocking rules", "", "| Rule | Workloads | Remedy |", "| --- | ---: | --- |");
        for (const [ruleId, n] of rules.slice(0, MAX_TOP_RULES)) {
          const rule = findRule(ruleId);
          out.push(
            `| \`${ruleId}\` ${rule ? escapeMarkdown(rule.title) : ""} | ${n} | ${rule?.remedy ? REMEDY_STYLES[rule.remedy].label.toLowerCase() : ""} |`,
          );
        }
        if (rules.length > MAX_TOP_RULES) out.push("", `…and ${rules.length - MAX_TOP_RULES} more blocking rules.`);
        out.push("");
      }
      if (blocked.length > 0) {
        out.push("### Blocked workloads", "");
        for (const entry of blocked) {
          out.push(`- **${escapeMarkdown(entry.title)}**`);
          for (const b of entry.blockers.slice(0, MAX_BLOCKERS_PER_WORKLOAD)) {
            const fix = fixOf(b.ruleId);
            out.push(`  - \`${b.ruleId}\`: ${escapeMarkdown(b.message)}${fix ? `. Fix: ${escapeMarkdown(fix, 300)}` : ""}`);
          }
          if (entry.blockers.length > MAX_BLOCKERS_PER_WORKLOAD)
            out.push(`  - …and ${entry.blockers.length - MAX_BLOCKERS_PER_WORKLOAD} more blockers`);
        }
        if (counts.blocked > blocked.length) out.push(`- …and ${counts.blocked - blocked.length} more blocked workloads`);
        out.push("");
      }
      let text = `${out.join("\n")}\n`;
      if (text.length > MAX_MARKDOWN_CHARS)
        text = `${text.slice(0, MAX_MARKDOWN_CHARS - 40).replace(/\n[^\n]*$/, "")}\n\n…(summary cut to fit)\n`;
      return text;
    },
  };
}
