import { describe, expect, it } from "vitest";
import { parseText } from "../inventory/test-helpers";
import type { Workload } from "../inventory/types";
import { getProfile } from "../scoring/profiles";
import { checkWorkload } from "./engine";
import { fingerprint, stablePath } from "./fingerprint";
import type { Finding } from "./types";

function scanOne(name: string, text: string): { workload: Workload; findings: Finding[] } {
  const parsed = parseText(name, text);
  expect(parsed.errors).toEqual([]);
  const [workload] = parsed.workloads;
  const findings = checkWorkload(workload, { profile: getProfile("kata-qemu-runtime-rs"), inventory: parsed.context });
  return { workload, findings };
}

/** fingerprint per "rule container stable-path" of each finding. */
function prints(name: string, text: string): Map<string, string> {
  const { workload, findings } = scanOne(name, text);
  return new Map(findings.map((f) => [`${f.ruleId} ${f.container} ${stablePath(workload, f)}`, fingerprint(workload, f)]));
}

const DEPLOYMENT = (namespace: string, containers: string, volumes: string) => `
apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: ${namespace} }
spec:
  template:
    spec:
      containers:
${containers}
      volumes:
${volumes}
`;

const WEB = `
        - name: web
          image: nginx
          resources: { limits: { cpu: "1", memory: 1Gi } }
          volumeMounts:
            - { name: data, mountPath: /data, subPath: app }`;
const SIDECAR = `
        - name: sidecar
          image: busybox
          resources: { limits: { cpu: "1", memory: 1Gi } }
          volumeMounts:
            - { name: logs, mountPath: /logs }
            - { name: data, mountPath: /shared, subPath: side }`;
const DATA = `
        - name: data
          hostPath: { path: /srv/data }`;
const LOGS = `
        - name: logs
          emptyDir: {}`;

describe("finding fingerprint", () => {
  it("replaces indices with the names of containers, volumes and mounts", () => {
    const keys = [...prints("a.yaml", DEPLOYMENT("shop", WEB + SIDECAR, DATA + LOGS)).keys()];
    expect(keys).toContain("subpath web spec.template.spec.containers[name=web].volumeMounts[mountPath=/data].subPath");
    expect(keys).toContain("subpath sidecar spec.template.spec.containers[name=sidecar].volumeMounts[mountPath=/shared].subPath");
    expect(keys).toContain("hostpath-volume null spec.template.spec.volumes[name=data].hostPath.path");
  });

  it("stays the same when containers are reordered and a volume and mount are added", () => {
    const before = prints("a.yaml", DEPLOYMENT("shop", WEB + SIDECAR, DATA + LOGS));
    const extraVolume = `
        - name: cache
          emptyDir: {}`;
    const reorderedSidecar = SIDECAR.replace(
      "- { name: logs, mountPath: /logs }",
      "- { name: cache, mountPath: /cache }\n            - { name: logs, mountPath: /logs }",
    );
    const after = prints("b.yaml", DEPLOYMENT("shop", reorderedSidecar + WEB, extraVolume + LOGS + DATA));
    for (const [key, print] of before) expect(after.get(key), key).toBe(print);
  });

  it("changes with the workload identity (a renamed namespace is another workload), the rule and the container", () => {
    const shop = prints("a.yaml", DEPLOYMENT("shop", WEB, DATA));
    const store = prints("a.yaml", DEPLOYMENT("store", WEB, DATA));
    const shopPrints = new Set(shop.values());
    for (const print of store.values()) expect(shopPrints.has(print)).toBe(false);
    expect(new Set(shop.values()).size).toBe(shop.size);
  });

  it("names Compose list elements by their value and keeps the service prefix", () => {
    const { workload, findings } = scanOne(
      "compose.yaml",
      `services:
  web:
    image: nginx
    network_mode: bridge
    volumes: ["/srv/a:/a", "/srv/b:/b"]
    links: [db]
  db:
    image: postgres
    network_mode: bridge
`,
    );
    const paths = findings.map((f) => stablePath(workload, f));
    expect(paths).toContain("services.web.links");
    expect(paths.some((p) => p.startsWith("services.web.volumes[=/srv/a:/a]"))).toBe(true);
  });

  it("keeps Docker inspect paths with names for mounts", () => {
    const { workload, findings } = scanOne(
      "inspect.json",
      JSON.stringify([
        {
          Id: "abc",
          Name: "/agent",
          Config: { Image: "agent:1" },
          HostConfig: { NetworkMode: "host", Binds: ["/var/run/docker.sock:/var/run/docker.sock"] },
          Mounts: [{ Type: "bind", Source: "/var/run/docker.sock", Destination: "/var/run/docker.sock", RW: true }],
          State: { Status: "running" },
        },
      ]),
    );
    const paths = findings.map((f) => stablePath(workload, f));
    expect(paths).toContain("HostConfig.NetworkMode");
    expect(paths.every((p) => !/\[\d+\]/.test(p))).toBe(true);
  });

  it("keeps a path it cannot resolve as it is, indices included", () => {
    const { workload } = scanOne("a.yaml", DEPLOYMENT("shop", WEB, DATA));
    expect(stablePath(workload, { path: "spec.template.spec.containers[7].image", container: null })).toBe(
      "spec.template.spec.containers[7].image",
    );
    expect(stablePath(workload, { path: 'spec.template.metadata.annotations["a.b/c"]', container: null })).toBe(
      'spec.template.metadata.annotations["a.b/c"]',
    );
  });
});
