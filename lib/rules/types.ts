import type { InventoryContext, JsonObject, Platform, Workload } from "../inventory/types";
import type { TargetProfile } from "../scoring/profiles";

import type { Remedy, Severity } from "../domain";
import type { RuleId } from "./ids";

export type { Remedy, RuleId, Severity };

export interface Finding {
  ruleId: RuleId;
  severity: Severity;
  remedy: Remedy | null;
  /** Container name, or null for a pod-level (or Docker/Compose workload-level) finding. */
  container: string | null;
  /** Exact field path, e.g. `spec.template.spec.containers[1].volumeMounts[0].subPath`. */
  path: string;
  /** One line, naming the offending value. */
  message: string;
}

/** A finding on the inventory (engine, RuntimeClasses, Nodes), not on a workload. */
export interface InventoryFinding extends Finding {
  source: string;
}

export interface Reference {
  title: string;
  url: string;
}

export interface RuleContext {
  profile: TargetProfile;
  inventory: InventoryContext;
}

/** Catalog versions that introduced rules ("1.0" covers the original catalog, stored as "1"). */
export type CatalogVersion = "1.0" | "1.1" | "1.2";

interface RuleText {
  /** Stable public id (see shared/spec/kata-rules.md). */
  id: RuleId;
  /** The catalog version that introduced the rule: a finding of a rule newer than the previous scan is a "new rule", not a new finding. */
  since: CatalogVersion;
  title: string;
  /** The highest severity the rule can report (findings carry their own). */
  severity: Severity;
  remedy: Remedy | null;
  /** One sentence: what the rule detects. */
  summary: string;
  /** Why it breaks or differs under Kata (markdown, our own words). */
  why: string;
  /** What to do (markdown list or paragraphs). */
  remediation: string;
  references: Reference[];
}

export interface WorkloadRule extends RuleText {
  scope: "workload";
  appliesTo: Platform[];
  /** Where the severity depends on the platform: each platform's (the rule's `severity` is the highest). */
  severityByPlatform?: Partial<Record<Platform, Severity>>;
  /** Profiles the rule runs under; absent: all. */
  profiles?: (profile: TargetProfile) => boolean;
  check(workload: Workload, context: RuleContext): Finding[];
}

/** Declared requirements (`kata-readiness.io/requires`): the item id maps to this rule. */
export interface DeclaredRule extends RuleText {
  scope: "declared";
}

export interface InventoryRule extends RuleText {
  scope: "inventory";
  /** `workloads`: every workload of the scan (some inventory rules sum or count them). */
  check(inventory: InventoryContext, context: RuleContext, workloads: readonly Workload[]): InventoryFinding[];
}

export type Rule = WorkloadRule | DeclaredRule | InventoryRule;

export type { JsonObject };
