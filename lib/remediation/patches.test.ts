import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import type { JsonObject } from "../inventory/types";
import { encode, exportWorkloads } from "../export/model";
import { scan } from "../scan";
import type { Waiver } from "../scoring/waivers";
import { patchesEncoder, PLACEHOLDER_PREFIX, workloadPatch, type WorkloadPatch } from "./patches";
import { applyStrategic, diffObject } from "./strategic-merge";

const MANIFESTS = `apiVersion: apps/v1
kind: Deployment
metadata: { name: limits, namespace: shop }
spec:
  template:
    spec:
      containers:
        - { name: app, image: app, resources: { requests: { memory: 256Mi } } }
        - { name: side, image: side, resources: { limits: { cpu: "1", memory: 1Gi } } }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: config, namespace: shop }
spec:
  template:
    spec:
      containers:
        - name: app
          image: app
          resources: { limits: { cpu: "1", memory: 1Gi } }
          volumeMounts:
            - { name: data, mountPath: /data }
            - { name: conf, mountPath: /etc/app/app.conf, subPath: app.conf }
      volumes:
        - { name: data, emptyDir: {} }
        - { name: conf, configMap: { name: app-config } }
---
apiVersion: apps/v1
kind: StatefulSet
metadata: { name: sockets, namespace: shop }
spec:
  template:
    spec:
      containers:
        - { name: server, image: s, resources: { limits: { cpu: "1", memory: 1Gi } }, volumeMounts: [{ name: sock, mountPath: /var/run/app }] }
        - { name: client, image: c, resources: { limits: { cpu: "1", memory: 1Gi } }, volumeMounts: [{ name: sock, mountPath: /var/run/app }] }
      volumes:
        - { name: sock, emptyDir: {} }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: ready, namespace: shop }
spec:
  template:
    spec:
      containers: [{ name: app, image: app, resources: { limits: { cpu: "1", memory: 1Gi } } }]
---
apiVersion: apps/v1
kind: DaemonSet
metadata: { name: hostnet, namespace: shop }
spec:
  template:
    spec:
      hostNetwork: true
      containers: [{ name: app, image: app }]
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: privileged, namespace: shop }
spec:
  template:
    spec:
      containers: [{ name: app, image: app, resources: { limits: { cpu: "1", memory: 1Gi } }, securityContext: { privileged: true } }]
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: scratch, namespace: shop }
spec:
  template:
    spec:
      containers:
        - { name: app, image: app, resources: { limits: { cpu: "1", memory: 1Gi } }, volumeMounts: [{ name: tmp, mountPath: /tmp/x, subPath: x }] }
      volumes: [{ name: tmp, emptyDir: {} }]
`;

const result = scan([{ name: "apps.yaml", content: MANIFESTS }], { cluster: "prod" });
const rows = [...exportWorkloads(result)];
const options = { target: result.target };

function patchOf(name: string): WorkloadPatch | string {
  const row = rows.find((w) => w.name === name);
  if (!row) throw new Error(`no workload ${name}`);
  return workloadPatch(row, options);
}

/** Replaces every placeholder with a real quantity, as a person would before applying. */
function fill(value: unknown): unknown {
  if (typeof value === "string" && value.startsWith(PLACEHOLDER_PREFIX)) return value.includes("cpu") ? "500m" : "512Mi";
  if (Array.isArray(value)) return value.map(fill);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v)]));
  return value;
}

