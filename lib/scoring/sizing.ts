// VM size and scheduler cost of a workload under a target profile (shared/spec/kata-rules.md, "Sizing estimate").
import { parseQuantity } from "../inventory/quantity";
import type { InventoryContext, JsonObject, PodTemplateRef, RuntimeClassInfo, Workload } from "../inventory/types";
import type { TargetProfile } from "./profiles";

const MIB = 2 ** 20;

export interface Resources {
  memoryMiB: number;
  milliCpu: number;
}

export interface Sizing {
  /** vCPUs of the VM (fractional on runtime-rs, where the shim overhead is 0.2 vCPU). */
  vmVcpus: number;
  vmMemoryMiB: number;
  /** Per pod: the RuntimeClass `overhead.podFixed` the scheduler adds on top of requests. */
  overheadMemoryMiB: number;
  overheadMilliCpu: number;
  /** What the scheduler reserves for all replicas: (requests + overhead) x replicas. */
  schedulerMemoryMiB: number;
  schedulerMilliCpu: number;
  /** Per pod (or container), as Kubernetes computes effective values with init containers. */
  requests: Resources;
  limits: Resources;
  /** Pods the figures are multiplied by (per node for DaemonSets). */
  replicas: number;
  perNode: boolean;
  /** Where the overhead came from: a RuntimeClass name in the inventory, or "profile". */
  overheadSource: string;
  notes: string[];
}

interface ContainerResources {
  limits: Resources & { hugepagesMiB: number };
  requests: Resources;
  hasMemoryLimit: boolean;
  hasCpuLimit: boolean;
}

const EMPTY: ContainerResources = {
  limits: { memoryMiB: 0, milliCpu: 0, hugepagesMiB: 0 },
  requests: { memoryMiB: 0, milliCpu: 0 },
  hasMemoryLimit: false,
  hasCpuLimit: false,
};

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function asNumber(value: unknown): number {
  return typeof value === "number" && Number.isFinite(value) ? value : 0;
}

function add(a: ContainerResources, b: ContainerResources): ContainerResources {
  return {
    limits: {
      memoryMiB: a.limits.memoryMiB + b.limits.memoryMiB,
      milliCpu: a.limits.milliCpu + b.limits.milliCpu,
      hugepagesMiB: a.limits.hugepagesMiB + b.limits.hugepagesMiB,
    },
    requests: { memoryMiB: a.requests.memoryMiB + b.requests.memoryMiB, milliCpu: a.requests.milliCpu + b.requests.milliCpu },
    hasMemoryLimit: a.hasMemoryLimit || b.hasMemoryLimit,
    hasCpuLimit: a.hasCpuLimit || b.hasCpuLimit,
  };
}

/** Field-wise maximum: Kubernetes' effective pod resources with init containers. */
function max(a: ContainerResources, b: ContainerResources): ContainerResources {
  return {
    limits: {
      memoryMiB: Math.max(a.limits.memoryMiB, b.limits.memoryMiB),
      milliCpu: Math.max(a.limits.milliCpu, b.limits.milliCpu),
      hugepagesMiB: Math.max(a.limits.hugepagesMiB, b.limits.hugepagesMiB),
    },
    requests: {
      memoryMiB: Math.max(a.requests.memoryMiB, b.requests.memoryMiB),
      milliCpu: Math.max(a.requests.milliCpu, b.requests.milliCpu),
    },
    hasMemoryLimit: a.hasMemoryLimit || b.hasMemoryLimit,
    hasCpuLimit: a.hasCpuLimit || b.hasCpuLimit,
  };
}

function quantity(map: JsonObject, key: string): number | undefined {
  const value = parseQuantity(map[key]);
  return value !== undefined && value > 0 ? value : undefined;
}

