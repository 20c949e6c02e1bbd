import type { WorkloadRule } from "../types";
import { finding, join } from "../walk";

export const dockerUnsupportedHypervisor: WorkloadRule = {
  id: "docker-unsupported-hypervisor",
  scope: "workload",
  since: "1.0",
  title: "Docker does not work with this Kata profile",
  severity: "blocker",
  remedy: "platform",
  appliesTo: ["docker", "compose"],
  profiles: (profile) => profile.docker === "no",
  summary: "The target profile cannot run Docker or Compose containers at all.",
  why: [
    "Docker sets up a Kata container's network after the VM has started, by hotplugging the network device into it:",
    "",
    "- Firecracker has no device hotplug, so the runtime refuses the container (*docker container needs network device hotplug but the configured hypervisor does not support it*);",
    "- the confidential (TEE) profiles and the NVIDIA GPU profile are built and tested for Kubernetes only; Kata documents Docker as tested with QEMU alone.",
    "",
    "Every Docker or Compose workload is blocked under such a profile, whatever it contains.",
  ].join("\n"),
  remediation: [
    "- Target a profile that supports Docker, such as `kata-qemu-runtime-rs` or `kata-qemu`, and register it in `/etc/docker/daemon.json`:",
    "",
    "```json",
    "{",
    '  "runtimes": {',
    '    "kata": { "runtimeType": "io.containerd.kata.v2" }',
    "  }",
    "}",
    "```",
    "",
    "- Or move the workload to Kubernetes if it needs Firecracker, confidential computing or GPU passthrough.",
  ].join("\n"),
  references: [
    {
      title: "How to use Kata Containers with Docker",
      url: "https://github.com/kata-containers/kata-containers/blob/main/docs/how-to/how-to-use-kata-with-docker.md",
    },
    {
      title: "Kata hypervisor capability matrix",
      url: "https://github.com/kata-containers/kata-containers/blob/main/docs/design/virtualization.md",
    },
    {
      title: "Go runtime: createNetwork (sandbox.go)",
      url: "https://github.com/kata-containers/kata-containers/blob/main/src/runtime/virtcontainers/sandbox.go",
    },
  ],
  check(workload, context) {
    if (workload.platform === "kubernetes") return [];
    const path = workload.platform === "docker" ? "HostConfig.Runtime" : join(workload.pathPrefix, "runtime");
    const what = workload.platform === "docker" ? "Docker container" : "Compose service";
    return [
      finding(dockerUnsupportedHypervisor, {
        container: null,
        path,
        message: `${what} cannot run on ${context.profile.id} (${context.profile.title})`,
      }),
    ];
  },
};
