import type { ConfigDataSize } from "../../inventory/types";
import type { Finding, WorkloadRule } from "../types";
import { asArray, asString, finding, isObject, mountsOfVolume, volumesOf } from "../walk";

const MAX_KEYS = 8;
const MAX_BYTES = 1024 * 1024;

interface Source {
  kind: "ConfigMap" | "Secret";
  name: string;
  path: string;
  object: Record<string, unknown>;
}

function sourcesOf(volume: Record<string, unknown>, volumePath: string): Source[] {
  const out: Source[] = [];
  if (isObject(volume.configMap)) {
    out.push({ kind: "ConfigMap", name: asString(volume.configMap.name) ?? "", path: `${volumePath}.configMap`, object: volume.configMap });
  }
  if (isObject(volume.secret)) {
    out.push({ kind: "Secret", name: asString(volume.secret.secretName) ?? "", path: `${volumePath}.secret`, object: volume.secret });
  }
  if (isObject(volume.projected)) {
    asArray(volume.projected.sources).forEach((source, i) => {
      if (!isObject(source)) return;
      const base = `${volumePath}.projected.sources[${i}]`;
      if (isObject(source.configMap)) {
        out.push({ kind: "ConfigMap", name: asString(source.configMap.name) ?? "", path: `${base}.configMap`, object: source.configMap });
      }
      if (isObject(source.secret)) {
        out.push({ kind: "Secret", name: asString(source.secret.name) ?? "", path: `${base}.secret`, object: source.secret });
      }
    });
  }
  return out;
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
        const sources = sourcesOf(volume.volume, volume.path);
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
              path: source.path,
              message: `${source.kind} ${source.name} (${describe(size)}) is mounted whole in volume "${volume.name}" (by ${containers.join(", ")}); over 8 keys or 1 MiB, changes raise no inotify event`,
            }),
          );
        }
      }
    }
    return out;
  },
};