function k8sContainerResources(container: JsonObject): ContainerResources {
  const resources = isObject(container.resources) ? container.resources : {};
  const limits = isObject(resources.limits) ? resources.limits : {};
  const requests = isObject(resources.requests) ? resources.requests : {};
  const memoryLimit = quantity(limits, "memory");
  const cpuLimit = quantity(limits, "cpu");
  let hugepages = 0;
  for (const key of Object.keys(limits)) if (key.startsWith("hugepages-")) hugepages += quantity(limits, key) ?? 0;
  // Kubernetes defaults a missing request to the limit.
  const memoryRequest = quantity(requests, "memory") ?? memoryLimit ?? 0;
  const cpuRequest = quantity(requests, "cpu") ?? cpuLimit ?? 0;
  return {
    limits: { memoryMiB: (memoryLimit ?? 0) / MIB, milliCpu: (cpuLimit ?? 0) * 1000, hugepagesMiB: hugepages / MIB },
    requests: { memoryMiB: memoryRequest / MIB, milliCpu: cpuRequest * 1000 },
    hasMemoryLimit: memoryLimit !== undefined,
    hasCpuLimit: cpuLimit !== undefined,
  };
}

function objectsOf(value: unknown): JsonObject[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

/**
 * Effective pod resources: max(regular containers + sidecars, each init container + the sidecars
 * started before it). Sidecars are init containers with `restartPolicy: Always`.
 */
function podResources(pod: PodTemplateRef): ContainerResources {
  let sidecars = EMPTY;
  let init = EMPTY;
  for (const container of objectsOf(pod.spec.initContainers)) {
    const resources = k8sContainerResources(container);
    if (container.restartPolicy === "Always") sidecars = add(sidecars, resources);
    else init = max(init, add(sidecars, resources));
  }
  const regular = objectsOf(pod.spec.containers).map(k8sContainerResources).reduce(add, EMPTY);
  return max(init, add(regular, sidecars));
}

function dockerResources(object: JsonObject): ContainerResources {
  const host = isObject(object.HostConfig) ? object.HostConfig : {};
  const memory = asNumber(host.Memory);
  const nanoCpus = asNumber(host.NanoCpus);
  const quota = asNumber(host.CpuQuota);
  const period = asNumber(host.CpuPeriod) || 100_000;
  const cpu = nanoCpus > 0 ? nanoCpus / 1e9 : quota > 0 ? quota / period : 0;
  const reservation = asNumber(host.MemoryReservation);
  return {
    limits: { memoryMiB: memory / MIB, milliCpu: cpu * 1000, hugepagesMiB: 0 },
    requests: { memoryMiB: (reservation || memory) / MIB, milliCpu: cpu * 1000 },
    hasMemoryLimit: memory > 0,
    hasCpuLimit: cpu > 0,
  };
}

/** Compose byte values: "512m", "1g", 1048576, "1.5gb" (1024-based). */
function composeBytes(value: unknown): number {
  if (typeof value === "number") return Number.isFinite(value) ? value : 0;
  if (typeof value !== "string") return 0;
  const match = /^\s*(\d+(?:\.\d+)?)\s*([bkmgt]?)b?\s*$/i.exec(value);
  if (!match) return 0;
  const power = { "": 0, b: 0, k: 1, m: 2, g: 3, t: 4 }[match[2].toLowerCase() as "" | "b" | "k" | "m" | "g" | "t"];
  return Number(match[1]) * 1024 ** power;
}

function composeCpus(value: unknown): number {
  const cpus = typeof value === "string" ? Number(value) : value;
  return typeof cpus === "number" && Number.isFinite(cpus) && cpus > 0 ? cpus : 0;
}

function composeResources(service: JsonObject): ContainerResources {
  const deploy = isObject(service.deploy) ? service.deploy : {};
  const resources = isObject(deploy.resources) ? deploy.resources : {};
  const limits = isObject(resources.limits) ? resources.limits : {};
  const reservations = isObject(resources.reservations) ? resources.reservations : {};
  const memory = composeBytes(limits.memory) || composeBytes(service.mem_limit);
  const cpu = composeCpus(limits.cpus) || composeCpus(service.cpus);
  const memoryRequest = composeBytes(reservations.memory) || composeBytes(service.mem_reservation) || memory;
  const cpuRequest = composeCpus(reservations.cpus) || cpu;
  return {
    limits: { memoryMiB: memory / MIB, milliCpu: cpu * 1000, hugepagesMiB: 0 },
    requests: { memoryMiB: memoryRequest / MIB, milliCpu: cpuRequest * 1000 },
    hasMemoryLimit: memory > 0,
    hasCpuLimit: cpu > 0,
  };
}

function workloadResources(workload: Workload, notes: string[]): ContainerResources {
  if (workload.platform === "docker") return dockerResources(workload.object);
  if (workload.platform === "compose") return composeResources(workload.object);
  const [pod, ...drifted] = workload.pods;
  if (!pod) return EMPTY;
  if (drifted.length > 0) notes.push(`Sized from the first of ${workload.pods.length} distinct pod specs.`);
  return podResources(pod);
}

function runtimeClassNameOf(workload: Workload): string | undefined {
  const name = workload.pods[0]?.spec.runtimeClassName;
  return typeof name === "string" ? name : undefined;
}

/** A RuntimeClass by name, else by handler (kata-deploy names them after their handler). */
function findRuntimeClass(inventory: InventoryContext, name: string): RuntimeClassInfo | undefined {
  for (const rc of inventory.runtimeClasses) if (rc.name === name) return rc;
  for (const rc of inventory.runtimeClasses) if (rc.handler === name) return rc;
  return undefined;
}

/** overhead.podFixed of the RuntimeClass the workload will use, else the profile's estimate. */
function podOverhead(workload: Workload, profile: TargetProfile, inventory: InventoryContext): { overhead: Resources; source: string } {
  const own = runtimeClassNameOf(workload);
  for (const name of own?.startsWith("kata") ? [own, profile.id] : [profile.id]) {
    const runtimeClass = inventory.runtimeClasses.length > 0 ? findRuntimeClass(inventory, name) : undefined;
    if (!runtimeClass?.overhead) continue;
    const memory = parseQuantity(runtimeClass.overhead.memory) ?? 0;
    const cpu = parseQuantity(runtimeClass.overhead.cpu) ?? 0;
    return { overhead: { memoryMiB: memory / MIB, milliCpu: cpu * 1000 }, source: runtimeClass.name };
  }
  return { overhead: { memoryMiB: profile.podOverhead.memoryMiB, milliCpu: profile.podOverhead.milliCpu }, source: "profile" };
}

function vmSize(resources: ContainerResources, profile: TargetProfile, notes: string[]): { vcpus: number; memoryMiB: number } {
  const { limits } = resources;
  const rs = profile.runtimeRsOverhead;
  if (!rs) {
    // Go runtime: the VM boots with the defaults and limits are added on top (hotplugged or, on
    // static profiles, added at boot). Hugepages are backed by guest memory.
    if (!resources.hasCpuLimit) notes.push(`No CPU limit: containers share the default ${profile.vmDefault.vcpus} vCPU.`);
    if (!resources.hasMemoryLimit) notes.push(`No memory limit: containers share the default ${profile.vmDefault.memoryMiB} MiB.`);
    return {
      vcpus: profile.vmDefault.vcpus + Math.ceil(limits.milliCpu / 1000),
      memoryMiB: profile.vmDefault.memoryMiB + limits.memoryMiB + limits.hugepagesMiB,
    };
  }
  // runtime-rs sizes the VM once from the limits; with no limit at all it falls back to the defaults.
  let vcpus = profile.vmDefault.vcpus;
  let memoryMiB = profile.vmDefault.memoryMiB;
  if (resources.hasCpuLimit) vcpus = Math.ceil(limits.milliCpu / 1000) + rs.vcpus;
  else notes.push(`No CPU limit: the VM gets the default ${profile.vmDefault.vcpus} vCPU.`);
  if (resources.hasMemoryLimit) memoryMiB = limits.memoryMiB + rs.memoryMiB;
  else if (resources.hasCpuLimit) {
    memoryMiB = rs.memoryMiB;
    notes.push(`CPU limit without a memory limit: the VM gets only ${rs.memoryMiB} MiB.`);
  } else notes.push(`No memory limit: the VM gets the default ${profile.vmDefault.memoryMiB} MiB.`);
  return { vcpus, memoryMiB };
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

export function estimateSizing(workload: Workload, profile: TargetProfile, inventory: InventoryContext): Sizing {
  const notes: string[] = [];
  const resources = workloadResources(workload, notes);
  const vm = vmSize(resources, profile, notes);
  const { overhead, source } = podOverhead(workload, profile, inventory);

  let replicas = workload.replicas ?? 1;
  if (workload.perNode) {
    replicas = 1;
    notes.push("DaemonSet: one pod per node; scheduler figures are per node.");
  } else if (workload.replicas === null) {
    notes.push("Replica count unknown: figures assume 1.");
  }
  if (workload.platform !== "kubernetes") notes.push("No Kubernetes scheduler: overhead is the host memory/CPU each VM adds.");

  return {
    vmVcpus: round2(vm.vcpus),
    vmMemoryMiB: Math.ceil(vm.memoryMiB),
    overheadMemoryMiB: Math.ceil(overhead.memoryMiB),
    overheadMilliCpu: Math.ceil(overhead.milliCpu),
    schedulerMemoryMiB: Math.ceil((resources.requests.memoryMiB + overhead.memoryMiB) * replicas),
    schedulerMilliCpu: Math.ceil((resources.requests.milliCpu + overhead.milliCpu) * replicas),
    requests: { memoryMiB: Math.ceil(resources.requests.memoryMiB), milliCpu: Math.ceil(resources.requests.milliCpu) },
    limits: { memoryMiB: Math.ceil(resources.limits.memoryMiB), milliCpu: Math.ceil(resources.limits.milliCpu) },
    replicas,
    perNode: workload.perNode,
    overheadSource: source,
    notes,
  };
}

export interface SizingSummary {
  workloads: number;
  /** Pods counted (replicas summed; DaemonSets once, see perNodeWorkloads). */
  pods: number;
  perNodeWorkloads: number;
  /** Overhead the scheduler adds for all those pods. */
  overheadMemoryMiB: number;
  overheadMilliCpu: number;
  schedulerMemoryMiB: number;
  schedulerMilliCpu: number;
  /** Memory and vCPUs of all VMs (each pod is one VM). */
  vmMemoryMiB: number;
  vmVcpus: number;
}

export function summarizeSizing(sizings: readonly Sizing[]): SizingSummary {
  const summary: SizingSummary = {
    workloads: sizings.length,
    pods: 0,
    perNodeWorkloads: 0,
    overheadMemoryMiB: 0,
    overheadMilliCpu: 0,
    schedulerMemoryMiB: 0,
    schedulerMilliCpu: 0,
    vmMemoryMiB: 0,
    vmVcpus: 0,
  };
  for (const sizing of sizings) {
    summary.pods += sizing.replicas;
    if (sizing.perNode) summary.perNodeWorkloads++;
    summary.overheadMemoryMiB += sizing.overheadMemoryMiB * sizing.replicas;
    summary.overheadMilliCpu += sizing.overheadMilliCpu * sizing.replicas;
    summary.schedulerMemoryMiB += sizing.schedulerMemoryMiB;
    summary.schedulerMilliCpu += sizing.schedulerMilliCpu;
    summary.vmMemoryMiB += sizing.vmMemoryMiB * sizing.replicas;
    summary.vmVcpus += sizing.vmVcpus * sizing.replicas;
  }
  summary.vmVcpus = round2(summary.vmVcpus);
  return summary;
}

function formatGiB(mib: number): string {
  return `${(mib / 1024).toFixed(mib >= 10 * 1024 ? 0 : 1)} GiB`;
}

function formatCpu(milliCpu: number): string {
  return `${(milliCpu / 1000).toFixed(milliCpu >= 10_000 ? 0 : 1)} vCPU`;
}

/** "moving these 12 workloads (30 pods) costs 3.8 GiB / 7.5 vCPU of overhead". */
export function describeSizingSummary(summary: SizingSummary, label = "workloads"): string {
  const pods = summary.pods === summary.workloads ? "" : ` (${summary.pods} pods)`;
  const perNode = summary.perNodeWorkloads > 0 ? `; ${summary.perNodeWorkloads} DaemonSet(s) counted once, add them per node` : "";
  return (
    `moving ${summary.workloads === 1 ? "this" : "these"} ${summary.workloads} ${label}${pods} costs ${formatGiB(summary.overheadMemoryMiB)} / ` +
    `${formatCpu(summary.overheadMilliCpu)} of overhead${perNode}`
  );
}
