// Target profiles: the Kata configuration a team migrates to (shared/spec/kata-rules.md, "Target profiles").

export type ProfileId =
  | "kata-qemu-runtime-rs"
  | "kata-qemu"
  | "kata-clh"
  | "kata-dragonball"
  | "kata-fc"
  | "kata-qemu-coco-dev"
  | "kata-qemu-snp"
  | "kata-qemu-tdx"
  | "kata-qemu-se"
  | "kata-qemu-nvidia-gpu";

export interface TargetProfile {
  id: ProfileId;
  title: string;
  runtime: "rust" | "go";
  sharedFs: "virtio-fs" | "none";
  /** Go runtime hotplugs CPU/memory (dynamic sizing); runtime-rs sizes the VM statically. */
  hotplug: boolean;
  gpuPassthrough: boolean;
  docker: "yes" | "untested" | "no";
  /** Trusted execution environment (confidential) profile. */
  tee: boolean;
  /** RuntimeClass overhead.podFixed the scheduler accounts per pod. */
  podOverhead: { memoryMiB: number; milliCpu: number };
  vmDefault: { vcpus: number; memoryMiB: number };
  /** Extra the runtime-rs shim adds to a statically sized VM; null on the Go runtime. */
  runtimeRsOverhead: { vcpus: number; memoryMiB: number } | null;
}

const GO_DEFAULT_VM = { vcpus: 1, memoryMiB: 2048 };
const RS_OVERHEAD = { vcpus: 0.2, memoryMiB: 32 };

function tee(id: ProfileId, title: string, podOverhead: TargetProfile["podOverhead"]): TargetProfile {
  return {
    id,
    title,
    runtime: "go",
    sharedFs: "none",
    hotplug: false,
    gpuPassthrough: false,
    docker: "no",
    tee: true,
    podOverhead,
    vmDefault: GO_DEFAULT_VM,
    runtimeRsOverhead: null,
  };
}

// TEE overheads are the kata-deploy 4.1 RuntimeClass values (evidence 3.4).
export const PROFILES: readonly TargetProfile[] = [
  {
    id: "kata-qemu-runtime-rs",
    title: "QEMU, runtime-rs (Kata 4 default)",
    runtime: "rust",
    sharedFs: "virtio-fs",
    hotplug: false,
    gpuPassthrough: false,
    docker: "yes",
    tee: false,
    podOverhead: { memoryMiB: 320, milliCpu: 250 },
    vmDefault: GO_DEFAULT_VM,
    runtimeRsOverhead: RS_OVERHEAD,
  },
  {
    id: "kata-qemu",
    title: "QEMU, Go runtime",
    runtime: "go",
    sharedFs: "virtio-fs",
    hotplug: true,
    gpuPassthrough: false,
    docker: "yes",
    tee: false,
    podOverhead: { memoryMiB: 320, milliCpu: 250 },
    vmDefault: GO_DEFAULT_VM,
    runtimeRsOverhead: null,
  },
  {
    id: "kata-clh",
    title: "Cloud Hypervisor, Go runtime",
    runtime: "go",
    sharedFs: "virtio-fs",
    hotplug: true,
    gpuPassthrough: false,
    docker: "untested",
    tee: false,
    podOverhead: { memoryMiB: 130, milliCpu: 250 },
    vmDefault: GO_DEFAULT_VM,
    runtimeRsOverhead: null,
  },
  {
    id: "kata-dragonball",
    title: "Dragonball, runtime-rs",
    runtime: "rust",
    sharedFs: "virtio-fs",
    hotplug: false,
    gpuPassthrough: false,
    docker: "untested",
    tee: false,
    podOverhead: { memoryMiB: 130, milliCpu: 250 },
    vmDefault: GO_DEFAULT_VM,
    runtimeRsOverhead: RS_OVERHEAD,
  },
  {
    id: "kata-fc",
    title: "Firecracker, Go runtime",
    runtime: "go",
    sharedFs: "none",
    hotplug: false,
    gpuPassthrough: false,
    docker: "no",
    tee: false,
    podOverhead: { memoryMiB: 130, milliCpu: 250 },
    vmDefault: GO_DEFAULT_VM,
    runtimeRsOverhead: null,
  },
  tee("kata-qemu-coco-dev", "Confidential containers (development, no TEE)", { memoryMiB: 160, milliCpu: 250 }),
  tee("kata-qemu-snp", "AMD SEV-SNP", { memoryMiB: 2048, milliCpu: 1000 }),
  tee("kata-qemu-tdx", "Intel TDX", { memoryMiB: 2048, milliCpu: 1000 }),
  tee("kata-qemu-se", "IBM Secure Execution", { memoryMiB: 1024, milliCpu: 1000 }),
  {
    id: "kata-qemu-nvidia-gpu",
    title: "QEMU with NVIDIA GPU passthrough",
    runtime: "go",
    sharedFs: "virtio-fs",
    hotplug: false,
    gpuPassthrough: true,
    docker: "no",
    tee: false,
    podOverhead: { memoryMiB: 10240, milliCpu: 1000 },
    vmDefault: { vcpus: 1, memoryMiB: 8192 },
    runtimeRsOverhead: null,
  },
];

export const DEFAULT_PROFILE_ID: ProfileId = "kata-qemu-runtime-rs";

export function findProfile(id: string): TargetProfile | undefined {
  return PROFILES.find((p) => p.id === id);
}

export function getProfile(id: string = DEFAULT_PROFILE_ID): TargetProfile {
  const profile = findProfile(id);
  if (!profile) throw new Error(`unknown target profile "${id}" (one of: ${PROFILES.map((p) => p.id).join(", ")})`);
  return profile;
}
