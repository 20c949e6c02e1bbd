import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { Workload } from "../inventory/types";
import type { Finding, RuleId } from "../rules/types";
import { k8sWorkload, podWorkload } from "../rules/test-helpers";
import { suggestChanges } from "./suggest";

const OPTIONS = { runtimeClassName: "kata-qemu-runtime-rs" };
const POD = "spec.template.spec";

function finding(ruleId: RuleId, severity: Finding["severity"], path: string, container: string | null = null): Finding {
  return { ruleId, severity, remedy: "manifest", container, path, message: ruleId };
}

function patchedPod(workload: Workload, findings: Finding[]) {
  const plan = suggestChanges(workload, findings, OPTIONS);
  return { plan, pod: (plan.patched.spec as { template: { spec: Record<string, unknown> } }).template.spec };
}

describe("runtime-class", () => {
  it("sets the target RuntimeClass on a ready workload", () => {
    const workload = podWorkload({ containers: [{ name: "app", image: "nginx" }] });
    const { plan, pod } = patchedPod(workload, [finding("block-device", "info", `${POD}.volumes[0]`)]);
    expect(plan.changes.map((c) => c.id)).toEqual(["runtime-class"]);
    expect(pod.runtimeClassName).toBe("kata-qemu-runtime-rs");
    expect(plan.changes[0].diff).toContain("+      runtimeClassName: kata-qemu-runtime-rs # target profile RuntimeClass");
    // The stored object is not touched.
    expect((workload.object.spec as { template: { spec: Record<string, unknown> } }).template.spec.runtimeClassName).toBeUndefined();
  });

  it("is not offered to blocked, needs-changes or migrated workloads", () => {
    const workload = podWorkload({ containers: [{ name: "app", image: "nginx" }] });
    for (const f of [
      finding("host-network", "blocker", `${POD}.hostNetwork`),
      finding("hugepages", "warning", `${POD}.containers[0].resources.limits["hugepages-2Mi"]`),
      finding("kata-runtime", "info", `${POD}.runtimeClassName`),
    ]) {
      expect(suggestChanges(workload, [f], OPTIONS).changes.map((c) => c.id)).not.toContain("runtime-class");
    }
  });

  it("uses the pod spec path of CronJobs", () => {
    const workload = k8sWorkload({
      kind: "CronJob",
      metadata: { name: "nightly" },
      spec: { jobTemplate: { spec: { template: { spec: { containers: [{ name: "job", image: "busybox" }] } } } } },
    });
    const plan = suggestChanges(workload, [], OPTIONS);
    expect(parse(plan.after).spec.jobTemplate.spec.template.spec.runtimeClassName).toBe("kata-qemu-runtime-rs");
  });
});

describe("resource-limits", () => {
  const workload = podWorkload({
    initContainers: [{ name: "init", image: "busybox", resources: { limits: { cpu: "100m", memory: "64Mi" } } }],
    containers: [
      { name: "app", image: "nginx", resources: { requests: { cpu: "250m", memory: "256Mi" } } },
      { name: "sidecar", image: "envoy", resources: { limits: { memory: "128Mi" } } },
    ],
  });
  const findings = [
    finding("resource-limits", "warning", `${POD}.containers[0].resources.limits`, "app"),
    finding("resource-limits", "warning", `${POD}.containers[1].resources.limits`, "sidecar"),
  ];

  it("adds missing limits from requests, else placeholders, and marks them", () => {
    const { plan, pod } = patchedPod(workload, findings);
    const containers = pod.containers as Array<{ resources: { limits: Record<string, string> } }>;
    expect(containers[0].resources.limits).toEqual({ cpu: "250m", memory: "256Mi" });
    expect(containers[1].resources.limits).toEqual({ memory: "128Mi", cpu: "500m" });
    const change = plan.changes.find((c) => c.id === "resource-limits");
    expect(change?.hasPlaceholders).toBe(true);
    expect(change?.diff).toContain("+              cpu: 500m # placeholder: size from observed usage");
    expect(change?.diff).toContain("cpu: 250m # set to the request; check it");
    // Existing limits are kept as they were.
    expect(change?.diff).not.toMatch(/^[-+].*128Mi/m);
  });

  it("adds the memory limit a cpu-limit-without-memory-limit finding asks for", () => {
    const cpuOnly = podWorkload({ containers: [{ name: "app", image: "nginx", resources: { limits: { cpu: "1" } } }] });
    const { pod } = patchedPod(cpuOnly, [
      finding("cpu-limit-without-memory-limit", "blocker", `${POD}.containers[0].resources.limits.cpu`, "app"),
    ]);
    expect((pod.containers as Array<{ resources: unknown }>)[0].resources).toEqual({ limits: { cpu: "1", memory: "512Mi" } });
  });

  it("adds deploy.resources.limits to a Compose service", () => {
    const service: Workload = {
      ...podWorkload({ containers: [] }),
      platform: "compose",
      kind: "Service",
      object: { image: "redis" },
      pathPrefix: "services.cache",
      pods: [],
    };
    const plan = suggestChanges(service, [finding("resource-limits", "warning", "services.cache.deploy.resources.limits")], OPTIONS);
    expect(plan.patched).toEqual({ image: "redis", deploy: { resources: { limits: { cpus: "0.50", memory: "512M" } } } });
    expect(plan.before).toContain("services:\n  cache:\n    image: redis");
  });
});

