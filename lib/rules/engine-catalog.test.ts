// The engine over the real catalog: the contract scan.ts relies on.
import { describe, expect, it } from "vitest";
import { CATALOG, CATALOG_VERSION, findRule, rulesNewerThan, WORKLOAD_RULES } from "./catalog";
import { REQUIRES_KEY } from "./declared";
import { checkInventory, checkWorkload } from "./engine";
import { composeWorkload, dockerWorkload, podWorkload, ruleContext } from "./test-helpers";
import type { Severity, WorkloadRule } from "./types";

const RANK: Record<Severity, number> = { blocker: 0, warning: 1, info: 2 };

const messy = () =>
  podWorkload(
    {
      runtimeClassName: "kata-qemu",
      containers: [
        {
          name: "app",
          image: "docker:24-dind",
          resources: { limits: { cpu: "1", "hugepages-1Gi": "1Gi" } },
          resizePolicy: [{ resourceName: "cpu", restartPolicy: "NotRequired" }],
        },
        { name: "side", securityContext: { seccompProfile: { type: "RuntimeDefault" } } },
      ],
      volumes: [{ name: "m", emptyDir: { medium: "Memory" } }],
    },
    { annotations: { [REQUIRES_KEY]: "port-forward, typo", "io.katacontainers.config.hypervisor.default_vcpus": "2" } },
  );

describe("checkWorkload with the catalog", () => {
  it("returns findings of known, applicable rules ordered by severity then catalog order", () => {
    const findings = checkWorkload(messy(), ruleContext());
    const index = (id: string) => CATALOG.findIndex((r) => r.id === id);
    findings.forEach((f) => expect(findRule(f.ruleId)).toBeDefined());
    for (let i = 1; i < findings.length; i++) {
      const [a, b] = [findings[i - 1], findings[i]];
      expect(RANK[a.severity] < RANK[b.severity] || (a.severity === b.severity && index(a.ruleId) <= index(b.ruleId))).toBe(true);
    }
    const ids = new Set(findings.map((f) => f.ruleId));
    for (const id of [
      "docker-in-docker",
      "hugepages",
      "cpu-limit-without-memory-limit",
      "resource-limits",
      "in-place-resize",
      "memory-emptydir",
      "guest-lsm",
      "kata-annotations",
      "kata-runtime",
      "port-forward",
      "unknown-requirement",
    ]) {
      expect(ids).toContain(id);
    }
  });

  it("reports a folded workload's repeated pod templates once", () => {
    const w = messy();
    const once = checkWorkload(w, ruleContext());
    w.pods.push({ ...w.pods[0], source: "pod-2.json" });
    expect(checkWorkload(w, ruleContext())).toEqual(once);
  });

  it("filters by profile: cpu-limit-without-memory-limit only on runtime-rs", () => {
    expect(checkWorkload(messy(), ruleContext("kata-qemu")).map((f) => f.ruleId)).not.toContain("cpu-limit-without-memory-limit");
  });

  it("filters by platform", () => {
    const rulesById = new Map<string, WorkloadRule>(WORKLOAD_RULES.map((r) => [r.id, r]));
    for (const w of [dockerWorkload({ HostConfig: { PidsLimit: 10 } }), composeWorkload({ pids_limit: 10 })]) {
      const findings = checkWorkload(w, ruleContext("kata-qemu"));
      expect(findings.map((f) => f.ruleId)).toContain("pids-limit");
      findings.forEach((f) => {
        const rule = rulesById.get(f.ruleId);
        if (rule) expect(rule.appliesTo).toContain(w.platform);
      });
    }
    expect(checkWorkload(podWorkload({ containers: [{ name: "a" }] }), ruleContext()).map((f) => f.ruleId)).not.toContain("pids-limit");
  });
});

describe("checkInventory with the catalog", () => {
  it("reports engine, RuntimeClass and node findings", () => {
    const findings = checkInventory(
      ruleContext("kata-qemu-runtime-rs", {
        engines: [{ engine: "docker", version: "20.10.24", source: "v.json" }],
        runtimeClasses: [{ name: "kata-qemu", handler: "kata-qemu", overhead: null, source: "rc.yaml" }],
        nodes: [{ name: "n1", labels: {}, source: "nodes.json" }],
      }),
      [],
    );
    expect(findings.map((f) => `${f.severity} ${f.ruleId}`)).toEqual([
      "blocker docker-engine-version",
      "warning runtimeclass-without-overhead",
      "info nodes-not-kata-labelled",
    ]);
  });

  it("is empty for an empty inventory", () => {
    expect(checkInventory(ruleContext(), [])).toEqual([]);
  });
});

