import { describe, expect, it } from "vitest";
import { fixture, json, listOf, parseFiles, parseText, podObject } from "./test-helpers";
import type { JsonObject } from "./types";

describe("Kubernetes manifests (multi-document YAML from kubectl)", () => {
  const result = parseFiles(fixture("kubernetes/manifests.yaml"));

  it("reads every workload kind with its pod template path", () => {
    expect(result.errors).toEqual([]);
    const byKind = Object.fromEntries(result.workloads.map((w) => [w.kind, w]));
    expect(Object.keys(byKind)).toEqual(["Deployment", "Job", "CronJob"]);
    expect(byKind.Deployment.id).toBe("prod/shop/Deployment/web");
    expect(byKind.Deployment.pods[0].path).toBe("spec.template.spec");
    expect(byKind.Deployment.pods[0].metadataPath).toBe("spec.template.metadata");
    expect(byKind.Deployment.replicas).toBe(3);
    expect(byKind.CronJob.pods[0].path).toBe("spec.jobTemplate.spec.template.spec");
    expect(byKind.CronJob.pods[0].spec.containers).toHaveLength(1);
    expect(byKind.Job.replicas).toBe(1);
  });

  it("records the line of each document", () => {
    const lines = result.workloads.map((w) => w.source.line);
    expect(lines).toEqual([1, 66, 88]);
    expect(result.workloads[0].source.file).toBe("fixtures/kubernetes/manifests.yaml");
  });

  it("counts non-workload objects by kind and reads ConfigMap/Secret sizes", () => {
    const [summary] = result.files;
    expect(summary).toMatchObject({ format: "kubernetes", syntax: "yaml", objects: 6, workloads: 3, errors: 0 });
    expect(summary.skipped).toEqual({ Service: 1, ConfigMap: 1, Secret: 1 });
    // app.conf = "listen 80;" (10 bytes) + mode = "prod" (4 bytes)
    expect(result.context.configMaps["shop/web-config"]).toEqual({ keys: 2, bytes: 14 });
    // password = base64("s3cr3t"): 6 decoded bytes
    expect(result.context.secrets["shop/web-secret"]).toEqual({ keys: 1, bytes: 6 });
  });
});

