// Declared requirements: limitations a manifest cannot show, declared by users with the
// `kata-readiness.io/requires` annotation or label (or in the UI) and turned into findings.
import type { Workload } from "../inventory/types";
import { checkpointRestore } from "./declared/checkpoint-restore";
import { oomEvents } from "./declared/oom-events";
import { portForward } from "./declared/port-forward";
import { unknownRequirement } from "./declared/unknown-requirement";
import type { DeclaredRule, Finding, WorkloadRule } from "./types";
import { composeLabels, finding, isObject, keyPath, metadataEntriesOf, type MetadataEntry } from "./walk";
import { intelRdt } from "./workload/intel-rdt";

export const REQUIRES_KEY = "kata-readiness.io/requires";

const isRequiresKey = (key: string) => key === REQUIRES_KEY;

type RuleRef = Pick<DeclaredRule | WorkloadRule, "id" | "severity" | "remedy">;

interface DeclaredItem {
  rule: RuleRef;
  consequence: string;
}

const ITEMS: ReadonlyMap<string, DeclaredItem> = new Map([
  [checkpointRestore.id, { rule: checkpointRestore, consequence: "Kata has no checkpoint/restore" }],
  [oomEvents.id, { rule: oomEvents, consequence: "per-container OOM is reported, whole-VM OOM is not" }],
  [portForward.id, { rule: portForward, consequence: "kubectl port-forward is unreliable under Kata, use a Service" }],
  [intelRdt.id, { rule: intelRdt, consequence: "Intel RDT is not available inside the Kata VM" }],
]);

/** The item ids users can declare. */
export const DECLARABLE_ITEMS: readonly string[] = [...ITEMS.keys()];

/**
 * Items of a `kata-readiness.io/requires` value: comma and/or whitespace separated; label values
 * cannot hold commas or spaces, so labels also accept `_` and `.`.
 */
export function parseRequirements(value: string, source: "annotation" | "label"): string[] {
  const separators = source === "label" ? /[\s,_.]+/ : /[\s,]+/;
  return value
    .split(separators)
    .map((item) => item.trim().toLowerCase())
    .filter(Boolean);
}

/** The finding for one declared item (also used for items declared in the UI). */
export function declaredFinding(item: string, path: string): Finding {
  const known = ITEMS.get(item);
  if (!known) {
    return finding(unknownRequirement, {
      container: null,
      path,
      message: `unknown declared requirement "${item}" (known: ${DECLARABLE_ITEMS.join(", ")})`,
    });
  }
  return finding(known.rule, { container: null, path, message: `declared requirement ${item}: ${known.consequence}` });
}

type Source = "annotation" | "label";

function tagAll(entries: readonly MetadataEntry[], source: Source, out: { entry: MetadataEntry; source: Source }[]): void {
  for (const entry of entries) out.push({ entry, source });
}

// Runs on every workload: plain loops, no closures per call.
function sourcesOf(workload: Workload): { entry: MetadataEntry; source: Source }[] {
  const out: { entry: MetadataEntry; source: Source }[] = [];
  if (workload.platform === "kubernetes") {
    tagAll(metadataEntriesOf(workload, "annotations", isRequiresKey), "annotation", out);
    tagAll(metadataEntriesOf(workload, "labels", isRequiresKey), "label", out);
    return out;
  }
  if (workload.platform === "compose") {
    tagAll(composeLabels(workload.object, workload.pathPrefix), "label", out);
    return out;
  }
  const config = isObject(workload.object.Config) ? workload.object.Config : {};
  const labels = isObject(config.Labels) ? config.Labels : {};
  const value = labels[REQUIRES_KEY];
  if (typeof value === "string")
    out.push({ entry: { key: REQUIRES_KEY, value, path: keyPath("Config.Labels", REQUIRES_KEY) }, source: "label" });
  return out;
}

/** One finding per declared item (the first place it is declared wins). */
export function checkDeclared(workload: Workload): Finding[] {
  const out: Finding[] = [];
  const sources = sourcesOf(workload);
  // Nearly no workload declares anything.
  if (sources.length === 0) return out;
  const seen = new Set<string>();
  for (const { entry, source } of sources) {
    if (entry.key !== REQUIRES_KEY) continue;
    for (const item of parseRequirements(entry.value, source)) {
      if (seen.has(item)) continue;
      seen.add(item);
      out.push(declaredFinding(item, entry.path));
    }
  }
  return out;
}

/** The path of a finding declared in the dashboard (a DeclaredRequirement row), not in the manifest. */
export const DASHBOARD_DECLARED_PATH = "(declared in the dashboard)";

/**
 * Findings for the items declared in the dashboard for one workload, except those the workload has
 * already (declared by annotation, or found by a rule). Unknown items are ignored: the UI only stores known ones.
 */
export function dashboardDeclaredFindings(existing: readonly Finding[], items: readonly string[] | undefined): Finding[] {
  if (!items || items.length === 0) return [];
  const have = new Set(existing.map((f) => f.ruleId));
  const out: Finding[] = [];
  for (const item of items) {
    if (!ITEMS.has(item)) continue;
    const found = declaredFinding(item, DASHBOARD_DECLARED_PATH);
    if (have.has(found.ruleId)) continue;
    have.add(found.ruleId);
    out.push(found);
  }
  return out;
}
