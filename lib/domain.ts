// The domain's words, spelled once (shared/spec/kata-rules.md, "Severity, readiness, score"). Every
// list, type, label and colour of severities, readiness states, remedies and platforms comes from here:
// the core, the CLI and the web import it, so it stays pure (no React, Next or Prisma).
import type { RuleId } from "./rules/ids";
import type { MigrationPath } from "./scoring/migration-path";

/** Highest first. */
export const SEVERITIES = ["blocker", "warning", "info"] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Worst first: the order reports and charts list them in. */
export const READINESS_STATES = ["blocked", "needs-changes", "ready"] as const;
export type Readiness = (typeof READINESS_STATES)[number];

/** manifest: change the workload; platform: configure Kata/node/RuntimeClass; keep-on-runc. */
export const REMEDIES = ["manifest", "platform", "keep-on-runc"] as const;
export type Remedy = (typeof REMEDIES)[number];

export const PLATFORMS = ["kubernetes", "docker", "compose"] as const;
export type Platform = (typeof PLATFORMS)[number];

function isOneOf<T extends string>(list: readonly T[]) {
  return (value: unknown): value is T => typeof value === "string" && (list as readonly string[]).includes(value);
}

/** A remediation item's status (RemediationItem.status). */
export const REMEDIATION_STATUSES = ["open", "in-progress", "fixed", "accepted-risk", "wont-fix"] as const;
export type RemediationStatus = (typeof REMEDIATION_STATUSES)[number];
/** Statuses whose item is still to do: past its due date it is overdue. */
export const OPEN_REMEDIATION_STATUSES = ["open", "in-progress"] as const satisfies readonly RemediationStatus[];

export const isSeverity = isOneOf(SEVERITIES);
export const isRemediationStatus = isOneOf(REMEDIATION_STATUSES);
export const isReadiness = isOneOf(READINESS_STATES);
export const isRemedy = isOneOf(REMEDIES);
export const isPlatform = isOneOf(PLATFORMS);

/** A Kata RuntimeClass or RuntimeClass handler: kata-deploy names them all `kata*`. */
export function isKataRuntimeClass(name: string): boolean {
  return name.startsWith("kata");
}

/** A Docker/Compose runtime: `io.containerd.kata.v2` (and per-hypervisor shims like `io.containerd.kata-qemu.v2`), or a configured `kata*` name. */
export function isKataRuntime(name: string): boolean {
  return /^io\.containerd\.kata[.-]/.test(name) || isKataRuntimeClass(name);
}

/** The rule whose finding means "this workload already runs on Kata". */
export const MIGRATED_RULE_ID = "kata-runtime" satisfies RuleId;

/** A workload counts as migrated when the kata-runtime rule reported it. */
export function isMigrationFinding(finding: { ruleId: string }): boolean {
  return finding.ruleId === MIGRATED_RULE_ID;
}

/** Terminal colour of a term in the CLI's report. */
export type Tone = "red" | "yellow" | "green" | "cyan";

interface TermStyle {
  label: string;
  /** CLI colour. */
  tone: Tone;
  /** Web: badge classes. */
  badge: string;
}

export const SEVERITY_STYLES: Record<
  Severity,
  TermStyle & { plural: string; /** Web: a manifest line a finding points at. */ line: string }
> = {
  blocker: {
    label: "Blocker",
    plural: "Blockers",
    tone: "red",
    badge: "bg-red-50 text-red-800 ring-red-600/30",
    line: "border-l-blocked bg-red-50",
  },
  warning: {
    label: "Warning",
    plural: "Warnings",
    tone: "yellow",
    badge: "bg-amber-50 text-amber-800 ring-amber-600/30",
    line: "border-l-needs bg-amber-50",
  },
  info: {
    label: "Info",
    plural: "Info",
    tone: "cyan",
    badge: "bg-blue-50 text-blue-800 ring-blue-600/30",
    line: "border-l-info bg-blue-50",
  },
};

export const READINESS_STYLES: Record<
  Readiness,
  TermStyle & {
    /** Web: fill of bars and legend swatches, text of counts, top border of stat cards. */
    bg: string;
    text: string;
    borderTop: string;
  }
