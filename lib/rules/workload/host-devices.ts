import type { Finding, WorkloadRule } from "../types";
import { describeHostPathVolume, engineDevicesOf, hostBindsOf, hostPathVolumesOf, isAtOrUnder, normalizeHostPath } from "../hostpath";
import { asArray, finding, hostConfigOf, join, shortValue } from "../walk";

export const hostDevices: WorkloadRule = {
  id: "host-devices",
  scope: "workload",
  since: "1.0",
  title: "Host device",
  severity: "blocker",
  remedy: "keep-on-runc",
  appliesTo: ["kubernetes", "docker", "compose"],
  summary:
    "The workload mounts or requests a host character device (a hostPath under `/dev`, `--device`, `devices:`, device cgroup rules).",
  why: [
    "A Kata container lives in a VM, and only two kinds of host device can cross into it: VFIO devices (passed through whole, see `vfio-device`) and block devices (hotplugged, see `block-device`).",
    "",
    "- A hostPath under `/dev` that is not a regular file is bind-mounted by the agent from the **guest's** `/dev`: the container gets the VM's `/dev/kmsg`, `/dev/fuse` or `/dev/ttyS0`, not the node's.",
    "- Devices in the OCI spec (`docker run --device`, Compose `devices:`) that are neither VFIO nor block are logged as *not passed to the container* and simply missing.",
    "- The devices cgroup is dropped before the spec reaches the guest, so `--device-cgroup-rule` has no effect.",
    "",
    "Serial ports, USB, TPM, DRI, sound or non-VFIO GPU devices therefore do not reach the workload, usually without an error at start.",
  ].join("\n"),
  remediation: [
    "- Keep workloads that drive host hardware (serial, USB, TPM, sound, non-VFIO GPUs) on runc.",
    "- PCI devices: bind them to VFIO and pass them through with a Kata RuntimeClass that supports it (needs an IOMMU).",
    "- Raw disks: use a PersistentVolumeClaim with `volumeMode: Block`, or `hostPath.type: BlockDevice`; both are hotplugged into the VM:",
    "",
    "```yaml",
    "volumes:",
    "  - name: disk",
    "    hostPath:",
    "      path: /dev/sdb",
    "      type: BlockDevice",
    "```",
    "",
    "- If the container only needs a generic device the guest kernel provides (`/dev/fuse`, `/dev/net/tun`), test it on Kata: the guest's device may be enough.",
  ].join("\n"),
  references: [
    {
      title: "Kata Limitations: Kubernetes hostPath volumes (Mounting guest devices)",
      url: "https://github.com/kata-containers/kata-containers/blob/main/docs/Limitations.md",
    },
    {
      title: "Commit 5c21b1f: /dev hostPath volumes bind the guest device",
      url: "https://github.com/kata-containers/kata-containers/commit/5c21b1faf377085e9381ac0bb3b2c86288f329f7",
    },
    {
      title: "Device manager: createDevice (manager.go)",
      url: "https://github.com/kata-containers/kata-containers/blob/main/src/runtime/pkg/device/manager/manager.go",
    },
  ],
  check(workload) {
    const out: Finding[] = [];
    if (workload.platform === "kubernetes") {
      for (const pod of workload.pods) {
        for (const v of hostPathVolumesOf(pod)) {
          if (v.class.kind !== "device") continue;
          out.push(finding(hostDevices, { container: null, path: v.fieldPath, message: describeHostPathVolume(v) }));
        }
      }
      return out;
    }
    for (const d of engineDevicesOf(workload)) {
      if (isAtOrUnder(normalizeHostPath(d.source), "/dev/vfio")) continue;
      out.push(finding(hostDevices, { container: null, path: d.path, message: `device "${d.source}"` }));
    }
    const rules = workload.platform === "docker" ? hostConfigOf(workload.object).DeviceCgroupRules : workload.object.device_cgroup_rules;
    const ruleList = asArray(rules).filter((r): r is string => typeof r === "string");
    if (ruleList.length > 0) {
      const path = workload.platform === "docker" ? "HostConfig.DeviceCgroupRules" : join(workload.pathPrefix, "device_cgroup_rules");
      out.push(finding(hostDevices, { container: null, path, message: `device cgroup rules ${shortValue(ruleList.join(", "))}` }));
    }
    for (const { mount, class: cls } of hostBindsOf(workload)) {
      if (cls.kind !== "device") continue;
      out.push(
        finding(hostDevices, {
          container: null,
          path: mount.sourcePath,
          message: `bind mount of host "${mount.source}" at ${mount.destination}`,
        }),
      );
    }
    return out;
  },
};
