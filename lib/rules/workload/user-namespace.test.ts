import { describe, expect, it } from "vitest";
import type { Workload } from "../../inventory/types";
import { k8sWorkload, podWorkload, ruleContext } from "../test-helpers";
import { userNamespace } from "./user-namespace";

const run = (w: Workload) => userNamespace.check(w, ruleContext());

describe("user-namespace", () => {
  it("fires on hostUsers: false", () => {
    expect(run(podWorkload({ hostUsers: false, containers: [{ name: "a" }] }))).toEqual([
      {
        ruleId: "user-namespace",
        severity: "blocker",
        remedy: "manifest",
        container: null,
        path: "spec.template.spec.hostUsers",
        message: "hostUsers: false (a user namespace for the pod)",
      },
    ]);
  });

  it("stays quiet on hostUsers: true, absent, or a string", () => {
    expect(run(podWorkload({ hostUsers: true, containers: [{ name: "a" }] }))).toEqual([]);
    expect(run(podWorkload({ containers: [{ name: "a" }] }))).toEqual([]);
    expect(run(podWorkload({ hostUsers: "false", containers: [{ name: "a" }] }))).toEqual([]);
  });

  it("reads a bare Pod's spec", () => {
    expect(run(k8sWorkload({ kind: "Pod", spec: { hostUsers: false, containers: [{ name: "a" }] } })).map((f) => f.path)).toEqual([
      "spec.hostUsers",
    ]);
  });
});
