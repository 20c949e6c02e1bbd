// The migration path (shared/spec/kata-rules.md, "Migration path", catalog 1.1): what kind of work
// stands between a workload and Kata, derived from its unwaived findings, first match wins.
import type { Finding } from "../rules/types";

export const MIGRATION_PATHS = ["ready", "manifest-fixes", "platform-work", "stays-on-runc"] as const;
export type MigrationPath = (typeof MIGRATION_PATHS)[number];

export function migrationPath(
  findings: readonly (Pick<Finding, "severity" | "remedy"> & { ruleId: string })[],
  waivedRuleIds: ReadonlySet<string> = new Set(),
): MigrationPath {
  let platform = false;
  let other = false;
  for (const finding of findings) {
    if (finding.severity === "info" || waivedRuleIds.has(finding.ruleId)) continue;
    if (finding.severity === "blocker" && finding.remedy === "keep-on-runc") return "stays-on-runc";
    if (finding.remedy === "platform") platform = true;
    else other = true;
  }
  return platform ? "platform-work" : other ? "manifest-fixes" : "ready";
}
