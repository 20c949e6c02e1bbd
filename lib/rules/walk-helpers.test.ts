import { describe, expect, it } from "vitest";
import { composeWorkload, k8sWorkload, podWorkload } from "./test-helpers";
import { composeLabels, keyPath, metadataEntriesOf, shortValue } from "./walk";

describe("keyPath", () => {
  it("uses dots for identifiers and brackets otherwise", () => {
    expect(keyPath("a.limits", "cpu")).toBe("a.limits.cpu");
    expect(keyPath("a.limits", "nvidia.com/gpu")).toBe('a.limits["nvidia.com/gpu"]');
    expect(keyPath("", "x")).toBe("x");
  });
});

describe("metadataEntriesOf", () => {
  it("lists object and pod template entries with their paths", () => {
    const w = podWorkload({ containers: [] }, { annotations: { "b/c": "2" } });
    (w.object.metadata as Record<string, unknown>).annotations = { a: "1" };
    expect(metadataEntriesOf(w, "annotations")).toEqual([
      { key: "a", value: "1", path: "metadata.annotations.a" },
      { key: "b/c", value: "2", path: 'spec.template.metadata.annotations["b/c"]' },
    ]);
  });

  it("keeps only matching keys when given a filter", () => {
    const w = podWorkload({ containers: [] }, { labels: { keep: "1", drop: "2" } });
    expect(metadataEntriesOf(w, "labels", (key) => key === "keep")).toEqual([
      { key: "keep", value: "1", path: "spec.template.metadata.labels.keep" },
    ]);
  });

  it("lists a bare Pod's metadata once", () => {
    const w = k8sWorkload({ kind: "Pod", metadata: { name: "p", labels: { x: "y" } }, spec: { containers: [] } });
    expect(metadataEntriesOf(w, "labels")).toEqual([{ key: "x", value: "y", path: "metadata.labels.x" }]);
  });
});

describe("composeLabels", () => {
  it("reads map and list forms", () => {
    expect(composeLabels(composeWorkload({ labels: { "a.b": "1" } }).object, "services.web")).toEqual([
      { key: "a.b", value: "1", path: 'services.web.labels["a.b"]' },
    ]);
    expect(composeLabels({ labels: ["k=v=w", "flag"] }, "services.web")).toEqual([
      { key: "k", value: "v=w", path: "services.web.labels[0]" },
      { key: "flag", value: "", path: "services.web.labels[1]" },
    ]);
  });
});

describe("shortValue", () => {
  it("flattens and truncates", () => {
    expect(shortValue("a\n  b")).toBe("a b");
    expect(shortValue("x".repeat(100), 10)).toBe(`${"x".repeat(9)}…`);
  });
});
