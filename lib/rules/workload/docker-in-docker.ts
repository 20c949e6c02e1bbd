import type { Finding, WorkloadRule } from "../types";
import {
  asString,
  claimTemplateOf,
  composeVolumes,
  containersOfWorkload,
  dockerMounts,
  finding,
  isObject,
  join,
  mountsOf,
  volumesOf,
} from "../walk";

const DOCKER_DATA = "/var/lib/docker";

/** `docker:24-dind`, `registry.example.com/library/docker:dind-rootless` (digest ignored). */
export function isDindImage(image: string): boolean {
  // Cheap rejection first: every container image is checked.
  if (!image.includes("docker:")) return false;
  const withoutDigest = image.split("@")[0];
  const last = withoutDigest.slice(withoutDigest.lastIndexOf("/") + 1);
  const colon = last.indexOf(":");
  if (colon < 0) return false;
  return last.slice(0, colon) === "docker" && /dind/i.test(last.slice(colon + 1));
}

function isDockerData(path: string): boolean {
  return path.startsWith(DOCKER_DATA) && path.replace(/\/+$/, "") === DOCKER_DATA;
}

export const dockerInDocker: WorkloadRule = {
  id: "docker-in-docker",
  scope: "workload",
  since: "1.0",
  title: "Docker-in-Docker",
  severity: "blocker",
  remedy: "manifest",
  appliesTo: ["kubernetes", "docker", "compose"],
  summary: "A `docker:*dind*` image, or Docker's data directory `/var/lib/docker` on storage that comes from the host's disk.",
  why: `dockerd stores images and container layers in \`/var/lib/docker\` with the overlay2 driver. Under Kata a volume from the host's disk reaches the guest over virtio-fs, and virtio-fs cannot be the upper layer of an overlayfs. dockerd then fails to start, or worse, silently falls back to the \`vfs\` driver, which copies every layer in full: builds get very slow and the volume fills up.`,
  remediation: `Give \`/var/lib/docker\` a filesystem that lives inside the VM:

- a memory \`emptyDir\` (small workloads only; count it in the memory limit):

\`\`\`yaml
containers:
  - name: dind
    image: docker:27-dind
    volumeMounts:
      - name: docker-data
        mountPath: /var/lib/docker
volumes:
  - name: docker-data
    emptyDir:
      medium: Memory
\`\`\`

- or a PersistentVolumeClaim (a block volume is hotplugged into the guest), or a loop-mounted ext4 image.
- dind also needs \`privileged: true\`; on the node set \`privileged_without_host_devices = true\`.
- Docker / Compose: mount \`/var/lib/docker\` as a tmpfs rather than a bind mount or named volume.`,
  references: [
    {
      title: "Kata how-to: run Docker with Kata Containers",
      url: "https://github.com/kata-containers/kata-containers/blob/main/docs/how-to/how-to-run-docker-with-kata.md",
    },
  ],
  check(workload) {
    const out: Finding[] = [];
    if (workload.platform === "kubernetes") {
      for (const container of containersOfWorkload(workload)) {
        const image = asString(container.container.image) ?? "";
        if (isDindImage(image)) {
          out.push(
            finding(dockerInDocker, {
              container: container.name,
              path: `${container.path}.image`,
              message: `Docker-in-Docker image ${image}`,
            }),
          );
        }
        for (const mount of mountsOf(container)) {
          const mountPath = asString(mount.mount.mountPath) ?? "";
          // Read-only (catalog 1.1): an agent reading the host's engine (cAdvisor), not a daemon's storage.
          if (!isDockerData(mountPath) || mount.mount.readOnly === true) continue;
          const volume = volumesOf(container.pod).find((v) => v.name === mount.mount.name)?.volume;
          const emptyDir = volume && isObject(volume.emptyDir) ? volume.emptyDir : undefined;
          const isClaim = volume
            ? isObject(volume.persistentVolumeClaim) || isObject(volume.ephemeral)
            : claimTemplateOf(workload, mount.mount.name) !== undefined;
          if (emptyDir?.medium === "Memory" || isClaim) continue;
          const backing = emptyDir
            ? "a disk emptyDir"
            : volume
              ? `a ${Object.keys(volume).find((k) => k !== "name") ?? "volume"} volume`
              : "an undeclared volume";
          out.push(
            finding(dockerInDocker, {
              container: container.name,
              path: `${mount.path}.mountPath`,
              message: `${DOCKER_DATA} is on ${backing} ("${asString(mount.mount.name) ?? ""}"), which cannot hold overlayfs layers under Kata`,
            }),
          );
        }
      }
      return out;
    }
    const docker = workload.platform === "docker";
    const config = docker && isObject(workload.object.Config) ? workload.object.Config : {};
    const image = asString(docker ? config.Image : workload.object.image) ?? "";
    if (isDindImage(image)) {
      out.push(
        finding(dockerInDocker, {
          container: null,
          path: docker ? "Config.Image" : join(workload.pathPrefix, "image"),
          message: `Docker-in-Docker image ${image}`,
        }),
      );
    }
    const mounts = docker
      ? dockerMounts(workload.object).map((m) => ({
          type: m.type,
          target: m.destination,
          source: m.source,
          readOnly: m.readOnly,
          path: m.path,
        }))
      : composeVolumes(workload.object, workload.pathPrefix);
    for (const mount of mounts) {
      if (mount.type === "tmpfs" || mount.readOnly || !isDockerData(mount.target)) continue;
      out.push(
        finding(dockerInDocker, {
          container: null,
          path: mount.path,
          message: `${DOCKER_DATA} is a ${mount.type} mount${mount.source ? ` of ${mount.source}` : ""}, on the host's disk: overlayfs layers cannot live there under Kata`,
        }),
      );
    }
    return out;
  },
};
