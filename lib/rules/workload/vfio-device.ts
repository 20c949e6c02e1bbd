import type { Finding, WorkloadRule } from "../types";
import { describeHostPathVolume, engineDevicesOf, hostBindsOf, hostPathVolumesOf, isAtOrUnder, normalizeHostPath } from "../hostpath";
import { finding } from "../walk";

export const vfioDevice: WorkloadRule = {
  id: "vfio-device",
  scope: "workload",
  since: "1.0",
  title: "VFIO device passthrough",
  severity: "warning",
  remedy: "platform",
  appliesTo: ["kubernetes", "docker", "compose"],
  summary: "The workload uses a VFIO device (`/dev/vfio/...` as a hostPath, device or bind mount).",
  why: [
    "VFIO is the one way a host PCI device reaches a Kata container: the device is passed through to the VM whole.",
    "It works only when the platform is prepared for it: an IOMMU enabled on the node (`intel_iommu=on` or the AMD equivalent), the device bound to `vfio-pci`, and a hypervisor that supports passthrough (QEMU, Cloud Hypervisor, Dragonball; not Firecracker).",
    "The device also leaves the host for the VM's lifetime, and the VM must be sized for it (large-BAR devices need more guest memory).",
  ].join("\n"),
  remediation: [
    "- Enable the IOMMU and VFIO on the nodes that will run the workload, and bind the device to `vfio-pci`.",
    "- Use a RuntimeClass whose hypervisor supports VFIO passthrough (not `kata-fc`), and schedule the pod onto prepared nodes with a `nodeSelector`.",
    "- Prefer a device plugin that hands out VFIO devices over a raw hostPath of `/dev/vfio`.",
  ].join("\n"),
  references: [
    {
      title: "Kata hypervisor capability matrix",
      url: "https://github.com/kata-containers/kata-containers/blob/main/docs/design/virtualization.md",
    },
    {
      title: "NVIDIA GPU passthrough with Kata (host VFIO setup)",
      url: "https://github.com/kata-containers/kata-containers/blob/main/docs/use-cases/NVIDIA-GPU-passthrough-and-Kata.md",
    },
  ],
  check(workload) {
    const out: Finding[] = [];
    if (workload.platform === "kubernetes") {
      for (const pod of workload.pods) {
        for (const v of hostPathVolumesOf(pod)) {
          if (v.class.kind !== "vfio") continue;
          out.push(finding(vfioDevice, { container: null, path: v.fieldPath, message: describeHostPathVolume(v) }));
        }
      }
      return out;
    }
    for (const d of engineDevicesOf(workload)) {
      if (!isAtOrUnder(normalizeHostPath(d.source), "/dev/vfio")) continue;
      out.push(finding(vfioDevice, { container: null, path: d.path, message: `device "${d.source}"` }));
    }
    for (const { mount, class: cls } of hostBindsOf(workload)) {
      if (cls.kind !== "vfio") continue;
      out.push(
        finding(vfioDevice, {
          container: null,
          path: mount.sourcePath,
          message: `bind mount of host "${mount.source}" at ${mount.destination}`,
        }),
      );
    }
    return out;
  },
};
