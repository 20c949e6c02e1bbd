import { describe, expect, it } from "vitest";
import type { RuleId } from "../rules/ids";
import type { Remedy, Severity } from "../rules/types";
import { migrationPath } from "./migration-path";

const f = (ruleId: RuleId, severity: Severity, remedy: Remedy | null) => ({ ruleId, severity, remedy });

describe("migrationPath", () => {
  it("is ready with no findings or only info findings", () => {
    expect(migrationPath([])).toBe("ready");
    expect(migrationPath([f("kata-runtime", "info", null), f("cpuset", "info", "platform")])).toBe("ready");
  });

  it("takes the first matching path for every remedy combination", () => {
    const cases: [ReturnType<typeof f>[], string][] = [
      [[f("subpath", "blocker", "manifest")], "manifest-fixes"],
      [[f("resource-limits", "warning", "manifest")], "manifest-fixes"],
      [[f("privileged", "warning", "platform")], "platform-work"],
      [[f("gpu", "blocker", "platform"), f("subpath", "blocker", "manifest")], "platform-work"],
      [[f("host-network", "blocker", "keep-on-runc")], "stays-on-runc"],
      [
        [f("host-network", "blocker", "keep-on-runc"), f("gpu", "blocker", "platform"), f("subpath", "blocker", "manifest")],
        "stays-on-runc",
      ],
      // A keep-on-runc warning is not a reason to stay: only a blocker is.
      [[f("intel-rdt", "warning", "keep-on-runc")], "manifest-fixes"],
      [[f("intel-rdt", "warning", "keep-on-runc"), f("blkio", "warning", "platform")], "platform-work"],
    ];
    for (const [findings, path] of cases) expect(migrationPath(findings), JSON.stringify(findings)).toBe(path);
  });

  it("ignores waived rules", () => {
    const findings = [f("host-network", "blocker", "keep-on-runc"), f("privileged", "warning", "platform")];
    expect(migrationPath(findings, new Set(["host-network"]))).toBe("platform-work");
    expect(migrationPath(findings, new Set(["host-network", "privileged"]))).toBe("ready");
  });
});
