// VM size and scheduler cost of a workload under a target profile (shared/spec/kata-rules.md, "Sizing estimate").
import { isKataRuntimeClass } from "../domain";
import { formatCount, formatGiB, formatVcpuTotal } from "../format";
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

/**
 * Resource figures of a container or a whole pod, flat so the per-workload sums below can add
 * into one object instead of allocating nested ones at every step.
 */
interface ResourceTotals {
  limitMemoryMiB: number;
  limitMilliCpu: number;
  limitHugepagesMiB: number;
  requestMemoryMiB: number;
  requestMilliCpu: number;
  hasMemoryLimit: boolean;
  hasCpuLimit: boolean;
}

function emptyTotals(): ResourceTotals {
  return {
    limitMemoryMiB: 0,
    limitMilliCpu: 0,
    limitHugepagesMiB: 0,
    requestMemoryMiB: 0,
    requestMilliCpu: 0,
    hasMemoryLimit: false,
    hasCpuLimit: false,
  };
}

function copyTotals(from: ResourceTotals): ResourceTotals {
  return { ...from };
}

/** `into += from`, field by field. */
function addInto(into: ResourceTotals, from: ResourceTotals): void {
  into.limitMemoryMiB += from.limitMemoryMiB;
  into.limitMilliCpu += from.limitMilliCpu;
  into.limitHugepagesMiB += from.limitHugepagesMiB;
  into.requestMemoryMiB += from.requestMemoryMiB;
  into.requestMilliCpu += from.requestMilliCpu;
  into.hasMemoryLimit = into.hasMemoryLimit || from.hasMemoryLimit;
  into.hasCpuLimit = into.hasCpuLimit || from.hasCpuLimit;
}

