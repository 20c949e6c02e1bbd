import type { Finding, WorkloadRule } from "../types";
import { asArray, finding, hostConfigOf, isObject, join, metadataEntriesOf } from "../walk";

const BLKIO_ANNOTATION = "blockio.resources.beta.kubernetes.io/";
const DEVICE_FIELDS = ["BlkioWeightDevice", "BlkioDeviceReadBps", "BlkioDeviceWriteBps", "BlkioDeviceReadIOps", "BlkioDeviceWriteIOps"];

const isBlkioAnnotation = (key: string) => key.startsWith(BLKIO_ANNOTATION);

export const blkio: WorkloadRule = {
  id: "blkio",
  scope: "workload",
  since: "1.0",
  title: "Block I/O weight and throttling ignored",
  severity: "warning",
  remedy: "platform",
  appliesTo: ["kubernetes", "docker", "compose"],
  summary:
    "Block I/O weights or throttles (Docker `--blkio-weight`, `--device-*-bps/iops`, Compose `blkio_config`, blockio class annotations) that Kata silently drops.",
  why: `Both Kata runtimes remove every block I/O resource from the container spec before it reaches the guest ("only CPU and memory constraints are supported in the guest"). Weights and bandwidth or IOPS throttles are therefore not applied, neither at create time nor through \`docker update\`, and nothing reports it: a noisy neighbour that was held back under runc is not under Kata.`,
  remediation: `- Enforce I/O QoS outside the container: storage-class or CSI volume QoS, or limits on the host-side sandbox cgroup set by the platform.
- Remove the settings from the workload so they do not suggest protection that does not exist.
- Keep the workload on runc if per-container block I/O isolation is a hard requirement.`,
  references: [
    { title: "Kata limitations: update command", url: "https://github.com/kata-containers/kata-containers/blob/main/docs/Limitations.md" },
  ],
  check(workload) {
    const out: Finding[] = [];
    if (workload.platform === "kubernetes") {
      for (const entry of metadataEntriesOf(workload, "annotations", isBlkioAnnotation)) {
        out.push(
          finding(blkio, {
            container: null,
            path: entry.path,
            message: `annotation ${entry.key}=${entry.value}: block I/O classes are not applied in the Kata guest`,
          }),
        );
      }
    } else if (workload.platform === "docker") {
      const hostConfig = hostConfigOf(workload.object);
      const weight = typeof hostConfig.BlkioWeight === "number" ? hostConfig.BlkioWeight : 0;
      if (weight > 0) {
        out.push(
          finding(blkio, { container: null, path: "HostConfig.BlkioWeight", message: `BlkioWeight ${weight} is ignored under Kata` }),
        );
      }
      for (const field of DEVICE_FIELDS) {
        const entries = asArray(hostConfig[field]);
        if (entries.length === 0) continue;
        const devices = entries
          .filter(isObject)
          .map((e) => String(e.Path ?? "?"))
          .join(", ");
        out.push(finding(blkio, { container: null, path: `HostConfig.${field}`, message: `${field} (${devices}) is ignored under Kata` }));
      }
    } else {
      const config = workload.object.blkio_config;
      if (isObject(config) && Object.keys(config).length > 0) {
        out.push(
          finding(blkio, {
            container: null,
            path: join(workload.pathPrefix, "blkio_config"),
            message: `blkio_config (${Object.keys(config).join(", ")}) is ignored under Kata`,
          }),
        );
      }
    }
    return out;
  },
};
