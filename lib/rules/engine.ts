// The rule engine: runs the catalog over a workload (or the inventory) and returns findings
// deduplicated and ordered by severity, then catalog order.
import type { Platform, Workload } from "../inventory/types";
import type { ProfileId } from "../scoring/profiles";
import { CATALOG, INVENTORY_RULES, WORKLOAD_RULES } from "./catalog";
import { checkDeclared } from "./declared";
import type { Finding, InventoryFinding, RuleContext, Severity, WorkloadRule } from "./types";

const SEVERITY_RANK: Record<Severity, number> = { blocker: 0, warning: 1, info: 2 };
const CATALOG_RANK = new Map<string, number>(CATALOG.map((rule, index) => [rule.id, index]));

// Rules per (profile, platform), built once: the 50k-workload benchmark calls checkWorkload in a loop.
const rulesCache = new Map<ProfileId, Map<Platform, readonly WorkloadRule[]>>();

function rulesFor(context: RuleContext, platform: Platform): readonly WorkloadRule[] {
  let byPlatform = rulesCache.get(context.profile.id);
  if (!byPlatform) {
    byPlatform = new Map();
    rulesCache.set(context.profile.id, byPlatform);
  }
  let rules = byPlatform.get(platform);
  if (!rules) {
    rules = WORKLOAD_RULES.filter((rule) => rule.appliesTo.includes(platform) && (!rule.profiles || rule.profiles(context.profile)));
    byPlatform.set(platform, rules);
  }
  return rules;
}

function compareFindings(a: Finding, b: Finding): number {
  return (
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    (CATALOG_RANK.get(a.ruleId) ?? Infinity) - (CATALOG_RANK.get(b.ruleId) ?? Infinity)
  );
}

/** Drops repeats (folded pods report the same finding once per pod template); keeps the first. */
function dedupe<T extends Finding>(findings: T[]): T[] {
  if (findings.length < 2) return findings;
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.ruleId}\u0000${f.severity}\u0000${f.container ?? "\u0001"}\u0000${f.path}\u0000${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function order<T extends Finding>(findings: T[]): T[] {
  // Array.prototype.sort is stable: a rule's findings keep the order the rule reported them in.
  return findings.length < 2 ? findings : findings.sort(compareFindings);
}

function collectFindings(workload: Workload, context: RuleContext, findings: Finding[]): void {
  for (const rule of rulesFor(context, workload.platform)) {
    const found = rule.check(workload, context);
    for (let i = 0; i < found.length; i++) findings.push(found[i]);
  }
  const declared = checkDeclared(workload);
  for (let i = 0; i < declared.length; i++) findings.push(declared[i]);
}

/**
 * Every applicable workload rule plus the declared requirements, deduplicated and ordered. Objects
 * of the same identity with other content (`duplicates`) are checked too: their findings join in.
 */
export function checkWorkload(workload: Workload, context: RuleContext): Finding[] {
  const findings: Finding[] = [];
  collectFindings(workload, context, findings);
  if (workload.duplicates) for (const duplicate of workload.duplicates) collectFindings(duplicate, context, findings);
  return order(dedupe(findings));
}

/** Findings on the inventory itself (engines, RuntimeClasses, Nodes, and facts about all workloads). */
export function checkInventory(context: RuleContext, workloads: readonly Workload[]): InventoryFinding[] {
  const findings: InventoryFinding[] = [];
  for (const rule of INVENTORY_RULES) findings.push(...rule.check(context.inventory, context, workloads));
  return order(dedupe(findings));
}
