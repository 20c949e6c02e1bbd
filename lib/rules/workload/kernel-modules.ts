import type { Finding, WorkloadRule } from "../types";
import { describeHostPathVolume, hostBindsOf, hostPathVolumesOf } from "../hostpath";
import { asArray, containersOfWorkload, finding, hostConfigOf, isObject, join } from "../walk";

/** `SYS_MODULE`, `CAP_SYS_MODULE` or `ALL`, any case. */
function loadsModules(capability: unknown): boolean {
  if (typeof capability !== "string") return false;
  const name = capability.toUpperCase().replace(/^CAP_/, "");
  return name === "SYS_MODULE" || name === "ALL";
}

export const kernelModules: WorkloadRule = {
  id: "kernel-modules",
  scope: "workload",
  since: "1.2",
  title: "Loads or reads host kernel modules",
  severity: "blocker",
  remedy: "keep-on-runc",
  appliesTo: ["kubernetes", "docker", "compose"],
  summary:
    "The workload adds the `SYS_MODULE` capability (or `ALL`) or mounts the host's `/lib/modules`: it expects to load modules into the host's kernel.",
  why: [
    "A Kata container runs on the VM's guest kernel, not the host's. That kernel is built with the features Kata needs compiled in, and its `/lib/modules` does not match the host's (it is mostly empty):",
    "",
    "- `modprobe` with `SYS_MODULE` loads nothing into the host, and usually finds no module to load in the guest;",
    "- host modules mounted from `/lib/modules` were built for another kernel and cannot be loaded by the guest.",
    "",
    "Agents that load modules for the node (storage and network drivers, eBPF and security tools, GPU drivers) do not do their job from inside a VM.",
  ].join("\n"),
  remediation: [
    "- Keep node agents that load kernel modules on runc: they act on the host by design.",
    "- If an application only needs a module to be present, load it on the node (or build it into the Kata guest kernel) and drop `SYS_MODULE` and the `/lib/modules` mount from the workload.",
  ].join("\n"),
  references: [
    { title: "kata-containers#5666: kernel modules in the guest", url: "https://github.com/kata-containers/kata-containers/issues/5666" },
    { title: "kata-containers#4958: loading kernel modules", url: "https://github.com/kata-containers/kata-containers/issues/4958" },
    {
      title: "Kata how-to: load kernel modules",
      url: "https://github.com/kata-containers/kata-containers/blob/main/docs/how-to/how-to-load-kernel-modules-with-kata.md",
    },
  ],
  check(workload) {
    const out: Finding[] = [];
    if (workload.platform === "kubernetes") {
      for (const c of containersOfWorkload(workload)) {
        const sc = c.container.securityContext;
        const caps = isObject(sc) && isObject(sc.capabilities) ? sc.capabilities : {};
        asArray(caps.add).forEach((cap, i) => {
          if (!loadsModules(cap)) return;
          out.push(
            finding(kernelModules, {
              container: c.name,
              path: `${c.path}.securityContext.capabilities.add[${i}]`,
              message: `capability ${String(cap)} added to ${c.name}`,
            }),
          );
        });
      }
      for (const pod of workload.pods) {
        for (const v of hostPathVolumesOf(pod)) {
          if (v.class.kind !== "kernel-modules") continue;
          out.push(finding(kernelModules, { container: null, path: v.fieldPath, message: describeHostPathVolume(v) }));
        }
      }
      return out;
    }
    const [caps, capsPath] =
      workload.platform === "docker"
        ? [hostConfigOf(workload.object).CapAdd, "HostConfig.CapAdd"]
        : [workload.object.cap_add, join(workload.pathPrefix, "cap_add")];
    asArray(caps).forEach((cap, i) => {
      if (loadsModules(cap))
        out.push(finding(kernelModules, { container: null, path: `${capsPath}[${i}]`, message: `capability ${String(cap)} added` }));
    });
    for (const { mount, class: cls } of hostBindsOf(workload)) {
      if (cls.kind !== "kernel-modules") continue;
      out.push(
        finding(kernelModules, {
          container: null,
          path: mount.sourcePath,
          message: `bind mount of host "${mount.source}" at ${mount.destination}`,
        }),
      );
    }
    return out;
  },
};