describe("identity, namespace and labels", () => {
  it("defaults the namespace to default and merges pod template labels", () => {
    const { workloads } = parseText(
      "d.yaml",
      `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  labels: { app: api, tier: back }
  annotations: { a: "1" }
spec:
  template:
    metadata:
      labels: { tier: backend, owner: billing }
      annotations: { b: "2" }
    spec:
      containers: [{ name: c, image: x }]
`,
    );
    expect(workloads).toHaveLength(1);
    expect(workloads[0]).toMatchObject({
      id: "prod/default/Deployment/api",
      namespace: "default",
      labels: { app: "api", tier: "backend", owner: "billing" },
      annotations: { a: "1", b: "2" },
      team: "billing",
      replicas: 1,
      perNode: false,
      pathPrefix: "",
    });
  });

  it("prefers team over owner over app.kubernetes.io/part-of", () => {
    const spec = { containers: [{ name: "c", image: "x" }] };
    const pod = (name: string, labels: Record<string, string>) => ({ apiVersion: "v1", kind: "Pod", metadata: { name, labels }, spec });
    const { workloads } = parseText(
      "p.json",
      json([
        pod("a", { owner: "o", team: "t" }),
        pod("b", { "app.kubernetes.io/part-of": "suite", owner: "o" }),
        pod("c", { "app.kubernetes.io/part-of": "suite" }),
        pod("d", {}),
      ]),
    );
    expect(workloads.map((w) => w.team)).toEqual(["t", "o", "suite", null]);
  });

  it("marks DaemonSets per node and takes Job parallelism", () => {
    const spec = { template: { spec: { containers: [{ name: "c", image: "x" }] } } };
    const { workloads } = parseText(
      "k.json",
      listOf(
        { apiVersion: "apps/v1", kind: "DaemonSet", metadata: { name: "agent", namespace: "kube-system" }, spec },
        {
          apiVersion: "apps/v1",
          kind: "DaemonSet",
          metadata: { name: "dumped", namespace: "kube-system" },
          spec,
          status: { desiredNumberScheduled: 12 },
        },
        { apiVersion: "batch/v1", kind: "Job", metadata: { name: "load" }, spec: { ...spec, parallelism: 4 } },
        { apiVersion: "apps.openshift.io/v1", kind: "DeploymentConfig", metadata: { name: "legacy" }, spec: { ...spec, replicas: 2 } },
        { apiVersion: "v1", kind: "ReplicationController", metadata: { name: "rc" }, spec: { ...spec, replicas: 0 } },
      ),
    );
    expect(workloads.map((w) => [w.kind, w.perNode, w.replicas])).toEqual([
      ["DaemonSet", true, 1],
      ["DaemonSet", true, 12],
      ["Job", false, 4],
      ["DeploymentConfig", false, 2],
      ["ReplicationController", false, 0],
    ]);
  });

  it("gives items of a JSON List their line numbers", () => {
    const spec = { containers: [{ name: "c", image: "x" }] };
    const text = listOf(
      { apiVersion: "v1", kind: "Pod", metadata: { name: "a" }, spec },
      { apiVersion: "v1", kind: "Pod", metadata: { name: "b" }, spec },
    );
    const { workloads } = parseText("l.json", text);
    const lines = text.split("\n");
    for (const workload of workloads) {
      const line = workload.source.line ?? 0;
      expect(lines[line - 1].trim()).toBe("{");
      expect(lines.slice(line - 1, line + 8).join("\n")).toContain(`"name": "${workload.name}"`);
    }
    expect(workloads[0].source.line).not.toBe(workloads[1].source.line);
  });

  it("gives items of a top-level YAML sequence their line numbers", () => {
    const text =
      "- apiVersion: v1\n  kind: Pod\n  metadata: {name: a}\n  spec: {containers: [{name: c}]}\n- apiVersion: v1\n  kind: Pod\n  metadata: {name: b}\n  spec: {containers: [{name: c}]}\n";
    expect(parseText("pods.yaml", text).workloads.map((w) => [w.name, w.source.line])).toEqual([
      ["a", 1],
      ["b", 5],
    ]);
  });

  it("reads typed lists whose items leave out kind (PodList from the API)", () => {
    const item = podObject("solo");
    delete item.kind;
    delete item.apiVersion;
    const { workloads } = parseText("podlist.json", json({ apiVersion: "v1", kind: "PodList", items: [item] }));
    expect(workloads.map((w) => w.id)).toEqual(["prod/shop/Pod/solo"]);
  });
});

describe("typed lists (catalog 1.1)", () => {
  const item = {
    metadata: { name: "db", namespace: "data" },
    spec: { replicas: 3, template: { spec: { containers: [{ name: "pg", image: "postgres:17" }] } } },
  };
  const list = {
    apiVersion: "apps/v1",
    kind: "StatefulSetList",
    metadata: {},
    items: [item, { ...item, metadata: { name: "cache", namespace: "data" } }],
  };

  it.each([
    ["pretty JSON (read item by item)", "sts.json", json(list)],
    ["compact JSON", "sts.json", JSON.stringify(list)],
    [
      "YAML",
      "sts.yaml",
      `apiVersion: apps/v1\nkind: StatefulSetList\nitems:\n- metadata: {name: db, namespace: data}\n  spec:\n    replicas: 3\n    template: {spec: {containers: [{name: pg, image: "postgres:17"}]}}\n- metadata: {name: cache, namespace: data}\n  spec:\n    replicas: 3\n    template: {spec: {containers: [{name: pg, image: "postgres:17"}]}}\n`,
    ],
  ])("items without kind take it from a StatefulSetList: %s", (_, name, content) => {
    const { workloads, errors } = parseText(name, content);
    expect(errors).toEqual([]);
    expect(workloads.map((w) => [w.id, w.replicas, w.object.apiVersion])).toEqual([
      ["prod/data/StatefulSet/db", 3, "apps/v1"],
      ["prod/data/StatefulSet/cache", 3, "apps/v1"],
    ]);
  });

  it("keeps an item's own kind, and a plain List adds none", () => {
    const mixed = { ...list, items: [{ ...item, kind: "Deployment", apiVersion: "apps/v1" }] };
    expect(parseText("m.json", json(mixed)).workloads.map((w) => w.kind)).toEqual(["Deployment"]);
    const plain = parseText("l.json", json({ apiVersion: "v1", kind: "List", items: [item] }));
    expect(plain.workloads).toEqual([]);
    expect(plain.errors).toHaveLength(1);
  });
});

