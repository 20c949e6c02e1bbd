// Migration patches: for each Kubernetes workload that is ready, or becomes ready once the manifest
// changes suggest.ts knows are applied, a strategic-merge patch (kustomize `patches:` or
// `kubectl patch --type strategic`) that applies those changes and sets the target RuntimeClass.
// Limits the tool cannot know are written as "<FILL: ...>" strings, which are not quantities, so
// the API server rejects the patch until a person fills them in. Workloads on the stays-on-runc or
// platform-work path, already on Kata, or still not ready after the changes get no patch.
import { stringify } from "yaml";
import type { JsonObject, Workload } from "../inventory/types";
import { scan } from "../scan";
import type { Encoder, ExportWorkload } from "../export/model";
import { getIn, parsePath } from "./path";
import { diffObject } from "./strategic-merge";
import { applyChanges, type ChangeId } from "./suggest";

export interface PatchOptions {
  /** The target profile: its id is the RuntimeClass kata-deploy creates for it. */
  target: string;
  /** The target of one workload when they differ (the dashboard: each upload has its own). */
  targetOf?(workload: ExportWorkload): string;
}

export const PLACEHOLDER_PREFIX = "<FILL: ";

export function placeholderFor(resource: "cpu" | "memory", request?: unknown): string {
  const hint = typeof request === "string" || typeof request === "number" ? `, request is ${request}` : "";
  return `${PLACEHOLDER_PREFIX}${resource} limit${hint}>`;
}

export interface WorkloadPatch {
  identity: string;
  /** The strategic-merge patch document: apiVersion, kind, metadata (name, namespace) and the changes. */
  patch: JsonObject;
  /** Changes made, and the rules whose findings they fix. */
  changes: ChangeId[];
  ruleIds: string[];
  /** True when the patch holds placeholders to fill. */
  hasPlaceholders: boolean;
}

export type PatchSkip = "not-kubernetes" | "stays-on-runc" | "platform-work" | "already-on-kata" | "needs-manual-changes" | "unreadable";

/** Placeholders filled with a valid value: only to check the changes leave nothing behind. */
const CHECK_FILL = (resource: "cpu" | "memory") => (resource === "cpu" ? "1" : "1Gi");

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function setRuntimeClass(object: JsonObject, workload: Workload, runtimeClassName: string): boolean {
  let set = false;
  for (const pod of workload.pods) {
    const spec = getIn(object, parsePath(pod.path));
    if (!isObject(spec) || spec.runtimeClassName) continue;
    spec.runtimeClassName = runtimeClassName;
    set = true;
  }
  return set;
}

/** Do the workload's unwaived blocker/warning findings all go away once `object` replaces it? */
function clearsFindings(object: JsonObject, w: ExportWorkload, waived: ReadonlySet<string>, target: string): boolean {
  const rescanned = scan([{ name: w.source, content: JSON.stringify(object) }], { target, cluster: w.cluster });
  if (rescanned.errors.length > 0 || rescanned.workloads.length !== 1) return false;
  return rescanned.workloads[0].findings.every((f) => f.severity === "info" || waived.has(f.ruleId));
}

/** The patch for one workload, or why there is none. */
export function workloadPatch(w: ExportWorkload, options: PatchOptions): WorkloadPatch | PatchSkip {
  const { spec } = w;
  const target = options.targetOf?.(w) ?? options.target;
  const runtimeClassName = target;
  if (w.platform !== "kubernetes") return "not-kubernetes";
  if (!spec || !isObject(spec.object.metadata)) return "unreadable";
  if (w.migrationPath === "stays-on-runc" || w.migrationPath === "platform-work") return w.migrationPath;
  if (w.migrated) return "already-on-kata";
  const waived = new Set(w.findings.filter((f) => f.waiver).map((f) => f.ruleId));
  const findings = w.findings.filter((f) => !f.waiver);
  const base = { runtimeClassName };
  // A workload that is ready as it is needs only its RuntimeClass: no change to check.
  if (w.migrationPath !== "ready") {
    const checkObject = applyChanges(spec, findings, { ...base, placeholder: CHECK_FILL }).patched;
    setRuntimeClass(checkObject, spec, runtimeClassName);
    if (!clearsFindings(checkObject, w, waived, target)) return "needs-manual-changes";
  }

  const plan = applyChanges(spec, findings, { ...base, placeholder: placeholderFor });
  const patched = plan.patched;
  // applyChanges sets the RuntimeClass itself when the workload is ready as it is.
  const runtimeClassSet = setRuntimeClass(patched, spec, runtimeClassName) || plan.changes.some((c) => c.id === "runtime-class");
  const changes: ChangeId[] = plan.changes.map((c) => c.id).filter((id) => id !== "runtime-class");
  if (runtimeClassSet) changes.push("runtime-class");
  const { apiVersion, kind } = spec.object;
  const metadata = spec.object.metadata as JsonObject;
  const { apiVersion: _a, kind: _k, metadata: _m, ...changed } = diffObject(spec.object, patched);
  return {
    identity: w.id,
    patch: {
      apiVersion: apiVersion ?? "apps/v1",
      kind: kind ?? w.kind,
      metadata: {
        name: metadata.name ?? w.name,
        ...(metadata.namespace !== undefined ? { namespace: metadata.namespace } : w.namespace ? { namespace: w.namespace } : {}),
      },
      ...changed,
    },
    changes,
    ruleIds: [...new Set(plan.changes.flatMap((c) => c.ruleIds))],
    hasPlaceholders: JSON.stringify(changed).includes(PLACEHOLDER_PREFIX),
  };
}

const SKIP_TEXT: Record<PatchSkip, string> = {
  "not-kubernetes": "not Kubernetes workloads (Docker, Compose)",
  "stays-on-runc": "stay on runc",
  "platform-work": "need platform work first",
  "already-on-kata": "already run on Kata",
  "needs-manual-changes": "need manifest changes the tool cannot write",
  unreadable: "have no readable stored manifest",
};

/** The patches as one multi-document YAML bundle, a comment before each document. */
export function patchesEncoder(options: PatchOptions): Encoder {
  const skipped = new Map<PatchSkip, number>();
  let written = 0;
  return {
    start: () =>
      `# kata-readiness migration patches: strategic-merge patches, one document per workload.\n# Use them as kustomize patches or with kubectl patch --type strategic. Values written as\n# "${PLACEHOLDER_PREFIX}...>" must be replaced: the API server rejects them as they are.\n`,
    workload(w) {
      const result = workloadPatch(w, options);
      if (typeof result === "string") {
        skipped.set(result, (skipped.get(result) ?? 0) + 1);
        return "";
      }
      written++;
      const note = [
        `# ${w.id.replace(/[\r\n]/g, " ")}: ${result.changes.join(", ")}`,
        ...(result.ruleIds.length > 0 ? [`# fixes: ${result.ruleIds.join(", ")}`] : []),
        ...(result.hasPlaceholders ? ["# fill every <FILL: ...> value before applying"] : []),
      ].join("\n");
      return `---\n${note}\n${stringify(result.patch, { lineWidth: 0 })}`;
    },
    end() {
      const lines = [`# ${written} patch(es).`];
      for (const [reason, n] of skipped) lines.push(`# Not patched: ${n} workload(s) that ${SKIP_TEXT[reason]}.`);
      return `${lines.join("\n")}\n`;
    },
  };
}