> = {
  blocked: {
    label: "Blocked",
    tone: "red",
    badge: "bg-red-50 text-red-800 ring-red-600/30",
    bg: "bg-blocked",
    text: "text-blocked",
    borderTop: "border-t-blocked",
  },
  "needs-changes": {
    label: "Needs changes",
    tone: "yellow",
    badge: "bg-amber-50 text-amber-800 ring-amber-600/30",
    bg: "bg-needs",
    text: "text-needs",
    borderTop: "border-t-needs",
  },
  ready: {
    label: "Ready",
    tone: "green",
    badge: "bg-green-50 text-green-800 ring-green-600/30",
    bg: "bg-ready",
    text: "text-ready",
    borderTop: "border-t-ready",
  },
};

/** The four migration paths of the spec (lib/scoring/migration-path.ts): the overview's cards, and the colour of each in charts and reports. */
export const MIGRATION_PATH_STYLES: Record<MigrationPath, { label: string; hint: string; borderTop: string; color: string }> = {
  ready: { label: "Ready", hint: "can move to Kata as they are", borderTop: "border-t-ready", color: "#15803d" },
  "manifest-fixes": {
    label: "Manifest fixes",
    hint: "move after changes to their manifests",
    borderTop: "border-t-needs",
    color: "#1d4ed8",
  },
  "platform-work": {
    label: "Platform work",
    hint: "wait on Kata, node or RuntimeClass configuration",
    borderTop: "border-t-info",
    color: "#6d28d9",
  },
  "stays-on-runc": { label: "Stays on runc", hint: "need what a VM sandbox cannot give", borderTop: "border-t-blocked", color: "#475569" },
};

export const REMEDY_STYLES: Record<Remedy, { label: string; /** Beside one finding. */ hint: string }> = {
  manifest: { label: "Change the manifest", hint: "Fix: change the manifest" },
  platform: { label: "Configure the platform", hint: "Fix: configure Kata, the nodes or the RuntimeClass" },
  "keep-on-runc": { label: "Keep on runc", hint: "Keep this workload on runc" },
};

export const REMEDIATION_STATUS_STYLES: Record<RemediationStatus, { label: string; badge: string }> = {
  open: { label: "Open", badge: "bg-slate-50 text-slate-700 ring-slate-500/30" },
  "in-progress": { label: "In progress", badge: "bg-blue-50 text-blue-800 ring-blue-600/30" },
  fixed: { label: "Fixed", badge: "bg-green-50 text-green-800 ring-green-600/30" },
  "accepted-risk": { label: "Accepted risk", badge: "bg-amber-50 text-amber-800 ring-amber-600/30" },
  "wont-fix": { label: "Won't fix", badge: "bg-slate-100 text-slate-600 ring-slate-500/30" },
};

export const PLATFORM_LABELS: Record<Platform, string> = {
  kubernetes: "Kubernetes",
  docker: "Docker",
  compose: "Compose",
};

export function formatRemedy(remedy: Remedy | null): string {
  return remedy ? REMEDY_STYLES[remedy].label : "None needed";
}

/** The label of any term (facet values, stored strings); unknown values read as themselves. */
export function labelOfTerm(value: string): string {
  if (isReadiness(value)) return READINESS_STYLES[value].label;
  if (isSeverity(value)) return SEVERITY_STYLES[value].label;
  if (isRemedy(value)) return REMEDY_STYLES[value].label;
  if (isPlatform(value)) return PLATFORM_LABELS[value];
  return value;
}

/** A dashboard waiver's state (revoked ones are kept for the history). */
export const WAIVER_STATUSES = ["active", "expired", "revoked"] as const;
export type WaiverStatus = (typeof WAIVER_STATUSES)[number];

export const WAIVER_STATUS_STYLES: Record<WaiverStatus, { label: string; badge: string }> = {
  active: { label: "Active", badge: "bg-violet-50 text-violet-800 ring-violet-600/30" },
  expired: { label: "Expired", badge: "bg-slate-100 text-slate-700 ring-slate-500/30" },
  revoked: { label: "Revoked", badge: "bg-slate-100 text-slate-500 ring-slate-500/20 line-through" },
};
