import type { Finding, WorkloadRule } from "../types";
import { describeHostPathVolume, hostBindsOf, hostPathVolumesOf } from "../hostpath";
import { finding } from "../walk";

export const hostpathProcSys: WorkloadRule = {
  id: "hostpath-proc-sys",
  scope: "workload",
  since: "1.0",
  title: "Host /proc or /sys",
  severity: "blocker",
  remedy: "keep-on-runc",
  appliesTo: ["kubernetes", "docker", "compose"],
  summary: "The workload mounts the host's `/proc` or `/sys` (or a path below them) to inspect the node.",
  why: [
    "Kata deliberately does not share system paths from the host: mounts whose source is under `/proc` or `/sys` are skipped, and the container sees the **guest's** `/proc` and `/sys` instead.",
    "Nothing fails. Node exporters, cAdvisor, security agents and log shippers keep running and report the VM's CPUs, memory, processes and cgroups as if they were the node's: the data is plausible and wrong.",
  ].join("\n"),
  remediation: [
    "- Keep node-inspection agents on runc. They are typically DaemonSets with `hostPID` and hostPath mounts of `/proc` and `/sys`; leave their `runtimeClassName` unset.",
    "- If the workload only needs its own container's view (for example its own memory usage), drop the hostPath: the container's `/proc` already shows it.",
  ].join("\n"),
  references: [
    {
      title: "Go runtime: system mounts are not shared (mount.go)",
      url: "https://github.com/kata-containers/kata-containers/blob/main/src/runtime/virtcontainers/mount.go",
    },
    { title: "Kata Limitations", url: "https://github.com/kata-containers/kata-containers/blob/main/docs/Limitations.md" },
  ],
  check(workload) {
    const out: Finding[] = [];
    if (workload.platform === "kubernetes") {
      for (const pod of workload.pods) {
        for (const v of hostPathVolumesOf(pod)) {
          if (v.class.kind !== "proc-sys") continue;
          out.push(finding(hostpathProcSys, { container: null, path: v.fieldPath, message: describeHostPathVolume(v) }));
        }
      }
      return out;
    }
    for (const { mount, class: cls } of hostBindsOf(workload)) {
      if (cls.kind !== "proc-sys") continue;
      out.push(
        finding(hostpathProcSys, {
          container: null,
          path: mount.sourcePath,
          message: `bind mount of host "${mount.source}" at ${mount.destination}`,
        }),
      );
    }
    return out;
  },
};
