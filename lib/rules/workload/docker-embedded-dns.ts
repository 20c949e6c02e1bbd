import type { Finding, WorkloadRule } from "../types";
import { asString, finding, hostConfigOf, isObject, join, keyPath } from "../walk";

/**
 * Networks that are not user-defined, so Docker's embedded DNS does not serve them. `podman` is
 * Podman's default network (in `podman inspect` output), which has no DNS server either.
 */
const BUILTIN_NETWORKS = new Set(["default", "bridge", "host", "none", "podman"]);

function isBuiltinMode(mode: string): boolean {
  return BUILTIN_NETWORKS.has(mode) || mode.startsWith("container:") || mode.startsWith("service:");
}

/** Names in a Compose `networks:` entry (list or mapping form). */
function composeNetworkNames(networks: unknown): string[] {
  if (Array.isArray(networks)) return networks.filter((n): n is string => typeof n === "string");
  return isObject(networks) ? Object.keys(networks) : [];
}

export const dockerEmbeddedDns: WorkloadRule = {
  id: "docker-embedded-dns",
  scope: "workload",
  since: "1.2",
  title: "Docker embedded DNS on a user-defined network",
  severity: "blocker",
  remedy: "manifest",
  appliesTo: ["docker", "compose"],
  summary:
    "A Docker container on a user-defined network, or a Compose service on its project's default network or on `networks:`, where name resolution goes through Docker's embedded DNS server (127.0.0.11).",
  why: [
    "On a user-defined network (and every Compose project gets one, `<project>_default`, unless a service says otherwise) Docker points the container's `/etc/resolv.conf` at its embedded DNS server, 127.0.0.11, which it serves from inside the container's network namespace on the host.",
    "",
    "A Kata container's network namespace lives in the VM: the embedded server is not reachable there, so **no name resolves**: not the other services of the stack (`db`, `redis`), and not external names either, even with `--dns` set. The containers start, then fail at their first connection.",
    "",
    "This is an open Kata issue since 2018 (reproducible with Docker's own Compose getting-started guide). The default bridge network does not use the embedded server and works.",
  ].join("\n"),
  remediation: [
    "- Put the service on the default bridge and name its peers in `extra_hosts` (with fixed addresses, or via ports published on the host):",
    "",
    "```yaml",
    "services:",
    "  web:",
    "    network_mode: bridge",
    "    extra_hosts:",
    '      - "db:172.17.0.10"   # the db container\'s address on the bridge',
    "  db:",
    "    network_mode: bridge",
    "```",
    "",
    "- Docker: run with `--network bridge` (the default) and `--add-host db:<address>` instead of `--network <name>`.",
    "- Or keep multi-service stacks that resolve each other by name on runc.",
  ].join("\n"),
  references: [
    {
      title: "kata-containers#6688: DNS does not work on user-defined Docker networks",
      url: "https://github.com/kata-containers/kata-containers/issues/6688",
    },
    { title: "kata-containers/runtime#175: the same issue in 2018", url: "https://github.com/kata-containers/runtime/issues/175" },
    { title: "kata-containers#11767: reconfirmed in 2025", url: "https://github.com/kata-containers/kata-containers/issues/11767" },
    { title: "Docker: embedded DNS on user-defined networks", url: "https://docs.docker.com/engine/network/#dns-services" },
  ],
  check(workload) {
    const out: Finding[] = [];
    if (workload.platform === "docker") {
      const mode = asString(hostConfigOf(workload.object).NetworkMode) ?? "";
      if (mode && !isBuiltinMode(mode)) {
        out.push(
          finding(dockerEmbeddedDns, {
            container: null,
            path: "HostConfig.NetworkMode",
            message: `NetworkMode "${mode}" is a user-defined network (embedded DNS 127.0.0.11)`,
          }),
        );
      }
      if (mode.startsWith("container:")) return out;
      const settings = isObject(workload.object.NetworkSettings) ? workload.object.NetworkSettings : {};
      const networks = isObject(settings.Networks) ? settings.Networks : {};
      for (const name of Object.keys(networks)) {
        // nerdctl names interfaces it cannot map to a network `unknown-<iface>`: not a Docker network.
        if (BUILTIN_NETWORKS.has(name) || name === mode || name.startsWith("unknown-")) continue;
        out.push(
          finding(dockerEmbeddedDns, {
            container: null,
            path: keyPath("NetworkSettings.Networks", name),
            message: `attached to user-defined network "${name}" (embedded DNS 127.0.0.11)`,
          }),
        );
      }
      return out;
    }
    if (workload.platform !== "compose") return out;
    // The v1 format (no `services:` key, see Workload.pathPrefix) puts every service on the default bridge.
    if (!workload.pathPrefix.startsWith("services.")) return out;
    const service = workload.object;
    // A network_mode that is not a string is not a mode Compose accepts: read the service as without one.
    const modeKey = asString(service.network_mode) ? "network_mode" : asString(service.net) ? "net" : null;
    if (modeKey) {
      const mode = asString(service[modeKey]) ?? "";
      if (isBuiltinMode(mode)) return out;
      out.push(
        finding(dockerEmbeddedDns, {
          container: null,
          path: join(workload.pathPrefix, modeKey),
          message: `${modeKey}: ${mode} is a user-defined network (embedded DNS 127.0.0.11)`,
        }),
      );
      return out;
    }
    const names = composeNetworkNames(service.networks);
    if (service.networks !== undefined && service.networks !== null) {
      const list = names.length > 0 ? names.join(", ") : "(none named)";
      out.push(
        finding(dockerEmbeddedDns, {
          container: null,
          path: join(workload.pathPrefix, "networks"),
          message: `networks: ${list} (user-defined, embedded DNS 127.0.0.11)`,
        }),
      );
      return out;
    }
    const project = workload.namespace ?? "project";
    out.push(
      finding(dockerEmbeddedDns, {
        container: null,
        path: workload.pathPrefix,
        message: `no network_mode: joins the project's default network "${project}_default" (user-defined, embedded DNS 127.0.0.11)`,
      }),
    );
    return out;
  },
};
