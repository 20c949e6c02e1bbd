import type { Finding, WorkloadRule } from "../types";
import { engineMountsOf } from "../hostpath";
import { asString, finding, mountsOfWorkload } from "../walk";

const K8S_MODES: ReadonlySet<string> = new Set(["Bidirectional", "HostToContainer"]);
const ENGINE_MODES: ReadonlySet<string> = new Set(["rshared", "shared", "rslave", "slave"]);

export const mountPropagation: WorkloadRule = {
  id: "mount-propagation",
  scope: "workload",
  since: "1.0",
  title: "Mount propagation to or from the host",
  severity: "blocker",
  remedy: "keep-on-runc",
  appliesTo: ["kubernetes", "docker", "compose"],
  summary:
    "A mount propagates mounts between host and container (`mountPropagation: Bidirectional/HostToContainer`, `rshared`/`rslave` binds).",
  why: [
    "Mount propagation relies on host and container sharing one kernel's mount tree. A Kata container has its own kernel, and its volumes reach it over virtio-fs (or as copies):",
    "",
    "- mounts created inside the container are never propagated back to the host (`Bidirectional` does nothing for the node);",
    "- mounts the host creates after the sandbox started are not reliably visible in the container (`HostToContainer`); targets show up empty;",
    "- in confidential VMs even Bidirectional sharing between containers of the pod fails.",
    "",
    "The workloads that need this (CSI node plugins publishing volumes, FUSE mounters, storage agents) start normally and then silently do not do their job.",
  ].join("\n"),
  remediation: [
    "- Keep CSI node plugins, FUSE mounters that publish to the host and similar storage agents on runc.",
    "- If propagation is not really needed, remove it (the default `None` works under Kata):",
    "",
    "```yaml",
    "volumeMounts:",
    "  - name: data",
    "    mountPath: /data",
    "    # mountPropagation: HostToContainer   <- remove",
    "```",
  ].join("\n"),
  references: [
    {
      title: "kata-containers#10502: Is mount propagation supported?",
      url: "https://github.com/kata-containers/kata-containers/issues/10502",
    },
    {
      title: "kata-containers#13137: host bind mount in the shared dir invisible to the guest",
      url: "https://github.com/kata-containers/kata-containers/issues/13137",
    },
    {
      title: "kata-containers#8853: Bidirectional mount does not work in CVM",
      url: "https://github.com/kata-containers/kata-containers/issues/8853",
    },
  ],
  check(workload) {
    const out: Finding[] = [];
    if (workload.platform === "kubernetes") {
      for (const m of mountsOfWorkload(workload)) {
        const mode = asString(m.mount.mountPropagation);
        if (!mode || !K8S_MODES.has(mode)) continue;
        out.push(
          finding(mountPropagation, {
            container: m.container.name,
            path: `${m.path}.mountPropagation`,
            message: `mountPropagation: ${mode} on volume "${asString(m.mount.name) ?? ""}"`,
          }),
        );
      }
      return out;
    }
    for (const mount of engineMountsOf(workload)) {
      if (!ENGINE_MODES.has(mount.propagation)) continue;
      out.push(
        finding(mountPropagation, {
          container: null,
          path: mount.propagationPath,
          message: `propagation ${mount.propagation} on mount at ${mount.destination}`,
        }),
      );
    }
    return out;
  },
};
