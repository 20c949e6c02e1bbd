import { describe, expect, it } from "vitest";
import type { ProfileId } from "../../scoring/profiles";
import { emptyInventory, ruleContext } from "../test-helpers";
import { dockerEngineVersion, parseEngineVersion } from "./docker-engine-version";

const check = (version: string | null, engine: "docker" | "podman" = "docker", profile: ProfileId = "kata-qemu-runtime-rs") =>
  dockerEngineVersion.check(emptyInventory({ engines: [{ engine, version, source: "version.json" }] }), ruleContext(profile), []);

describe("docker-engine-version", () => {
  it.each([
    ["20.10.24", "blocker"],
    ["17.03.0-ce", "blocker"],
    ["1.13.1", "blocker"],
    ["22.06.0-beta.0", "blocker"],
    ["23.0.0", null],
    ["25.0.5", null],
    ["26.1.4", "warning"],
    ["v28.2.2", "warning"],
    ["29.4.1", "warning"],
    ["29.5.0", "warning"],
    ["30.0.0", "warning"],
    ["dev", null],
    ["", null],
  ])("%s -> %s", (version, severity) => {
    const findings = check(version);
    expect(findings.map((f) => f.severity)).toEqual(severity ? [severity] : []);
    findings.forEach((f) => {
      expect(f).toMatchObject({ ruleId: "docker-engine-version", remedy: "platform", source: "version.json", container: null });
      expect(f.message).toContain(version);
    });
  });

  it("names the Kata release each engine needs, by runtime", () => {
    expect(check("26.1.4")[0].message).toContain("Kata 3.30.0 or newer on runtime-rs");
    expect(check("28.2.2", "docker", "kata-qemu")[0].message).toContain("Kata 3.29.0 or newer on the Go runtime");
    expect(check("29.4.9", "docker", "kata-qemu")[0].message).toContain("Kata 3.29.0");
    expect(check("29.5.0", "docker", "kata-qemu")[0].message).toContain("Kata 3.32.0");
    expect(check("29.10.1")[0].message).toContain("Kata 3.32.0");
    expect(check("31.0.0")[0].message).toContain("Kata 3.32.0");
  });

  it("ignores Podman and unknown versions", () => {
    expect(check("4.9.0", "podman")).toEqual([]);
    expect(check(null)).toEqual([]);
  });

  it("parses major and minor numerically", () => {
    expect(parseEngineVersion("20.10.24")).toEqual({ major: 20, minor: 10 });
    expect(parseEngineVersion("26")).toEqual({ major: 26, minor: 0 });
    expect(parseEngineVersion("none")).toBeUndefined();
  });
});
