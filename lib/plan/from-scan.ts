// A scan's workloads as the planner sees them (the CLI's `plan`; the dashboard builds the same from its rows).
import type { Workload } from "../inventory/types";
import type { ScannedWorkload } from "../scan";
import { migrationPath } from "../scoring/migration-path";
import type { PlanWorkload } from "./propose";

/**
 * `findings` must already leave out what waivers accept (the CLI's `withoutWaived`): the path, the
 * open items and the holding rules are read from what is left.
 */
export function planWorkload(scanned: ScannedWorkload): PlanWorkload {
  const open = scanned.findings.filter((f) => f.severity !== "info");
  const path = migrationPath(scanned.findings);
  const holding =
    path === "stays-on-runc"
      ? open.filter((f) => f.severity === "blocker" && f.remedy === "keep-on-runc")
      : path === "platform-work"
        ? open.filter((f) => f.remedy === "platform")
        : [];
  const { sizing } = scanned;
  return {
    id: scanned.id,
    namespace: scanned.namespace,
    team: scanned.team,
    path,
    migrated: scanned.migrated,
    openItems: open.length,
    holdingRules: [...new Set(holding.map((f) => f.ruleId))],
    stateful: isStateful(scanned.workload),
    overheadMemoryMiB: sizing.overheadMemoryMiB,
    overheadMilliCpu: sizing.overheadMilliCpu,
    requestMemoryMiB: sizing.requests.memoryMiB,
    requestMilliCpu: sizing.requests.milliCpu,
    replicas: sizing.replicas,
    perNode: sizing.perNode,
  };
}

/** Keeps data across restarts: a StatefulSet, or a pod that mounts a PersistentVolumeClaim (Compose: a named volume). */
export function isStateful(workload: Workload): boolean {
  if (workload.kind === "StatefulSet") return true;
  if (workload.platform === "kubernetes") {
    return workload.pods.some(
      (pod) =>
        Array.isArray(pod.spec.volumes) &&
        pod.spec.volumes.some((v) => typeof v === "object" && v !== null && "persistentVolumeClaim" in v),
    );
  }
  if (workload.platform === "compose") {
    const volumes = workload.object.volumes;
    return Array.isArray(volumes) && volumes.some((v) => (typeof v === "string" ? !/^[./~]/.test(v) && v.includes(":") : isNamedVolume(v)));
  }
  return false;
}

function isNamedVolume(volume: unknown): boolean {
  return typeof volume === "object" && volume !== null && (volume as { type?: unknown }).type === "volume";
}
