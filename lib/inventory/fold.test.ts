import { describe, expect, it } from "vitest";
import { normaliseSpec } from "./fold";
import { fixture, json, listOf, parseFiles, parseText, podObject } from "./test-helpers";
import type { JsonObject, Workload } from "./types";

const template = (image = "app:1") => ({
  template: { metadata: { labels: { app: "a" } }, spec: { containers: [{ name: "main", image }] } },
});

function byId(workloads: Workload[]): Record<string, Workload> {
  return Object.fromEntries(workloads.map((w) => [w.id, w]));
}

describe("folding a kubectl pods dump whose owners are absent", () => {
  const result = parseFiles(fixture("kubernetes/cluster-pods.json"));
  const workloads = byId(result.workloads);

  it("makes one workload per owner, named after the owner", () => {
    expect(result.errors).toEqual([]);
    expect(Object.keys(workloads)).toEqual([
      "prod/shop/Deployment/api",
      "prod/shop/StatefulSet/db",
      "prod/kube-system/DaemonSet/node-agent",
      "prod/shop/Job/report-29000000",
      "prod/kube-system/Pod/kube-apiserver-node-1",
      "prod/shop/Pod/checkout-6c5b4a3d2-h7j8k",
      "prod/default/Pod/debug",
    ]);
    expect(result.files[0].workloads).toBe(12);
  });

  it("strips the pod-template-hash to name the Deployment and counts its Pods", () => {
    const api = workloads["prod/shop/Deployment/api"];
    expect(api.replicas).toBe(4);
    expect(api.object).toEqual({
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "api", namespace: "shop", labels: { app: "api", team: "payments" }, annotations: {} },
    });
    expect(api.labels).not.toHaveProperty("pod-template-hash");
    expect(api.team).toBe("payments");
  });

  it("keeps a drifted Pod as a second pod template, with paths relative to the Pod", () => {
    const api = workloads["prod/shop/Deployment/api"];
    expect(api.pods).toHaveLength(2);
    expect(api.pods.map((p) => (p.spec.containers as JsonObject[])[0].image)).toEqual([
      "registry.example.com/api:2.1",
      "registry.example.com/api:2.2-hotfix",
    ]);
    expect(api.pods[0]).toMatchObject({ path: "spec", metadataPath: "metadata", source: "fixtures/kubernetes/cluster-pods.json" });
    expect(api.pods[0].metadata.name).toBe("api-5d8f7c9b4-x2x9k");
  });

  it("ignores per-replica noise: StatefulSet hostnames and claims, DaemonSet node pinning", () => {
    expect(workloads["prod/shop/StatefulSet/db"]).toMatchObject({ replicas: 2, perNode: false });
    expect(workloads["prod/shop/StatefulSet/db"].pods).toHaveLength(1);
    expect(workloads["prod/kube-system/DaemonSet/node-agent"]).toMatchObject({ replicas: 2, perNode: true });
    expect(workloads["prod/kube-system/DaemonSet/node-agent"].pods).toHaveLength(1);
  });

  it("keeps the Job name for Pods whose Job is absent; a Pod of a custom resource stands as a Pod (catalog 1.1)", () => {
    expect(workloads["prod/shop/Job/report-29000000"]).toMatchObject({ kind: "Job", replicas: 1 });
    expect(workloads["prod/shop/Pod/checkout-6c5b4a3d2-h7j8k"].object).toMatchObject({
      kind: "Pod",
      spec: { containers: [expect.objectContaining({ image: "registry.example.com/checkout:3.0" })] },
    });
  });

  it("treats a Node-owned mirror Pod as a bare Pod", () => {
    const mirror = workloads["prod/kube-system/Pod/kube-apiserver-node-1"];
    expect(mirror.object.kind).toBe("Pod");
    expect(mirror.object.spec).toMatchObject({ hostNetwork: true });
    expect(mirror.pods).toHaveLength(1);
    expect(workloads["prod/default/Pod/debug"].team).toBe("sre");
  });
});

