import { describe, expect, it } from "vitest";
import { patchFileName, textDataUrl } from "./patch-files";

describe("patchFileName", () => {
  it("names the file after the workload, without an empty namespace", () => {
    expect(patchFileName({ clusterName: "prod", namespace: "shop", name: "web" }, "patch")).toBe("prod-shop-web.kata.patch");
    expect(patchFileName({ clusterName: "edge-lab", namespace: "", name: "camera-agent" }, "yaml")).toBe("edge-lab-camera-agent.kata.yaml");
  });

  it("keeps path separators, quotes, control characters and leading dots out", () => {
    const name = patchFileName({ clusterName: "..", namespace: "a/b", name: '../"x";\r\n<b>' }, "patch");
    expect(name).toBe("a_b-.._x_b_.kata.patch");
    expect(name).toMatch(/^[A-Za-z0-9][A-Za-z0-9._-]*$/);
    expect(patchFileName({ clusterName: "c", namespace: "", name: "x".repeat(300) }, "patch")).toHaveLength(120 + ".kata.patch".length);
    expect(patchFileName({ clusterName: "...", namespace: "", name: "" }, "yaml")).toBe("workload.kata.yaml");
  });
});

describe("textDataUrl", () => {
  it("carries the text exactly", () => {
    const text = "--- current\n+++ suggested\n+  runtimeClassName: kata # ünïcode, 100%\n";
    const url = textDataUrl(text, "text/x-diff");
    expect(url.startsWith("data:text/x-diff;charset=utf-8,")).toBe(true);
    expect(decodeURIComponent(url.slice(url.indexOf(",") + 1))).toBe(text);
  });
});
