// Compose files: each service is a workload; the project is the namespace.
import { MAX_DEPTH } from "./limits";
import { composeLimitProblem } from "./object-limits";
import type { SourceDoc } from "./read-documents";
import type { FileSink } from "./sink";
import type { JsonObject } from "./types";
import { asObject, asString, exceedsDepth, isObject, workloadId } from "./values";
import { teamOf } from "../owners";

const TOP_LEVEL_KEYS = new Set(["version", "name", "services", "networks", "volumes", "configs", "secrets", "include", "models"]);
const SERVICE_KEYS = new Set([
  "image",
  "build",
  "command",
  "entrypoint",
  "environment",
  "ports",
  "volumes",
  "links",
  "net",
  "network_mode",
  "restart",
  "extends",
]);

export function isCompose(value: JsonObject): boolean {
  return isObject(value.services) && typeof value.kind !== "string";
}

/** The v1 format: no `services:`, every top-level entry a service (`image:` or `build:` ...). */
export function isComposeV1(value: JsonObject): boolean {
  const entries = Object.entries(value).filter(([key]) => !key.startsWith("x-"));
  if (entries.length === 0 || entries.some(([key]) => TOP_LEVEL_KEYS.has(key))) return false;
  return entries.every(([, service]) => isObject(service) && Object.keys(service).some((key) => SERVICE_KEYS.has(key)));
}

/** Project name: the file's `name:`, else its folder's name, else the file name without extension. */
function projectOf(value: JsonObject, fileName: string): string {
  const declared = asString(value.name)?.trim();
  if (declared) return declared;
  const parts = fileName.split(/[\\/]/).filter((part) => part !== "" && part !== ".");
  if (parts.length > 1) return parts[parts.length - 2];
  return (parts[0] ?? fileName).replace(/\.[^.]*$/, "") || "compose";
}

export function readCompose(doc: SourceDoc, value: JsonObject, isV1: boolean, sink: FileSink): void {
  const project = projectOf(isV1 ? {} : value, sink.file);
  const services = isV1 ? value : (value.services as JsonObject);
  for (const name of Object.keys(services)) {
    if (isV1 && name.startsWith("x-")) continue;
    sink.summary.objects++;
    const pathPrefix = isV1 ? name : `services.${name}`;
    const line = doc.keyLines?.get(pathPrefix) ?? doc.line;
    const service = services[name];
    if (!isObject(service)) {
      sink.error(`service ${name} is not a mapping (${pathPrefix})`, { line });
      continue;
    }
    if (exceedsDepth(service, MAX_DEPTH)) {
      sink.error(`service ${name} nests deeper than ${MAX_DEPTH} levels`, { line });
      continue;
    }
    const labels = composeMap(service.labels);
    const overLimit = composeLimitProblem(name, project, labels);
    if (overLimit !== null) {
      sink.error(`service ${name.length > 100 ? `${name.slice(0, 100)}...` : name}: ${overLimit}`, { line });
      continue;
    }
    sink.summary.workloads++;
    sink.entries.push({
      type: "workload",
      summary: sink.summary,
      workload: {
        id: workloadId(sink.cluster, project, "Service", name),
        platform: "compose",
        kind: "Service",
        namespace: project,
        name,
        source: line === undefined ? { file: sink.file } : { file: sink.file, line },
        sources: [sink.file],
        labels,
        annotations: composeMap(service.annotations),
        object: service,
        pathPrefix,
        pods: [],
        replicas: replicasOf(service),
        perNode: false,
        team: teamOf(labels),
      },
    });
  }
}

function replicasOf(service: JsonObject): number {
  const declared = asObject(service.deploy)?.replicas ?? service.scale;
  const count = typeof declared === "string" ? Number(declared) : declared;
  return typeof count === "number" && Number.isInteger(count) && count >= 0 ? count : 1;
}

/** Compose labels/annotations: a mapping, or a list of "key=value" strings. */
function composeMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (Array.isArray(value)) {
    for (const item of value) {
      if (typeof item !== "string") continue;
      const eq = item.indexOf("=");
      if (eq === -1) out[item] = "";
      else out[item.slice(0, eq)] = item.slice(eq + 1);
    }
  } else if (isObject(value)) {
    for (const key in value) {
      const v = value[key];
      out[key] = v === null || v === undefined ? "" : typeof v === "object" ? JSON.stringify(v) : String(v);
    }
  }
  return out;
}
