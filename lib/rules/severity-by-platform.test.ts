import { describe, expect, it } from "vitest";
import { CATALOG } from "./catalog";
import { composeWorkload, dockerWorkload, podWorkload, ruleContext } from "./test-helpers";
import type { Workload } from "../inventory/types";
import { cpuset } from "./workload/cpuset";
import { privileged } from "./workload/privileged";
import type { WorkloadRule } from "./types";

const RANK = { info: 0, warning: 1, blocker: 2 } as const;

// One workload per platform that each rule fires on: the declared severities must be what it reports.
const SAMPLES: [WorkloadRule, Record<"kubernetes" | "docker" | "compose", Workload>][] = [
  [
    privileged,
    {
      kubernetes: podWorkload({ containers: [{ name: "a", securityContext: { privileged: true } }] }),
      docker: dockerWorkload({ HostConfig: { Privileged: true } }),
      compose: composeWorkload({ privileged: true }),
    },
  ],
  [
    cpuset,
    {
      kubernetes: podWorkload({ containers: [{ name: "a", resources: { limits: { cpu: "2", memory: "1Gi" } } }] }),
      docker: dockerWorkload({ HostConfig: { CpusetCpus: "0-1" } }),
      compose: composeWorkload({ cpuset: "0,1" }),
    },
  ],
];

describe("severityByPlatform", () => {
  it.each(SAMPLES.map(([rule, workloads]) => [rule.id, rule, workloads] as const))(
    "%s reports the severity it declares on each platform",
    (_id, rule, workloads) => {
      for (const [platform, workload] of Object.entries(workloads)) {
        const severities = rule.check(workload, ruleContext()).map((finding) => finding.severity);
        expect(severities.length, platform).toBeGreaterThan(0);
        expect(new Set(severities), platform).toEqual(new Set([rule.severityByPlatform?.[platform as keyof typeof workloads]]));
      }
    },
  );

  it("is declared only for platforms a rule checks, never above the rule's severity", () => {
    const declaring = CATALOG.filter((rule): rule is WorkloadRule => rule.scope === "workload" && rule.severityByPlatform !== undefined);
    expect(declaring.map((rule) => rule.id).sort()).toEqual(SAMPLES.map(([rule]) => rule.id).sort());
    for (const rule of declaring) {
      for (const [platform, severity] of Object.entries(rule.severityByPlatform ?? {})) {
        expect(rule.appliesTo).toContain(platform);
        expect(RANK[severity]).toBeLessThanOrEqual(RANK[rule.severity]);
      }
    }
  });
});
