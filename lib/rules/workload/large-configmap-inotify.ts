import type { ConfigDataSize } from "../../inventory/types";
import type { Finding, WorkloadRule } from "../types";
import { asArray, asString, finding, isObject, mountsOfVolume, volumesOf } from "../walk";

const MAX_KEYS = 8;
const MAX_BYTES = 1024 * 1024;

interface Source {
  kind: "ConfigMap" | "Secret";
  name: string;
  /** Index in `projected.sources`, or -1 for a plain configMap/secret volume. */
  index: number;
  object: Record<string, unknown>;
}

// Paths are built only for findings: nearly every Pod of a cluster dump projects kube-root-ca.crt.
function sourcesOf(volume: Record<string, unknown>): Source[] {
  const out: Source[] = [];
  if (isObject(volume.configMap)) out.push({ kind: "ConfigMap", name: asString(volume.configMap.name) ?? "", index: -1, object: volume.configMap });
  if (isObject(volume.secret)) out.push({ kind: "Secret", name: asString(volume.secret.secretName) ?? "", index: -1, object: volume.secret });
  if (isObject(volume.projected) && Array.isArray(volume.projected.sources)) {
    const sources: unknown[] = volume.projected.sources;
    for (let i = 0; i < sources.length; i++) {
      const source = sources[i];
      if (!isObject(source)) continue;
      if (isObject(source.configMap)) out.push({ kind: "ConfigMap", name: asString(source.configMap.name) ?? "", index: i, object: source.configMap });
      if (isObject(source.secret)) out.push({ kind: "Secret", name: asString(source.secret.name) ?? "", index: i, object: source.secret });
    }
  }
  return out;
}

function pathOf(source: Source, volumePath: string): string {
  const field = source.kind === "ConfigMap" ? "configMap" : "secret";
  return source.index < 0 ? `${volumePath}.${field}` : `${volumePath}.projected.sources[${source.index}].${field}`;
}

function describe(size: ConfigDataSize): string {
  const kib = Math.round(size.bytes / 1024);
  return `${size.keys} keys, ${kib} KiB`;
}

export const largeConfigmapInotify: WorkloadRule = {
  id: "large-configmap-inotify",
  scope: "workload",
  title: "Large ConfigMap or Secret mount: no inotify events",
  severity: "warning",
  remedy: "manifest",
  appliesTo: ["kubernetes"],
  summary: "A ConfigMap or Secret mounted whole (no `items`) whose object has more than 8 keys or more than 1 MiB of data, so applications that reload on inotify events never see changes under Kata.",
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
        const sources = sourcesOf(volume.volume);
        if (sources.length === 0) continue;
        const mounts = mountsOfVolume(pod, volume.name);
        if (mounts.length === 0) continue;
        for (const source of sources) {
          if (!source.name || asArray(source.object.items).length > 0) continue;
          const sizes = source.kind === "ConfigMap" ? context.inventory.configMaps : context.inventory.secrets;
          const size = sizes[`${namespace}/${source.name}`];
          if (!size || (size.keys <= MAX_KEYS && size.bytes <= MAX_BYTES)) continue;
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
