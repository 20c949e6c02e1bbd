import type { InventoryFinding, InventoryRule } from "../types";

/** Leading `major.minor` of a version string ("20.10.24", "v26.1.4", "28.2.2-ce"); undefined when none. */
export function parseEngineVersion(version: string): { major: number; minor: number } | undefined {
  const match = /(\d+)(?:\.(\d+))?/.exec(version);
  if (!match) return undefined;
  return { major: Number(match[1]), minor: Number(match[2] ?? 0) };
}

export const dockerEngineVersion: InventoryRule = {
  id: "docker-engine-version",
  scope: "inventory",
  since: "1.0",
  title: "Docker Engine version",
  severity: "blocker",
  remedy: "platform",
  summary:
    "The Docker Engine is older than 23.0, which cannot run Kata at all (blocker), or is 26 or newer, which needs a recent Kata release (warning naming it).",
  why: `Docker runs Kata through containerd's shim API (\`--runtime io.containerd.kata.v2\`). Support for alternate containerd shims arrived in the 22.06 development line, released as **Docker Engine 23.0**: older engines cannot start a Kata container. 23.0.0 itself had a bug where leaving \`docker exec\` killed the Kata container, fixed in a 23.0.x patch.

Newer engines need newer Kata:

- **Docker 26** changed how container networking is set up, and Kata VMs started without network. The Go runtime handles it from **Kata 3.29.0**, runtime-rs from **Kata 3.30.0**.
- **Docker 29.5** gives every container a private time namespace. Kata agents before **3.32.0** reject the unknown namespace type ("invalid namespace type") and the container does not start.

Docker support is tested only with QEMU.`,
  remediation: `- Docker older than 23.0: upgrade the engine (current releases are tested), then register Kata in \`/etc/docker/daemon.json\`:

\`\`\`json
{ "runtimes": { "kata": { "runtimeType": "io.containerd.kata.v2" } } }
\`\`\`

  and run containers with \`docker run --runtime kata\`.
- Docker 26 to 29.4: use Kata 3.29.0 or newer on the Go runtime (\`kata-qemu\` and the other Go shims), 3.30.0 or newer on runtime-rs.
- Docker 29.5 or newer: use Kata 3.32.0 or newer, or stay on Docker 29.4 until you can upgrade Kata.`,
  references: [
    {
      title: "Kata how-to: use Kata with Docker",
      url: "https://github.com/kata-containers/kata-containers/blob/main/docs/how-to/how-to-use-kata-with-docker.md",
    },
    { title: "Docker 23.0 release notes: alternate containerd shims", url: "https://github.com/docker/docs/pull/16659" },
    {
      title: "kata-containers#6154: docker exec terminates the container (23.0.0)",
      url: "https://github.com/kata-containers/kata-containers/issues/6154",
    },
    { title: "moby#47626: Docker 26 network setup", url: "https://github.com/moby/moby/issues/47626" },
    { title: "kata-containers#9340: no network with Docker 26", url: "https://github.com/kata-containers/kata-containers/issues/9340" },
    {
      title: "kata-containers#13080: Docker 29.5 time namespace rejected by the agent",
      url: "https://github.com/kata-containers/kata-containers/issues/13080",
    },
  ],
  check(inventory, context) {
    const out: InventoryFinding[] = [];
    for (const engine of inventory.engines) {
      if (engine.engine !== "docker" || !engine.version) continue;
      const parsed = parseEngineVersion(engine.version);
      if (!parsed) continue;
      const base = {
        ruleId: dockerEngineVersion.id,
        remedy: dockerEngineVersion.remedy,
        container: null,
        path: "Server.Version",
        source: engine.source,
      };
      if (parsed.major < 23) {
        out.push({
          ...base,
          severity: "blocker",
          message: `Docker Engine ${engine.version} is older than 23.0 and cannot run the Kata containerd shim`,
        });
      } else if (parsed.major > 29 || (parsed.major === 29 && parsed.minor >= 5)) {
        out.push({
          ...base,
          severity: "warning",
          message: `Docker Engine ${engine.version} (29.5 or newer) needs Kata 3.32.0 or newer: older agents reject its private time namespace`,
        });
      } else if (parsed.major >= 26) {
        const [kata, runtime] = context.profile.runtime === "rust" ? ["3.30.0", "runtime-rs"] : ["3.29.0", "the Go runtime"];
        out.push({
          ...base,
          severity: "warning",
          message: `Docker Engine ${engine.version} (26 or newer) needs Kata ${kata} or newer on ${runtime}`,
        });
      }
    }
    return out;
  },
};
