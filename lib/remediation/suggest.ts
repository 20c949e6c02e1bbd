// Suggested manifest changes for a workload's findings: pure functions that patch a copy of the
// object and show the change as a YAML diff. Conservative: a change is offered only where the
// fix is mechanical and its effect is known; everything else stays guidance in the rule text.
import type { JsonObject, Workload } from "../inventory/types";
import type { Finding, RuleId } from "../rules/types";
import { assessWorkload } from "../scoring/assess";
import { formatUnifiedDiff } from "./diff";
import { formatPath, getIn, parsePath, wrapInPrefix, type PathSegment } from "./path";
import { renderYaml, type YamlComment } from "./yaml";

export type ChangeId = "runtime-class" | "resource-limits" | "socket-emptydir-memory" | "subpath-items";

export interface SuggestedChange {
  id: ChangeId;
  /** Findings' rules this change answers (empty for the RuntimeClass switch). */
  ruleIds: RuleId[];
  title: string;
  /** What the change does, in plain words. */
  explanation: string;
  /** What to check before applying it. */
  caveats: string[];
  /** True when the change contains values a person must choose (marked in the YAML). */
  hasPlaceholders: boolean;
  /** Unified diff of this change alone against the original manifest. */
  diff: string;
}

export interface RemediationPlan {
  changes: SuggestedChange[];
  /** The manifest as stored, and with every change applied (YAML). */
  before: string;
  after: string;
  /** The patched object (Compose: the service, without the prefix). */
  patched: JsonObject;
  diff: string;
}

export interface SuggestOptions {
  /** The target profile's RuntimeClass name, e.g. `kata-qemu-runtime-rs`. */
  runtimeClassName: string;
  /**
   * Values for limits the tool cannot know. Default: plausible quantities marked by a comment (the
   * dashboard's suggestion); patches pass strings that are not quantities, so `kubectl apply`
   * refuses them until a person fills them in.
   */
  placeholder?(resource: "cpu" | "memory", request?: unknown): string;
}

type FindingLike = Pick<Finding, "ruleId" | "severity" | "container" | "path">;

interface PatchResult {
  ruleIds: RuleId[];
  comments: YamlComment[];
  caveats: string[];
}

interface PatchDef {
  id: ChangeId;
  title: string;
  explanation: string;
  /** Mutates `root` (the object, wrapped in its Compose prefix); null when nothing applies. */
  apply(root: JsonObject, workload: Workload, findings: readonly FindingLike[], options: SuggestOptions): PatchResult | null;
}

const PLACEHOLDER_NOTE = "placeholder: size from observed usage";
const DEFAULT_CPU_LIMIT = "500m";
const DEFAULT_MEMORY_LIMIT = "512Mi";

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function hasValue(value: unknown): boolean {
  return (typeof value === "string" && value.trim() !== "") || typeof value === "number";
}

/** The object at `segments`, creating empty maps on the way. */
function ensureObject(root: JsonObject, segments: readonly PathSegment[]): JsonObject | null {
  let current: unknown = root;
  for (const segment of segments) {
    if (typeof segment === "number") {
      if (!Array.isArray(current) || !isObject(current[segment])) return null;
      current = current[segment];
      continue;
    }
    if (!isObject(current)) return null;
    if (current[segment] === undefined || current[segment] === null) current[segment] = {};
    current = current[segment];
  }
  return isObject(current) ? current : null;
}

function dirname(path: string): string {
  const trimmed = path.replace(/\/+$/, "");
  const index = trimmed.lastIndexOf("/");
  return index <= 0 ? "/" : trimmed.slice(0, index);
}

function basename(path: string): string {
  const trimmed = path.replace(/\/+$/, "");
  return trimmed.slice(trimmed.lastIndexOf("/") + 1);
}

/** The prefix of a finding path up to (not including) the first segment named `name`. */
function prefixBefore(segments: readonly PathSegment[], name: string): PathSegment[] | null {
  const index = segments.indexOf(name);
  return index > 0 ? segments.slice(0, index) : null;
}

const runtimeClass: PatchDef = {
  id: "runtime-class",
  title: "Run the workload on Kata",
  explanation:
    "The workload has no blocker or warning under the target profile: set the pod's runtimeClassName to the profile's RuntimeClass to move it to Kata.",
  apply(root, workload, findings, options) {
    if (workload.platform !== "kubernetes") return null;
    const assessment = assessWorkload(findings.map((f): Finding => ({ remedy: null, message: "", ...f })));
    if (assessment.readiness !== "ready" || assessment.migrated) return null;
    const comments: YamlComment[] = [];
    const caveats: string[] = [];
    for (const pod of workload.pods) {
      const segments = parsePath(pod.path);
      const spec = getIn(root, segments);
      if (!isObject(spec)) continue;
      if (hasValue(spec.runtimeClassName)) {
        caveats.push(`The pod already names RuntimeClass "${String(spec.runtimeClassName)}": left as is.`);
        continue;
      }
      spec.runtimeClassName = options.runtimeClassName;
      comments.push({ path: [...segments, "runtimeClassName"], text: "target profile RuntimeClass" });
    }
    if (comments.length === 0) return null;
    caveats.push(
      `The cluster needs a RuntimeClass named "${options.runtimeClassName}" (kata-deploy creates it) and nodes able to run Kata.`,
    );
    return { ruleIds: [], comments, caveats };
  },
};

