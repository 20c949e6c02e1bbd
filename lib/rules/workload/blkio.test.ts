import { describe, expect, it } from "vitest";
import { composeWorkload, dockerWorkload, podWorkload, ruleContext } from "../test-helpers";
import { blkio } from "./blkio";

const ctx = ruleContext();

describe("blkio", () => {
  it("K8s: fires on blockio class annotations with their path", () => {
    const w = podWorkload(
      { containers: [{ name: "a" }] },
      { annotations: { "blockio.resources.beta.kubernetes.io/pod": "slowreader", other: "x" } },
    );
    expect(blkio.check(w, ctx)).toEqual([
      {
        ruleId: "blkio",
        severity: "warning",
        remedy: "platform",
        container: null,
        path: 'spec.template.metadata.annotations["blockio.resources.beta.kubernetes.io/pod"]',
        message: "annotation blockio.resources.beta.kubernetes.io/pod=slowreader: block I/O classes are not applied in the Kata guest",
      },
    ]);
    expect(blkio.check(podWorkload({ containers: [] }), ctx)).toEqual([]);
  });

  it("Docker: weight and device throttles", () => {
    const w = dockerWorkload({
      HostConfig: { BlkioWeight: 300, BlkioWeightDevice: [], BlkioDeviceReadBps: [{ Path: "/dev/sda", Rate: 1048576 }] },
    });
    const findings = blkio.check(w, ctx);
    expect(findings.map((f) => f.path)).toEqual(["HostConfig.BlkioWeight", "HostConfig.BlkioDeviceReadBps"]);
    expect(findings[0].message).toContain("300");
    expect(findings[1].message).toContain("/dev/sda");
    expect(blkio.check(dockerWorkload({ HostConfig: { BlkioWeight: 0, BlkioDeviceWriteIOps: null } }), ctx)).toEqual([]);
  });

  it("Compose: blkio_config", () => {
    const findings = blkio.check(composeWorkload({ blkio_config: { weight: 300 } }), ctx);
    expect(findings.map((f) => [f.path, f.container])).toEqual([["services.web.blkio_config", null]]);
    expect(blkio.check(composeWorkload({ blkio_config: {} }), ctx)).toEqual([]);
  });
});
