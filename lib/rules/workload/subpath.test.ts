import { describe, expect, it } from "vitest";
import type { Workload } from "../../inventory/types";
import { composeWorkload, k8sWorkload, podWorkload, ruleContext } from "../test-helpers";
import { subpath } from "./subpath";

const run = (w: Workload) => subpath.check(w, ruleContext());

describe("subpath", () => {
  it("fires on a non-empty subPath with the exact path", () => {
    const w = podWorkload(`
containers:
  - name: app
  - name: web
    volumeMounts:
      - { name: data, mountPath: /data }
      - { name: cfg, mountPath: /etc/app/config.yaml, subPath: config.yaml }
volumes: [{ name: cfg, configMap: { name: cfg } }, { name: data, emptyDir: {} }]
`);
    expect(run(w)).toEqual([
      {
        ruleId: "subpath",
        severity: "blocker",
        remedy: "manifest",
        container: "web",
        path: "spec.template.spec.containers[1].volumeMounts[1].subPath",
        message: 'subPath "config.yaml" on volume "cfg"',
      },
    ]);
  });

  it("fires on subPathExpr", () => {
    const w = podWorkload({
      containers: [{ name: "app", volumeMounts: [{ name: "logs", mountPath: "/logs", subPathExpr: "$(POD_NAME)" }] }],
    });
    expect(run(w)).toEqual([
      expect.objectContaining({
        path: "spec.template.spec.containers[0].volumeMounts[0].subPathExpr",
        message: 'subPathExpr "$(POD_NAME)" on volume "logs"',
      }),
    ]);
  });

  it('does not fire on subPath: ""', () => {
    const w = podWorkload({ containers: [{ name: "app", volumeMounts: [{ name: "v", mountPath: "/v", subPath: "" }] }] });
    expect(run(w)).toEqual([]);
  });

  it("fires in init and ephemeral containers", () => {
    const w = podWorkload({
      containers: [{ name: "app" }],
      initContainers: [{ name: "init", volumeMounts: [{ name: "v", mountPath: "/v", subPath: "a" }] }],
      ephemeralContainers: [{ name: "dbg", volumeMounts: [{ name: "v", mountPath: "/v", subPath: "b" }] }],
    });
    expect(run(w).map((f) => [f.container, f.path])).toEqual([
      ["init", "spec.template.spec.initContainers[0].volumeMounts[0].subPath"],
      ["dbg", "spec.template.spec.ephemeralContainers[0].volumeMounts[0].subPath"],
    ]);
  });

  it("checks every pod template", () => {
    const w = k8sWorkload({ kind: "Pod", spec: { containers: [{ name: "a" }] } });
    w.pods.push({ ...w.pods[0], spec: { containers: [{ name: "a", volumeMounts: [{ name: "v", mountPath: "/v", subPath: "x" }] }] } });
    expect(run(w).map((f) => f.path)).toEqual(["spec.containers[0].volumeMounts[0].subPath"]);
  });

  it("is Kubernetes-only", () => {
    expect(subpath.appliesTo).toEqual(["kubernetes"]);
    expect(run(composeWorkload({ volumes: ["./a:/a"] }))).toEqual([]);
  });
});
