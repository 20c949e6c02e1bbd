// A ScanResult built by hand, so export tests do not depend on the parser or the rules.
import type { Finding } from "../rules/types";
import type { ScannedWorkload, ScanResult } from "../scan";
import { podWorkload, emptyInventory } from "../rules/test-helpers";
import { assessWorkload } from "../scoring/assess";
import { getProfile } from "../scoring/profiles";
import { estimateSizing } from "../scoring/sizing";

export function scannedWorkload(name: string, findings: Finding[], source = `${name}.yaml`): ScannedWorkload {
  const workload = { ...podWorkload(`containers: [{ name: ${name}, resources: { limits: { cpu: 1, memory: 1Gi } } }]`), name };
  const assessment = assessWorkload(findings);
  return {
    id: `local/default/Deployment/${name}`,
    platform: "kubernetes",
    kind: "Deployment",
    namespace: "default",
    name,
    source,
    team: null,
    score: assessment.score,
    readiness: assessment.readiness,
    migrated: assessment.migrated,
    breakdown: assessment.breakdown,
    counts: assessment.counts,
    findings,
    sizing: estimateSizing(workload, getProfile(), emptyInventory()),
    workload,
  };
}

export function scanResult(workloads: ScannedWorkload[], overrides: Partial<ScanResult> = {}): ScanResult {
  return {
    catalogVersion: "1",
    scoreFormula: "v1",
    target: "kata-qemu-runtime-rs",
    cluster: "local",
    summary: {
      workloads: workloads.length,
      ready: workloads.filter((w) => w.readiness === "ready").length,
      needsChanges: workloads.filter((w) => w.readiness === "needs-changes").length,
      blocked: workloads.filter((w) => w.readiness === "blocked").length,
      migrated: workloads.filter((w) => w.migrated).length,
    },
    workloads,
    inventoryFindings: [],
    files: [],
    errors: [],
    ...overrides,
  };
}

export const HOST_NETWORK: Finding = {
  ruleId: "host-network",
  severity: "blocker",
  remedy: "keep-on-runc",
  container: null,
  path: "spec.template.spec.hostNetwork",
  message: "hostNetwork: true shares the node's network namespace, which a VM cannot",
};

export const NO_LIMITS: Finding = {
  ruleId: "resource-limits",
  severity: "warning",
  remedy: "manifest",
  container: "app",
  path: "spec.template.spec.containers[0].resources.limits",
  message: "container app has no limits.memory",
};
