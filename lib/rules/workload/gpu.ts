import type { Finding, WorkloadRule } from "../types";
import type { TargetProfile } from "../../scoring/profiles";
import { limitEntries, limitPath } from "../resources";
import { asArray, asString, finding, hostConfigOf, isObject, join } from "../walk";

/** True when `gpu` reports the extended resource `name` under `profile`. */
export function isGpuResource(name: string, profile: TargetProfile): boolean {
  if (name === "nvidia.com/gpu" || name === "amd.com/gpu" || name.startsWith("gpu.intel.com/")) return true;
  // MIG slices and time-shared GPUs (catalog 1.2): Kata passes whole GPUs only.
  if (name.startsWith("nvidia.com/mig-") || name === "nvidia.com/gpu.shared") return true;
  return name === "nvidia.com/pgpu" && !profile.gpuPassthrough;
}

/** A resource quantity of zero asks for nothing. */
export function isZeroQuantity(value: unknown): boolean {
  return value === 0 || value === "0";
}

function describe(value: unknown): string {
  return typeof value === "string" || typeof value === "number" ? String(value) : "?";
}

export const gpu: WorkloadRule = {
  id: "gpu",
  scope: "workload",
  since: "1.0",
  title: "GPU through the standard device plugin or container toolkit",
  severity: "blocker",
  remedy: "platform",
  appliesTo: ["kubernetes", "docker", "compose"],
  summary:
    "The workload asks for a GPU the runc way (`nvidia.com/gpu`, a MIG slice `nvidia.com/mig-*`, a time-shared `nvidia.com/gpu.shared`, `amd.com/gpu`, `gpu.intel.com/*`, `--gpus`, the `nvidia` runtime, a Compose GPU reservation).",
  why: [
    "The standard GPU device plugins and the NVIDIA container toolkit hand the container host character devices (`/dev/nvidia*`) and run OCI hooks on the host. Neither works in a Kata VM:",
    "",
    "- non-VFIO character devices are not passed into the guest (see `host-devices`);",
    "- Kata drops host-side OCI hooks from the spec it sends to the guest, so the toolkit's setup never happens inside the VM.",
    "",
    "Kata's GPU path is whole-GPU **VFIO passthrough**, with QEMU only, through the `kata-qemu-nvidia-gpu` RuntimeClasses and the `nvidia.com/pgpu` resource of NVIDIA's sandbox device plugin. On any other setup expect the container to start with no usable GPU.",
    "",
    "Passthrough hands the VM a whole GPU, cold-plugged at boot: MIG slices (`nvidia.com/mig-1g.5gb` and the like) and time-shared GPUs (`nvidia.com/gpu.shared`) are not offered to Kata pods.",
  ].join("\n"),
  remediation: [
    "- Move GPU workloads to the NVIDIA GPU profile: `runtimeClassName: kata-qemu-nvidia-gpu` (or the `-snp` / `-tdx` variant) and request a passthrough GPU with enough memory for the VM:",
    "",
    "```yaml",
    "spec:",
    "  runtimeClassName: kata-qemu-nvidia-gpu",
    "  containers:",
    "    - name: cuda",
    "      resources:",
    "        limits:",
    "          nvidia.com/pgpu: 1",
    "          memory: 16Gi",
    "```",
    "",
    "- Prepare those nodes: IOMMU (`intel_iommu=on`), VFIO, the GPU Operator in vm-passthrough mode (`nvidia.com/gpu.workload.config=vm-passthrough`), and on Kubernetes older than 1.34 the `KubeletPodResourcesGet` feature gate.",
    "- Or keep GPU workloads on runc.",
  ].join("\n"),
  references: [
    {
      title: "NVIDIA GPU passthrough and Kata (QEMU)",
      url: "https://github.com/kata-containers/kata-containers/blob/main/docs/use-cases/NVIDIA-GPU-passthrough-and-Kata-QEMU.md",
    },
    {
      title: "NVIDIA GPU passthrough and Kata (host setup)",
      url: "https://github.com/kata-containers/kata-containers/blob/main/docs/use-cases/NVIDIA-GPU-passthrough-and-Kata.md",
    },
    { title: "Kata hypervisors: GPU support", url: "https://github.com/kata-containers/kata-containers/blob/main/docs/hypervisors.md" },
  ],
  check(workload, context) {
    const out: Finding[] = [];
    if (workload.platform === "kubernetes") {
      for (const pod of workload.pods) {
        for (const limit of limitEntries(pod)) {
          if (!isGpuResource(limit.name, context.profile) || isZeroQuantity(limit.value)) continue;
          out.push(
            finding(gpu, {
              container: limit.resources.container.name,
              path: limitPath(limit.resources, limit.name),
              message: `limits ${limit.name}: ${describe(limit.value)}`,
            }),
          );
        }
      }
    } else if (workload.platform === "docker") {
      const hostConfig = hostConfigOf(workload.object);
      asArray(hostConfig.DeviceRequests).forEach((request, i) => {
        if (!isObject(request)) return;
        const driver = asString(request.Driver);
        out.push(
          finding(gpu, {
            container: null,
            path: `HostConfig.DeviceRequests[${i}]`,
            message: `device request${driver ? ` (driver ${driver})` : ""} (--gpus)`,
          }),
        );
      });
      if (asString(hostConfig.Runtime) === "nvidia") {
        out.push(finding(gpu, { container: null, path: "HostConfig.Runtime", message: 'Runtime "nvidia"' }));
      }
    } else {
      const service = workload.object;
      const deploy = isObject(service.deploy) ? service.deploy : {};
      const resources = isObject(deploy.resources) ? deploy.resources : {};
      const reservations = isObject(resources.reservations) ? resources.reservations : {};
      const base = `${join(workload.pathPrefix, "deploy.resources.reservations.devices")}`;
      asArray(reservations.devices).forEach((device, i) => {
        if (!isObject(device) || !asArray(device.capabilities).includes("gpu")) return;
        const driver = asString(device.driver);
        out.push(
          finding(gpu, { container: null, path: `${base}[${i}]`, message: `GPU device reservation${driver ? ` (driver ${driver})` : ""}` }),
        );
      });
      if (service.gpus !== undefined && service.gpus !== null) {
        out.push(
          finding(gpu, {
            container: null,
            path: join(workload.pathPrefix, "gpus"),
            message: `gpus: ${typeof service.gpus === "string" ? service.gpus : "[...]"}`,
          }),
        );
      }
      if (asString(service.runtime) === "nvidia") {
        out.push(finding(gpu, { container: null, path: join(workload.pathPrefix, "runtime"), message: "runtime: nvidia" }));
      }
    }
    return out;
  },
};
