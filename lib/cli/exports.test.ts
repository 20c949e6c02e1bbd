import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { FIXTURES, runCliForTest as run } from "./test-io";

async function withWaiverFile(text: string, body: (path: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), "kr-waivers-"));
  try {
    const path = join(dir, "waivers.yaml");
    await writeFile(path, text);
    await body(path);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const WAIVE_AGENT = `waivers:
  - rule: host-network
    workload: local/monitoring/DaemonSet/agent
    reason: needs the node's network for metrics
    approver: platform-team
    expires: 2999-12-31
  - rule: subpath
    namespace: monitoring
    reason: moved off subPath next sprint
    approver: platform-team
    expires: 2999-12-31
`;

describe("scan --format", () => {
  it("points SARIF results at the field's line in the manifest", async () => {
    const { code, stdout } = await run(["scan", "--format", "sarif", "manifests"]);
    expect(code).toBe(0);
    const results = JSON.parse(stdout).runs[0].results as {
      ruleId: string;
      locations: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } } }[];
    }[];
    const hostNetwork = results.find((r) => r.ruleId === "host-network")!;
    // agent.yaml line 12 is `hostNetwork: true`.
    expect(hostNetwork.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: "manifests/apps/agent.yaml" },
      region: { startLine: 12 },
    });
    const subpath = results.find((r) => r.ruleId === "subpath")!;
    expect(subpath.locations[0].physicalLocation.region?.startLine).toBe(21);
  });

  it("adds inventory findings to SARIF, so every cause of a failed gate shows", async () => {
    const { stdout } = await run(["scan", "--format", "sarif", "cluster-list.json"]);
    const results = JSON.parse(stdout).runs[0].results as { ruleId: string; properties: { scope?: string } }[];
    const inventory = results.filter((r) => r.properties.scope === "inventory");
    expect(inventory.length).toBeGreaterThan(0);
  });

  it("writes findings and workload CSV", async () => {
    const findings = parseCsv((await run(["scan", "--format", "csv", "manifests"])).stdout, { columns: true }) as Record<string, string>[];
    expect(
      findings
        .filter((r) => r.name === "agent")
        .map((r) => r.rule)
        .sort(),
    ).toEqual(["host-network", "subpath"]);
    const workloads = parseCsv((await run(["scan", "--format", "csv", "--csv", "workloads", "manifests"])).stdout, {
      columns: true,
    }) as Record<string, string>[];
    expect(workloads.map((r) => r.name).sort()).toEqual(["agent", "report", "web"]);
  });

  it("refuses --csv without --format csv, and unknown formats", async () => {
    expect((await run(["scan", "--csv", "workloads", "manifests"])).code).toBe(64);
    const html = await run(["scan", "--format", "pdf", "manifests"]);
    expect(html.code).toBe(64);
    expect(html.stderr).toContain("--format must be one of: text, json, csv, sarif, junit, markdown, patches");
  });

  it("fails JUnit test cases and the gate on blockers", async () => {
    const { code, stdout } = await run(["scan", "--format", "junit", "--fail-on", "blocker", "manifests"]);
    expect(code).toBe(1);
    expect(stdout).toMatch(
      /<testcase classname="local.monitoring" name="DaemonSet\/agent" file="manifests\/apps\/agent.yaml" line="\d+">\n<failure message="2 blocker\(s\): host-network, subpath" type="blocker">/,
    );
  });
});

describe("scan --waivers", () => {
  it("does not count waived findings against readiness or --fail-on, and lists them as waived", async () => {
    await withWaiverFile(WAIVE_AGENT, async (path) => {
      const gate = await run(["scan", "--waivers", path, "--fail-on", "blocker", "manifests"]);
      expect(gate.code).toBe(0);
      const json = JSON.parse((await run(["scan", "--format", "json", "--waivers", path, "manifests"])).stdout);
      const agent = json.workloads.find((w: { name: string }) => w.name === "agent");
      expect(agent).toMatchObject({ readiness: "ready", score: 100, migrationPath: "ready" });
      expect(agent.findings.map((f: { waiver: { id: string } }) => f.waiver.id)).toEqual([`${path}#1`, `${path}#2`]);
      expect(json.summary.blocked).toBe(0);
      const csv = parseCsv((await run(["scan", "--format", "csv", "--waivers", path, "manifests"])).stdout, { columns: true }) as Record<
        string,
        string
      >[];
      expect(csv.find((r) => r.rule === "host-network")?.waiver).toContain("needs the node's network for metrics");
    });
  });

  it("rejects a bad waiver file with where the problem is", async () => {
    await withWaiverFile(
      "waivers:\n  - rule: subpath\n    reason: x\n    approver: y\n    expires: 2027-02-30\n    namespace: a\n",
      async (path) => {
        const { code, stderr } = await run(["scan", "--waivers", path, "manifests"]);
        expect(code).toBe(64);
        expect(stderr).toContain("waivers.0.expires: not a date");
      },
    );
    await withWaiverFile("waivers: [\n", async (path) => {
      const { code, stderr } = await run(["scan", "--waivers", path, "manifests"]);
      expect(code).toBe(64);
      expect(stderr).toMatch(/waivers\.yaml:\d+:\d+/);
    });
    const missing = await run(["scan", "--waivers", join(FIXTURES, "nope.yaml"), "manifests"]);
    expect(missing.code).toBe(64);
  });
});
