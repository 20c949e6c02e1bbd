import { describe, expect, it } from "vitest";
import type { Workload } from "../../inventory/types";
import { composeWorkload, dockerWorkload, k8sWorkload, podWorkload, ruleContext } from "../test-helpers";
import { hostIpc } from "./host-ipc";

const run = (w: Workload) => hostIpc.check(w, ruleContext());

describe("host-ipc", () => {
  it("fires on hostIPC: true", () => {
    expect(run(podWorkload({ hostIPC: true, containers: [{ name: "a" }] }))).toEqual([
      {
        ruleId: "host-ipc",
        severity: "blocker",
        remedy: "keep-on-runc",
        container: null,
        path: "spec.template.spec.hostIPC",
        message: "hostIPC: true",
      },
    ]);
  });

  it("does not fire without hostIPC", () => {
    expect(run(podWorkload({ hostIPC: false, containers: [{ name: "a" }] }))).toEqual([]);
  });

  it("checks every pod template", () => {
    const w = k8sWorkload({ kind: "Pod", spec: { containers: [] } });
    w.pods.push({ ...w.pods[0], spec: { hostIPC: true, containers: [] } });
    expect(run(w)).toHaveLength(1);
  });

  it.each([
    ["host", 1],
    ["shareable", 0],
    ["private", 0],
    ["container:abc", 0],
  ])("Docker IpcMode %s", (mode, count) => {
    const findings = run(dockerWorkload({ HostConfig: { IpcMode: mode } }));
    expect(findings).toHaveLength(count);
    if (count) expect(findings[0]).toMatchObject({ path: "HostConfig.IpcMode", container: null });
  });

  it("fires on Compose ipc: host only", () => {
    expect(run(composeWorkload({ ipc: "host" }))).toEqual([expect.objectContaining({ path: "services.web.ipc", message: "ipc: host" })]);
    expect(run(composeWorkload({ ipc: "shareable" }))).toEqual([]);
  });
});
