import { describe, expect, it } from "vitest";
import { findPathLine, mapPathsToLines, renderYaml } from "./yaml";

const deployment = {
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "web", annotations: { "istio.io/dataplane-mode": "ambient" } },
  spec: {
    template: {
      spec: {
        containers: [
          { name: "app", image: "nginx" },
          {
            name: "sidecar",
            image: "envoy",
            volumeMounts: [{ name: "cfg", mountPath: "/etc/envoy/envoy.yaml", subPath: "envoy.yaml" }],
          },
        ],
      },
    },
  },
};

function lineText(yaml: string, line: number): string {
  return yaml.split("\n")[line - 1];
}

describe("mapPathsToLines", () => {
  const yaml = renderYaml(deployment);
  const lines = mapPathsToLines(yaml);

  it("maps a deep finding path to the line of its field", () => {
    const hit = findPathLine(lines, "spec.template.spec.containers[1].volumeMounts[0].subPath");
    expect(hit?.exact).toBe(true);
    expect(lineText(yaml, hit!.line).trim()).toBe("subPath: envoy.yaml");
  });

  it("maps sequence items to their first line", () => {
    const hit = findPathLine(lines, "spec.template.spec.containers[1]");
    expect(lineText(yaml, hit!.line).trim()).toBe("- name: sidecar");
  });

  it("maps quoted annotation keys", () => {
    const hit = findPathLine(lines, 'metadata.annotations["istio.io/dataplane-mode"]');
    expect(lineText(yaml, hit!.line)).toContain("istio.io/dataplane-mode: ambient");
  });

  it("falls back to the nearest existing ancestor for absent fields", () => {
    const hit = findPathLine(lines, "spec.template.spec.containers[0].resources.limits");
    expect(hit?.exact).toBe(false);
    expect(lineText(yaml, hit!.line).trim()).toBe("- name: app");
  });

  it("returns null when nothing of the path exists", () => {
    expect(findPathLine(lines, "HostConfig.NetworkMode")).toBeNull();
  });
});

describe("renderYaml", () => {
  it("adds comments at the given paths", () => {
    const yaml = renderYaml({ a: { b: "1" } }, [{ path: ["a", "b"], text: "placeholder" }]);
    expect(yaml).toContain('b: "1" # placeholder');
  });
});
