import { describe, expect, it } from "vitest";
import type { Workload } from "../../inventory/types";
import { composeWorkload, dockerWorkload, podWorkload, ruleContext } from "../test-helpers";
import { sharedNetworkNamespace } from "./shared-network-namespace";

const run = (w: Workload) => sharedNetworkNamespace.check(w, ruleContext());

describe("shared-network-namespace", () => {
  it("fires on Docker NetworkMode container:<id>", () => {
    expect(run(dockerWorkload({ HostConfig: { NetworkMode: "container:3f2a" } }))).toEqual([
      {
        ruleId: "shared-network-namespace",
        severity: "blocker",
        remedy: "manifest",
        container: null,
        path: "HostConfig.NetworkMode",
        message: 'NetworkMode "container:3f2a"',
      },
    ]);
  });

  it.each(["host", "bridge", "default", "mynet"])("does not fire on Docker NetworkMode %s", (mode) => {
    expect(run(dockerWorkload({ HostConfig: { NetworkMode: mode } }))).toEqual([]);
  });

  it.each([
    [{ network_mode: "service:db" }, "services.web.network_mode"],
    [{ network_mode: "container:db_1" }, "services.web.network_mode"],
    [{ net: "container:db_1" }, "services.web.net"],
  ])("fires on Compose %o", (service, path) => {
    expect(run(composeWorkload(service))).toEqual([expect.objectContaining({ path, container: null, severity: "blocker" })]);
  });

  it("does not fire on Compose host or bridge", () => {
    expect(run(composeWorkload({ network_mode: "host" }))).toEqual([]);
    expect(run(composeWorkload({ network_mode: "bridge" }))).toEqual([]);
  });

  it("has no Kubernetes trigger: containers of one pod share the VM", () => {
    expect(sharedNetworkNamespace.appliesTo).toEqual(["docker", "compose"]);
    expect(run(podWorkload({ containers: [{ name: "a" }, { name: "b" }] }))).toEqual([]);
  });
});
