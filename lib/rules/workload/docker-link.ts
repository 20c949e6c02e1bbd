import type { Finding, WorkloadRule } from "../types";
import { asArray, finding, hostConfigOf, join, shortValue } from "../walk";

export const dockerLink: WorkloadRule = {
  id: "docker-link",
  scope: "workload",
  since: "1.0",
  title: "Legacy Docker links",
  severity: "blocker",
  remedy: "manifest",
  appliesTo: ["docker", "compose"],
  summary: "A Docker container or Compose service uses legacy links (`--link`, `links`, `external_links`).",
  why: [
    "Legacy links rely on Docker wiring containers together on the host (shared `/etc/hosts` entries and injected `<ALIAS>_PORT_*` environment variables).",
    "Kata does not support `docker run --link` and has no plan to: the feature is deprecated by Docker itself.",
    "Whether the container fails to start or just misses the link names and variables is not confirmed, so treat it as not working.",
  ].join("\n"),
  remediation: [
    "- Remove the links and give the client its peers' addresses explicitly. Do not move the containers to a user-defined network instead: Docker's embedded DNS on such networks does not answer inside a Kata VM (see `docker-embedded-dns`). On the default bridge, pin the peer's address and name it in `extra_hosts`:",
    "",
    "```yaml",
    "services:",
    "  web:",
    "    # links: [db]   <- remove",
    "    network_mode: bridge",
    "    extra_hosts:",
    '      - "db:172.17.0.10"   # the db container\'s address on the bridge',
    "    environment:",
    "      DB_HOST: db          # instead of DB_PORT_5432_TCP_ADDR",
    "```",
    "",
    '- Or publish the peer\'s port on the host and point the client at the host (`extra_hosts: ["host.docker.internal:host-gateway"]`).',
    "- Replace any `*_PORT_*` variables the links injected with explicit configuration.",
    "- Or keep these containers on runc.",
  ].join("\n"),
  references: [
    {
      title: "Kata Limitations: docker run --link",
      url: "https://github.com/kata-containers/kata-containers/blob/main/docs/Limitations.md",
    },
  ],
  check(workload) {
    const out: Finding[] = [];
    const report = (path: string, field: string, value: unknown) => {
      const links = asArray(value).filter((l): l is string => typeof l === "string");
      if (links.length === 0) return;
      out.push(finding(dockerLink, { container: null, path, message: `${field}: ${shortValue(links.join(", "))}` }));
    };
    if (workload.platform === "docker") {
      report("HostConfig.Links", "Links", hostConfigOf(workload.object).Links);
    } else if (workload.platform === "compose") {
      for (const key of ["links", "external_links"]) report(join(workload.pathPrefix, key), key, workload.object[key]);
    }
    return out;
  },
};