describe("folding into controllers that are in the inventory", () => {
  const deployment = {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "web", namespace: "shop" },
    spec: { replicas: 2, ...template() },
  };
  const replicaSet = {
    apiVersion: "apps/v1",
    kind: "ReplicaSet",
    metadata: {
      name: "web-7c9d8",
      namespace: "shop",
      labels: { "pod-template-hash": "7c9d8" },
      ownerReferences: [{ apiVersion: "apps/v1", kind: "Deployment", name: "web", controller: true }],
    },
    spec: { replicas: 2, ...template() },
  };
  const pods = [1, 2].map((i) =>
    podObject(`web-7c9d8-${i}`, { labels: { "pod-template-hash": "7c9d8" }, owner: [{ kind: "ReplicaSet", name: "web-7c9d8" }] }),
  );

  it("folds Pods and ReplicaSets into a listed Deployment, in any file order", () => {
    const result = parseFiles(
      { name: "pods.json", content: listOf(...pods) },
      { name: "rest.json", content: listOf(replicaSet, deployment) },
    );
    expect(result.workloads.map((w) => w.id)).toEqual(["prod/shop/Deployment/web"]);
    expect(result.workloads[0].object).toMatchObject({ kind: "Deployment", spec: { replicas: 2 } });
    expect(result.workloads[0].pods[0].path).toBe("spec.template.spec");
    expect(result.workloads[0].replicas).toBe(2);
    expect(result.files.map((f) => f.workloads)).toEqual([2, 2]);
  });

  it("folds Pods of a listed ReplicaSet whose Deployment is absent into one Deployment built from the ReplicaSet", () => {
    const result = parseText("k.json", listOf(replicaSet, ...pods));
    expect(result.workloads.map((w) => w.id)).toEqual(["prod/shop/Deployment/web"]);
    expect(result.workloads[0].pods).toHaveLength(1);
    expect(result.workloads[0].pods[0].path).toBe("spec.template.spec");
    expect(result.workloads[0].replicas).toBe(2);
  });

  it("keeps a ReplicaSet without an owner as its own workload", () => {
    const bare = { ...replicaSet, metadata: { name: "solo", namespace: "shop" } };
    const result = parseText("rs.json", json(bare));
    expect(result.workloads.map((w) => [w.id, w.replicas])).toEqual([["prod/shop/ReplicaSet/solo", 2]]);
  });

  it("follows the controller: true reference rather than the first", () => {
    const pod = podObject("p", {
      owner: [
        { kind: "ConfigMap", name: "x", controller: false },
        { kind: "StatefulSet", name: "db", controller: true },
      ],
    });
    const result = parseText("p.json", json(pod));
    expect(result.workloads.map((w) => w.id)).toEqual(["prod/shop/StatefulSet/db"]);
  });

  it("resolves CronJob -> Job -> Pod: a listed Job's owner names the workload", () => {
    const job = {
      apiVersion: "batch/v1",
      kind: "Job",
      metadata: {
        name: "report-29000001",
        namespace: "shop",
        ownerReferences: [{ apiVersion: "batch/v1", kind: "CronJob", name: "report", controller: true }],
      },
      spec: template("report:1"),
    };
    const pod = podObject("report-29000001-abcde", { owner: [{ apiVersion: "batch/v1", kind: "Job", name: "report-29000001" }] });
    const result = parseText("jobs.json", listOf(job, pod));
    expect(result.workloads.map((w) => [w.id, w.replicas])).toEqual([["prod/shop/CronJob/report", 1]]);
    expect(result.workloads[0].pods[0].path).toBe("spec.template.spec");

    const cronJob = {
      apiVersion: "batch/v1",
      kind: "CronJob",
      metadata: { name: "report", namespace: "shop" },
      spec: { schedule: "@hourly", jobTemplate: { spec: template("report:1") } },
    };
    const full = parseText("all.json", listOf(cronJob, job, pod));
    expect(full.workloads.map((w) => [w.id, w.pods[0].path])).toEqual([
      ["prod/shop/CronJob/report", "spec.jobTemplate.spec.template.spec"],
    ]);
  });

  it("gives 100 identical replicas one pod template", () => {
    const replicas = Array.from({ length: 100 }, (_, i) =>
      podObject(`web-7c9d8-${i}`, {
        labels: { "pod-template-hash": "7c9d8" },
        owner: [{ kind: "ReplicaSet", name: "web-7c9d8" }],
        spec: {
          nodeName: `node-${i % 7}`,
          containers: [
            {
              name: "main",
              image: "app:1",
              volumeMounts: [{ name: `kube-api-access-${i}`, mountPath: "/var/run/secrets/kubernetes.io/serviceaccount" }],
            },
          ],
          volumes: [{ name: `kube-api-access-${i}`, projected: { sources: [] } }],
        },
      }),
    );
    const { workloads } = parseText("pods.json", listOf(...replicas));
    expect(workloads).toHaveLength(1);
    expect(workloads[0]).toMatchObject({ id: "prod/shop/Deployment/web", replicas: 100 });
    expect(workloads[0].pods).toHaveLength(1);
  });

  it("does not strip a suffix that is not the pod-template-hash", () => {
    const pod = podObject("p", { labels: { "pod-template-hash": "zzz" }, owner: [{ kind: "ReplicaSet", name: "web-7c9d8" }] });
    expect(parseText("p.json", json(pod)).workloads.map((w) => w.id)).toEqual(["prod/shop/ReplicaSet/web-7c9d8"]);
  });
});