const resourceLimits: PatchDef = {
  id: "resource-limits",
  title: "Add the missing CPU and memory limits",
  explanation:
    "Kata sizes the VM from the containers' limits. Each missing limit is added: from the container's request where it has one, else a placeholder value you must size.",
  apply(root, workload, findings, options) {
    const relevant = findings.filter((f) => f.ruleId === "resource-limits" || f.ruleId === "cpu-limit-without-memory-limit");
    if (relevant.length === 0) return null;
    const comments: YamlComment[] = [];
    const ruleIds = new Set<RuleId>();

    if (workload.platform === "compose") {
      const finding = relevant.find((f) => f.ruleId === "resource-limits");
      if (!finding) return null;
      const segments = parsePath(finding.path);
      const limits = ensureObject(root, segments);
      if (!limits || Object.keys(limits).length > 0) return null;
      limits.cpus = options.placeholder?.("cpu") ?? "0.50";
      limits.memory = options.placeholder?.("memory") ?? "512M";
      comments.push({ path: [...segments, "cpus"], text: PLACEHOLDER_NOTE }, { path: [...segments, "memory"], text: PLACEHOLDER_NOTE });
      return { ruleIds: [finding.ruleId], comments, caveats: [] };
    }
    if (workload.platform !== "kubernetes") return null;

    const done = new Set<string>();
    for (const finding of relevant) {
      const segments = parsePath(finding.path);
      const containerPath = prefixBefore(segments, "resources");
      if (!containerPath || done.has(formatPath(containerPath))) continue;
      const container = getIn(root, containerPath);
      if (!isObject(container)) continue;
      done.add(formatPath(containerPath));
      const resources = ensureObject(root, [...containerPath, "resources"]);
      if (!resources) continue;
      const requests = isObject(resources.requests) ? resources.requests : {};
      const limits = ensureObject(root, [...containerPath, "resources", "limits"]);
      if (!limits) continue;
      for (const [name, fallback] of [
        ["cpu", DEFAULT_CPU_LIMIT],
        ["memory", DEFAULT_MEMORY_LIMIT],
      ] as const) {
        if (hasValue(limits[name])) continue;
        const fromRequest = hasValue(requests[name]) && !options.placeholder;
        limits[name] = fromRequest ? requests[name] : (options.placeholder?.(name, requests[name]) ?? fallback);
        comments.push({
          path: [...containerPath, "resources", "limits", name],
          text: fromRequest ? "set to the request; check it" : PLACEHOLDER_NOTE,
        });
      }
      ruleIds.add(finding.ruleId);
    }
    if (comments.length === 0) return null;
    return {
      ruleIds: [...ruleIds],
      comments,
      caveats: ["The VM is sized from the sum of these limits: size them from the workload's real usage, not from the placeholders."],
    };
  },
};

const socketEmptyDir: PatchDef = {
  id: "socket-emptydir-memory",
  title: "Back the shared socket directory with memory",
  explanation:
    "A UNIX socket cannot be bound on a disk-backed emptyDir under Kata, but works on the in-guest tmpfs of an emptyDir with medium: Memory. Sockets use no space.",
  apply(root, workload, findings) {
    if (workload.platform !== "kubernetes") return null;
    const comments: YamlComment[] = [];
    for (const finding of findings.filter((f) => f.ruleId === "socket-on-disk-emptydir")) {
      const segments = parsePath(finding.path);
      const emptyDir = getIn(root, segments);
      if (!isObject(emptyDir) || hasValue(emptyDir.medium)) continue;
      emptyDir.medium = "Memory";
      comments.push({ path: [...segments, "medium"], text: "sockets need the in-guest tmpfs" });
    }
    if (comments.length === 0) return null;
    return {
      ruleIds: ["socket-on-disk-emptydir"],
      comments,
      caveats: [
        "Files in a memory emptyDir count against the VM's memory and sizeLimit is not enforced: if the volume also holds large files, split it into a memory volume for the sockets and a disk volume for the data.",
        "This rule is a heuristic: apply the change only if the volume really carries sockets.",
      ],
    };
  },
};

