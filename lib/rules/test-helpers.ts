// Builders for rule tests: normalised workloads without going through the parser, so a rule's
// tests fail only when the rule is wrong.
import { parse } from "yaml";
import { emptyContext } from "../inventory/parse";
import type { InventoryContext, JsonObject, Workload } from "../inventory/types";
import { getProfile, type ProfileId } from "../scoring/profiles";
import type { RuleContext } from "./types";

const POD_PATHS: Record<string, { spec: string; metadata: string }> = {
  Pod: { spec: "spec", metadata: "metadata" },
  CronJob: { spec: "spec.jobTemplate.spec.template.spec", metadata: "spec.jobTemplate.spec.template.metadata" },
};

function get(object: JsonObject, path: string): JsonObject {
  let current: unknown = object;
  for (const key of path.split(".")) current = (current as JsonObject | undefined)?.[key];
  return (current as JsonObject) ?? {};
}

/** A Kubernetes workload from a manifest (YAML text or object). */
export function k8sWorkload(manifest: string | JsonObject): Workload {
  const object = (typeof manifest === "string" ? parse(manifest) : manifest) as JsonObject;
  const kind = String(object.kind ?? "Deployment");
  const metadata = (object.metadata ?? {}) as JsonObject;
  const name = String(metadata.name ?? "test");
  const namespace = String(metadata.namespace ?? "default");
  const paths = POD_PATHS[kind] ?? { spec: "spec.template.spec", metadata: "spec.template.metadata" };
  const podMetadata = get(object, paths.metadata);
  return {
    id: `test/${namespace}/${kind}/${name}`,
    platform: "kubernetes",
    kind,
    namespace,
    name,
    source: { file: "test.yaml" },
    sources: ["test.yaml"],
    labels: { ...((metadata.labels as Record<string, string>) ?? {}), ...((podMetadata.labels as Record<string, string>) ?? {}) },
    annotations: {
      ...((metadata.annotations as Record<string, string>) ?? {}),
      ...((podMetadata.annotations as Record<string, string>) ?? {}),
    },
    object,
    pathPrefix: "",
    pods: [{ spec: get(object, paths.spec), path: paths.spec, metadata: podMetadata, metadataPath: paths.metadata, source: "test.yaml" }],
    replicas: 1,
    perNode: kind === "DaemonSet",
    team: null,
  };
}

/** A Deployment whose pod spec is the given YAML/object (the common case in rule tests). */
export function podWorkload(podSpec: string | JsonObject, podMetadata: JsonObject = {}): Workload {
  const spec = typeof podSpec === "string" ? (parse(podSpec) as JsonObject) : podSpec;
  return k8sWorkload({
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "web", namespace: "default" },
    spec: { template: { metadata: podMetadata, spec } },
  });
}

/** A Docker container from a `docker inspect` object (HostConfig etc.). */
export function dockerWorkload(inspect: JsonObject): Workload {
  const name = String(inspect.Name ?? "/web").replace(/^\//, "");
  return {
    id: `test//Container/${name}`,
    platform: "docker",
    kind: "Container",
    namespace: null,
    name,
    source: { file: "inspect.json" },
    sources: ["inspect.json"],
    labels: ((inspect.Config as JsonObject | undefined)?.Labels as Record<string, string>) ?? {},
    annotations: {},
    object: inspect,
    pathPrefix: "",
    pods: [],
    replicas: 1,
    perNode: false,
    team: null,
  };
}

/** A Compose service (YAML text or object) of project "proj". */
export function composeWorkload(service: string | JsonObject, name = "web"): Workload {
  const object = (typeof service === "string" ? parse(service) : service) as JsonObject;
  return {
    id: `test/proj/Service/${name}`,
    platform: "compose",
    kind: "Service",
    namespace: "proj",
    name,
    source: { file: "compose.yaml" },
    sources: ["compose.yaml"],
    labels: {},
    annotations: {},
    object,
    pathPrefix: `services.${name}`,
    pods: [],
    replicas: 1,
    perNode: false,
    team: null,
  };
}

export function emptyInventory(overrides: Partial<InventoryContext> = {}): InventoryContext {
  return { ...emptyContext(), ...overrides };
}

export function ruleContext(profile: ProfileId = "kata-qemu-runtime-rs", inventory: Partial<InventoryContext> = {}): RuleContext {
  return { profile: getProfile(profile), inventory: emptyInventory(inventory) };
}