/** Field-wise maximum into `into`: Kubernetes' effective pod resources with init containers. */
function maxInto(into: ResourceTotals, from: ResourceTotals): void {
  into.limitMemoryMiB = Math.max(into.limitMemoryMiB, from.limitMemoryMiB);
  into.limitMilliCpu = Math.max(into.limitMilliCpu, from.limitMilliCpu);
  into.limitHugepagesMiB = Math.max(into.limitHugepagesMiB, from.limitHugepagesMiB);
  into.requestMemoryMiB = Math.max(into.requestMemoryMiB, from.requestMemoryMiB);
  into.requestMilliCpu = Math.max(into.requestMilliCpu, from.requestMilliCpu);
  into.hasMemoryLimit = into.hasMemoryLimit || from.hasMemoryLimit;
  into.hasCpuLimit = into.hasCpuLimit || from.hasCpuLimit;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function asNumber(value: unknown): number {
  return typeof value === "number" && Number.isFinite(value) ? value : 0;
}

function quantity(map: JsonObject, key: string): number | undefined {
  const value = parseQuantity(map[key]);
  return value !== undefined && value > 0 ? value : undefined;
}

function k8sContainerResources(container: JsonObject): ResourceTotals {
  const resources = isObject(container.resources) ? container.resources : {};
  const limits = isObject(resources.limits) ? resources.limits : {};
  const requests = isObject(resources.requests) ? resources.requests : {};
  const memoryLimit = quantity(limits, "memory");
  const cpuLimit = quantity(limits, "cpu");
  let hugepages = 0;
  for (const key in limits) if (key.startsWith("hugepages-")) hugepages += quantity(limits, key) ?? 0;
  // Kubernetes defaults a missing request to the limit.
  const memoryRequest = quantity(requests, "memory") ?? memoryLimit ?? 0;
  const cpuRequest = quantity(requests, "cpu") ?? cpuLimit ?? 0;
  return {
    limitMemoryMiB: (memoryLimit ?? 0) / MIB,
    limitMilliCpu: (cpuLimit ?? 0) * 1000,
    limitHugepagesMiB: hugepages / MIB,
    requestMemoryMiB: memoryRequest / MIB,
    requestMilliCpu: cpuRequest * 1000,
    hasMemoryLimit: memoryLimit !== undefined,
    hasCpuLimit: cpuLimit !== undefined,
  };
}

/**
 * Effective pod resources: max(regular containers + sidecars, each init container + the sidecars
 * started before it). Sidecars are init containers with `restartPolicy: Always`. Sums keep the
 * order of the containers (floating-point results depend on it).
 */
function podResources(pod: PodTemplateRef): ResourceTotals {
  const sidecars = emptyTotals();
  const init = emptyTotals();
  const initContainers = pod.spec.initContainers;
  if (Array.isArray(initContainers)) {
    for (let i = 0; i < initContainers.length; i++) {
      const container: unknown = initContainers[i];
      if (!isObject(container)) continue;
      const resources = k8sContainerResources(container);
      if (container.restartPolicy === "Always") {
        addInto(sidecars, resources);
      } else {
        const withSidecars = copyTotals(sidecars);
        addInto(withSidecars, resources);
        maxInto(init, withSidecars);
      }
    }
  }
  const regular = emptyTotals();
  const containers = pod.spec.containers;
  if (Array.isArray(containers)) {
    for (let i = 0; i < containers.length; i++) {
      const container: unknown = containers[i];
      if (isObject(container)) addInto(regular, k8sContainerResources(container));
    }
  }
  addInto(regular, sidecars);
  maxInto(init, regular);
  return init;
}

function dockerResources(object: JsonObject): ResourceTotals {
  const host = isObject(object.HostConfig) ? object.HostConfig : {};
  const memory = asNumber(host.Memory);
  const nanoCpus = asNumber(host.NanoCpus);
  const quota = asNumber(host.CpuQuota);
  const period = asNumber(host.CpuPeriod) || 100_000;
  const cpu = nanoCpus > 0 ? nanoCpus / 1e9 : quota > 0 ? quota / period : 0;
  const reservation = asNumber(host.MemoryReservation);
  return {
    limitMemoryMiB: memory / MIB,
    limitMilliCpu: cpu * 1000,
    limitHugepagesMiB: 0,
    requestMemoryMiB: (reservation || memory) / MIB,
    requestMilliCpu: cpu * 1000,
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

function composeResources(service: JsonObject): ResourceTotals {
  const deploy = isObject(service.deploy) ? service.deploy : {};
  const resources = isObject(deploy.resources) ? deploy.resources : {};
  const limits = isObject(resources.limits) ? resources.limits : {};
  const reservations = isObject(resources.reservations) ? resources.reservations : {};
  const memory = composeBytes(limits.memory) || composeBytes(service.mem_limit);
  const cpu = composeCpus(limits.cpus) || composeCpus(service.cpus);
  const memoryRequest = composeBytes(reservations.memory) || composeBytes(service.mem_reservation) || memory;
  const cpuRequest = composeCpus(reservations.cpus) || cpu;
  return {
    limitMemoryMiB: memory / MIB,
    limitMilliCpu: cpu * 1000,
    limitHugepagesMiB: 0,
    requestMemoryMiB: memoryRequest / MIB,
    requestMilliCpu: cpuRequest * 1000,
    hasMemoryLimit: memory > 0,
    hasCpuLimit: cpu > 0,
  };
}

function workloadResources(workload: Workload, notes: string[]): ResourceTotals {
  if (workload.platform === "docker") return dockerResources(workload.object);
  if (workload.platform === "compose") return composeResources(workload.object);
  const pods = workload.pods;
  if (pods.length === 0) return emptyTotals();
  if (pods.length > 1) notes.push(`Sized from the first of ${pods.length} distinct pod specs.`);
  return podResources(pods[0]);
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

interface Overhead {
  memoryMiB: number;
  milliCpu: number;
  /** A RuntimeClass name, or "profile". */
  source: string;
}

/** overhead.podFixed of the named RuntimeClass, when the inventory has one with an overhead. */
function runtimeClassOverhead(inventory: InventoryContext, name: string): Overhead | undefined {
  const runtimeClass = inventory.runtimeClasses.length > 0 ? findRuntimeClass(inventory, name) : undefined;
  if (!runtimeClass?.overhead) return undefined;
  const memory = parseQuantity(runtimeClass.overhead.memory) ?? 0;
  const cpu = parseQuantity(runtimeClass.overhead.cpu) ?? 0;
  return { memoryMiB: memory / MIB, milliCpu: cpu * 1000, source: runtimeClass.name };
}

/** overhead.podFixed of the RuntimeClass the workload will use (its own kata* one first), else the profile's estimate. */
function podOverhead(workload: Workload, profile: TargetProfile, inventory: InventoryContext): Overhead {
  const own = runtimeClassNameOf(workload);
  return (
    (own !== undefined && isKataRuntimeClass(own) ? runtimeClassOverhead(inventory, own) : undefined) ??
    runtimeClassOverhead(inventory, profile.id) ?? {
      memoryMiB: profile.podOverhead.memoryMiB,
      milliCpu: profile.podOverhead.milliCpu,
      source: "profile",
    }
  );
}

function vmSize(resources: ResourceTotals, profile: TargetProfile, notes: string[]): { vcpus: number; memoryMiB: number } {
  const rs = profile.runtimeRsOverhead;
  if (!rs) {
    // Go runtime: the VM boots with the defaults and limits are added on top (hotplugged or, on
    // static profiles, added at boot). Hugepages are backed by guest memory.
    if (!resources.hasCpuLimit) notes.push(`No CPU limit: containers share the default ${profile.vmDefault.vcpus} vCPU.`);
    if (!resources.hasMemoryLimit) notes.push(`No memory limit: containers share the default ${profile.vmDefault.memoryMiB} MiB.`);
    return {
      vcpus: profile.vmDefault.vcpus + Math.ceil(resources.limitMilliCpu / 1000),
      memoryMiB: profile.vmDefault.memoryMiB + resources.limitMemoryMiB + resources.limitHugepagesMiB,
    };
  }
  // runtime-rs sizes the VM once from the limits; with no limit at all it falls back to the defaults.
  let vcpus = profile.vmDefault.vcpus;
  let memoryMiB = profile.vmDefault.memoryMiB;
  if (resources.hasCpuLimit) vcpus = Math.ceil(resources.limitMilliCpu / 1000) + rs.vcpus;
  else notes.push(`No CPU limit: the VM gets the default ${profile.vmDefault.vcpus} vCPU.`);
  if (resources.hasMemoryLimit) memoryMiB = resources.limitMemoryMiB + rs.memoryMiB;
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
  const overhead = podOverhead(workload, profile, inventory);

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
    schedulerMemoryMiB: Math.ceil((resources.requestMemoryMiB + overhead.memoryMiB) * replicas),
    schedulerMilliCpu: Math.ceil((resources.requestMilliCpu + overhead.milliCpu) * replicas),
    requests: { memoryMiB: Math.ceil(resources.requestMemoryMiB), milliCpu: Math.ceil(resources.requestMilliCpu) },
    limits: { memoryMiB: Math.ceil(resources.limitMemoryMiB), milliCpu: Math.ceil(resources.limitMilliCpu) },
    replicas,
    perNode: workload.perNode,
    overheadSource: overhead.source,
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

/**
 * The workloads the "moving these N ready workloads costs X" sentence counts, in the CLI and on the
 * dashboard alike: ready, and not already on Kata (a migrated workload costs nothing more).
 */
export function isReadyToMove(workload: { readiness: string; migrated: boolean }): boolean {
  return workload.readiness === "ready" && !workload.migrated;
}

/** The sizing summary of the workloads `isReadyToMove` selects. */
export function summarizeReadyToMove(workloads: readonly { readiness: string; migrated: boolean; sizing: Sizing }[]): SizingSummary {
  const sizings: Sizing[] = [];
  for (const workload of workloads) if (isReadyToMove(workload)) sizings.push(workload.sizing);
  return summarizeSizing(sizings);
}

/** "moving these 12 workloads (30 pods) costs 3.8 GiB / 7.5 vCPU of overhead": the CLI's and the overview's sentence. */
export function describeSizingSummary(
  summary: Pick<SizingSummary, "workloads" | "pods" | "perNodeWorkloads" | "overheadMemoryMiB" | "overheadMilliCpu">,
  label = "workloads",
): string {
  const pods = summary.pods === summary.workloads ? "" : ` (${formatCount(summary.pods)} pods)`;
  const perNode =
    summary.perNodeWorkloads > 0 ? `; ${formatCount(summary.perNodeWorkloads)} DaemonSet(s) counted once, add them per node` : "";
  return (
    `moving ${summary.workloads === 1 ? "this" : "these"} ${formatCount(summary.workloads)} ${label}${pods} costs ${formatGiB(summary.overheadMemoryMiB)} / ` +
    `${formatVcpuTotal(summary.overheadMilliCpu)} of overhead${perNode}`
  );
}
