import { describe, expect, it } from "vitest";
import { composeWorkload, dockerWorkload, k8sWorkload, podWorkload, ruleContext } from "../test-helpers";
import { dockerInDocker, isDindImage } from "./docker-in-docker";

const ctx = ruleContext();

describe("isDindImage", () => {
  it.each([
    ["docker:24-dind", true],
    ["docker:dind", true],
    ["registry.example.com/library/docker:dind-rootless", true],
    ["docker.io/library/docker:27.1-dind@sha256:abc", true],
    ["localhost:5000/docker:DIND", true],
    ["docker:24", false],
    ["docker", false],
    ["myorg/docker-dind:latest", false],
    ["dind:docker", false],
    ["localhost:5000/dind", false],
  ])("%s -> %s", (image, expected) => {
    expect(isDindImage(image)).toBe(expected);
  });
});

describe("docker-in-docker", () => {
  it("fires on a dind image in an init container", () => {
    const w = podWorkload({ containers: [{ name: "a", image: "nginx" }], initContainers: [{ name: "d", image: "docker:24-dind" }] });
    expect(dockerInDocker.check(w, ctx)).toEqual([
      {
        ruleId: "docker-in-docker",
        severity: "blocker",
        remedy: "manifest",
        container: "d",
        path: "spec.template.spec.initContainers[0].image",
        message: "Docker-in-Docker image docker:24-dind",
      },
    ]);
  });

  it("fires on /var/lib/docker on a disk emptyDir or hostPath, not on memory emptyDir or PVC", () => {
    const w = podWorkload({
      containers: [
        {
          name: "a",
          image: "builder",
          volumeMounts: [
            { name: "disk", mountPath: "/var/lib/docker" },
            { name: "mem", mountPath: "/var/lib/docker/" },
            { name: "pvc", mountPath: "/var/lib/docker" },
            { name: "host", mountPath: "/var/lib/docker" },
            { name: "disk", mountPath: "/var/lib/docker/volumes" },
            { name: "eph", mountPath: "/var/lib/docker" },
          ],
        },
      ],
      volumes: [
        { name: "disk", emptyDir: {} },
        { name: "mem", emptyDir: { medium: "Memory" } },
        { name: "pvc", persistentVolumeClaim: { claimName: "c" } },
        { name: "host", hostPath: { path: "/data" } },
        { name: "eph", ephemeral: { volumeClaimTemplate: {} } },
      ],
    });
    const findings = dockerInDocker.check(w, ctx);
    expect(findings.map((f) => f.path)).toEqual([
      "spec.template.spec.containers[0].volumeMounts[0].mountPath",
      "spec.template.spec.containers[0].volumeMounts[3].mountPath",
    ]);
    expect(findings[0].message).toContain("disk emptyDir");
    expect(findings[1].message).toContain("hostPath");
    expect(findings[0].container).toBe("a");
  });

  it("Docker: image and a non-tmpfs mount at /var/lib/docker", () => {
    const w = dockerWorkload({
      Config: { Image: "docker:dind" },
      Mounts: [{ Type: "volume", Source: "/var/lib/docker/volumes/x/_data", Destination: "/var/lib/docker" }],
    });
    expect(dockerInDocker.check(w, ctx).map((f) => [f.path, f.container])).toEqual([
      ["Config.Image", null],
      ["Mounts[0]", null],
    ]);
  });

  it("Docker: tmpfs mount and other images do not fire", () => {
    const w = dockerWorkload({ Config: { Image: "docker:27" }, HostConfig: { Mounts: [{ Type: "tmpfs", Target: "/var/lib/docker" }] } });
    expect(dockerInDocker.check(w, ctx)).toEqual([]);
  });

  it("Compose: image and named volume fire, tmpfs does not", () => {
    const w = composeWorkload({ image: "docker:26-dind-rootless", volumes: ["dind-data:/var/lib/docker"], tmpfs: ["/var/lib/docker"] });
    expect(dockerInDocker.check(w, ctx).map((f) => f.path)).toEqual(["services.web.image", "services.web.volumes[0]"]);
    expect(dockerInDocker.check(composeWorkload({ image: "nginx", tmpfs: "/var/lib/docker" }), ctx)).toEqual([]);
  });
});

describe("docker-in-docker, catalog 1.1 readings", () => {
  it("counts a StatefulSet's own claim template as a PersistentVolumeClaim", () => {
    const w = k8sWorkload({
      apiVersion: "apps/v1",
      kind: "StatefulSet",
      metadata: { name: "builder" },
      spec: {
        template: {
          spec: {
            containers: [
              {
                name: "dind",
                image: "builder",
                volumeMounts: [
                  { name: "docker", mountPath: "/var/lib/docker" },
                  { name: "other", mountPath: "/var/lib/docker" },
                ],
              },
            ],
          },
        },
        volumeClaimTemplates: [{ metadata: { name: "docker" }, spec: { accessModes: ["ReadWriteOnce"] } }],
      },
    });
    expect(dockerInDocker.check(w, ctx).map((f) => [f.path, f.message])).toEqual([
      ["spec.template.spec.containers[0].volumeMounts[1].mountPath", expect.stringContaining("an undeclared volume")],
    ]);
  });

  it("leaves a read-only mount of /var/lib/docker to the hostPath rules (cAdvisor)", () => {
    const k8s = podWorkload({
      containers: [
        { name: "cadvisor", image: "cadvisor", volumeMounts: [{ name: "docker", mountPath: "/var/lib/docker", readOnly: true }] },
      ],
      volumes: [{ name: "docker", hostPath: { path: "/var/lib/docker" } }],
    });
    expect(dockerInDocker.check(k8s, ctx)).toEqual([]);
    const docker = dockerWorkload({
      Config: { Image: "cadvisor" },
      Mounts: [{ Type: "bind", Source: "/var/lib/docker", Destination: "/var/lib/docker", RW: false }],
      HostConfig: {
        Binds: ["/var/lib/docker:/var/lib/docker:ro"],
        Mounts: [{ Type: "bind", Source: "/srv/d", Target: "/var/lib/docker/", ReadOnly: true }],
      },
    });
    expect(dockerInDocker.check(docker, ctx)).toEqual([]);
    expect(
      dockerInDocker.check(dockerWorkload({ Config: { Image: "x" }, HostConfig: { Binds: ["/var/lib/docker:/var/lib/docker:ro"] } }), ctx),
    ).toEqual([]);
    expect(
      dockerInDocker.check(dockerWorkload({ Config: { Image: "x" }, HostConfig: { Binds: ["/var/lib/docker:/var/lib/docker:rw"] } }), ctx),
    ).toHaveLength(1);
    const compose = composeWorkload({
      image: "cadvisor",
      volumes: [
        "/var/lib/docker:/var/lib/docker:ro",
        { type: "bind", source: "/var/lib/docker", target: "/var/lib/docker", read_only: true },
        "/var/lib/docker:/var/lib/docker:rw",
      ],
    });
    expect(dockerInDocker.check(compose, ctx).map((f) => f.path)).toEqual(["services.web.volumes[2]"]);
  });
});
