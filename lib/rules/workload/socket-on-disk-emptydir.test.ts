import { describe, expect, it } from "vitest";
import { podWorkload, ruleContext } from "../test-helpers";
import { socketOnDiskEmptydir } from "./socket-on-disk-emptydir";

const run = (spec: object) => socketOnDiskEmptydir.check(podWorkload(spec as Record<string, unknown>), ruleContext());

const shared = (mountPath: string, emptyDir: object = {}, extra: object = {}) => ({
  containers: [
    { name: "app", volumeMounts: [{ name: "s", mountPath }], ...extra },
    { name: "proxy", volumeMounts: [{ name: "s", mountPath }] },
  ],
  volumes: [
    { name: "other", configMap: { name: "x" } },
    { name: "s", emptyDir },
  ],
});

describe("socket-on-disk-emptydir", () => {
  it.each(["/var/run/app", "/run", "/sockets", "/tmp/app.sock"])("fires on a shared disk emptyDir at %s", (mountPath) => {
    const [f] = run(shared(mountPath));
    expect(f).toMatchObject({
      ruleId: "socket-on-disk-emptydir",
      severity: "warning",
      remedy: "manifest",
      container: null,
      path: "spec.template.spec.volumes[1].emptyDir",
    });
    expect(f.message).toContain(mountPath);
    expect(f.message).toContain("app, proxy");
    expect(f.message).toContain("heuristic");
  });

  it("fires on a unix:// address under a shared mount", () => {
    const spec = shared("/data", {}, { env: [{ name: "ADDR", value: "unix:///data/app.socket" }] });
    expect(run(spec)[0].message).toContain("/data/app.socket");
  });

  it("counts an init container as a second container", () => {
    const spec = {
      containers: [{ name: "a", volumeMounts: [{ name: "s", mountPath: "/run/x" }] }],
      initContainers: [{ name: "i", volumeMounts: [{ name: "s", mountPath: "/run/x" }] }],
      volumes: [{ name: "s", emptyDir: {} }],
    };
    expect(run(spec)).toHaveLength(1);
  });

  it.each([
    ["a memory emptyDir", shared("/var/run/app", { medium: "Memory" })],
    ["a path that is not a socket place", shared("/data")],
    ["a unix:// address outside the mount", shared("/data", {}, { env: [{ name: "A", value: "unix:///var/x.sock" }] })],
    ["/varrun look-alike", shared("/var/running")],
    [
      "one container",
      { containers: [{ name: "a", volumeMounts: [{ name: "s", mountPath: "/run/x" }] }], volumes: [{ name: "s", emptyDir: {} }] },
    ],
    [
      "a hostPath",
      {
        containers: [
          { name: "a", volumeMounts: [{ name: "s", mountPath: "/run" }] },
          { name: "b", volumeMounts: [{ name: "s", mountPath: "/run" }] },
        ],
        volumes: [{ name: "s", hostPath: { path: "/run" } }],
      },
    ],
  ])("does not fire on %s", (_, spec) => {
    expect(run(spec)).toEqual([]);
  });

  it("applies to Kubernetes only", () => {
    expect(socketOnDiskEmptydir.appliesTo).toEqual(["kubernetes"]);
  });
});
