import { describe, expect, it } from "vitest";
import { parseInventory } from "./parse";

function parse(name: string, content: string) {
  return parseInventory([{ name, content }], { cluster: "c" });
}

function deployment(metadata: string, template = "{}"): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata: ${metadata}
spec:
  template:
    metadata: ${template}
    spec:
      containers: [{ name: app, image: "app:1" }]
`;
}

describe("object size limits", () => {
  it("accepts names, labels and annotations at the Kubernetes limits", () => {
    const annotations = JSON.stringify({ note: "x".repeat(256 * 1024 - 4) });
    const result = parse(
      "ok.yaml",
      deployment(
        `{ name: ${"a".repeat(253)}, namespace: ${"n".repeat(63)}, labels: { app: ${"v".repeat(63)} }, annotations: ${annotations} }`,
      ),
    );
    expect(result.errors).toEqual([]);
    expect(result.workloads).toHaveLength(1);
  });

  // A 30 MB metadata.name was stored, and every page listing workloads grew to tens of MB.
  it("refuses an object over a limit as an input error with its line, without echoing the value", () => {
    const huge = "a".repeat(1_000_000);
    const content = `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: fine }\n---\n${deployment(`{ name: ${huge} }`)}`;
    const result = parse("big.yaml", content);
    expect(result.workloads).toHaveLength(0);
    expect(result.errors).toEqual([
      { source: "big.yaml", line: 5, message: "Deployment at line 5: metadata.name is 1000000 characters long (at most 253)" },
    ]);
  });

  it("checks label values, namespaces and annotations in total, on the object and on its pod template", () => {
    const cases: [string, RegExp][] = [
      [deployment(`{ name: web, labels: { team: ${"t".repeat(64)} } }`), /metadata\.labels\.team is 64 characters long \(at most 63\)/],
      [deployment(`{ name: web, namespace: ${"n".repeat(64)} }`), /metadata\.namespace is 64 characters/],
      [
        deployment(`{ name: web, annotations: { a: ${"x".repeat(200_000)}, b: ${"y".repeat(70_000)} } }`),
        /metadata\.annotations hold more than 256 KiB/,
      ],
      [deployment("{ name: web }", `{ labels: { app: ${"v".repeat(64)} } }`), /spec\.template\.metadata\.labels\.app is 64 characters/],
    ];
    for (const [content, message] of cases) {
      const result = parse("d.yaml", content);
      expect(result.workloads).toHaveLength(0);
      expect(result.errors).toEqual([expect.objectContaining({ line: 1, message: expect.stringMatching(message) })]);
    }
  });

  it("bounds Docker container and Compose service names too", () => {
    const docker = JSON.stringify([
      { Id: "abc", Name: `/${"c".repeat(300)}`, Config: { Image: "x" }, HostConfig: {}, State: { Status: "running" } },
    ]);
    expect(parse("inspect.json", docker).errors).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/Name is 300 characters long \(at most 253\)/) }),
    ]);

    const compose = `services:\n  ${"s".repeat(300)}:\n    image: web:1\n  ok:\n    image: ok:1\n`;
    const result = parse("docker-compose.yml", compose);
    expect(result.workloads.map((workload) => workload.name)).toEqual(["ok"]);
    expect(result.errors).toEqual([expect.objectContaining({ message: expect.stringMatching(/service name is 300 characters long/) })]);
  });
});

describe("teams from Docker and Compose labels", () => {
  it("are cut to a Kubernetes label value's length (those labels have no limit of their own)", () => {
    const docker = JSON.stringify([
      {
        Id: "abc",
        Name: "/web",
        Config: { Image: "x", Labels: { team: "t".repeat(10_000) } },
        HostConfig: {},
        State: { Status: "running" },
      },
    ]);
    const [workload] = parse("inspect.json", docker).workloads;
    expect(workload.team).toBe(`${"t".repeat(62)}…`);
  });
});
