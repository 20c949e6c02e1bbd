import type { InventoryRule } from "../types";

export const podmanEngine: InventoryRule = {
  id: "podman-engine",
  scope: "inventory",
  since: "1.0",
  title: "Podman is not supported by Kata",
  severity: "blocker",
  remedy: "platform",
  summary: "The inventory comes from Podman (e.g. `podman inspect`), and Kata Containers does not support Podman.",
  why: `Kata ships as a containerd shim (\`io.containerd.kata.v2\`) and no longer provides the runc-compatible command line that Podman drives. Kata's limitations page states that Podman is not supported; the issue to re-add the CLI commands is still open, and the Podman maintainers declined to add shimv2 support. Every container in a Podman inventory therefore needs a different engine before it can run on Kata.`,
  remediation: `- Move the workloads to an engine Kata supports: Kubernetes with containerd (kata-deploy), nerdctl, or Docker Engine 23.0 or newer with \`--runtime io.containerd.kata.v2\`.
- The findings on the individual containers still show what would change under Kata; scan them again once they run on one of those engines.`,
  references: [
    { title: "Kata limitations", url: "https://github.com/kata-containers/kata-containers/blob/main/docs/Limitations.md" },
    {
      title: "kata-containers#722: re-add OCI CLI commands for docker/podman",
      url: "https://github.com/kata-containers/kata-containers/issues/722",
    },
    { title: "Podman issue 24587: shimv2 support declined", url: "https://github.com/podman-container-tools/podman/issues/24587" },
  ],
  check(inventory) {
    const sources = [...new Set(inventory.engines.filter((e) => e.engine === "podman").map((e) => e.source))];
    return sources.map((source) => {
      const version = inventory.engines.find((e) => e.source === source && e.engine === "podman")?.version;
      return {
        ruleId: podmanEngine.id,
        severity: podmanEngine.severity,
        remedy: podmanEngine.remedy,
        container: null,
        path: "",
        message: `Podman${version ? ` ${version}` : ""} output: Kata Containers does not support Podman`,
        source,
      };
    });
  },
};