describe("duplicates (catalog 1.1)", () => {
  const deployment = (spec: JsonObject = {}) => ({
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "web", namespace: "shop" },
    spec: { replicas: 2, template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "c", image: "x:1" }], ...spec } } },
  });

  it("merges identical copies silently, ignoring what the API server adds (raw and neat forms)", () => {
    const neat = deployment();
    const raw = {
      ...deployment(),
      metadata: {
        ...deployment().metadata,
        uid: "1b2c",
        resourceVersion: "991",
        generation: 4,
        creationTimestamp: "2026-01-01T00:00:00Z",
        managedFields: [{ manager: "kubectl" }],
        annotations: { "kubectl.kubernetes.io/last-applied-configuration": "{}" },
      },
      status: { replicas: 2 },
    };
    const result = parseFiles({ name: "dump.json", content: listOf(raw) }, { name: "web.json", content: json(neat) });
    expect(result.errors).toEqual([]);
    expect(result.workloads).toHaveLength(1);
    expect(result.workloads[0].sources).toEqual(["dump.json", "web.json"]);
    expect(result.workloads[0].duplicates).toBeUndefined();
    expect(result.context.duplicates).toEqual([]);
    expect(result.files[1].skipped).toEqual({});
  });

  it("keeps both objects of one identity with different content and names every file", () => {
    const result = parseFiles(
      { name: "dup/a/web.yaml", content: json(deployment()) },
      { name: "dup/b/web.yaml", content: json(deployment({ hostNetwork: true })) },
      { name: "dup/c/web.yaml", content: json(deployment()) },
    );
    expect(result.workloads).toHaveLength(1);
    const [web] = result.workloads;
    expect(web.source.file).toBe("dup/a/web.yaml");
    expect(web.sources).toEqual(["dup/a/web.yaml", "dup/c/web.yaml", "dup/b/web.yaml"]);
    expect(web.duplicates?.map((d) => [d.source.file, d.pods[0].spec.hostNetwork])).toEqual([["dup/b/web.yaml", true]]);
    expect(result.context.duplicates).toEqual([
      { id: "prod/shop/Deployment/web", path: "metadata.name", files: ["dup/a/web.yaml", "dup/b/web.yaml", "dup/c/web.yaml"], variants: 2 },
    ]);
  });

  it("folds a Pod read twice with different content as one more pod template of its owner", () => {
    const owner = [{ kind: "ReplicaSet", name: "web-5d9c", apiVersion: "apps/v1" }];
    const labels = { "pod-template-hash": "5d9c" };
    const first = podObject("web-5d9c-aaaaa", { owner, labels });
    const drifted = podObject("web-5d9c-aaaaa", { owner, labels, spec: { containers: [{ name: "main", image: "x" }], hostPID: true } });
    const result = parseFiles({ name: "pods-1.json", content: listOf(first) }, { name: "pods-2.json", content: listOf(drifted) });
    expect(result.workloads.map((w) => w.id)).toEqual(["prod/shop/Deployment/web"]);
    expect(result.workloads[0].pods.map((p) => p.source)).toEqual(["pods-1.json", "pods-2.json"]);
    expect(result.workloads[0].sources).toEqual(["pods-1.json", "pods-2.json"]);
    expect(result.context.duplicates.map((d) => d.id)).toEqual(["prod/shop/Pod/web-5d9c-aaaaa"]);
  });

  it("keeps Docker containers and Compose services of one identity with different content", () => {
    const container = (privileged: boolean, startedAt: string) => ({
      Id: "abc",
      Name: "/web",
      Config: { Image: "nginx" },
      State: { StartedAt: startedAt },
      HostConfig: { Privileged: privileged },
    });
    const docker = parseFiles(
      { name: "a.json", content: json([container(false, "t1")]) },
      { name: "b.json", content: json([container(false, "t2")]) },
      { name: "c.json", content: json([container(true, "t3")]) },
    );
    expect(docker.workloads).toHaveLength(1);
    expect(docker.workloads[0].sources).toEqual(["a.json", "b.json", "c.json"]);
    expect(docker.workloads[0].duplicates?.map((d) => d.source.file)).toEqual(["c.json"]);
    expect(docker.context.duplicates).toEqual([
      { id: "prod//Container/web", path: "Name", files: ["a.json", "b.json", "c.json"], variants: 2 },
    ]);

    const compose = parseFiles(
      { name: "shop/compose.yaml", content: "services:\n  web:\n    image: nginx\n" },
      { name: "shop/docker-compose.yml", content: "services:\n  web:\n    image: nginx\n    network_mode: host\n" },
    );
    expect(compose.workloads).toHaveLength(1);
    expect(compose.workloads[0].duplicates?.[0].object).toEqual({ image: "nginx", network_mode: "host" });
    expect(compose.context.duplicates).toEqual([
      { id: "prod/shop/Service/web", path: "services.web", files: ["shop/compose.yaml", "shop/docker-compose.yml"], variants: 2 },
    ]);
  });
});