describe("socket-emptydir-memory", () => {
  it("sets medium: Memory on the flagged emptyDir only", () => {
    const workload = podWorkload({
      containers: [
        { name: "a", image: "a" },
        { name: "b", image: "b" },
      ],
      volumes: [
        { name: "data", emptyDir: {} },
        { name: "sockets", emptyDir: {} },
      ],
    });
    const { plan, pod } = patchedPod(workload, [finding("socket-on-disk-emptydir", "warning", `${POD}.volumes[1].emptyDir`)]);
    expect(pod.volumes).toEqual([
      { name: "data", emptyDir: {} },
      { name: "sockets", emptyDir: { medium: "Memory" } },
    ]);
    expect(plan.changes[0].caveats.join(" ")).toContain("heuristic");
  });
});

describe("subpath-items", () => {
  const spec = (extraMounts: object[] = [], volumeSource: object = { configMap: { name: "envoy" } }) => ({
    containers: [
      {
        name: "proxy",
        image: "envoy",
        volumeMounts: [{ name: "cfg", mountPath: "/etc/envoy/envoy.yaml", subPath: "config.yaml", readOnly: true }, ...extraMounts],
      },
    ],
    volumes: [{ name: "cfg", ...volumeSource }],
  });
  const subPathFinding = finding("subpath", "blocker", `${POD}.containers[0].volumeMounts[0].subPath`, "proxy");

  it("projects the key with items and mounts the directory", () => {
    const { plan, pod } = patchedPod(podWorkload(spec()), [subPathFinding]);
    expect(pod.volumes).toEqual([{ name: "cfg", configMap: { name: "envoy", items: [{ key: "config.yaml", path: "envoy.yaml" }] } }]);
    expect((pod.containers as Array<{ volumeMounts: unknown[] }>)[0].volumeMounts[0]).toEqual({
      name: "cfg",
      mountPath: "/etc/envoy",
      readOnly: true,
    });
    expect(plan.changes[0].caveats.join(" ")).toContain("hidden");
  });

  it("works for Secrets and keeps an existing matching item", () => {
    const volume = { secret: { secretName: "tls", items: [{ key: "tls.crt", path: "config.yaml", mode: 0o400 }] } };
    const { pod } = patchedPod(podWorkload(spec([], volume)), [subPathFinding]);
    expect(pod.volumes).toEqual([
      { name: "cfg", secret: { secretName: "tls", items: [{ key: "tls.crt", path: "envoy.yaml", mode: 0o400 }] } },
    ]);
  });

  it("leaves volumes that are not a ConfigMap or Secret, or are mounted twice, alone", () => {
    expect(suggestChanges(podWorkload(spec([], { emptyDir: {} })), [subPathFinding], OPTIONS).changes).toEqual([]);
    const twice = suggestChanges(podWorkload(spec([{ name: "cfg", mountPath: "/other" }])), [subPathFinding], OPTIONS);
    expect(twice.changes).toEqual([]);
  });

  it("leaves a mount whose directory another mount already uses", () => {
    const clash = spec([{ name: "other", mountPath: "/etc/envoy" }]);
    clash.volumes.push({ name: "other", emptyDir: {} } as never);
    expect(suggestChanges(podWorkload(clash), [subPathFinding], OPTIONS).changes).toEqual([]);
  });

  it("never rewrites subPathExpr", () => {
    const expr = podWorkload({
      containers: [{ name: "app", image: "x", volumeMounts: [{ name: "cfg", mountPath: "/data/x", subPathExpr: "$(POD)" }] }],
      volumes: [{ name: "cfg", configMap: { name: "c" } }],
    });
    expect(
      suggestChanges(expr, [finding("subpath", "blocker", `${POD}.containers[0].volumeMounts[0].subPathExpr`)], OPTIONS).changes,
    ).toEqual([]);
  });
});

describe("suggestChanges", () => {
  it("never patches keep-on-runc findings such as hostNetwork", () => {
    const workload = podWorkload({ hostNetwork: true, containers: [{ name: "app", image: "nginx" }] });
    const plan = suggestChanges(workload, [finding("host-network", "blocker", `${POD}.hostNetwork`)], OPTIONS);
    expect(plan.changes).toEqual([]);
    expect(plan.diff).toBe("");
    expect(plan.after).toBe(plan.before);
  });

  it("combines every change into one patched manifest", () => {
    const workload = podWorkload({
      containers: [
        { name: "a", image: "a", volumeMounts: [{ name: "s", mountPath: "/var/run/app" }] },
        { name: "b", image: "b", volumeMounts: [{ name: "s", mountPath: "/var/run/app" }] },
      ],
      volumes: [{ name: "s", emptyDir: {} }],
    });
    const plan = suggestChanges(
      workload,
      [
        finding("socket-on-disk-emptydir", "warning", `${POD}.volumes[0].emptyDir`),
        finding("resource-limits", "warning", `${POD}.containers[1].resources.limits`, "b"),
      ],
      OPTIONS,
    );
    expect(plan.changes.map((c) => c.id)).toEqual(["resource-limits", "socket-emptydir-memory"]);
    const after = parse(plan.after);
    expect(after.spec.template.spec.volumes[0].emptyDir.medium).toBe("Memory");
    expect(after.spec.template.spec.containers[1].resources.limits.memory).toBe("512Mi");
    expect(plan.diff.match(/^\+/gm)?.length).toBeGreaterThan(4);
  });
});
