import { describe, expect, it } from "vitest";
import type { Workload } from "../../inventory/types";
import { composeWorkload, dockerWorkload, podWorkload, ruleContext } from "../test-helpers";
import { sharedPidIpcNamespace } from "./shared-pid-ipc-namespace";

const run = (w: Workload) => sharedPidIpcNamespace.check(w, ruleContext());

describe("shared-pid-ipc-namespace", () => {
  it("fires on Docker PidMode and IpcMode container:<id>", () => {
    expect(run(dockerWorkload({ HostConfig: { PidMode: "container:a1", IpcMode: "container:b2" } }))).toEqual([
      {
        ruleId: "shared-pid-ipc-namespace",
        severity: "blocker",
        remedy: "manifest",
        container: null,
        path: "HostConfig.PidMode",
        message: 'PidMode "container:a1"',
      },
      {
        ruleId: "shared-pid-ipc-namespace",
        severity: "blocker",
        remedy: "manifest",
        container: null,
        path: "HostConfig.IpcMode",
        message: 'IpcMode "container:b2"',
      },
    ]);
  });

  it.each([["host"], ["shareable"], ["private"], [""]])("does not fire on Docker mode %s", (mode) => {
    expect(run(dockerWorkload({ HostConfig: { PidMode: mode, IpcMode: mode } }))).toEqual([]);
  });

  it.each([
    [{ pid: "service:app" }, "services.web.pid"],
    [{ pid: "container:app_1" }, "services.web.pid"],
    [{ ipc: "service:app" }, "services.web.ipc"],
    [{ ipc: "container:app_1" }, "services.web.ipc"],
  ])("fires on Compose %o", (service, path) => {
    expect(run(composeWorkload(service))).toEqual([expect.objectContaining({ path, container: null })]);
  });

  it("does not fire on Compose host (that is host-pid / host-ipc)", () => {
    expect(run(composeWorkload({ pid: "host", ipc: "host" }))).toEqual([]);
  });

  it("has no Kubernetes trigger", () => {
    expect(run(podWorkload({ shareProcessNamespace: true, containers: [{ name: "a" }] }))).toEqual([]);
  });
});
