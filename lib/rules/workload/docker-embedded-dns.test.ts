import { describe, expect, it } from "vitest";
import type { Workload } from "../../inventory/types";
import { scan } from "../../scan";
import { composeWorkload, dockerWorkload, podWorkload, ruleContext } from "../test-helpers";
import { dockerEmbeddedDns } from "./docker-embedded-dns";

const run = (w: Workload) => dockerEmbeddedDns.check(w, ruleContext());
/** A service of a v1-format file: no `services:` key, so its path prefix is the bare name. */
const v1Service = (service: Record<string, unknown>): Workload => ({ ...composeWorkload(service), pathPrefix: "web" });

describe("docker-embedded-dns (Compose)", () => {
  it("fires on a service without network_mode: it joins the project's default network", () => {
    expect(run(composeWorkload({ image: "nginx" }))).toEqual([
      {
        ruleId: "docker-embedded-dns",
        severity: "blocker",
        remedy: "manifest",
        container: null,
        path: "services.web",
        message: 'no network_mode: joins the project\'s default network "proj_default" (user-defined, embedded DNS 127.0.0.11)',
      },
    ]);
  });

  it("fires on networks: in list and mapping form, naming them", () => {
    expect(run(composeWorkload({ image: "x", networks: ["front", "back"] })).map((f) => [f.path, f.message])).toEqual([
      ["services.web.networks", "networks: front, back (user-defined, embedded DNS 127.0.0.11)"],
    ]);
    expect(run(composeWorkload({ image: "x", networks: { default: null, back: { aliases: ["api"] } } })).map((f) => f.message)).toEqual([
      "networks: default, back (user-defined, embedded DNS 127.0.0.11)",
    ]);
  });

  it("fires on network_mode naming a user-defined network", () => {
    expect(run(composeWorkload({ image: "x", network_mode: "shared-net" })).map((f) => f.path)).toEqual(["services.web.network_mode"]);
  });

  it.each(["bridge", "host", "none", "default", "service:db", "container:abc"])("stays quiet with network_mode: %s", (mode) => {
    expect(run(composeWorkload({ image: "x", network_mode: mode, extra_hosts: ["db:172.17.0.10"] }))).toEqual([]);
  });

  it("reads the legacy net: key like network_mode", () => {
    expect(run(composeWorkload({ image: "x", net: "bridge" }))).toEqual([]);
    expect(run(composeWorkload({ image: "x", net: "mynet" })).map((f) => f.path)).toEqual(["services.web.net"]);
  });

  it("reads a network_mode that is not a string (or empty) as absent", () => {
    expect(run(composeWorkload({ image: "x", network_mode: 42 })).map((f) => f.path)).toEqual(["services.web"]);
    expect(run(composeWorkload({ image: "x", network_mode: "", networks: ["a"] })).map((f) => f.path)).toEqual(["services.web.networks"]);
  });

  it("stays quiet on v1-format files: their services use the default bridge", () => {
    expect(run(v1Service({ image: "x", links: ["db"] }))).toEqual([]);
  });

  it("tells the formats apart on parsed files", () => {
    const ruleIds = (content: string) =>
      scan([{ name: "app/docker-compose.yml", content }]).workloads.map((w) => w.findings.map((f) => f.ruleId));
    expect(ruleIds("web:\n  image: nginx\n  links: [db]\ndb:\n  image: postgres\n")).toEqual([
      ["docker-link", "resource-limits"],
      ["resource-limits"],
    ]);
    expect(ruleIds('version: "3"\nservices:\n  web:\n    image: nginx\n    mem_limit: 1g\n    cpus: 1\n')).toEqual([
      ["docker-embedded-dns"],
    ]);
  });
});

describe("docker-embedded-dns (docker inspect)", () => {
  it("fires on a user-defined NetworkMode once, not again for its Networks entry", () => {
    const w = dockerWorkload({ HostConfig: { NetworkMode: "app_default" }, NetworkSettings: { Networks: { app_default: {} } } });
    expect(run(w).map((f) => [f.path, f.message])).toEqual([
      ["HostConfig.NetworkMode", 'NetworkMode "app_default" is a user-defined network (embedded DNS 127.0.0.11)'],
    ]);
  });

  it("fires on a user-defined network attached after creation", () => {
    const w = dockerWorkload({ HostConfig: { NetworkMode: "bridge" }, NetworkSettings: { Networks: { bridge: {}, "my-net": {} } } });
    expect(run(w).map((f) => f.path)).toEqual(['NetworkSettings.Networks["my-net"]']);
  });

  it.each(["default", "bridge", "host", "none"])("stays quiet on NetworkMode %s with only built-in networks", (mode) => {
    expect(run(dockerWorkload({ HostConfig: { NetworkMode: mode }, NetworkSettings: { Networks: { [mode]: {} } } }))).toEqual([]);
  });

  it("stays quiet on Podman's default network and on nerdctl's unnamed interfaces", () => {
    expect(run(dockerWorkload({ HostConfig: { NetworkMode: "bridge" }, NetworkSettings: { Networks: { podman: {} } } }))).toEqual([]);
    expect(run(dockerWorkload({ HostConfig: {}, NetworkSettings: { Networks: { "unknown-eth0": {} } } }))).toEqual([]);
  });

  it("stays quiet on container:<id>, whatever Networks says", () => {
    expect(run(dockerWorkload({ HostConfig: { NetworkMode: "container:abc" }, NetworkSettings: { Networks: { x: {} } } }))).toEqual([]);
  });

  it("stays quiet without network settings and on Kubernetes", () => {
    expect(run(dockerWorkload({ HostConfig: {} }))).toEqual([]);
    expect(run(podWorkload({ containers: [{ name: "a" }] }))).toEqual([]);
  });
});