describe("migration patches", () => {
  it("fixes every finding it targets: the patched object, scanned again, is ready and on Kata", () => {
    expect(result.errors).toEqual([]);
    for (const name of ["limits", "config", "ready"]) {
      const row = rows.find((w) => w.name === name)!;
      const patch = patchOf(name);
      if (typeof patch === "string") throw new Error(`${name}: no patch (${patch})`);
      const patched = applyStrategic(row.spec!.object, fill(patch.patch) as JsonObject);
      const again = scan([{ name: "patched.json", content: JSON.stringify(patched) }], { cluster: "prod" }).workloads[0];
      const fixed = new Set(patch.ruleIds);
      expect(
        again.findings.filter((f) => fixed.has(f.ruleId)),
        name,
      ).toEqual([]);
      expect(
        again.findings.filter((f) => f.severity !== "info"),
        name,
      ).toEqual([]);
      // Now counted as migrated: the RuntimeClass is the target's.
      expect(again.migrated, name).toBe(true);
    }
  });

  it("marks limits it cannot know as placeholders, never as guessed quantities", () => {
    const patch = patchOf("limits") as WorkloadPatch;
    expect(patch.hasPlaceholders).toBe(true);
    const containers = (patch.patch.spec as { template: { spec: { containers: JsonObject[] } } }).template.spec.containers;
    // Only the container that lacks limits, keyed by name as Kubernetes merges it.
    expect(containers).toEqual([
      { name: "app", resources: { limits: { cpu: "<FILL: cpu limit>", memory: "<FILL: memory limit, request is 256Mi>" } } },
    ]);
    expect(patch.patch).toMatchObject({ apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "limits", namespace: "shop" } });
  });

  it("replaces a subPath mount: the mount list is sent whole since its key (mountPath) changes", () => {
    const patch = patchOf("config") as WorkloadPatch;
    const spec = (patch.patch.spec as { template: { spec: JsonObject } }).template.spec;
    const mounts = (spec.containers as JsonObject[])[0].volumeMounts as JsonObject[];
    expect(mounts).toContainEqual({ $patch: "replace" });
    expect(mounts).toContainEqual({ name: "conf", mountPath: "/etc/app" });
    expect(spec.volumes).toEqual([{ name: "conf", configMap: { items: [{ key: "app.conf", path: "app.conf" }] } }]);
  });

  it("never patches stays-on-runc or platform-work workloads, nor ones needing changes it cannot write", () => {
    expect(patchOf("hostnet")).toBe("stays-on-runc");
    expect(patchOf("privileged")).toBe("platform-work");
    // subPath on an emptyDir: no mechanical fix.
    expect(patchOf("scratch")).toBe("needs-manual-changes");
    // medium: Memory answers socket-on-disk-emptydir but raises memory-emptydir (a warning):
    // still not ready, so no patch moves it to Kata.
    expect(patchOf("sockets")).toBe("needs-manual-changes");
  });

  it("patches a workload whose remaining finding is waived", () => {
    const waiver: Waiver = {
      id: "w#1",
      ruleId: "privileged",
      scope: { namespace: "shop" },
      reason: "r",
      approver: "a",
      expiresAt: new Date("2999-01-01"),
    };
    const row = [...exportWorkloads(result, { waivers: [waiver] })].find((w) => w.name === "privileged")!;
    const patch = workloadPatch(row, options) as WorkloadPatch;
    expect((patch.patch.spec as { template: { spec: JsonObject } }).template.spec).toEqual({ runtimeClassName: result.target });
  });

  it("writes a multi-document bundle kustomize can read, with the skipped ones counted", () => {
    const text = [...encode(patchesEncoder(options), exportWorkloads(result))].join("");
    const docs = parseAllDocuments(text)
      .map((d) => d.toJS() as JsonObject | null)
      .filter(Boolean);
    expect(docs.map((d) => (d!.metadata as JsonObject).name)).toEqual(["limits", "config", "ready"]);
    expect(text).toContain("# Not patched: 1 workload(s) that stay on runc.");
    expect(text).toContain("# Not patched: 2 workload(s) that need manifest changes the tool cannot write.");
  });
});

describe("strategic merge", () => {
  it("diff then apply gives the changed object back", () => {
    const before = {
      spec: {
        a: 1,
        drop: true,
        list: [1, 2],
        containers: [
          { name: "x", image: "1" },
          { name: "y", image: "2" },
        ],
      },
    };
    const after = {
      spec: {
        a: 2,
        list: [3],
        containers: [
          { name: "y", image: "3" },
          { name: "x", image: "1" },
          { name: "z", image: "4" },
        ],
      },
    };
    const patch = diffObject(before, after);
    expect(patch).toEqual({
      spec: {
        a: 2,
        drop: null,
        list: [3],
        containers: [
          { name: "y", image: "3" },
          { name: "z", image: "4" },
        ],
      },
    });
    const applied = applyStrategic(before, patch) as typeof after;
    expect(applied.spec.containers).toEqual([
      { name: "x", image: "1" },
      { name: "y", image: "3" },
      { name: "z", image: "4" },
    ]);
    expect(applied.spec).not.toHaveProperty("drop");
  });
});
