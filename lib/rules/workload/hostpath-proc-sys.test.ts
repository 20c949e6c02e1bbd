import { describe, expect, it } from "vitest";
import type { Workload } from "../../inventory/types";
import { composeWorkload, dockerWorkload, k8sWorkload, podWorkload, ruleContext } from "../test-helpers";
import { hostpathProcSys } from "./hostpath-proc-sys";

const run = (w: Workload) => hostpathProcSys.check(w, ruleContext());
const withHostPath = (path: string) => podWorkload({ containers: [{ name: "a" }], volumes: [{ name: "host", hostPath: { path } }] });

describe("hostpath-proc-sys", () => {
  it("fires on a hostPath of /proc", () => {
    expect(run(withHostPath("/proc"))).toEqual([
      {
        ruleId: "hostpath-proc-sys",
        severity: "blocker",
        remedy: "keep-on-runc",
        container: null,
        path: "spec.template.spec.volumes[0].hostPath.path",
        message: 'hostPath "/proc" (volume "host")',
      },
    ]);
  });

  it.each(["/sys", "/sys/", "/sys/fs/cgroup", "/proc/1/root", "/sys/kernel/debug"])("fires on %s", (p) => {
    expect(run(withHostPath(p))).toHaveLength(1);
  });

  it.each(["/process", "/sysroot", "/var/proc", "/"])("does not fire on %s", (p) => {
    expect(run(withHostPath(p))).toEqual([]);
  });

  it("checks every pod template", () => {
    const w = k8sWorkload({ kind: "Pod", spec: { containers: [] } });
    w.pods.push({ ...w.pods[0], spec: { containers: [], volumes: [{ name: "s", hostPath: { path: "/sys" } }] } });
    expect(run(w)).toHaveLength(1);
  });

  it("fires on Docker bind sources (Mounts and Binds)", () => {
    const w = dockerWorkload({
      Mounts: [{ Type: "bind", Source: "/proc", Destination: "/host/proc" }],
      HostConfig: { Binds: ["/sys:/host/sys:ro", "/proc:/host/proc"] },
    });
    expect(run(w).map((f) => f.path)).toEqual(["Mounts[0].Source", "HostConfig.Binds[0]"]);
  });

  it("fires on Compose binds", () => {
    expect(run(composeWorkload({ volumes: ["/sys/fs/cgroup:/cg:ro", "./proc:/proc-copy"] })).map((f) => f.path)).toEqual([
      "services.web.volumes[0]",
    ]);
  });
});