const subpathItems: PatchDef = {
  id: "subpath-items",
  title: "Mount the ConfigMap or Secret key without subPath",
  explanation:
    "Kata does not support subPath mounts. For a single key of a ConfigMap or Secret, project that key with items and mount the volume on the file's directory instead.",
  apply(root, workload, findings) {
    if (workload.platform !== "kubernetes") return null;
    const comments: YamlComment[] = [];
    const caveats: string[] = [];
    for (const finding of findings.filter((f) => f.ruleId === "subpath")) {
      const segments = parsePath(finding.path);
      if (segments[segments.length - 1] !== "subPath") continue;
      const mountPath = segments.slice(0, -1);
      const containerPath = prefixBefore(mountPath, "volumeMounts");
      const pod = workload.pods.find((p) => formatPath(containerPath ?? []).startsWith(`${formatPath(parsePath(p.path))}.`));
      const mount = getIn(root, mountPath);
      if (!containerPath || !pod || !isObject(mount)) continue;
      const podSegments = parsePath(pod.path);
      const key = mount.subPath;
      const target = mount.mountPath;
      if (typeof key !== "string" || key === "" || key.includes("/") || typeof target !== "string") continue;
      const directory = dirname(target);
      const fileName = basename(target);
      if (directory === "/" || fileName === "") continue;

      const volumes = getIn(root, [...podSegments, "volumes"]);
      const volume = Array.isArray(volumes) ? volumes.find((v) => isObject(v) && v.name === mount.name) : undefined;
      const sourceField = isObject(volume) ? (["configMap", "secret"] as const).find((f) => isObject(volume[f])) : undefined;
      if (!isObject(volume) || !sourceField) continue;
      // Adding items to a volume other mounts also use would change what they see.
      const users = ["containers", "initContainers", "ephemeralContainers"].flatMap((kind) => {
        const list = getIn(root, [...podSegments, kind]);
        return Array.isArray(list) ? list.flatMap((c) => (isObject(c) && Array.isArray(c.volumeMounts) ? c.volumeMounts : [])) : [];
      });
      if (users.filter((m) => isObject(m) && m.name === mount.name).length !== 1) {
        caveats.push(`Volume "${String(mount.name)}" is mounted more than once: its subPath mount is left for you to change.`);
        continue;
      }
      const siblings = getIn(root, [...containerPath, "volumeMounts"]);
      if (Array.isArray(siblings) && siblings.some((m) => m !== mount && isObject(m) && m.mountPath === directory)) {
        caveats.push(`Another mount already uses ${directory}: the subPath mount of "${String(mount.name)}" is left for you to change.`);
        continue;
      }
      const source = volume[sourceField] as JsonObject;
      const items = Array.isArray(source.items) ? source.items.filter(isObject) : [];
      const existing = items.find((item) => item.path === key);
      if (items.length > 0 && !existing) continue;
      source.items = [existing ? { ...existing, path: fileName } : { key, path: fileName }];
      delete mount.subPath;
      mount.mountPath = directory;
      comments.push({ path: [...mountPath, "mountPath"], text: `was ${target} via subPath` });
      caveats.push(
        `The volume now covers all of ${directory}: files the image keeps there are hidden. If it has any, mount at a new directory instead and point the application at the file there.`,
      );
    }
    if (comments.length === 0) return null;
    caveats.push("Without subPath the mounted file follows updates of the ConfigMap or Secret; with subPath it never did.");
    return { ruleIds: ["subpath"], comments, caveats };
  },
};

const PATCHES: readonly PatchDef[] = [resourceLimits, socketEmptyDir, subpathItems, runtimeClass];

/**
 * Every change applied to one copy of the object, without rendering YAML or diffs (the migration
 * patches need only the changed object, for many workloads).
 */
export function applyChanges(
  workload: Workload,
  findings: readonly FindingLike[],
  options: SuggestOptions,
): { patched: JsonObject; changes: { id: ChangeId; ruleIds: string[] }[] } {
  const combined = structuredClone(wrapInPrefix(workload.object, workload.pathPrefix));
  const changes: { id: ChangeId; ruleIds: string[] }[] = [];
  for (const patch of PATCHES) {
    const result = patch.apply(combined, workload, findings, options);
    if (result) changes.push({ id: patch.id, ruleIds: result.ruleIds });
  }
  const patched = workload.pathPrefix ? (getIn(combined, parsePath(workload.pathPrefix)) as JsonObject) : combined;
  return { patched, changes };
}

/** Changes that fix findings of this workload, each as its own diff, and all of them together. */
export function suggestChanges(workload: Workload, findings: readonly FindingLike[], options: SuggestOptions): RemediationPlan {
  const original = wrapInPrefix(workload.object, workload.pathPrefix);
  const before = renderYaml(original);
  const combined = structuredClone(original);
  const combinedComments: YamlComment[] = [];
  const changes: SuggestedChange[] = [];

  for (const patch of PATCHES) {
    const single = structuredClone(original);
    const result = patch.apply(single, workload, findings, options);
    if (!result) continue;
    patch.apply(combined, workload, findings, options);
    combinedComments.push(...result.comments);
    const after = renderYaml(single, result.comments);
    changes.push({
      id: patch.id,
      ruleIds: result.ruleIds,
      title: patch.title,
      explanation: patch.explanation,
      caveats: result.caveats,
      hasPlaceholders: result.comments.some((c) => c.text === PLACEHOLDER_NOTE),
      diff: formatUnifiedDiff(before, after, { fromFile: "current", toFile: "suggested" }),
    });
  }

  const after = renderYaml(combined, combinedComments);
  const patched = workload.pathPrefix ? (getIn(combined, parsePath(workload.pathPrefix)) as JsonObject) : combined;
  return { changes, before, after, patched, diff: formatUnifiedDiff(before, after, { fromFile: "current", toFile: "suggested" }) };
}
