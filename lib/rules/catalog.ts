// The rule catalog (shared/spec/kata-rules.md, catalog v1.2). Adding a rule: one module, one line here.
import type { DeclaredRule, InventoryRule, Rule, WorkloadRule } from "./types";
import { hostNetwork } from "./workload/host-network";
import { sharedNetworkNamespace } from "./workload/shared-network-namespace";
import { dockerLink } from "./workload/docker-link";
import { hostPid } from "./workload/host-pid";
import { hostIpc } from "./workload/host-ipc";
import { sharedPidIpcNamespace } from "./workload/shared-pid-ipc-namespace";
import { privileged } from "./workload/privileged";
import { hostDevices } from "./workload/host-devices";
import { blockDevice } from "./workload/block-device";
import { vfioDevice } from "./workload/vfio-device";
import { gpu } from "./workload/gpu";
import { devicePluginResource } from "./workload/device-plugin-resource";
import { subpath } from "./workload/subpath";
import { hostpathSocket } from "./workload/hostpath-socket";
import { hostpathProcSys } from "./workload/hostpath-proc-sys";
import { procMount } from "./workload/proc-mount";
import { mountPropagation } from "./workload/mount-propagation";
import { hostpathVolume } from "./workload/hostpath-volume";
import { socketOnDiskEmptydir } from "./workload/socket-on-disk-emptydir";
import { memoryEmptydir } from "./workload/memory-emptydir";
import { dockerInDocker } from "./workload/docker-in-docker";
import { largeConfigmapInotify } from "./workload/large-configmap-inotify";
import { resourceLimits } from "./workload/resource-limits";
import { cpuLimitWithoutMemoryLimit } from "./workload/cpu-limit-without-memory-limit";
import { cpuset } from "./workload/cpuset";
import { inPlaceResize } from "./workload/in-place-resize";
import { blkio } from "./workload/blkio";
import { pidsLimit } from "./workload/pids-limit";
import { hugepages } from "./workload/hugepages";
import { kataAnnotations } from "./workload/kata-annotations";
import { guestLsm } from "./workload/guest-lsm";
import { intelRdt } from "./workload/intel-rdt";
import { serviceMeshHostRedirect } from "./workload/service-mesh-host-redirect";
import { kataRuntime } from "./workload/kata-runtime";
import { dockerEmbeddedDns } from "./workload/docker-embedded-dns";
import { execLivenessProbe } from "./workload/exec-liveness-probe";
import { sharedFilesystemVolume } from "./workload/shared-filesystem-volume";
import { userNamespace } from "./workload/user-namespace";
import { kernelModules } from "./workload/kernel-modules";
import { imageVolume } from "./workload/image-volume";
import { draResourceClaims } from "./workload/dra-resource-claims";
import { supplementalGroupsStrict } from "./workload/supplemental-groups-strict";
import { multusSecondaryNetworks } from "./workload/multus-secondary-networks";
import { java8OpenFiles } from "./workload/java8-open-files";
import { checkpointRestore } from "./declared/checkpoint-restore";
import { oomEvents } from "./declared/oom-events";
import { portForward } from "./declared/port-forward";
import { unknownRequirement } from "./declared/unknown-requirement";
import { noSharedFilesystem } from "./target/no-shared-filesystem";
import { dockerUnsupportedHypervisor } from "./target/docker-unsupported-hypervisor";
import { guestPullMissingIds } from "./target/guest-pull-missing-ids";
import { emptydirBlockSizelimit } from "./target/emptydir-block-sizelimit";
import { podmanEngine } from "./inventory/podman-engine";
import { dockerEngineVersion } from "./inventory/docker-engine-version";
import { noKataRuntimeclass } from "./inventory/no-kata-runtimeclass";
import { runtimeclassWithoutOverhead } from "./inventory/runtimeclass-without-overhead";
import { nodesNotKataLabelled } from "./inventory/nodes-not-kata-labelled";
import { nodesWithoutVirtualization } from "./inventory/nodes-without-virtualization";
import { duplicateWorkload } from "./inventory/duplicate-workload";
import { ciliumSocketLb } from "./inventory/cilium-socket-lb";
import { qemuShmCapacity } from "./inventory/qemu-shm-capacity";
import { kataContainerMetrics } from "./inventory/kata-container-metrics";

/** The catalog version stored with every upload and printed in reports (rules carry the version that introduced them). */
export const CATALOG_VERSION = "1.2";

export const WORKLOAD_RULES: readonly WorkloadRule[] = [
  hostNetwork,
  sharedNetworkNamespace,
  dockerLink,
  hostPid,
  hostIpc,
  sharedPidIpcNamespace,
  privileged,
  hostDevices,
  blockDevice,
  vfioDevice,
  gpu,
  devicePluginResource,
  subpath,
  hostpathSocket,
  hostpathProcSys,
  procMount,
  mountPropagation,
  hostpathVolume,
  socketOnDiskEmptydir,
  memoryEmptydir,
  dockerInDocker,
  largeConfigmapInotify,
  resourceLimits,
  cpuLimitWithoutMemoryLimit,
  cpuset,
  inPlaceResize,
  blkio,
  pidsLimit,
  hugepages,
  kataAnnotations,
  guestLsm,
  intelRdt,
  serviceMeshHostRedirect,
  kataRuntime,
  dockerEmbeddedDns,
  execLivenessProbe,
  sharedFilesystemVolume,
  userNamespace,
  kernelModules,
  imageVolume,
  draResourceClaims,
  supplementalGroupsStrict,
  multusSecondaryNetworks,
  java8OpenFiles,
  noSharedFilesystem,
  dockerUnsupportedHypervisor,
  guestPullMissingIds,
  emptydirBlockSizelimit,
];

export const DECLARED_RULES: readonly DeclaredRule[] = [checkpointRestore, oomEvents, portForward, unknownRequirement];

export const INVENTORY_RULES: readonly InventoryRule[] = [
  podmanEngine,
  dockerEngineVersion,
  noKataRuntimeclass,
  runtimeclassWithoutOverhead,
  nodesNotKataLabelled,
  nodesWithoutVirtualization,
  duplicateWorkload,
  ciliumSocketLb,
  qemuShmCapacity,
  kataContainerMetrics,
];

export const CATALOG: readonly Rule[] = [...WORKLOAD_RULES, ...DECLARED_RULES, ...INVENTORY_RULES];

const BY_ID = new Map<string, Rule>(CATALOG.map((rule) => [rule.id, rule]));

export function findRule(id: string): Rule | undefined {
  return BY_ID.get(id);
}

/** "1" (how catalog 1 uploads are stored), "1.0", "1.2" -> [major, minor]; null when not a version. */
function parseCatalogVersion(version: string): [number, number] | null {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(version.trim());
  return match ? [Number(match[1]), Number(match[2] ?? 0)] : null;
}

function isNewer(a: [number, number], b: [number, number]): boolean {
  return a[0] > b[0] || (a[0] === b[0] && a[1] > b[1]);
}

/**
 * The rules that came with a catalog newer than `scoredWith` (the catalog of a stored upload or an
 * earlier snapshot): their findings there are a "new rule", not a change in the workload. None
 * for an unreadable version.
 */
export function rulesNewerThan(scoredWith: string): Rule[] {
  const before = parseCatalogVersion(scoredWith);
  if (!before) return [];
  return CATALOG.filter((rule) => {
    const since = parseCatalogVersion(rule.since);
    return since !== null && isNewer(since, before);
  });
}