describe("context objects", () => {
  it("reads RuntimeClasses and Nodes from a kubectl List", () => {
    const { context, workloads, files } = parseFiles(fixture("kubernetes/cluster-pods.json"));
    expect(context.runtimeClasses).toEqual([
      {
        name: "kata-qemu",
        handler: "kata-qemu",
        overhead: { memory: "160Mi", cpu: "250m" },
        source: "fixtures/kubernetes/cluster-pods.json",
      },
    ]);
    expect(context.nodes).toEqual([
      {
        name: "node-1",
        labels: { "kubernetes.io/hostname": "node-1", "katacontainers.io/kata-runtime": "true" },
        memoryCapacity: "32Gi",
        allocatableMemory: "32Gi",
        allocatableCpu: "8",
        source: "fixtures/kubernetes/cluster-pods.json",
      },
    ]);
    expect(files[0].skipped).toEqual({ Node: 1, RuntimeClass: 1 });
    expect(workloads.length).toBeGreaterThan(0);
  });

  it("reads PersistentVolumeClaims' access modes and the cilium-config socket LB keys (catalog 1.2)", () => {
    const text = `apiVersion: v1
kind: PersistentVolumeClaim
metadata: { name: shared, namespace: ns }
spec: { accessModes: [ReadWriteMany], volumeMode: Filesystem }
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: { name: disk }
spec: { accessModes: [ReadWriteOnce] }
---
apiVersion: v1
kind: ConfigMap
metadata: { name: cilium-config, namespace: kube-system }
data: { kube-proxy-replacement: "true", bpf-lb-sock-hostns-only: "false", other: x }
---
apiVersion: v1
kind: Node
metadata: { name: n1 }
status: { capacity: { memory: 65843012Ki } }`;
    const { context, files } = parseFiles({ name: "ctx.yaml", content: text });
    expect(context.persistentVolumeClaims).toEqual({
      "ns/shared": { accessModes: ["ReadWriteMany"], volumeMode: "Filesystem" },
      "default/disk": { accessModes: ["ReadWriteOnce"], volumeMode: null },
    });
    expect(context.ciliumConfigs).toEqual([
      { namespace: "kube-system", kubeProxyReplacement: "true", socketLbHostNamespaceOnly: "false", source: "ctx.yaml" },
    ]);
    expect(context.configMaps["kube-system/cilium-config"]).toEqual({ keys: 3, bytes: 10 });
    // No status.allocatable: the capacity stands in for it.
    expect(context.nodes).toEqual([
      { name: "n1", labels: {}, memoryCapacity: "65843012Ki", allocatableMemory: "65843012Ki", source: "ctx.yaml" },
    ]);
    expect(files[0].skipped).toEqual({ PersistentVolumeClaim: 2, ConfigMap: 1, Node: 1 });
  });

  it("sizes Secrets from base64 data and stringData, and ConfigMaps from data and binaryData", () => {
    const text = `apiVersion: v1
kind: Secret
metadata: { name: s, namespace: ns }
data:
  a: aGVsbG8=
  b: aGk=
stringData:
  b: "héllo"
  c: xyz
---
apiVersion: v1
kind: ConfigMap
metadata: { name: cm }
data: { conf: "ü" }
binaryData: { blob: AAECAwQ= }
`;
    const { context } = parseText("ctx.yaml", text);
    // a: 5 bytes, b overridden by stringData "héllo" (6 UTF-8 bytes), c: 3
    expect(context.secrets["ns/s"]).toEqual({ keys: 3, bytes: 14 });
    // conf: 2 UTF-8 bytes, blob: 5 decoded bytes
    expect(context.configMaps["default/cm"]).toEqual({ keys: 2, bytes: 7 });
  });
});

