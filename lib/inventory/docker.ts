// `docker inspect` / `nerdctl inspect` / `podman inspect` containers, and engine version facts.
import { MAX_DEPTH } from "./limits";
import { dockerLimitProblem } from "./object-limits";
import type { FileSink } from "./sink";
import type { EngineInfo, JsonObject } from "./types";
import { asObject, asString, exceedsDepth, isObject, stringRecord, workloadId } from "./values";
import { teamOf } from "../owners";

const PODMAN_KEYS = ["OCIRuntime", "ConmonPidFile", "IsInfra", "OCIConfigPath"];

export const CONTAINER_LIST_MESSAGE =
  "this is `docker ps` / container-list output, which lacks the container settings: run `docker inspect $(docker ps -aq) > containers.json` and scan that file";
export const IMAGE_INSPECT_MESSAGE =
  "this is image inspect output (`docker image inspect`), not container inspect output: images carry no runtime settings; run `docker inspect $(docker ps -aq) > containers.json` for the containers";

export function isContainerInspect(value: JsonObject): boolean {
  return typeof value.Id === "string" && (isObject(value.HostConfig) || (isObject(value.Config) && isObject(value.State)));
}

export function isPodmanInspect(value: JsonObject): boolean {
  return PODMAN_KEYS.some((key) => key in value);
}

/** `docker ps --format json` lines and Engine `/containers/json` entries. */
export function isContainerList(value: JsonObject): boolean {
  return (
    "Names" in value &&
    !("Name" in value) &&
    !isObject(value.Config) &&
    (typeof value.Status === "string" || typeof value.State === "string")
  );
}

export function isImageInspect(value: JsonObject): boolean {
  return ("RepoTags" in value || "RootFS" in value) && !isObject(value.HostConfig) && !isObject(value.State);
}

export function readContainer(object: JsonObject, sink: FileSink, line: number | undefined): void {
  const name = (asString(object.Name) ?? "").replace(/^\//, "") || (asString(object.Id) ?? "").slice(0, 12);
  if (exceedsDepth(object, MAX_DEPTH)) {
    sink.error(`container ${name} nests deeper than ${MAX_DEPTH} levels`, { line });
    return;
  }
  const config = asObject(object.Config) ?? {};
  const overLimit = dockerLimitProblem(name, config.Labels);
  if (overLimit !== null) {
    sink.error(`container${line === undefined ? "" : ` at line ${line}`}: ${overLimit}`, { line });
    return;
  }
  const labels = stringRecord(config.Labels);
  sink.summary.workloads++;
  sink.entries.push({
    type: "workload",
    summary: sink.summary,
    workload: {
      id: workloadId(sink.cluster, null, "Container", name),
      platform: "docker",
      kind: "Container",
      namespace: null,
      name,
      source: line === undefined ? { file: sink.file } : { file: sink.file, line },
      sources: [sink.file],
      labels,
      annotations: stringRecord(config.Annotations),
      object,
      pathPrefix: "",
      pods: [],
      replicas: 1,
      perNode: false,
      team: teamOf(labels),
    },
  });
}

/** `docker version`, `docker info`, `podman version` or `podman info` JSON; undefined otherwise. */
export function engineOf(value: JsonObject, source: string): EngineInfo | undefined {
  const client = asObject(value.Client);
  const server = asObject(value.Server);
  if (client && (server || value.Server === null) && (typeof client.Version === "string" || typeof server?.Version === "string")) {
    const platform = asString(asObject(server?.Platform)?.Name) ?? asString(asObject(client.Platform)?.Name) ?? "";
    const isPodman = /podman/i.test(platform) || "APIVersion" in client;
    return { engine: isPodman ? "podman" : "docker", version: asString(server?.Version) ?? asString(client.Version) ?? null, source };
  }
  if (typeof value.ServerVersion === "string" && ("Driver" in value || "DockerRootDir" in value || "Containers" in value)) {
    return { engine: "docker", version: value.ServerVersion, source };
  }
  const version = asObject(value.version);
  if (isObject(value.host) && isObject(value.store) && version) {
    return { engine: "podman", version: asString(version.Version) ?? null, source };
  }
  return undefined;
}
