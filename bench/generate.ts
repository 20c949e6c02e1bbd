// Synthetic but realistic inventories for the benchmark: what `kubectl get deploy,sts,ds,job,
// cronjob,pod,runtimeclass,node,cm -A -o json` prints for a big cluster (managedFields, status,
// owned Pods that fold into their controller), with a spread of Kata findings.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** Deterministic PRNG (mulberry32) so every run scans the same bytes. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAMESPACES = ["shop", "payments", "search", "identity", "data", "ml", "monitoring", "platform", "batch", "edge"];
const TEAMS = ["storefront", "checkout", "discovery", "iam", "warehouse", "science", "sre", "infra"];
const IMAGES = ["nginx:1.27", "redis:7.4", "postgres:16", "example.com/api:3.2.1", "example.com/worker:1.9.0", "envoyproxy/envoy:v1.31"];

function uid(rand: () => number): string {
  const hex = () =>
    Math.floor(rand() * 0xffff)
      .toString(16)
      .padStart(4, "0");
  return `${hex()}${hex()}-${hex()}-${hex()}-${hex()}-${hex()}${hex()}${hex()}`;
}

function managedFields(kind: string): Json[] {
  return [
    {
      manager: "kubectl-client-side-apply",
      operation: "Update",
      apiVersion: kind === "Pod" ? "v1" : "apps/v1",
      time: "2026-10-02T09:14:11Z",
      fieldsType: "FieldsV1",
      fieldsV1: {
        "f:metadata": { "f:labels": { ".": {}, "f:app": {} } },
        "f:spec": { "f:template": { "f:spec": { "f:containers": {} } } },
      },
    },
    {
      manager: "kube-controller-manager",
      operation: "Update",
      apiVersion: "apps/v1",
      time: "2026-11-20T17:40:03Z",
      fieldsType: "FieldsV1",
      fieldsV1: { "f:status": { "f:availableReplicas": {}, "f:conditions": {}, "f:readyReplicas": {}, "f:replicas": {} } },
      subresource: "status",
    },
  ];
}

/** Which Kata-relevant feature a workload gets: most are clean or miss limits, a few are blocked. */
function pickFeature(rand: () => number): string {
  const r = rand();
  if (r < 0.5) return "clean";
  if (r < 0.68) return "no-limits";
  if (r < 0.74) return "hostpath";
  if (r < 0.78) return "host-network";
  if (r < 0.82) return "subpath";
  if (r < 0.85) return "privileged";
  if (r < 0.89) return "memory-emptydir";
  if (r < 0.93) return "seccomp";
  if (r < 0.96) return "kata";
  return "docker-sock";
}

function container(name: string, image: string, index: number, feature: string): JsonObject {
  const c: JsonObject = {
    name,
    image,
    imagePullPolicy: "IfNotPresent",
    ports: [{ name: "http", containerPort: 8080 + index, protocol: "TCP" }],
    env: [
      { name: "LOG_LEVEL", value: "info" },
      { name: "POD_NAME", valueFrom: { fieldRef: { apiVersion: "v1", fieldPath: "metadata.name" } } },
    ],
    resources:
      feature === "no-limits"
        ? { requests: { cpu: "100m", memory: "128Mi" } }
        : { requests: { cpu: "250m", memory: "256Mi" }, limits: { cpu: "1", memory: "512Mi" } },
    terminationMessagePath: "/dev/termination-log",
    terminationMessagePolicy: "File",
    volumeMounts: [{ name: "config", mountPath: "/etc/app", readOnly: true }],
  };
  if (index === 0) c.readinessProbe = { httpGet: { path: "/healthz", port: 8080, scheme: "HTTP" }, periodSeconds: 10, failureThreshold: 3 };
  const mounts = c.volumeMounts as JsonObject[];
  if (feature === "subpath" && index === 0) mounts.push({ name: "config", mountPath: "/etc/nginx/nginx.conf", subPath: "nginx.conf" });
  if (feature === "hostpath" && index === 0) mounts.push({ name: "host-logs", mountPath: "/var/log/host" });
  if (feature === "docker-sock" && index === 0) mounts.push({ name: "docker-sock", mountPath: "/var/run/docker.sock" });
  if (feature === "memory-emptydir") mounts.push({ name: "cache", mountPath: "/cache" });
  if (feature === "privileged" && index === 0) c.securityContext = { privileged: true };
  return c;
}