describe("Docker and Podman", () => {
  it("reads docker inspect arrays: name without the slash, no namespace, labels from Config", () => {
    const result = parseFiles(fixture("docker/inspect.json"));
    expect(result.errors).toEqual([]);
    expect(result.files[0]).toMatchObject({ format: "docker-inspect", syntax: "json", objects: 2, workloads: 2 });
    const [web, cadvisor] = result.workloads;
    expect(web).toMatchObject({
      id: "prod//Container/web",
      platform: "docker",
      kind: "Container",
      namespace: null,
      name: "web",
      pods: [],
      team: "web-platform",
      pathPrefix: "",
    });
    expect(web.object.HostConfig).toMatchObject({ NetworkMode: "bridge" });
    expect(web.source.line).toBe(2);
    expect(cadvisor.name).toBe("cadvisor");
    expect(cadvisor.source.line).toBeGreaterThan(web.source.line ?? 0);
  });

  it("reads a single inspect object too", () => {
    const [first] = JSON.parse(new TextDecoder().decode(fixture("docker/inspect.json").content as Uint8Array)) as unknown[];
    const { workloads } = parseText("one.json", json(first));
    expect(workloads.map((w) => w.id)).toEqual(["prod//Container/web"]);
  });

  it("recognises Podman inspect output and records the engine", () => {
    const result = parseFiles(fixture("docker/podman-inspect.json"));
    expect(result.files[0].format).toBe("podman-inspect");
    expect(result.context.engines).toEqual([{ engine: "podman", version: null, source: "fixtures/docker/podman-inspect.json" }]);
    expect(result.workloads).toHaveLength(1);
    expect(result.workloads[0]).toMatchObject({ name: "cache", team: "cache-team", annotations: { "io.container.manager": "libpod" } });
  });

  it("reads docker version JSON into the engine context", () => {
    const result = parseFiles(fixture("docker/version.json"));
    expect(result.files[0].format).toBe("docker-version");
    expect(result.context.engines).toEqual([{ engine: "docker", version: "27.3.1", source: "fixtures/docker/version.json" }]);
    expect(result.workloads).toEqual([]);
    expect(result.errors).toEqual([]);
  });

  it("reads docker info JSON into the engine context", () => {
    const result = parseText(
      "info.json",
      json({ ID: "x", Containers: 3, Driver: "overlay2", DockerRootDir: "/var/lib/docker", ServerVersion: "26.1.0" }),
    );
    expect(result.context.engines).toEqual([{ engine: "docker", version: "26.1.0", source: "info.json" }]);
  });

  it("answers docker ps output with the command to run instead", () => {
    const result = parseFiles(fixture("docker/ps.json"));
    expect(result.workloads).toEqual([]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0].message).toContain("docker inspect $(docker ps -aq)");
    expect(result.errors[0]).toMatchObject({ source: "fixtures/docker/ps.json", line: 1 });
  });

  it("answers Engine container-list JSON (Names array) the same way", () => {
    const list = [
      { Id: "abc", Names: ["/web"], Image: "nginx", State: "running", Status: "Up 2 hours", HostConfig: { NetworkMode: "default" } },
    ];
    const result = parseText("containers.json", json(list));
    expect(result.workloads).toEqual([]);
    expect(result.errors.map((e) => e.message)).toEqual([expect.stringContaining("docker inspect $(docker ps -aq)")]);
  });

  it("explains that image inspect output is not container inspect output", () => {
    const result = parseFiles(fixture("docker/image-inspect.json"));
    expect(result.workloads).toEqual([]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0].message).toMatch(/image inspect output.*not container inspect/);
  });
});

