import { describe, expect, it } from "vitest";
import { emptyInventory, ruleContext } from "../test-helpers";
import { dockerEngineVersion, parseEngineVersion } from "./docker-engine-version";

const check = (version: string | null, engine: "docker" | "podman" = "docker") =>
  dockerEngineVersion.check(emptyInventory({ engines: [{ engine, version, source: "version.json" }] }), ruleContext());

describe("docker-engine-version", () => {
  it.each([
    ["20.10.24", "blocker"],
    ["17.03.0-ce", "blocker"],
    ["1.13.1", "blocker"],
    ["22.06.0-beta.0", "blocker"],
    ["23.0.0", null],
    ["25.0.5", null],
    ["26.1.4", "info"],
    ["v28.2.2", "info"],
    ["28.2.2", "info"],
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
