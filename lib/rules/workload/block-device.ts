import type { Finding, WorkloadRule } from "../types";
import { describeHostPathVolume, hostPathVolumesOf } from "../hostpath";
import { asArray, asString, containersOf, finding, isObject } from "../walk";

export const blockDevice: WorkloadRule = {
  id: "block-device",
  scope: "workload",
  since: "1.0",
  title: "Block device",
  severity: "info",
  remedy: null,
  appliesTo: ["kubernetes"],
  summary: "The pod uses a raw block device (`hostPath.type: BlockDevice` or `volumeDevices` of a block-mode PVC).",
  why: [
    "Block devices are supported: Kata hotplugs the device into the VM and hands it to the container directly.",
    "This finding is informational: it marks workloads whose storage path changes (the device goes through the hypervisor, so throughput and latency can differ from runc), and which need a hypervisor with block hotplug.",
  ].join("\n"),
  remediation: [
    "- Nothing is required. Benchmark I/O-sensitive workloads on Kata before moving them.",
    "- Prefer a PersistentVolumeClaim with `volumeMode: Block` over a hostPath device: it is portable between nodes.",
  ].join("\n"),
  references: [
    {
      title: "Kata Limitations: Mounting host block devices",
      url: "https://github.com/kata-containers/kata-containers/blob/main/docs/Limitations.md",
    },
    {
      title: "How to run Kata Containers with kinds of block volumes",
      url: "https://github.com/kata-containers/kata-containers/blob/main/docs/how-to/how-to-run-kata-containers-with-kinds-of-Block-Volumes.md",
    },
  ],
  check(workload) {
    const out: Finding[] = [];
    for (const pod of workload.pods) {
      for (const v of hostPathVolumesOf(pod)) {
        if (v.class.kind !== "block-device") continue;
        out.push(finding(blockDevice, { container: null, path: v.fieldPath, message: describeHostPathVolume(v) }));
      }
      for (const c of containersOf(pod)) {
        const devices = asArray(c.container.volumeDevices);
        for (let i = 0; i < devices.length; i++) {
          const d = devices[i];
          if (!isObject(d)) continue;
          const name = asString(d.name) ?? "";
          const devicePath = asString(d.devicePath) ?? "";
          out.push(
            finding(blockDevice, {
              container: c.name,
              path: `${c.path}.volumeDevices[${i}]`,
              message: `volumeDevices "${name}" at ${devicePath}`,
            }),
          );
        }
      }
    }
    return out;
  },
};
