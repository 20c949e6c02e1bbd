import { describe, expect, it } from "vitest";
import { composeWorkload, dockerWorkload, emptyInventory, k8sWorkload, podWorkload } from "../rules/test-helpers";
import { getProfile } from "./profiles";
import { describeSizingSummary, estimateSizing, summarizeSizing } from "./sizing";

const RS = getProfile("kata-qemu-runtime-rs");
const GO = getProfile("kata-qemu");

const LIMITED = `
containers:
  - name: app
    resources:
      requests: { cpu: 500m, memory: 256Mi }
      limits: { cpu: "1500m", memory: 1Gi }
  - name: proxy
    resources:
      limits: { cpu: 250m, memory: 128Mi }
`;

describe("estimateSizing on runtime-rs (static)", () => {
  it("sizes the VM from the sum of limits plus the shim overhead", () => {
    const sizing = estimateSizing(podWorkload(LIMITED), RS, emptyInventory());
    expect(sizing.vmMemoryMiB).toBe(1024 + 128 + 32);
    expect(sizing.vmVcpus).toBe(2 + 0.2);
    expect(sizing.notes).toEqual([]);
  });

  it("falls back to the defaults without limits", () => {
    const sizing = estimateSizing(podWorkload("containers: [{ name: app }]"), RS, emptyInventory());
    expect(sizing).toMatchObject({ vmVcpus: 1, vmMemoryMiB: 2048 });
    expect(sizing.notes.join(" ")).toMatch(/default 2048 MiB/);
  });

  it("gives only the overhead memory for a CPU limit without a memory limit", () => {
    const sizing = estimateSizing(podWorkload("containers: [{ name: app, resources: { limits: { cpu: 2 } } }]"), RS, emptyInventory());
    expect(sizing).toMatchObject({ vmVcpus: 2.2, vmMemoryMiB: 32 });
    expect(sizing.notes.join(" ")).toMatch(/only 32 MiB/);
  });
});

describe("estimateSizing on the Go runtime (hotplug)", () => {
  it("adds limits and hugepages to the default VM", () => {
    const workload = podWorkload(`
containers:
  - name: app
    resources:
      limits: { cpu: 1100m, memory: 512Mi, hugepages-2Mi: 256Mi }
`);
    const sizing = estimateSizing(workload, GO, emptyInventory());
    expect(sizing.vmVcpus).toBe(1 + 2);
    expect(sizing.vmMemoryMiB).toBe(2048 + 512 + 256);
  });
});

describe("init containers and sidecars", () => {
  it("takes the larger of the biggest init container and the regular containers", () => {
    const workload = podWorkload(`
initContainers:
  - name: migrate
    resources: { limits: { cpu: 4, memory: 4Gi } }
containers:
  - name: app
    resources: { limits: { cpu: 1, memory: 1Gi } }
`);
    const sizing = estimateSizing(workload, RS, emptyInventory());
    expect(sizing.limits).toEqual({ memoryMiB: 4096, milliCpu: 4000 });
    expect(sizing.vmMemoryMiB).toBe(4096 + 32);
  });

  it("adds sidecars (restartPolicy Always) to the regular containers", () => {
    const workload = podWorkload(`
initContainers:
  - name: mesh
    restartPolicy: Always
    resources: { limits: { cpu: 500m, memory: 256Mi } }
containers:
  - name: app
    resources: { limits: { cpu: 1, memory: 1Gi } }
`);
    expect(estimateSizing(workload, RS, emptyInventory()).limits).toEqual({ memoryMiB: 1280, milliCpu: 1500 });
  });
});