describe("normaliseSpec", () => {
  it("drops node placement and generated token volumes but keeps real differences", () => {
    const a = {
      nodeName: "n1",
      hostname: "h1",
      containers: [{ name: "c", image: "x", volumeMounts: [{ name: "kube-api-access-aaaaa" }, { name: "data" }] }],
      volumes: [{ name: "kube-api-access-aaaaa" }, { name: "data" }],
    };
    const b = {
      ...a,
      nodeName: "n2",
      hostname: "h2",
      containers: [{ name: "c", image: "x", volumeMounts: [{ name: "kube-api-access-bbbbb" }, { name: "data" }] }],
      volumes: [{ name: "kube-api-access-bbbbb" }, { name: "data" }],
    };
    expect(JSON.stringify(normaliseSpec(a, "p1"))).toBe(JSON.stringify(normaliseSpec(b, "p2")));
    expect(normaliseSpec(a, "p1")).toEqual({
      containers: [{ name: "c", image: "x", volumeMounts: [{ name: "data" }] }],
      volumes: [{ name: "data" }],
    });
    const privileged = { ...b, containers: [{ name: "c", image: "x", securityContext: { privileged: true } }] };
    expect(JSON.stringify(normaliseSpec(privileged, "p2"))).not.toBe(JSON.stringify(normaliseSpec(a, "p1")));
  });
});

describe("owners that are not workload kinds (catalog 1.1)", () => {
  const statefulSet = {
    apiVersion: "apps/v1",
    kind: "StatefulSet",
    metadata: {
      name: "prometheus-k8s",
      namespace: "monitoring",
      ownerReferences: [{ apiVersion: "monitoring.coreos.com/v1", kind: "Prometheus", name: "k8s", uid: "u1", controller: true }],
    },
    spec: { replicas: 2, template: { spec: { containers: [{ name: "prometheus", image: "quay.io/prometheus/prometheus:v3" }] } } },
  };
  const pod = (name: string) =>
    podObject(name, {
      namespace: "monitoring",
      owner: [{ kind: "StatefulSet", name: "prometheus-k8s" }],
      spec: { containers: [{ name: "prometheus", image: "quay.io/prometheus/prometheus:v3" }] },
    });

  it("keeps a StatefulSet owned by a custom resource under its own kind and name, its Pods folded into it", () => {
    const { workloads } = parseFiles({ name: "dump.json", content: listOf(statefulSet, pod("prometheus-k8s-0"), pod("prometheus-k8s-1")) });
    expect(workloads.map((w) => w.id)).toEqual(["prod/monitoring/StatefulSet/prometheus-k8s"]);
    expect(workloads[0].replicas).toBe(2);
  });

  it("folds Pods of an absent StatefulSet into it even when that StatefulSet belongs to a custom resource", () => {
    const { workloads } = parseFiles({ name: "pods.json", content: listOf(pod("prometheus-k8s-0"), pod("prometheus-k8s-1")) });
    expect(workloads.map((w) => [w.id, w.replicas])).toEqual([["prod/monitoring/StatefulSet/prometheus-k8s", 2]]);
  });

  it("leaves a Pod owned by a custom resource as a Pod", () => {
    const owned = podObject("tenant-a", { owner: [{ kind: "Tenant", name: "a", apiVersion: "example.com/v1" }] });
    expect(parseFiles({ name: "p.json", content: listOf(owned) }).workloads.map((w) => w.id)).toEqual(["prod/shop/Pod/tenant-a"]);
  });
});
