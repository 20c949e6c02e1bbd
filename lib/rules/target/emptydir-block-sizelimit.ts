import type { Finding, WorkloadRule } from "../types";
import { asString, finding, isObject, volumesOf } from "../walk";

export const emptydirBlockSizelimit: WorkloadRule = {
  id: "emptydir-block-sizelimit",
  scope: "workload",
  since: "1.0",
  title: "sizeLimit on a block-backed emptyDir",
  severity: "warning",
  remedy: "platform",
  appliesTo: ["kubernetes"],
  profiles: (profile) => profile.tee || profile.gpuPassthrough,
  summary: "On a confidential or NVIDIA profile, a disk emptyDir has a `sizeLimit` that block-backed emptyDir metadata can exceed.",
  why: [
    "Confidential and NVIDIA profiles back disk emptyDirs with a block device (`emptydir_mode = block-encrypted` or `block-plain`) instead of a shared directory.",
    "The sparse image behind it is sized to the whole host filesystem, and its ext4 metadata (about 0.08 % of that size) counts against the emptyDir's usage as kubelet measures it.",
    "With a small `sizeLimit` the pod can be **evicted** for exceeding it while the application has written almost nothing.",
  ].join("\n"),
  remediation: [
    "- Give `sizeLimit` headroom above 0.08 % of the filesystem that holds kubelet's volumes (on a 2 TiB disk that is about 1.7 GiB before any data):",
    "",
    "```yaml",
    "volumes:",
    "  - name: scratch",
    "    emptyDir:",
    "      sizeLimit: 4Gi   # was 500Mi",
    "```",
    "",
    "- Or put kubelet's volume directory on a smaller, dedicated filesystem on the Kata nodes.",
    "- Or drop `sizeLimit` and rely on the pod's ephemeral-storage limit.",
  ].join("\n"),
  references: [
    {
      title: "Kata Limitations: Block-backed Kubernetes emptyDir volumes",
      url: "https://github.com/kata-containers/kata-containers/blob/main/docs/Limitations.md",
    },
    { title: "kata-containers#2438: emptyDir sizeLimit", url: "https://github.com/kata-containers/kata-containers/issues/2438" },
  ],
  check(workload, context) {
    const out: Finding[] = [];
    for (const pod of workload.pods) {
      for (const v of volumesOf(pod)) {
        const emptyDir = v.volume.emptyDir;
        // Memory and HugePages media are not block-backed.
        if (!isObject(emptyDir) || asString(emptyDir.medium)) continue;
        const sizeLimit = emptyDir.sizeLimit;
        if (sizeLimit === undefined || sizeLimit === null || sizeLimit === "") continue;
        out.push(
          finding(emptydirBlockSizelimit, {
            container: null,
            path: `${v.path}.emptyDir.sizeLimit`,
            message: `emptyDir "${v.name}" sizeLimit ${String(sizeLimit)} is block-backed on ${context.profile.id}`,
          }),
        );
      }
    }
    return out;
  },
};
