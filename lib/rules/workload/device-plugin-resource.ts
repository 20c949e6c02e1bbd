import type { Finding, WorkloadRule } from "../types";
import { limitEntries, limitPath } from "../resources";
import { finding } from "../walk";
import { isGpuResource, isZeroQuantity } from "./gpu";

/** An extended resource served by a device plugin: `domain/name` outside the Kubernetes domains. */
export function isDevicePluginResource(name: string): boolean {
  const slash = name.indexOf("/");
  if (slash < 0) return false;
  const domain = name.slice(0, slash);
  return domain !== "kubernetes.io" && !domain.endsWith(".kubernetes.io");
}

export const devicePluginResource: WorkloadRule = {
  id: "device-plugin-resource",
  scope: "workload",
  since: "1.0",
  title: "Device-plugin resource",
  severity: "warning",
  remedy: "platform",
  appliesTo: ["kubernetes"],
  summary:
    "A container requests an extended resource from a device plugin (SR-IOV, SGX, DSA, FPGA, ...), which works under Kata only if the plugin hands out VFIO devices.",
  why: [
    "A device plugin answers an allocation with device nodes, mounts and environment variables for the container. Under Kata those land in the OCI spec of a VM:",
    "",
    "- VFIO devices are passed through to the guest and work;",
    "- block devices are hotplugged and work;",
    "- any other device node is logged as *not passed to the container* and is missing inside the VM; host mounts of sockets or device files suffer the same fate.",
    "",
    "Whether the workload works therefore depends on how the plugin is built, which the manifest cannot show. SR-IOV network plugins in VFIO mode work; SGX, smarter-devices, squat.ai or KubeVirt device plugins that hand out character devices do not.",
  ].join("\n"),
  remediation: [
    "- Check what the device plugin allocates. If it can hand out VFIO devices (for example the SR-IOV device plugin with `vfio-pci` drivers), configure it that way and enable the IOMMU on the nodes.",
    "- Otherwise keep the workload on runc.",
    "- Test the workload on a Kata node before migrating it: look inside the container for the device the application opens.",
  ].join("\n"),
  references: [
    {
      title: "Device manager: only VFIO and block devices are passed (manager.go)",
      url: "https://github.com/kata-containers/kata-containers/blob/main/src/runtime/pkg/device/manager/manager.go",
    },
    {
      title: "Kata hypervisor capability matrix (VFIO)",
      url: "https://github.com/kata-containers/kata-containers/blob/main/docs/design/virtualization.md",
    },
    { title: "Kata Limitations", url: "https://github.com/kata-containers/kata-containers/blob/main/docs/Limitations.md" },
  ],
  check(workload, context) {
    const out: Finding[] = [];
    for (const pod of workload.pods) {
      for (const limit of limitEntries(pod)) {
        const { name, value } = limit;
        // nvidia.com/pgpu is the supported VFIO path on the GPU profile; elsewhere gpu reports it.
        if (name === "nvidia.com/pgpu" || !isDevicePluginResource(name) || isGpuResource(name, context.profile)) continue;
        if (isZeroQuantity(value)) continue;
        out.push(
          finding(devicePluginResource, {
            container: limit.resources.container.name,
            path: limitPath(limit.resources, name),
            message: `limits ${name}: ${typeof value === "string" || typeof value === "number" ? value : "?"}`,
          }),
        );
      }
    }
    return out;
  },
};
