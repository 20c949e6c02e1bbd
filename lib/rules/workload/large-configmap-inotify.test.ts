import { describe, expect, it } from "vitest";
import { podWorkload, ruleContext } from "../test-helpers";
import { largeConfigmapInotify } from "./large-configmap-inotify";

const ctx = ruleContext("kata-qemu-runtime-rs", {
  configMaps: {
    "default/big": { keys: 9, bytes: 100 },
    "default/huge": { keys: 1, bytes: 2 * 1024 * 1024 },
    "default/small": { keys: 8, bytes: 1024 * 1024 },
  },
  secrets: { "default/certs": { keys: 12, bytes: 4000 }, "other/big": { keys: 50, bytes: 1 } },
});
const mounted = (volumes: object[]) =>
  podWorkload({
    containers: [{ name: "app", volumeMounts: volumes.map((v) => ({ name: (v as { name: string }).name, mountPath: "/x" })) }],
    volumes,
  });

describe("large-configmap-inotify", () => {
  it("fires on a whole ConfigMap over 8 keys and one over 1 MiB", () => {
    const findings = largeConfigmapInotify.check(
      mounted([
        { name: "a", configMap: { name: "big" } },
        { name: "b", configMap: { name: "huge" } },
      ]),
      ctx,
    );
    expect(findings.map((f) => f.path)).toEqual(["spec.template.spec.volumes[0].configMap", "spec.template.spec.volumes[1].configMap"]);
    expect(findings[0]).toMatchObject({ ruleId: "large-configmap-inotify", severity: "warning", remedy: "manifest", container: null });
    expect(findings[0].message).toContain("ConfigMap big (9 keys");
    expect(findings[0].message).toContain("app");
  });

  it("fires on secrets and projected sources", () => {
    const w = mounted([
      { name: "s", secret: { secretName: "certs" } },
      { name: "p", projected: { sources: [{ serviceAccountToken: {} }, { configMap: { name: "small" } }, { secret: { name: "certs" } }] } },
    ]);
    expect(largeConfigmapInotify.check(w, ctx).map((f) => f.path)).toEqual([
      "spec.template.spec.volumes[0].secret",
      "spec.template.spec.volumes[1].projected.sources[2].secret",
    ]);
  });

  it.each([
    ["with items", { name: "a", configMap: { name: "big", items: [{ key: "k", path: "k" }] } }],
    ["at the limits", { name: "a", configMap: { name: "small" } }],
    ["unknown to the inventory", { name: "a", configMap: { name: "missing" } }],
    ["in another namespace", { name: "a", secret: { secretName: "big" } }],
  ])("does not fire %s", (_, volume) => {
    expect(largeConfigmapInotify.check(mounted([volume]), ctx)).toEqual([]);
  });

  it("does not fire on an unmounted volume", () => {
    const w = podWorkload({ containers: [{ name: "app" }], volumes: [{ name: "a", configMap: { name: "big" } }] });
    expect(largeConfigmapInotify.check(w, ctx)).toEqual([]);
  });
});
