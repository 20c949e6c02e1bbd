import type { Finding, WorkloadRule } from "../types";
import { asArray, asString, containersOfWorkload, finding, isObject } from "../walk";

export const inPlaceResize: WorkloadRule = {
  id: "in-place-resize",
  scope: "workload",
  since: "1.0",
  title: "In-place resize (resizePolicy)",
  severity: "warning",
  remedy: "manifest",
  appliesTo: ["kubernetes"],
  summary:
    "A container with a `resizePolicy`, which expects CPU and memory to change while the pod runs; a Kata VM is not resized that way.",
  why: `Kubernetes in-place resize changes a running container's limits. A Kata pod's VM is sized at boot:

- runtime-rs (and the Go runtime for Firecracker, TEE, NVIDIA and arm64) uses static sizing and never resizes the VM after boot, so a larger limit gives no more vCPUs or memory.
- The Go runtime's dynamic mode can hot-add memory and vCPUs, but cannot hot-remove memory (except with virtio-mem): shrinking a limit frees nothing on the host.`,
  remediation: `- Size the limits for the expected peak when the pod is created; that is what sizes the VM.
- Change resources by rolling out new pods (edit the Deployment's limits) instead of resizing running ones, and drop \`resizePolicy\` so nobody expects in-place changes.
- With the Vertical Pod Autoscaler, use \`updateMode: Recreate\` rather than an in-place mode for workloads on Kata:

\`\`\`yaml
spec:
  updatePolicy:
    updateMode: Recreate
\`\`\``,
  references: [
    {
      title: "Kata design: vCPU handling (runtime-rs)",
      url: "https://github.com/kata-containers/kata-containers/blob/main/docs/design/vcpu-handling-runtime-rs.md",
    },
    {
      title: "Kata design: vCPU handling (Go runtime)",
      url: "https://github.com/kata-containers/kata-containers/blob/main/docs/design/vcpu-handling-runtime-go.md",
    },
    { title: "Kata limitations", url: "https://github.com/kata-containers/kata-containers/blob/main/docs/Limitations.md" },
  ],
  check(workload) {
    const out: Finding[] = [];
    for (const container of containersOfWorkload(workload)) {
      // resizePolicy applies to containers and init containers, not to ephemeral ones.
      if (container.kind === "ephemeralContainers") continue;
      const policy = asArray(container.container.resizePolicy);
      if (policy.length === 0) continue;
      const items = policy
        .filter(isObject)
        .map((p) => `${asString(p.resourceName) ?? "?"}:${asString(p.restartPolicy) ?? "NotRequired"}`)
        .join(", ");
      out.push(
        finding(inPlaceResize, {
          container: container.name,
          path: `${container.path}.resizePolicy`,
          message: `resizePolicy (${items}) on ${container.name}: the Kata VM is not resized in place`,
        }),
      );
    }
    return out;
  },
};
