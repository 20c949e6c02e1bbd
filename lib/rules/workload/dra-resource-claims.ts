import type { Finding, WorkloadRule } from "../types";
import { asArray, asString, containersOfWorkload, finding, isObject } from "../walk";

function claimNames(claims: unknown[]): string {
  return claims.map((c) => (isObject(c) ? (asString(c.name) ?? "?") : "?")).join(", ");
}

export const draResourceClaims: WorkloadRule = {
  id: "dra-resource-claims",
  scope: "workload",
  since: "1.2",
  title: "Dynamic Resource Allocation claims",
  severity: "blocker",
  remedy: "platform",
  appliesTo: ["kubernetes"],
  summary: "The pod requests devices through Dynamic Resource Allocation (`spec.resourceClaims`, a container's `resources.claims`).",
  why: [
    "With Dynamic Resource Allocation a DRA driver prepares a device on the host and the runtime injects it into the container (through CDI). That path is not supported under Kata today: Kata's CI skips the Kubernetes DRA tests, and Kata's GPU documentation covers only the device-plugin path (`nvidia.com/pgpu` through VFIO).",
    "",
    "Expect the pod not to get its device under Kata.",
  ].join("\n"),
  remediation: [
    "- For GPUs, use the device-plugin path Kata supports: the `kata-qemu-nvidia-gpu` RuntimeClass and `nvidia.com/pgpu` in the container's limits (see `gpu`).",
    "- For other DRA devices, keep the workload on runc until the driver supports VM runtimes.",
  ].join("\n"),
  references: [
    {
      title: "Kubernetes: Dynamic Resource Allocation",
      url: "https://kubernetes.io/docs/concepts/scheduling-eviction/dynamic-resource-allocation/",
    },
    {
      title: "NVIDIA GPU passthrough and Kata",
      url: "https://github.com/kata-containers/kata-containers/blob/main/docs/use-cases/NVIDIA-GPU-passthrough-and-Kata-QEMU.md",
    },
  ],
  check(workload) {
    const out: Finding[] = [];
    for (const pod of workload.pods) {
      const claims = asArray(pod.spec.resourceClaims);
      if (claims.length > 0) {
        out.push(
          finding(draResourceClaims, {
            container: null,
            path: `${pod.path}.resourceClaims`,
            message: `resourceClaims: ${claimNames(claims)}`,
          }),
        );
      }
    }
    for (const c of containersOfWorkload(workload)) {
      const resources = c.container.resources;
      const claims = isObject(resources) ? asArray(resources.claims) : [];
      if (claims.length === 0) continue;
      out.push(
        finding(draResourceClaims, {
          container: c.name,
          path: `${c.path}.resources.claims`,
          message: `resources.claims: ${claimNames(claims)} on ${c.name}`,
        }),
      );
    }
    return out;
  },
};