// Ids, top severity and remedy of the group B, declared and inventory rules, from shared/spec/kata-rules.md.
const CONTRACT: [string, Severity, string | null][] = [
  ["socket-on-disk-emptydir", "warning", "manifest"],
  ["memory-emptydir", "warning", "manifest"],
  ["docker-in-docker", "blocker", "manifest"],
  ["large-configmap-inotify", "warning", "manifest"],
  ["resource-limits", "warning", "manifest"],
  ["cpu-limit-without-memory-limit", "blocker", "manifest"],
  ["cpuset", "warning", "platform"],
  ["in-place-resize", "warning", "manifest"],
  ["blkio", "warning", "platform"],
  ["pids-limit", "warning", "platform"],
  ["hugepages", "blocker", "manifest"],
  ["kata-annotations", "warning", "platform"],
  ["guest-lsm", "warning", "platform"],
  ["intel-rdt", "warning", "keep-on-runc"],
  ["service-mesh-host-redirect", "warning", "platform"],
  ["kata-runtime", "info", null],
  ["checkpoint-restore", "blocker", "keep-on-runc"],
  ["oom-events", "info", null],
  ["port-forward", "warning", "manifest"],
  ["unknown-requirement", "info", null],
  ["podman-engine", "blocker", "platform"],
  ["docker-engine-version", "blocker", "platform"],
  ["no-kata-runtimeclass", "warning", "platform"],
  ["runtimeclass-without-overhead", "warning", "platform"],
  ["nodes-not-kata-labelled", "info", "platform"],
  ["nodes-without-virtualization", "warning", "platform"],
  ["duplicate-workload", "warning", null],
];

describe("rule text", () => {
  it.each(CONTRACT)("%s matches the contract and has complete text", (id, severity, remedy) => {
    const rule = findRule(id);
    expect(rule).toMatchObject({ id, severity, remedy });
    if (!rule) return;
    expect(rule.title.length).toBeGreaterThan(5);
    expect(rule.summary).toMatch(/^[A-Z`].*\.$/s);
    expect(rule.summary).not.toContain("\n");
    expect(rule.why.length).toBeGreaterThan(150);
    expect(rule.remediation.length).toBeGreaterThan(60);
    rule.references.forEach((r) => {
      expect(r.title.length).toBeGreaterThan(3);
      expect(r.url).toMatch(/^https:\/\/github\.com\/[\w.-]+\/[\w.-]+\//);
    });
    if (id !== "unknown-requirement") expect(rule.references.length).toBeGreaterThan(0);
  });
});

describe("catalog versions", () => {
  const CATALOG_1_2 = [
    "docker-embedded-dns",
    "exec-liveness-probe",
    "shared-filesystem-volume",
    "user-namespace",
    "kernel-modules",
    "image-volume",
    "dra-resource-claims",
    "supplemental-groups-strict",
    "multus-secondary-networks",
    "java8-open-files",
    "cilium-socket-lb",
    "qemu-shm-capacity",
    "kata-container-metrics",
  ];

  it("is catalog 1.2, and every rule says which catalog introduced it", () => {
    expect(CATALOG_VERSION).toBe("1.2");
    expect(
      CATALOG.filter((r) => r.since === "1.2")
        .map((r) => r.id)
        .sort(),
    ).toEqual([...CATALOG_1_2].sort());
    for (const rule of CATALOG) expect(["1.0", "1.1", "1.2"]).toContain(rule.since);
  });

  it("keeps the 1.2 rules' severities and remedies as the spec gives them", () => {
    const expected: Record<string, [Severity, string]> = {
      "docker-embedded-dns": ["blocker", "manifest"],
      "exec-liveness-probe": ["warning", "manifest"],
      "shared-filesystem-volume": ["warning", "platform"],
      "user-namespace": ["blocker", "manifest"],
      "kernel-modules": ["blocker", "keep-on-runc"],
      "image-volume": ["blocker", "manifest"],
      "dra-resource-claims": ["blocker", "platform"],
      "supplemental-groups-strict": ["warning", "keep-on-runc"],
      "multus-secondary-networks": ["warning", "platform"],
      "java8-open-files": ["warning", "manifest"],
      "cilium-socket-lb": ["blocker", "platform"],
      "qemu-shm-capacity": ["warning", "platform"],
      "kata-container-metrics": ["info", "platform"],
    };
    for (const [id, [severity, remedy]] of Object.entries(expected)) expect(findRule(id)).toMatchObject({ severity, remedy });
  });

  it("tells a finding of a rule newer than an earlier snapshot's catalog (a new rule) from a new finding", () => {
    const ids = (version: string) => rulesNewerThan(version).map((rule) => rule.id);
    expect(ids("1").sort()).toEqual([...CATALOG_1_2, "duplicate-workload"].sort());
    expect(ids("1.0")).toEqual(ids("1"));
    expect(ids("1.1").sort()).toEqual([...CATALOG_1_2].sort());
    expect(ids("1.2")).toEqual([]);
    expect(ids("bench")).toEqual([]);
  });

  it("no rule's text sends users to a user-defined Docker network", () => {
    for (const rule of CATALOG) {
      if (rule.id === "docker-embedded-dns") continue;
      expect(`${rule.remediation}`, rule.id).not.toMatch(/docker network create|--network [a-z]|^\s*networks:/m);
    }
  });
});
