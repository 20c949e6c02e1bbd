import { describe, expect, it } from "vitest";
import { checkDeclared, DECLARABLE_ITEMS, parseRequirements, REQUIRES_KEY } from "./declared";
import { composeWorkload, dockerWorkload, k8sWorkload, podWorkload } from "./test-helpers";

const annotated = (value: string) => podWorkload({ containers: [] }, { annotations: { [REQUIRES_KEY]: value } });
const path = `spec.template.metadata.annotations["${REQUIRES_KEY}"]`;

describe("parseRequirements", () => {
  it("splits annotations on commas and whitespace, labels also on _ and .", () => {
    expect(parseRequirements(" checkpoint-restore,oom-events\n port-forward ,, ", "annotation")).toEqual([
      "checkpoint-restore",
      "oom-events",
      "port-forward",
    ]);
    expect(parseRequirements("checkpoint_restore", "annotation")).toEqual(["checkpoint_restore"]);
    expect(parseRequirements("checkpoint-restore_oom-events.Port-Forward", "label")).toEqual([
      "checkpoint-restore",
      "oom-events",
      "port-forward",
    ]);
  });
});

describe("checkDeclared", () => {
  it("turns each known item into a finding at its rule's severity and remedy", () => {
    expect(checkDeclared(annotated("checkpoint-restore, oom-events port-forward intel-rdt"))).toEqual([
      {
        ruleId: "checkpoint-restore",
        severity: "blocker",
        remedy: "keep-on-runc",
        container: null,
        path,
        message: "declared requirement checkpoint-restore: Kata has no checkpoint/restore",
      },
      {
        ruleId: "oom-events",
        severity: "info",
        remedy: null,
        container: null,
        path,
        message: "declared requirement oom-events: per-container OOM is reported, whole-VM OOM is not",
      },
      {
        ruleId: "port-forward",
        severity: "warning",
        remedy: "manifest",
        container: null,
        path,
        message: "declared requirement port-forward: kubectl port-forward is unreliable under Kata, use a Service",
      },
      {
        ruleId: "intel-rdt",
        severity: "warning",
        remedy: "keep-on-runc",
        container: null,
        path,
        message: "declared requirement intel-rdt: Intel RDT is not available inside the Kata VM",
      },
    ]);
  });

  it("reports an unknown item, naming it", () => {
    const [f] = checkDeclared(annotated("checkpoint_restore"));
    expect(f).toMatchObject({ ruleId: "unknown-requirement", severity: "info", remedy: null, path });
    expect(f.message).toContain('"checkpoint_restore"');
    expect(f.message).toContain(DECLARABLE_ITEMS.join(", "));
  });

  it("reads object annotations and labels, once per item", () => {
    const w = k8sWorkload({
      kind: "StatefulSet",
      metadata: {
        name: "db",
        annotations: { [REQUIRES_KEY]: "port-forward" },
        labels: { [REQUIRES_KEY]: "port-forward_checkpoint-restore" },
      },
      spec: { template: { spec: { containers: [] } } },
    });
    expect(checkDeclared(w).map((f) => [f.ruleId, f.path])).toEqual([
      ["port-forward", `metadata.annotations["${REQUIRES_KEY}"]`],
      ["checkpoint-restore", `metadata.labels["${REQUIRES_KEY}"]`],
    ]);
  });

  it("reads Docker Config.Labels and Compose labels (map and list)", () => {
    const docker = dockerWorkload({ Config: { Labels: { [REQUIRES_KEY]: "oom-events" } } });
    expect(checkDeclared(docker).map((f) => f.path)).toEqual([`Config.Labels["${REQUIRES_KEY}"]`]);
    const compose = composeWorkload({ labels: { [REQUIRES_KEY]: "checkpoint-restore, bogus" } });
    expect(checkDeclared(compose).map((f) => [f.ruleId, f.path])).toEqual([
      ["checkpoint-restore", `services.web.labels["${REQUIRES_KEY}"]`],
      ["unknown-requirement", `services.web.labels["${REQUIRES_KEY}"]`],
    ]);
    const list = composeWorkload({ labels: ["a=b", `${REQUIRES_KEY}=port-forward`] });
    expect(checkDeclared(list).map((f) => [f.ruleId, f.path])).toEqual([["port-forward", "services.web.labels[1]"]]);
  });

  it("finds nothing without the key or with an empty value", () => {
    expect(checkDeclared(podWorkload({ containers: [] }))).toEqual([]);
    expect(checkDeclared(annotated("  "))).toEqual([]);
    expect(checkDeclared(dockerWorkload({}))).toEqual([]);
  });
});
