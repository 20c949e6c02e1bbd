// A ScanResult built by hand, so export tests do not depend on the parser or the rules.
import type { Finding } from "../rules/types";
import { assembleScannedWorkload, summarizeWorkloads, type ScannedWorkload, type ScanResult } from "../scan";
import { podWorkload, emptyInventory } from "../rules/test-helpers";
import { getProfile } from "../scoring/profiles";

export function scannedWorkload(name: string, findings: Finding[], source = `${name}.yaml`): ScannedWorkload {
  const base = podWorkload(`containers: [{ name: ${name}, resources: { limits: { cpu: 1, memory: 1Gi } } }]`);
  const workload = { ...base, id: `local/default/Deployment/${name}`, name, source: { file: source }, sources: [source] };
  return assembleScannedWorkload(workload, findings, getProfile(), emptyInventory());
}

export function scanResult(workloads: ScannedWorkload[], overrides: Partial<ScanResult> = {}): ScanResult {
  return {
    catalogVersion: "1",
    scoreFormula: "v1",
    target: "kata-qemu-runtime-rs",
    cluster: "local",
    summary: summarizeWorkloads(workloads),
    workloads,
    inventoryFindings: [],
    inventory: emptyInventory(),
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