describe("scheduler cost", () => {
  it("is (requests + profile overhead) x replicas", () => {
    const workload = { ...podWorkload(LIMITED), replicas: 3 };
    const sizing = estimateSizing(workload, RS, emptyInventory());
    // requests: app 256Mi/500m, proxy defaults to its limits 128Mi/250m
    expect(sizing.requests).toEqual({ memoryMiB: 384, milliCpu: 750 });
    expect(sizing).toMatchObject({ overheadMemoryMiB: 320, overheadMilliCpu: 250, overheadSource: "profile" });
    expect(sizing.schedulerMemoryMiB).toBe((384 + 320) * 3);
    expect(sizing.schedulerMilliCpu).toBe((750 + 250) * 3);
  });

  it("uses overhead.podFixed of the matching kata RuntimeClass in the inventory", () => {
    const inventory = emptyInventory({
      runtimeClasses: [
        { name: "kata-qemu-runtime-rs", handler: "kata-qemu-runtime-rs", overhead: { memory: "200Mi", cpu: "100m" }, source: "rc.yaml" },
      ],
    });
    const sizing = estimateSizing(podWorkload(LIMITED), RS, inventory);
    expect(sizing).toMatchObject({ overheadMemoryMiB: 200, overheadMilliCpu: 100, overheadSource: "kata-qemu-runtime-rs" });
  });

  it("matches a RuntimeClass by handler when its name differs", () => {
    const inventory = emptyInventory({
      runtimeClasses: [{ name: "kata", handler: "kata-qemu-runtime-rs", overhead: { memory: "250Mi", cpu: "200m" }, source: "rc.yaml" }],
    });
    expect(estimateSizing(podWorkload(LIMITED), RS, inventory)).toMatchObject({ overheadMemoryMiB: 250, overheadSource: "kata" });
  });

  it("prefers the workload's own kata runtimeClassName", () => {
    const inventory = emptyInventory({
      runtimeClasses: [
        { name: "kata-qemu-runtime-rs", handler: "x", overhead: { memory: "200Mi", cpu: "100m" }, source: "rc.yaml" },
        { name: "kata-clh", handler: "kata-clh", overhead: { memory: "130Mi", cpu: "250m" }, source: "rc.yaml" },
      ],
    });
    const workload = podWorkload("runtimeClassName: kata-clh\ncontainers: [{ name: app }]");
    expect(estimateSizing(workload, RS, inventory)).toMatchObject({ overheadMemoryMiB: 130, overheadSource: "kata-clh" });
  });

  it("counts a DaemonSet per node and says so", () => {
    const workload = k8sWorkload(`
kind: DaemonSet
metadata: { name: agent }
spec:
  template:
    spec:
      containers: [{ name: agent, resources: { requests: { cpu: 100m, memory: 64Mi } } }]
`);
    const sizing = estimateSizing({ ...workload, replicas: null }, RS, emptyInventory());
    expect(sizing).toMatchObject({ perNode: true, replicas: 1, schedulerMemoryMiB: 64 + 320 });
    expect(sizing.notes.join(" ")).toMatch(/per node/);
  });
});

describe("Docker and Compose", () => {
  it("reads HostConfig.Memory and NanoCpus", () => {
    const workload = dockerWorkload({ Name: "/db", HostConfig: { Memory: 512 * 2 ** 20, NanoCpus: 1.5e9 } });
    expect(estimateSizing(workload, RS, emptyInventory())).toMatchObject({ vmMemoryMiB: 512 + 32, vmVcpus: 2.2 });
  });

  it("reads CpuQuota / CpuPeriod", () => {
    const workload = dockerWorkload({ Name: "/db", HostConfig: { Memory: 0, CpuQuota: 50_000, CpuPeriod: 100_000 } });
    expect(estimateSizing(workload, GO, emptyInventory())).toMatchObject({ vmVcpus: 2, limits: { milliCpu: 500 } });
  });

  it("reads Compose deploy.resources.limits and the legacy keys", () => {
    const deploy = composeWorkload({ image: "x", deploy: { resources: { limits: { cpus: "0.5", memory: "256M" } } } });
    expect(estimateSizing(deploy, RS, emptyInventory()).limits).toEqual({ memoryMiB: 256, milliCpu: 500 });
    const legacy = composeWorkload({ image: "x", mem_limit: "1g", cpus: 2 });
    expect(estimateSizing(legacy, RS, emptyInventory())).toMatchObject({ vmMemoryMiB: 1024 + 32, vmVcpus: 2.2 });
  });
});

describe("summarizeSizing", () => {
  it("sums overhead over replicas", () => {
    const a = estimateSizing({ ...podWorkload(LIMITED), replicas: 2 }, RS, emptyInventory());
    const b = estimateSizing(podWorkload("containers: [{ name: app }]"), RS, emptyInventory());
    const summary = summarizeSizing([a, b]);
    expect(summary).toMatchObject({ workloads: 2, pods: 3, overheadMemoryMiB: 960, overheadMilliCpu: 750 });
    expect(summary.vmMemoryMiB).toBe(a.vmMemoryMiB * 2 + b.vmMemoryMiB);
    expect(describeSizingSummary(summary, "ready workloads")).toBe(
      "moving these 2 ready workloads (3 pods) costs 0.9 GiB / 0.8 vCPU of overhead",
    );
  });
});