function podSpec(rand: () => number, feature: string, name: string): JsonObject {
  const roll = rand();
  const count = roll < 0.7 ? 1 : roll < 0.95 ? 2 : 3;
  const containers = Array.from({ length: count }, (_, i) =>
    container(i === 0 ? name : `sidecar-${i}`, IMAGES[Math.floor(rand() * IMAGES.length)], i, feature),
  );
  const volumes: JsonObject[] = [{ name: "config", configMap: { name: `${name}-config`, defaultMode: 420 } }];
  if (feature === "hostpath") volumes.push({ name: "host-logs", hostPath: { path: "/var/log", type: "Directory" } });
  if (feature === "docker-sock") volumes.push({ name: "docker-sock", hostPath: { path: "/var/run/docker.sock", type: "Socket" } });
  if (feature === "memory-emptydir") volumes.push({ name: "cache", emptyDir: { medium: "Memory", sizeLimit: "256Mi" } });
  const spec: JsonObject = {
    containers,
    dnsPolicy: "ClusterFirst",
    restartPolicy: "Always",
    schedulerName: "default-scheduler",
    securityContext: feature === "seccomp" ? { seccompProfile: { type: "RuntimeDefault" } } : {},
    serviceAccountName: "default",
    terminationGracePeriodSeconds: 30,
    volumes,
  };
  if (feature === "host-network") spec.hostNetwork = true;
  if (feature === "kata") spec.runtimeClassName = "kata-qemu-runtime-rs";
  return spec;
}

function metadata(rand: () => number, kind: string, name: string, namespace: string, extra: JsonObject = {}): JsonObject {
  return {
    name,
    namespace,
    uid: uid(rand),
    resourceVersion: String(100000 + Math.floor(rand() * 9_000_000)),
    generation: 1 + Math.floor(rand() * 9),
    creationTimestamp: "2026-10-02T09:14:11Z",
    labels: { app: name, "app.kubernetes.io/name": name, "app.kubernetes.io/part-of": TEAMS[Math.floor(rand() * TEAMS.length)] },
    annotations: kind === "Pod" ? {} : { "deployment.kubernetes.io/revision": String(1 + Math.floor(rand() * 20)) },
    managedFields: managedFields(kind),
    ...extra,
  };
}

function template(rand: () => number, name: string, feature: string): JsonObject {
  return { metadata: { labels: { app: name } }, spec: podSpec(rand, feature, name) };
}

function controllerStatus(replicas: number): JsonObject {
  return {
    observedGeneration: 3,
    replicas,
    updatedReplicas: replicas,
    readyReplicas: replicas,
    availableReplicas: replicas,
    conditions: [
      {
        type: "Available",
        status: "True",
        lastUpdateTime: "2026-11-20T17:40:03Z",
        lastTransitionTime: "2026-10-02T09:15:00Z",
        reason: "MinimumReplicasAvailable",
        message: "Deployment has minimum availability.",
      },
      {
        type: "Progressing",
        status: "True",
        lastUpdateTime: "2026-11-20T17:40:03Z",
        lastTransitionTime: "2026-10-02T09:14:11Z",
        reason: "NewReplicaSetAvailable",
        message: `ReplicaSet has successfully progressed.`,
      },
    ],
  };
}

function podStatus(): JsonObject {
  return {
    phase: "Running",
    hostIP: "10.0.3.17",
    podIP: "10.244.7.31",
    startTime: "2026-11-20T17:39:41Z",
    conditions: [
      { type: "Ready", status: "True", lastProbeTime: null, lastTransitionTime: "2026-11-20T17:40:01Z" },
      { type: "PodScheduled", status: "True", lastProbeTime: null, lastTransitionTime: "2026-11-20T17:39:41Z" },
    ],
    qosClass: "Burstable",
  };
}

export interface GeneratedInventory {
  /** Objects of the List, workloads plus folded Pods and context objects. */
  items: JsonObject[];
  workloads: number;
}

