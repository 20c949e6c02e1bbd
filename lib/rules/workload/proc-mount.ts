import type { Finding, WorkloadRule } from "../types";
import { engineMountsOf, isAtOrUnder, normalizeHostPath } from "../hostpath";
import { asString, finding, mountsOfWorkload } from "../walk";

/** Destinations under /proc the agent accepts (the LXCFS pattern). */
const ALLOWED: ReadonlySet<string> = new Set([
  "/proc/cpuinfo",
  "/proc/diskstats",
  "/proc/meminfo",
  "/proc/stat",
  "/proc/swaps",
  "/proc/uptime",
  "/proc/loadavg",
  "/proc/net/dev",
]);

export function isRejectedProcDestination(destination: string): boolean {
  // Cheap rejection first (every mount is checked): a path under /proc contains "/proc" before normalising too.
  if (!destination.includes("/proc")) return false;
  const path = normalizeHostPath(destination);
  return isAtOrUnder(path, "/proc") && !ALLOWED.has(path);
}

export const procMount: WorkloadRule = {
  id: "proc-mount",
  scope: "workload",
  since: "1.0",
  title: "Mount onto /proc",
  severity: "blocker",
  remedy: "manifest",
  appliesTo: ["kubernetes", "docker", "compose"],
  summary: "A volume is mounted at `/proc` or below it, outside the few files Kata allows.",
  why: [
    "Mounting over `/proc` is a classic container-escape vector (CVE-2019-16884, CVE-2019-19921), so the Kata agent checks every mount destination under `/proc` and rejects it.",
    "The only destinations accepted are the LXCFS-style files `/proc/cpuinfo`, `/proc/diskstats`, `/proc/meminfo`, `/proc/stat`, `/proc/swaps`, `/proc/uptime`, `/proc/loadavg` and `/proc/net/dev`. Any other mount makes container creation fail.",
  ].join("\n"),
  remediation: [
    "- Move the mount outside `/proc` and point the application at the new place:",
    "",
    "```yaml",
    "volumeMounts:",
    "  - name: host-proc",
    "    mountPath: /host/proc     # was: /proc/host",
    "    readOnly: true",
    "```",
    "",
    "- If the mount is an LXCFS-style override, keep only the allowed files listed above.",
  ].join("\n"),
  references: [
    {
      title: "Kata Limitations: Mounting procfs and sysfs",
      url: "https://github.com/kata-containers/kata-containers/blob/main/docs/Limitations.md",
    },
    {
      title: "Kata agent: check_proc_mount (rustjail mount.rs)",
      url: "https://github.com/kata-containers/kata-containers/blob/main/src/agent/rustjail/src/mount.rs",
    },
  ],
  check(workload) {
    const out: Finding[] = [];
    if (workload.platform === "kubernetes") {
      for (const m of mountsOfWorkload(workload)) {
        const mountPath = asString(m.mount.mountPath);
        if (!mountPath || !isRejectedProcDestination(mountPath)) continue;
        out.push(
          finding(procMount, {
            container: m.container.name,
            path: `${m.path}.mountPath`,
            message: `mountPath "${mountPath}" (volume "${asString(m.mount.name) ?? ""}")`,
          }),
        );
      }
      return out;
    }
    for (const mount of engineMountsOf(workload)) {
      if (!mount.destination || !isRejectedProcDestination(mount.destination)) continue;
      out.push(finding(procMount, { container: null, path: mount.destinationPath, message: `mount destination "${mount.destination}"` }));
    }
    return out;
  },
};
