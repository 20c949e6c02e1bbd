import { describe, expect, it } from "vitest";
import { formatPath, getIn, parsePath, wrapInPrefix } from "./path";

const normalizePath = (path: string) => formatPath(parsePath(path));

describe("parsePath", () => {
  it("splits keys and indexes", () => {
    expect(parsePath("spec.template.spec.containers[1].volumeMounts[0].subPath")).toEqual([
      "spec",
      "template",
      "spec",
      "containers",
      1,
      "volumeMounts",
      0,
      "subPath",
    ]);
  });

  it("keeps dots and slashes inside quoted keys", () => {
    expect(parsePath('metadata.annotations["istio.io/dataplane-mode"]')).toEqual(["metadata", "annotations", "istio.io/dataplane-mode"]);
    expect(parsePath('spec.containers[0].resources.limits["hugepages-2Mi"]').at(-1)).toBe("hugepages-2Mi");
  });

  it("reads Docker and Compose paths", () => {
    expect(parsePath("HostConfig.Binds[2]")).toEqual(["HostConfig", "Binds", 2]);
    expect(parsePath("services.my-app.volumes[0]")).toEqual(["services", "my-app", "volumes", 0]);
  });
});

describe("formatPath", () => {
  it("gives equal paths one spelling", () => {
    expect(normalizePath('limits["cpu"]')).toBe(normalizePath("limits.cpu"));
    expect(formatPath(["a", 0, "x.y"])).toBe('a[0]["x.y"]');
    expect(normalizePath(formatPath(["a", "b c", 3]))).toBe(formatPath(["a", "b c", 3]));
  });
});

describe("getIn and wrapInPrefix", () => {
  it("reads nested values and wraps Compose services under their prefix", () => {
    const root = wrapInPrefix({ image: "nginx", ports: ["80:80"] }, "services.web");
    expect(root).toEqual({ services: { web: { image: "nginx", ports: ["80:80"] } } });
    expect(getIn(root, parsePath("services.web.ports[0]"))).toBe("80:80");
    expect(getIn(root, parsePath("services.web.ports[3]"))).toBeUndefined();
    expect(getIn(root, parsePath("services.web.image.tag"))).toBeUndefined();
  });
});
