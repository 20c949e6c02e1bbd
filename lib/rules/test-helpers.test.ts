import { describe, expect, it } from "vitest";
import { composeWorkload, dockerWorkload, k8sWorkload, podWorkload } from "./test-helpers";

describe("rule test builders", () => {
  it("build workloads through the parser", () => {
    const pod = podWorkload("containers:\n  - name: app\n    image: nginx\nhostNetwork: true\n", { labels: { team: "web" } });
    expect(pod).toMatchObject({
      id: "test/default/Deployment/web",
      platform: "kubernetes",
      pods: [{ path: "spec.template.spec", spec: { hostNetwork: true } }],
    });
    expect(dockerWorkload({ HostConfig: { Privileged: true } })).toMatchObject({
      platform: "docker",
      name: "web",
      object: { HostConfig: { Privileged: true } },
    });
    expect(composeWorkload("image: nginx\nprivileged: true\n")).toMatchObject({
      platform: "compose",
      namespace: "proj",
      pathPrefix: "services.web",
    });
  });

  it("give an object pod without containers the default one, as no real pod lacks them", () => {
    expect(k8sWorkload({ kind: "Pod", spec: { hostPID: true } }).pods[0].spec.containers).toEqual([
      { name: "main", image: "registry.example.com/app:1.0" },
    ]);
    expect(podWorkload({ containers: [] }).pods[0].spec.containers).toEqual([{ name: "main", image: "registry.example.com/app:1.0" }]);
  });

  it("refuse what the parser refuses", () => {
    expect(() => podWorkload("containers: []\n")).toThrow(/has no containers/);
    expect(() => k8sWorkload("kind: Deployment\nmetadata: {name: x}\nspec: [\n")).toThrow(/test\.yaml/);
    expect(() => composeWorkload("- not\n- a mapping\n")).toThrow(/not a mapping/);
  });
});
