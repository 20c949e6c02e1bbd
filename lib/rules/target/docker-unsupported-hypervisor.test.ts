import { describe, expect, it } from "vitest";
import { PROFILES } from "../../scoring/profiles";
import { composeWorkload, dockerWorkload, podWorkload, ruleContext } from "../test-helpers";
import { dockerUnsupportedHypervisor } from "./docker-unsupported-hypervisor";

describe("docker-unsupported-hypervisor", () => {
  it("runs only under profiles with Docker = no", () => {
    for (const profile of PROFILES) {
      expect(dockerUnsupportedHypervisor.profiles?.(profile)).toBe(profile.docker === "no");
    }
    expect(PROFILES.filter((p) => dockerUnsupportedHypervisor.profiles?.(p)).map((p) => p.id)).toContain("kata-fc");
  });

  it("fires once on any Docker container", () => {
    expect(dockerUnsupportedHypervisor.check(dockerWorkload({ HostConfig: {} }), ruleContext("kata-fc"))).toEqual([
      {
        ruleId: "docker-unsupported-hypervisor",
        severity: "blocker",
        remedy: "platform",
        container: null,
        path: "HostConfig.Runtime",
        message: "Docker container cannot run on kata-fc (Firecracker, Go runtime)",
      },
    ]);
  });

  it("fires once on any Compose service", () => {
    const findings = dockerUnsupportedHypervisor.check(
      composeWorkload({ image: "nginx", volumes: ["/a:/a", "/b:/b"] }),
      ruleContext("kata-qemu-tdx"),
    );
    expect(findings).toEqual([
      expect.objectContaining({ path: "services.web.runtime", container: null, message: expect.stringContaining("kata-qemu-tdx") }),
    ]);
  });

  it("never fires on Kubernetes", () => {
    expect(dockerUnsupportedHypervisor.appliesTo).toEqual(["docker", "compose"]);
    expect(dockerUnsupportedHypervisor.check(podWorkload({ containers: [{ name: "a" }] }), ruleContext("kata-fc"))).toEqual([]);
  });
});
