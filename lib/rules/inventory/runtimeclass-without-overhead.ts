import { findProfile } from "../../scoring/profiles";
import { isKataRuntimeClass } from "../../domain";
import type { InventoryRule } from "../types";

export const runtimeclassWithoutOverhead: InventoryRule = {
  id: "runtimeclass-without-overhead",
  scope: "inventory",
  since: "1.0",
  title: "Kata RuntimeClass without pod overhead",
  severity: "warning",
  remedy: "platform",
  summary: "A Kata RuntimeClass without `overhead.podFixed`, so the scheduler does not account for the VM's own memory and CPU.",
  why: `Every Kata pod pays for its VM: the guest kernel and agent, the VMM, virtiofsd and the shim. \`overhead.podFixed\` tells the scheduler and kubelet about that cost. Without it nodes are overpacked, and where the VMM runs inside the pod cgroup (\`sandbox_cgroup_only\`, the runtime-rs default) a pod with a small memory limit can get its VMM OOM-killed by the host, taking down the whole pod. kata-deploy sets 320Mi / 250m for QEMU, 130Mi for Cloud Hypervisor, Dragonball and Firecracker, and up to 2 GiB for confidential classes.`,
  remediation: `Add the overhead to the RuntimeClass (values from kata-deploy; measure and tune for your nodes):

\`\`\`yaml
apiVersion: node.k8s.io/v1
kind: RuntimeClass
metadata:
  name: kata-qemu-runtime-rs
handler: kata-qemu-runtime-rs
overhead:
  podFixed:
    memory: 320Mi
    cpu: 250m
\`\`\``,
  references: [
    {
      title: "Kata: sizing the sandbox overhead with runtime-rs",
      url: "https://github.com/kata-containers/kata-containers/blob/main/docs/how-to/how-to-size-sandbox-overhead-runtime-rs.md",
    },
    { title: "Kata design: host cgroups", url: "https://github.com/kata-containers/kata-containers/blob/main/docs/design/host-cgroups.md" },
    {
      title: "kata-deploy RuntimeClasses (Helm chart)",
      url: "https://github.com/kata-containers/kata-containers/blob/main/tools/packaging/kata-deploy/helm-chart/kata-deploy/templates/runtimeclasses.yaml",
    },
  ],
  check(inventory) {
    return inventory.runtimeClasses
      .filter((rc) => isKataRuntimeClass(rc.handler) && (!rc.overhead || Object.keys(rc.overhead).length === 0))
      .map((rc) => {
        const profile = findProfile(rc.handler);
        const hint = profile ? ` (kata-deploy uses ${profile.podOverhead.memoryMiB}Mi / ${profile.podOverhead.milliCpu}m)` : "";
        return {
          ruleId: runtimeclassWithoutOverhead.id,
          severity: runtimeclassWithoutOverhead.severity,
          remedy: runtimeclassWithoutOverhead.remedy,
          container: null,
          path: "overhead.podFixed",
          message: `RuntimeClass ${rc.name} (handler ${rc.handler}) has no overhead.podFixed${hint}`,
          source: rc.source,
        };
      });
  },
};
