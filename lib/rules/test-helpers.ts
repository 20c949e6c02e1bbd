// Builders for rule tests. Each one writes the manifest, `docker inspect` output or Compose file a
// user would upload and runs it through the real parser (parseInventory), so a rule is only ever
// tested on a workload shape the parser really produces.
import { emptyContext, parseInventory } from "../inventory/parse";
import type { InventoryContext, JsonObject, Workload } from "../inventory/types";
import { getProfile, type ProfileId } from "../scoring/profiles";
import type { RuleContext } from "./types";

const CLUSTER = "test";

/** The one workload the parser reads from `content`; anything else (errors, none, several) fails the test. */
function parseOne(name: string, content: string): Workload {
  const { workloads, errors } = parseInventory([{ name, content }], { cluster: CLUSTER });
  if (errors.length > 0 || workloads.length !== 1) {
    const problems = errors.map((error) => `${error.source}${error.line ? `:${error.line}` : ""}: ${error.message}`);
    throw new Error(
      `test input ${name} gives ${workloads.length} workloads${problems.length > 0 ? `; ${problems.join("; ")}` : ""}:\n${content}`,
    );
  }
  return workloads[0];
}

const API_VERSIONS: Record<string, string> = { Pod: "v1", Job: "batch/v1", CronJob: "batch/v1" };
const POD_SPEC_PATHS: Record<string, string[]> = { Pod: ["spec"], CronJob: ["spec", "jobTemplate", "spec", "template", "spec"] };
const DEFAULT_POD_SPEC_PATH = ["spec", "template", "spec"];
/** The parser refuses a pod without containers (so does the API server): tests that leave them out get this one. */
export const DEFAULT_CONTAINER = { name: "main", image: "registry.example.com/app:1.0" };

function withContainer(object: JsonObject, path: readonly string[]): JsonObject {
  const [key, ...rest] = path;
  const child = (object[key] as JsonObject | undefined) ?? {};
  if (rest.length > 0) return { ...object, [key]: withContainer(child, rest) };
  const containers = child.containers;
  return Array.isArray(containers) && containers.length > 0 ? object : { ...object, [key]: { ...child, containers: [DEFAULT_CONTAINER] } };
}

/**
 * A Kubernetes workload from a manifest: YAML text as written, or an object (kind, apiVersion and
 * metadata defaulted, and DEFAULT_CONTAINER when the pod spec's containers are missing or `[]`,
 * the shorthand rule tests use for "a pod, containers beside the point"). YAML text is read as written.
 */
export function k8sWorkload(manifest: string | JsonObject): Workload {
  if (typeof manifest === "string") return parseOne("test.yaml", manifest);
  const kind = typeof manifest.kind === "string" ? manifest.kind : "Deployment";
  const object = withContainer(
    {
      apiVersion: API_VERSIONS[kind] ?? "apps/v1",
      ...manifest,
      kind,
      metadata: { name: "test", namespace: "default", ...((manifest.metadata as JsonObject | undefined) ?? {}) },
    },
    POD_SPEC_PATHS[kind] ?? DEFAULT_POD_SPEC_PATH,
  );
  return parseOne("test.json", JSON.stringify(object));
}

/** A Deployment whose pod spec is the given YAML/object (the common case in rule tests). */
export function podWorkload(podSpec: string | JsonObject, podMetadata: JsonObject = {}): Workload {
  if (typeof podSpec === "string") {
    // The pod spec's YAML goes into the manifest as written, indented under `spec.template.spec`.
    const spec = podSpec
      .replace(/^\n+/, "")
      .replace(/\s+$/, "")
      .split("\n")
      .map((line) => `      ${line}`)
      .join("\n");
    const metadata = JSON.stringify(podMetadata);
    return parseOne(
      "test.yaml",
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: default\nspec:\n  template:\n    metadata: ${metadata}\n    spec:\n${spec}\n`,
    );
  }
  return k8sWorkload({
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "web", namespace: "default" },
    spec: { template: { metadata: podMetadata, spec: podSpec } },
  });
}

/** A Docker container from (part of) a `docker inspect` object; Id, Name, Config and State are filled in. */
export function dockerWorkload(inspect: JsonObject): Workload {
  const container = {
    Id: "4f0c9a7d2b1e4f0c9a7d2b1e4f0c9a7d2b1e4f0c9a7d2b1e4f0c9a7d2b1e4f0c",
    Name: "/web",
    State: { Status: "running", Running: true },
    HostConfig: {},
    ...inspect,
    Config: { Image: "registry.example.com/web:1.0", ...((inspect.Config as JsonObject | undefined) ?? {}) },
  };
  return parseOne("inspect.json", JSON.stringify([container]));
}

/** A Compose service (YAML text or object) of project "proj". */
export function composeWorkload(service: string | JsonObject, name = "web"): Workload {
  if (typeof service === "string") {
    const body = service
      .replace(/^\n+/, "")
      .replace(/\s+$/, "")
      .split("\n")
      .map((line) => `    ${line}`)
      .join("\n");
    return parseOne("compose.yaml", `name: proj\nservices:\n  ${name}:\n${body}\n`);
  }
  return parseOne("compose.json", JSON.stringify({ name: "proj", services: { [name]: service } }));
}

export function emptyInventory(overrides: Partial<InventoryContext> = {}): InventoryContext {
  return { ...emptyContext(), ...overrides };
}

export function ruleContext(profile: ProfileId = "kata-qemu-runtime-rs", inventory: Partial<InventoryContext> = {}): RuleContext {
  return { profile: getProfile(profile), inventory: emptyInventory(inventory) };
}
