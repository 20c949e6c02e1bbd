import { describe, expect, it } from "vitest";
import { composeWorkload, dockerWorkload, ruleContext } from "../test-helpers";
import { pidsLimit } from "./pids-limit";

const ctx = ruleContext();

describe("pids-limit", () => {
  it.each([
    [{ PidsLimit: 100 }, ["HostConfig.PidsLimit"]],
    [{ PidsLimit: 0 }, []],
    [{ PidsLimit: -1 }, []],
    [{ PidsLimit: null }, []],
  ])("Docker %o", (hostConfig, paths) => {
    const findings = pidsLimit.check(dockerWorkload({ HostConfig: hostConfig }), ctx);
    expect(findings.map((f) => f.path)).toEqual(paths);
    findings.forEach((f) =>
      expect(f).toMatchObject({
        ruleId: "pids-limit",
        severity: "warning",
        remedy: "platform",
        container: null,
        message: "PidsLimit 100 is not applied inside the Kata guest",
      }),
    );
  });

  it("Compose: pids_limit and deploy.resources.limits.pids", () => {
    const w = composeWorkload({ pids_limit: "200", deploy: { resources: { limits: { pids: 50 } } } });
    expect(pidsLimit.check(w, ctx).map((f) => f.path)).toEqual(["services.web.pids_limit", "services.web.deploy.resources.limits.pids"]);
    expect(pidsLimit.check(composeWorkload({ pids_limit: -1 }), ctx)).toEqual([]);
  });

  it("does not apply to Kubernetes", () => {
    expect(pidsLimit.appliesTo).toEqual(["docker", "compose"]);
  });
});
