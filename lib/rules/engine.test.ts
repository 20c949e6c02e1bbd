// The engine with a stand-in catalog, so filtering, dedupe and ordering are tested on their own.
import { describe, expect, it, vi } from "vitest";
import type { Finding, InventoryRule, RuleId, Severity, WorkloadRule } from "./types";
import type { Platform } from "../inventory/types";
import { checkInventory, checkWorkload } from "./engine";
import { REQUIRES_KEY } from "./declared";
import { dockerWorkload, podWorkload, ruleContext } from "./test-helpers";

vi.mock("./catalog", async () => {
  const text = { since: "1.0" as const, title: "t", summary: "s", why: "w", remediation: "r", references: [] };
  // Stand-in ids on purpose: they are not in the catalog's RuleId list.
  const f = (ruleId: string, severity: Severity, path: string, message = "m", container: string | null = null): Finding => ({
    ruleId: ruleId as RuleId,
    severity,
    remedy: null,
    container,
    path,
    message,
  });
  const rule = (
    id: string,
    severity: Severity,
    appliesTo: Platform[],
    found: Finding[],
    profiles?: WorkloadRule["profiles"],
  ): WorkloadRule => ({
    ...text,
    id: id as RuleId,
    scope: "workload",
    severity,
    remedy: null,
    appliesTo,
    profiles,
    check: () => found.map((x) => ({ ...x })),
  });
  const workload = [
    rule("fake-info", "info", ["kubernetes", "docker"], [f("fake-info", "info", "a")]),
    rule(
      "fake-mixed",
      "warning",
      ["kubernetes"],
      [
        f("fake-mixed", "info", "b"),
        f("fake-mixed", "warning", "c", "same", "app"),
        f("fake-mixed", "warning", "c", "same", "app"),
        f("fake-mixed", "warning", "c", "same", "sidecar"),
        f("fake-mixed", "warning", "c", "other", "app"),
      ],
    ),
    rule("fake-blocker", "blocker", ["kubernetes"], [f("fake-blocker", "blocker", "d")]),
    rule("fake-docker", "warning", ["docker"], [f("fake-docker", "warning", "HostConfig.X")]),
    rule("fake-rust", "warning", ["kubernetes"], [f("fake-rust", "warning", "e")], (p) => p.runtime === "rust"),
  ];
  const inventoryRule = (id: string, severity: Severity, count: number): InventoryRule => ({
    ...text,
    id: id as RuleId,
    scope: "inventory",
    severity,
    remedy: null,
    check: () => Array.from({ length: count }, () => ({ ...f(id, severity, ""), source: "s" })),
  });
  const inventory = [inventoryRule("inv-info", "info", 2), inventoryRule("inv-blocker", "blocker", 1)];
  const { checkpointRestore } = await import("./declared/checkpoint-restore");
  const { oomEvents } = await import("./declared/oom-events");
  const { portForward } = await import("./declared/port-forward");
  const { unknownRequirement } = await import("./declared/unknown-requirement");
  const declared = [checkpointRestore, oomEvents, portForward, unknownRequirement];
  return {
    WORKLOAD_RULES: workload,
    DECLARED_RULES: declared,
    INVENTORY_RULES: inventory,
    CATALOG: [...workload, ...declared, ...inventory],
  };
});

const summary = (findings: Finding[]) => findings.map((f) => `${f.severity} ${f.ruleId} ${f.path} ${f.container ?? "-"} ${f.message}`);

describe("checkWorkload", () => {
  it("orders by severity then catalog order, and drops identical findings", () => {
    expect(summary(checkWorkload(podWorkload({ containers: [] }), ruleContext("kata-qemu-runtime-rs")))).toEqual([
      "blocker fake-blocker d - m",
      "warning fake-mixed c app same",
      "warning fake-mixed c sidecar same",
      "warning fake-mixed c app other",
      "warning fake-rust e - m",
      "info fake-info a - m",
      "info fake-mixed b - m",
    ]);
  });

  it("runs only the rules of the workload's platform", () => {
    expect(checkWorkload(dockerWorkload({}), ruleContext()).map((f) => f.ruleId)).toEqual(["fake-docker", "fake-info"]);
  });

  it("applies the rules' profile predicates, per profile", () => {
    const w = podWorkload({ containers: [] });
    expect(checkWorkload(w, ruleContext("kata-qemu")).map((f) => f.ruleId)).not.toContain("fake-rust");
    expect(checkWorkload(w, ruleContext("kata-dragonball")).map((f) => f.ruleId)).toContain("fake-rust");
    expect(checkWorkload(w, ruleContext("kata-qemu")).map((f) => f.ruleId)).not.toContain("fake-rust");
  });

  it("adds declared requirements, unknown items included, in catalog order", () => {
    const w = dockerWorkload({ Config: { Labels: { [REQUIRES_KEY]: "mystery, oom-events, checkpoint-restore" } } });
    expect(checkWorkload(w, ruleContext()).map((f) => `${f.severity} ${f.ruleId}`)).toEqual([
      "blocker checkpoint-restore",
      "warning fake-docker",
      "info fake-info",
      "info oom-events",
      "info unknown-requirement",
    ]);
  });
});

describe("checkInventory", () => {
  it("runs the inventory rules, deduplicated and ordered by severity", () => {
    expect(checkInventory(ruleContext(), []).map((f) => f.ruleId)).toEqual(["inv-blocker", "inv-info"]);
  });
});
