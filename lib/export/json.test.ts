import { describe, expect, it } from "vitest";
import { formatJsonReport, jsonReportChunks, toJsonReport } from "./json";
import { HOST_NETWORK, NO_LIMITS, scannedWorkload, scanResult } from "./test-result";

describe("toJsonReport", () => {
  const result = scanResult([scannedWorkload("web", [HOST_NETWORK, NO_LIMITS]), scannedWorkload("api", [])], {
    inventoryFindings: [{ ...NO_LIMITS, ruleId: "no-kata-runtimeclass", container: null, path: "items[3]", source: "cluster.json" }],
    errors: [
      { source: "bad.yaml", line: 3, column: 5, message: "bad indentation" },
      { source: "gone.yaml", message: "cannot read: no such file or directory" },
    ],
  });
  const report = toJsonReport(result);

  it("has the contract's top-level shape", () => {
    expect(report).toMatchObject({ schemaVersion: 1, catalogVersion: "1", scoreFormula: "v1", target: "kata-qemu-runtime-rs" });
    expect(report.summary).toEqual({ workloads: 2, ready: 1, needsChanges: 0, blocked: 1, migrated: 0 });
  });

  it("writes each workload with its findings and sizing", () => {
    const web = report.workloads[0];
    expect(web).toMatchObject({
      id: "local/default/Deployment/web",
      source: "web.yaml",
      kind: "Deployment",
      namespace: "default",
      name: "web",
      score: 50,
      readiness: "blocked",
      migrated: false,
    });
    expect(web.findings[0]).toEqual({
      ruleId: "host-network",
      severity: "blocker",
      remedy: "keep-on-runc",
      container: null,
      path: "spec.template.spec.hostNetwork",
      message: HOST_NETWORK.message,
      fingerprint: expect.stringMatching(/^[\w-]{43}$/),
      waiver: null,
      status: null,
      assignee: null,
      due: null,
    });
    expect(web).toMatchObject({ migrationPath: "stays-on-runc", owner: null });
    expect(web.sizing).toMatchObject({ vmVcpus: 1.2, vmMemoryMiB: 1024 + 32, overheadMemoryMiB: 320, overheadMilliCpu: 250 });
  });

  it("keeps inventory findings' source and errors' positions only when known", () => {
    expect(report.inventoryFindings[0]).toMatchObject({ ruleId: "no-kata-runtimeclass", source: "cluster.json" });
    expect(report.errors).toEqual([
      { source: "bad.yaml", line: 3, column: 5, message: "bad indentation" },
      { source: "gone.yaml", message: "cannot read: no such file or directory" },
    ]);
  });

  it("does not leak the normalised workload or internal fields", () => {
    const text = formatJsonReport(result);
    expect(text.endsWith("}\n")).toBe(true);
    const parsed = JSON.parse(text) as Record<string, unknown>;
    expect(parsed).not.toHaveProperty("files");
    expect(parsed.workloads).toEqual(report.workloads);
    expect(text).not.toContain('"pods"');
    expect(text).not.toContain('"breakdown"');
  });
});

describe("jsonReportChunks", () => {
  const tricky = '\n  "workloads": []';
  const result = scanResult(
    [scannedWorkload("web", [HOST_NETWORK, NO_LIMITS]), scannedWorkload("api", []), scannedWorkload("db", [NO_LIMITS])],
    {
      errors: [{ source: "odd.yaml", message: `a message quoting ${tricky}` }],
    },
  );

  it("writes exactly what JSON.stringify of the whole report gives, one workload per chunk", () => {
    const chunks = [...jsonReportChunks(result)];
    expect(chunks).toHaveLength(1 + result.workloads.length + 1);
    expect(chunks.join("")).toBe(`${JSON.stringify(toJsonReport(result), null, 2)}\n`);
  });

  it("writes an empty workload list as JSON.stringify does", () => {
    const empty = scanResult([], {});
    expect([...jsonReportChunks(empty)].join("")).toBe(`${JSON.stringify(toJsonReport(empty), null, 2)}\n`);
  });
});
