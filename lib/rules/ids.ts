// Every rule id of the catalog (shared/spec/kata-rules.md), in catalog order. Rules are typed against
// it, and ids.test.ts checks it equals the catalog's ids: a new rule adds its id here and in catalog.ts.
export const RULE_IDS = [
  "host-network",
  "shared-network-namespace",
  "docker-link",
  "host-pid",
  "host-ipc",
  "shared-pid-ipc-namespace",
  "privileged",
  "host-devices",
  "block-device",
  "vfio-device",
  "gpu",
  "device-plugin-resource",
  "subpath",
  "hostpath-socket",
  "hostpath-proc-sys",
  "proc-mount",
  "mount-propagation",
  "hostpath-volume",
  "socket-on-disk-emptydir",
  "memory-emptydir",
  "docker-in-docker",
  "large-configmap-inotify",
  "resource-limits",
  "cpu-limit-without-memory-limit",
  "cpuset",
  "in-place-resize",
  "blkio",
  "pids-limit",
  "hugepages",
  "kata-annotations",
  "guest-lsm",
  "intel-rdt",
  "service-mesh-host-redirect",
  "kata-runtime",
  "no-shared-filesystem",
  "docker-unsupported-hypervisor",
  "guest-pull-missing-ids",
  "emptydir-block-sizelimit",
  "checkpoint-restore",
  "oom-events",
  "port-forward",
  "unknown-requirement",
  "podman-engine",
  "docker-engine-version",
  "no-kata-runtimeclass",
  "runtimeclass-without-overhead",
  "nodes-not-kata-labelled",
  "nodes-without-virtualization",
] as const;

export type RuleId = (typeof RULE_IDS)[number];

const KNOWN: ReadonlySet<string> = new Set(RULE_IDS);

/** Narrows a rule id read from outside (URL, stored finding, CLI argument). */
export function isRuleId(value: unknown): value is RuleId {
  return typeof value === "string" && KNOWN.has(value);
}