describe("Compose", () => {
  it("names the project after the folder and reads replicas, labels and merge keys", () => {
    const result = parseFiles(fixture("compose/shop/compose.yaml"));
    expect(result.errors).toEqual([]);
    expect(result.files[0]).toMatchObject({ format: "compose", syntax: "yaml", workloads: 3 });
    const [web, worker, db] = result.workloads;
    expect(web).toMatchObject({
      id: "prod/shop/Service/web",
      platform: "compose",
      kind: "Service",
      namespace: "shop",
      pathPrefix: "services.web",
      replicas: 3,
      team: "shop",
    });
    expect(web.object).toMatchObject({ image: "nginx:1.27", restart: "unless-stopped" });
    expect(web.source.line).toBe(8);
    expect(worker).toMatchObject({ replicas: 2, labels: { owner: "queue-team" }, team: "queue-team" });
    expect(db).toMatchObject({ replicas: 1, pods: [] });
  });

  it("uses the file's name: key as the project", () => {
    const { workloads } = parseText("deploy/compose.yaml", "name: billing\nservices:\n  api:\n    image: x\n");
    expect(workloads[0].id).toBe("prod/billing/Service/api");
  });

  it("falls back to the file name without extension when there is no folder", () => {
    const { workloads } = parseText("stack.yml", "services:\n  api:\n    image: x\n");
    expect(workloads[0].namespace).toBe("stack");
  });

  it("reads the v1 format with services at the top level and legacy keys kept", () => {
    const result = parseFiles(fixture("compose/legacy/docker-compose.yml"));
    expect(result.errors).toEqual([]);
    expect(result.workloads.map((w) => [w.id, w.pathPrefix])).toEqual([
      ["prod/legacy/Service/web", "web"],
      ["prod/legacy/Service/app", "app"],
      ["prod/legacy/Service/data", "data"],
    ]);
    expect(result.workloads[0].object).toMatchObject({ net: "container:app", links: ["app"] });
    expect(result.workloads[1].object.volumes_from).toEqual(["data"]);
    expect(result.workloads[0].source.line).toBe(2);
  });

  it("reports a service that is not a mapping", () => {
    const result = parseText("c/compose.yaml", "services:\n  web:\n    image: x\n  broken: 42\n");
    expect(result.workloads.map((w) => w.name)).toEqual(["web"]);
    expect(result.errors).toEqual([
      { source: "c/compose.yaml", line: 4, message: expect.stringContaining("service broken is not a mapping") },
    ]);
  });
});