/** `workloads` top-level workloads (controllers and bare Pods), plus owned Pods and context objects. */
export function generateInventory(workloads: number, seed = 42): GeneratedInventory {
  const rand = random(seed);
  const items: JsonObject[] = [];
  for (let i = 0; i < workloads; i++) {
    const namespace = NAMESPACES[i % NAMESPACES.length];
    const feature = pickFeature(rand);
    const r = rand();
    const name = `svc-${i.toString(36)}`;
    if (r < 0.55) {
      const replicas = 1 + Math.floor(rand() * 4);
      items.push({
        apiVersion: "apps/v1",
        kind: "Deployment",
        metadata: metadata(rand, "Deployment", name, namespace),
        spec: {
          replicas,
          selector: { matchLabels: { app: name } },
          strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: "25%", maxUnavailable: "25%" } },
          template: template(rand, name, feature),
        },
        status: controllerStatus(replicas),
      });
      // Some Deployments also have their Pods listed: they fold into the Deployment.
      if (i % 10 === 0) {
        const hash = (i * 7919).toString(36).padStart(9, "7").slice(0, 9);
        for (let p = 0; p < 2; p++) {
          const podName = `${name}-${hash}-${(p * 104729 + i).toString(36).slice(-5).padStart(5, "x")}`;
          items.push({
            apiVersion: "v1",
            kind: "Pod",
            metadata: metadata(rand, "Pod", podName, namespace, {
              labels: { app: name, "pod-template-hash": hash },
              ownerReferences: [
                {
                  apiVersion: "apps/v1",
                  kind: "ReplicaSet",
                  name: `${name}-${hash}`,
                  uid: uid(rand),
                  controller: true,
                  blockOwnerDeletion: true,
                },
              ],
            }),
            spec: { ...podSpec(rand, feature, name), nodeName: `node-${p}` },
            status: podStatus(),
          });
        }
      }
    } else if (r < 0.67) {
      items.push({
        apiVersion: "apps/v1",
        kind: "StatefulSet",
        metadata: metadata(rand, "StatefulSet", name, namespace),
        spec: { replicas: 3, serviceName: name, selector: { matchLabels: { app: name } }, template: template(rand, name, feature) },
        status: controllerStatus(3),
      });
    } else if (r < 0.72) {
      items.push({
        apiVersion: "apps/v1",
        kind: "DaemonSet",
        metadata: metadata(rand, "DaemonSet", name, namespace),
        spec: { selector: { matchLabels: { app: name } }, template: template(rand, name, feature) },
        status: { currentNumberScheduled: 12, desiredNumberScheduled: 12, numberReady: 12, numberMisscheduled: 0, observedGeneration: 2 },
      });
    } else if (r < 0.8) {
      const spec = podSpec(rand, feature, name);
      spec.restartPolicy = "OnFailure";
      items.push({
        apiVersion: "batch/v1",
        kind: "CronJob",
        metadata: metadata(rand, "CronJob", name, namespace),
        spec: {
          schedule: "17 3 * * *",
          concurrencyPolicy: "Forbid",
          jobTemplate: { spec: { backoffLimit: 2, template: { metadata: {}, spec } } },
        },
        status: { lastScheduleTime: "2026-11-28T03:17:00Z" },
      });
    } else if (r < 0.85) {
      const spec = podSpec(rand, feature, name);
      spec.restartPolicy = "Never";
      items.push({
        apiVersion: "batch/v1",
        kind: "Job",
        metadata: metadata(rand, "Job", name, namespace),
        spec: { backoffLimit: 4, completions: 1, parallelism: 1, template: { metadata: {}, spec } },
        status: { succeeded: 1, startTime: "2026-11-28T01:00:00Z", completionTime: "2026-11-28T01:02:13Z" },
      });
    } else {
      items.push({
        apiVersion: "v1",
        kind: "Pod",
        metadata: metadata(rand, "Pod", name, namespace),
        spec: { ...podSpec(rand, feature, name), nodeName: `node-${i % 12}` },
        status: podStatus(),
      });
    }
    if (i % 20 === 0) {
      items.push({
        apiVersion: "v1",
        kind: "ConfigMap",
        metadata: { name: `${name}-config`, namespace, uid: uid(rand), resourceVersion: "4242" },
        data: { "config.yaml": "log:\n  level: info\nserver:\n  port: 8080\n" },
      });
    }
  }
  items.push({
    apiVersion: "node.k8s.io/v1",
    kind: "RuntimeClass",
    metadata: { name: "kata-qemu-runtime-rs" },
    handler: "kata-qemu-runtime-rs",
    overhead: { podFixed: { memory: "320Mi", cpu: "250m" } },
  });
  for (let n = 0; n < 12; n++) {
    items.push({
      apiVersion: "v1",
      kind: "Node",
      metadata: {
        name: `node-${n}`,
        labels: { "kubernetes.io/hostname": `node-${n}`, "katacontainers.io/kata-runtime": n < 4 ? "true" : "false" },
      },
      status: { nodeInfo: { containerRuntimeVersion: "containerd://2.0.4", kubeletVersion: "v1.32.3" } },
    });
  }
  return { items, workloads };
}

