import type { ConfigDataSize, InventoryContext } from "../../inventory/types";
import type { Finding, WorkloadRule } from "../types";
import { asArray, asString, finding, isObject, mountsOfVolume, RecentMemo, volumesOf } from "../walk";

const MAX_KEYS = 8;
const MAX_BYTES = 1024 * 1024;

interface Source {
  kind: "ConfigMap" | "Secret";
  name: string;
  /** Index in `projected.sources`, or -1 for a plain configMap/secret volume. */
  index: number;
  object: Record<string, unknown>;
}

const NO_SOURCES: readonly Source[] = [];

// Paths are built only for findings: nearly every Pod of a cluster dump projects kube-root-ca.crt.
function sourcesOf(volume: Record<string, unknown>): readonly Source[] {
  if (!isObject(volume.configMap) && !isObject(volume.secret) && !isObject(volume.projected)) return NO_SOURCES;
  const out: Source[] = [];
  if (isObject(volume.configMap))
    out.push({ kind: "ConfigMap", name: asString(volume.configMap.name) ?? "", index: -1, object: volume.configMap });
  if (isObject(volume.secret))
    out.push({ kind: "Secret", name: asString(volume.secret.secretName) ?? "", index: -1, object: volume.secret });
  if (isObject(volume.projected) && Array.isArray(volume.projected.sources)) {
    const sources: unknown[] = volume.projected.sources;
    for (let i = 0; i < sources.length; i++) {
      const source = sources[i];
      if (!isObject(source)) continue;
      if (isObject(source.configMap))
        out.push({ kind: "ConfigMap", name: asString(source.configMap.name) ?? "", index: i, object: source.configMap });
      if (isObject(source.secret)) out.push({ kind: "Secret", name: asString(source.secret.name) ?? "", index: i, object: source.secret });
    }
  }
  return out;
}

function pathOf(source: Source, volumePath: string): string {
  const field = source.kind === "ConfigMap" ? "configMap" : "secret";
  return source.index < 0 ? `${volumePath}.${field}` : `${volumePath}.projected.sources[${source.index}].${field}`;
}

type SizeIndex = ReadonlyMap<string, ReadonlyMap<string, ConfigDataSize>>;

/**
 * `namespace/name` sizes by namespace, then name (split at the last "/"): looking up a built
 * `namespace/name` string costs a string concatenation and hashing per mounted volume.
 */
function indexSizes(sizes: Record<string, ConfigDataSize>): SizeIndex {
  const index = new Map<string, Map<string, ConfigDataSize>>();
  for (const key in sizes) {
    const slash = key.lastIndexOf("/");
    if (slash < 0) continue;
    const namespace = key.slice(0, slash);
    let byName = index.get(namespace);
    if (!byName) index.set(namespace, (byName = new Map()));
    byName.set(key.slice(slash + 1), sizes[key]);
  }
  return index;
}

// Keyed by the inventory's configMaps and secrets records.
const sizeIndexMemo = new RecentMemo(2, indexSizes);

function sizeOf(sizes: Record<string, ConfigDataSize>, namespace: string, name: string): ConfigDataSize | undefined {
  // A name with a "/" is not a valid object name; the index cannot split such keys.
  if (name.includes("/")) return sizes[`${namespace}/${name}`];
  return sizeIndexMemo.get(sizes).get(namespace)?.get(name);
}

/** The size of the object a whole-object source mounts, when it is over the limits. */
function largeSizeOf(source: Source, namespace: string, inventory: InventoryContext): ConfigDataSize | undefined {
  if (!source.name || asArray(source.object.items).length > 0) return undefined;
  const size = sizeOf(source.kind === "ConfigMap" ? inventory.configMaps : inventory.secrets, namespace, source.name);
  return size && (size.keys > MAX_KEYS || size.bytes > MAX_BYTES) ? size : undefined;
}

function describe(size: ConfigDataSize): string {
  const kib = Math.round(size.bytes / 1024);
  return `${size.keys} keys, ${kib} KiB`;
}

export const largeConfigmapInotify: WorkloadRule = {
  id: "large-configmap-inotify",
  scope: "workload",
  since: "1.0",
  title: "Large ConfigMap or Secret mount: no inotify events",
  severity: "warning",
  remedy: "manifest",
  appliesTo: ["kubernetes"],
  summary:
    "A ConfigMap or Secret mounted whole (no `items`) whose object has more than 8 keys or more than 1 MiB of data, so applications that reload on inotify events never see changes under Kata.",
  why: `virtio-fs, which shares volumes between host and guest, does not deliver inotify events. Kata works around it for ConfigMap, Secret and projected volumes by polling the host copy and mirroring changes into a guest tmpfs, but only for mounts of at most 8 files and 1 MiB. A larger mount still receives the new content, yet no inotify event fires: config reloaders, certificate watchers and \`--watch-config\` style features keep running on the old data. The rule needs the ConfigMap/Secret objects in the inventory to know their size.`,
  remediation: `- Mount only the keys the container reads:

\`\`\`yaml
volumes:
  - name: config
    configMap:
      name: app-config
      items:
        - key: app.yaml
          path: app.yaml
\`\`\`

- Or split the ConfigMap into smaller ones (8 keys and 1 MiB each at most).
- Or make the application poll (for example compare a checksum periodically) instead of relying on inotify.
- Workloads that never reload their configuration can waive this finding.`,
  references: [
    { title: "Kata design: inotify support", url: "https://github.com/kata-containers/kata-containers/blob/main/docs/design/inotify.md" },
  ],
  check(workload, context) {
    const out: Finding[] = [];
    const namespace = workload.namespace ?? "default";
    for (const pod of workload.pods) {
      for (const volume of volumesOf(pod)) {
        for (const source of sourcesOf(volume.volume)) {
          // The size first: most mounted objects are small, and then the mounts are not needed.
          const size = largeSizeOf(source, namespace, context.inventory);
          if (!size) continue;
          const mounts = mountsOfVolume(pod, volume.name);
          if (mounts.length === 0) continue;
          const containers = [...new Set(mounts.map((m) => m.container.name))];
          out.push(
            finding(largeConfigmapInotify, {
              container: null,
              path: pathOf(source, volume.path),
              message: `${source.kind} ${source.name} (${describe(size)}) is mounted whole in volume "${volume.name}" (by ${containers.join(", ")}); over 8 keys or 1 MiB, changes raise no inotify event`,
            }),
          );
        }
      }
    }
    return out;
  },
};