describe("mixed inputs", () => {
  it("reads several formats in one inventory and keeps the file order", () => {
    const result = parseFiles(fixture("compose/shop/compose.yaml"), fixture("docker/inspect.json"), fixture("kubernetes/manifests.yaml"));
    expect(result.files.map((f) => f.format)).toEqual(["compose", "docker-inspect", "kubernetes"]);
    expect(result.workloads.map((w) => w.platform)).toEqual([
      "compose",
      "compose",
      "compose",
      "docker",
      "docker",
      "kubernetes",
      "kubernetes",
      "kubernetes",
    ]);
  });

  it("detects the format from content, not the file name", () => {
    const result = parseText("looks-like.yaml", new TextDecoder().decode(fixture("docker/inspect.json").content as Uint8Array));
    expect(result.files[0]).toMatchObject({ format: "docker-inspect", syntax: "json" });
    expect(result.workloads).toHaveLength(2);
  });

  it("reads JSON Lines (one object per line)", () => {
    const spec = { containers: [{ name: "c", image: "x" }] };
    const text = ["a", "b"].map((name) => JSON.stringify({ apiVersion: "v1", kind: "Pod", metadata: { name }, spec })).join("\n");
    const { workloads, errors } = parseText("pods.jsonl", text);
    expect(errors).toEqual([]);
    expect(workloads.map((w) => [w.name, w.source.line])).toEqual([
      ["a", 1],
      ["b", 2],
    ]);
  });
});

describe("what a workload keeps of its object", () => {
  it("drops status, managedFields and the last-applied annotation, and leaves the input alone", () => {
    const lastApplied = "kubectl.kubernetes.io/last-applied-configuration";
    const object = {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: {
        name: "web",
        namespace: "shop",
        annotations: { [lastApplied]: "{}", team: "a" },
        managedFields: [{ manager: "kubectl" }],
      },
      spec: { replicas: 2, template: { spec: { containers: [{ name: "c", image: "x" }] } } },
      status: { replicas: 2 },
    };
    const { workloads } = parseText("k.json", listOf(object));
    expect(workloads[0].object).toEqual({
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "web", namespace: "shop", annotations: { team: "a" } },
      spec: object.spec,
    });
    expect(workloads[0].annotations).toEqual({ team: "a" });
    expect(object.status).toEqual({ replicas: 2 });
    expect(Object.keys(object.metadata)).toContain("managedFields");
  });

  it("keeps a `__proto__` key as data when trimming", () => {
    const text =
      '{"apiVersion": "v1", "kind": "Pod", "__proto__": {"polluted": true}, "metadata": {"name": "p", "__proto__": {"x": 1}, "managedFields": []}, "spec": {"containers": [{"name": "c"}]}, "status": {}}';
    const { workloads } = parseText("p.json", text);
    const object = workloads[0].object;
    expect(Object.getPrototypeOf(object)).toBe(Object.prototype);
    expect(Object.keys(object)).toEqual(["apiVersion", "kind", "__proto__", "metadata", "spec"]);
    expect(Object.getOwnPropertyDescriptor(object, "__proto__")?.value).toEqual({ polluted: true });
    expect(Object.keys(object.metadata as object)).toEqual(["name", "__proto__"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("files loaded on demand", () => {
  it("reads a lazy file once and reports one that cannot be read", () => {
    let loads = 0;
    const pod = JSON.stringify(podObject("p"));
    const load = () => {
      loads++;
      return new TextEncoder().encode(pod);
    };
    const fail = () => {
      throw new Error("no such file or directory");
    };
    const result = parseFiles({ name: "lazy.json", load }, { name: "gone.json", load: fail });
    expect(loads).toBe(1);
    expect(result.workloads.map((w) => w.name)).toEqual(["p"]);
    expect(result.files.map((f) => [f.source, f.bytes, f.errors])).toEqual([
      ["lazy.json", pod.length, 0],
      ["gone.json", 0, 1],
    ]);
    expect(result.errors).toEqual([{ source: "gone.json", message: "cannot read: no such file or directory" }]);
  });
});
