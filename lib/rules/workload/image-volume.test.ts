import { describe, expect, it } from "vitest";
import type { Workload } from "../../inventory/types";
import { podWorkload, ruleContext } from "../test-helpers";
import { imageVolume } from "./image-volume";

const run = (w: Workload) => imageVolume.check(w, ruleContext());

describe("image-volume", () => {
  it("fires on a volume of type image", () => {
    const w = podWorkload({
      containers: [{ name: "a" }],
      volumes: [{ name: "model", image: { reference: "quay.io/models/llm:1", pullPolicy: "IfNotPresent" } }],
    });
    expect(run(w)).toEqual([
      {
        ruleId: "image-volume",
        severity: "blocker",
        remedy: "manifest",
        container: null,
        path: "spec.template.spec.volumes[0].image",
        message: 'image volume "model" (quay.io/models/llm:1)',
      },
    ]);
  });

  it("stays quiet on other volumes and on a container's image", () => {
    expect(run(podWorkload({ containers: [{ name: "a", image: "nginx" }], volumes: [{ name: "e", emptyDir: {} }] }))).toEqual([]);
  });
});
