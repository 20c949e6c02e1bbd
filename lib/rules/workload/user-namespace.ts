import type { Finding, WorkloadRule } from "../types";
import { finding } from "../walk";

export const userNamespace: WorkloadRule = {
  id: "user-namespace",
  scope: "workload",
  since: "1.2",
  title: "User namespace (hostUsers: false)",
  severity: "blocker",
  remedy: "manifest",
  appliesTo: ["kubernetes"],
  summary: "The pod asks for its own user namespace (`hostUsers: false`), which Kata cannot set up.",
  why: [
    "With `hostUsers: false` the kubelet maps the pod's users to an unprivileged range on the host and the runtime mounts the pod's volumes with ID-mapped mounts, so files appear with the right owners inside the pod.",
    "",
    "Under Kata those volumes reach the guest over virtio-fs, where ID-mapped mounts are not available: the pod does not come up as it would on runc. The issue is open upstream and Kata's CI skips the Kubernetes user-namespace tests.",
    "",
    "A Kata pod is already isolated from the host by the VM, which is the protection user namespaces give runc pods.",
  ].join("\n"),
  remediation: [
    "- Under Kata, drop `hostUsers: false` (or set it to `true`): the VM boundary takes the place of the user namespace.",
    "- Keep the pod's non-root settings (`runAsNonRoot`, `runAsUser`) so the workload still runs unprivileged inside the VM.",
    "- If the workload must have a user namespace, keep it on runc.",
  ].join("\n"),
  references: [
    {
      title: "kata-containers#8170: user namespaces (idmapped mounts over virtio-fs)",
      url: "https://github.com/kata-containers/kata-containers/issues/8170",
    },
    { title: "Kubernetes: user namespaces", url: "https://kubernetes.io/docs/concepts/workloads/pods/user-namespaces/" },
  ],
  check(workload) {
    const out: Finding[] = [];
    for (const pod of workload.pods) {
      if (pod.spec.hostUsers !== false) continue;
      out.push(
        finding(userNamespace, {
          container: null,
          path: `${pod.path}.hostUsers`,
          message: "hostUsers: false (a user namespace for the pod)",
        }),
      );
    }
    return out;
  },
};
