import { parseQuantity } from "../../inventory/quantity";
import { limitEntries, limitPath } from "../resources";
import type { Finding, Severity, WorkloadRule } from "../types";
import { asString, composeVolumes, dockerMounts, finding, isObject, volumesOf } from "../walk";

const ONE_GIB = 2 ** 30;

function isHugepagesPath(path: string): boolean {
  return path === "/dev/hugepages" || path.startsWith("/dev/hugepages/");
}

/** 1Gi (and larger) pages are not mounted correctly in the guest; smaller pages only partly work. */
function severityOfPageSize(size: string): Severity {
  const bytes = parseQuantity(size);
  return bytes !== undefined && bytes >= ONE_GIB ? "blocker" : "warning";
}

export const hugepages: WorkloadRule = {
  id: "hugepages",
  scope: "workload",
  since: "1.0",
  title: "Huge pages",
  severity: "blocker",
  remedy: "manifest",
  appliesTo: ["kubernetes", "docker", "compose"],
  summary:
    "Huge page limits, a HugePages emptyDir or a host `/dev/hugepages` mount: 2 MiB pages only partly work under Kata (warning), 1 GiB pages and host hugepages do not (blocker).",
  why: `Under Kata the huge pages a container uses are allocated **inside the guest**, out of the VM's RAM, when a hugepage-backed emptyDir is mounted; the hugepage limit is added to the VM's memory size. The host pages the scheduler reserved for the pod are not what backs the guest, so the node's hugepage accounting is wrong.

- 2 MiB pages work with caveats: the agent allocates them before memory is hot-plugged, so with the default 2 GiB VM only a little under 2 GiB can become huge pages (kata-containers#3839).
- 1 GiB pages are not mounted correctly in the guest (kata-containers#3743).
- A \`hostPath\` of \`/dev/hugepages\` (or a Docker bind of it) shows the guest's hugetlbfs, not the host's: DPDK-style workloads that share host huge pages break.`,
  remediation: `- Prefer 2 MiB pages, and set memory and hugepage limits explicitly so the VM is sized for both:

\`\`\`yaml
resources:
  limits:
    memory: 1Gi
    hugepages-2Mi: 512Mi
volumes:
  - name: hugepage
    emptyDir:
      medium: HugePages-2Mi
\`\`\`

- Test the workload under Kata before relying on it.
- Keep workloads that need 1 GiB pages or host huge pages on runc, or ask the platform team for a dedicated configuration (\`enable_hugepages\` backs the whole VM memory with host huge pages).`,
  references: [
    { title: "kata-containers#3743: 1Gi hugepages", url: "https://github.com/kata-containers/kata-containers/issues/3743" },
    {
      title: "kata-containers#3839: hugepages allocated before memory hotplug",
      url: "https://github.com/kata-containers/kata-containers/issues/3839",
    },
    { title: "kata-containers#3342: hugepages support", url: "https://github.com/kata-containers/kata-containers/issues/3342" },
    { title: "kata-containers/runtime#2353: pod overhead and hugetlb", url: "https://github.com/kata-containers/runtime/issues/2353" },
  ],
  check(workload) {
    const out: Finding[] = [];
    if (workload.platform === "kubernetes") {
      for (const pod of workload.pods) {
        for (const { resources: r, name, value } of limitEntries(pod)) {
          // Containers and init containers only: ephemeral containers cannot hold resources.
          if (!name.startsWith("hugepages-") || r.container.kind === "ephemeralContainers") continue;
          const size = name.slice("hugepages-".length);
          out.push(
            finding(hugepages, {
              severity: severityOfPageSize(size),
              container: r.container.name,
              path: limitPath(r, name),
              message: `limits ${name}: ${String(value)} on ${r.container.name}${severityOfPageSize(size) === "blocker" ? " (1 GiB pages are not mounted correctly in the guest)" : " (guest-allocated, partly supported)"}`,
            }),
          );
        }
        for (const volume of volumesOf(pod)) {
          const emptyDir = volume.volume.emptyDir;
          const medium = isObject(emptyDir) ? (asString(emptyDir.medium) ?? "") : "";
          if (medium.startsWith("HugePages")) {
            const size = medium.startsWith("HugePages-") ? medium.slice("HugePages-".length) : "";
            out.push(
              finding(hugepages, {
                severity: size ? severityOfPageSize(size) : "warning",
                container: null,
                path: `${volume.path}.emptyDir.medium`,
                message: `emptyDir "${volume.name}" has medium: ${medium}; huge pages are allocated from the VM's RAM`,
              }),
            );
          }
          const hostPath = isObject(volume.volume.hostPath) ? (asString(volume.volume.hostPath.path) ?? "") : "";
          if (isHugepagesPath(hostPath)) {
            out.push(
              finding(hugepages, {
                severity: "blocker",
                container: null,
                path: `${volume.path}.hostPath.path`,
                message: `hostPath ${hostPath} shows the guest's hugetlbfs, not the host's huge pages`,
              }),
            );
          }
        }
      }
      return out;
    }
    const mounts =
      workload.platform === "docker"
        ? dockerMounts(workload.object).map((m) => ({ source: m.source, path: m.path }))
        : composeVolumes(workload.object, workload.pathPrefix).filter((v) => v.type === "bind");
    for (const mount of mounts) {
      if (!isHugepagesPath(mount.source)) continue;
      out.push(
        finding(hugepages, {
          severity: "blocker",
          container: null,
          path: mount.path,
          message: `bind mount of ${mount.source} shows the guest's hugetlbfs, not the host's huge pages`,
        }),
      );
    }
    return out;
  },
};
