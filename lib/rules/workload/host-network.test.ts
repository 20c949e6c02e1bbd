import { describe, expect, it } from "vitest";
import type { Workload } from "../../inventory/types";
import { composeWorkload, dockerWorkload, k8sWorkload, podWorkload, ruleContext } from "../test-helpers";
import { hostNetwork } from "./host-network";

const run = (w: Workload) => hostNetwork.check(w, ruleContext());

describe("host-network", () => {
  it("fires on hostNetwork: true at pod level", () => {
    expect(run(podWorkload({ hostNetwork: true, containers: [{ name: "a" }] }))).toEqual([
      {
        ruleId: "host-network",
        severity: "blocker",
        remedy: "keep-on-runc",
        container: null,
        path: "spec.template.spec.hostNetwork",
        message: "hostNetwork: true",
      },
    ]);
  });

  it.each([[false], ["true"], [undefined]])("does not fire on hostNetwork %s", (value) => {
    expect(run(podWorkload({ hostNetwork: value, containers: [{ name: "a" }] }))).toEqual([]);
  });

  it("checks every pod template of a folded workload", () => {
    const w = k8sWorkload({ kind: "Pod", metadata: { name: "p" }, spec: { containers: [{ name: "a" }] } });
    w.pods.push({ ...w.pods[0], spec: { hostNetwork: true, containers: [{ name: "a" }] }, source: "drifted.yaml" });
    expect(run(w).map((f) => f.path)).toEqual(["spec.hostNetwork"]);
  });

  it("builds the path of a CronJob pod template", () => {
    const w = k8sWorkload({
      kind: "CronJob",
      spec: { jobTemplate: { spec: { template: { spec: { hostNetwork: true, containers: [] } } } } },
    });
    expect(run(w)[0].path).toBe("spec.jobTemplate.spec.template.spec.hostNetwork");
  });

  it.each([
    [{ NetworkMode: "host" }, ["HostConfig.NetworkMode"]],
    [{ NetworkMode: "bridge" }, []],
    [{ NetworkMode: "container:abc" }, []],
    [{}, []],
  ])("Docker HostConfig %o", (hostConfig, paths) => {
    const findings = run(dockerWorkload({ HostConfig: hostConfig }));
    expect(findings.map((f) => f.path)).toEqual(paths);
    findings.forEach((f) => expect(f).toMatchObject({ container: null, severity: "blocker", message: 'NetworkMode "host"' }));
  });

  it.each([
    [{ network_mode: "host" }, "services.web.network_mode", "network_mode: host"],
    [{ net: "host" }, "services.web.net", "net: host"],
  ])("Compose %o", (service, path, message) => {
    expect(run(composeWorkload(service))).toEqual([expect.objectContaining({ path, message, container: null })]);
  });

  it("uses the v1 Compose prefix", () => {
    const w = { ...composeWorkload({ net: "host" }), pathPrefix: "web" };
    expect(run(w)[0].path).toBe("web.net");
  });

  it("does not fire on other Compose network modes", () => {
    expect(run(composeWorkload({ network_mode: "bridge", networks: ["host"] }))).toEqual([]);
  });
});