/**
 * The inventory as `parts` files, split by namespace the way a big cluster is exported
 * (`kubectl get ... -n <ns> -o json`); cluster-scoped objects go to the first part.
 */
export function splitByNamespace(inventory: GeneratedInventory, parts: number): GeneratedInventory[] {
  if (parts <= 1) return [inventory];
  const out: GeneratedInventory[] = Array.from({ length: parts }, () => ({ items: [], workloads: 0 }));
  for (const item of inventory.items) {
    const namespace = (item.metadata as JsonObject | undefined)?.namespace;
    const index = typeof namespace === "string" ? NAMESPACES.indexOf(namespace) % parts : 0;
    out[index].items.push(item);
  }
  return out;
}

/** kubectl's JSON: a `List`, indented with 4 spaces. */
export function toKubectlJson(inventory: GeneratedInventory): string {
  return `${JSON.stringify({ apiVersion: "v1", kind: "List", items: inventory.items, metadata: { resourceVersion: "" } }, null, 4)}\n`;
}

const PLAIN = /^[A-Za-z_/][\w./-]*$/;
const RESERVED = /^(true|false|null|yes|no|on|off|y|n|~)$/i;

function yamlScalar(value: Json): string {
  if (value === null) return "null";
  if (typeof value === "string") return PLAIN.test(value) && !RESERVED.test(value) ? value : JSON.stringify(value);
  return String(value);
}

function emitYaml(value: Json, indent: string, out: string[]): void {
  if (Array.isArray(value)) {
    for (const item of value) {
      if (item !== null && typeof item === "object" && !Array.isArray(item) && Object.keys(item).length > 0) {
        const lines: string[] = [];
        emitYaml(item, `${indent}  `, lines);
        lines[0] = `${indent}- ${lines[0].slice(indent.length + 2)}`;
        out.push(...lines);
      } else out.push(`${indent}- ${isEmpty(item) ? emptyOf(item) : yamlScalar(item)}`);
    }
    return;
  }
  if (value !== null && typeof value === "object") {
    for (const [key, child] of Object.entries(value)) {
      const k = PLAIN.test(key) && !RESERVED.test(key) ? key : JSON.stringify(key);
      if (child !== null && typeof child === "object" && !isEmpty(child)) {
        out.push(`${indent}${k}:`);
        emitYaml(child, Array.isArray(child) ? indent : `${indent}  `, out);
      } else out.push(`${indent}${k}: ${isEmpty(child) ? emptyOf(child) : yamlScalar(child)}`);
    }
  }
}

function isEmpty(value: Json): boolean {
  return value !== null && typeof value === "object" && (Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0);
}

function emptyOf(value: Json): string {
  return Array.isArray(value) ? "[]" : "{}";
}

/** Multi-document YAML, one object per document (as `kubectl get -o yaml` piped through yq, or a manifests dump). */
export function toMultiDocYaml(inventory: GeneratedInventory): string {
  const docs: string[] = [];
  for (const item of inventory.items) {
    const lines: string[] = [];
    emitYaml(item, "", lines);
    docs.push(lines.join("\n"));
  }
  return `${docs.join("\n---\n")}\n`;
}
