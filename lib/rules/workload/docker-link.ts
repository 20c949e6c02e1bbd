import type { Finding, WorkloadRule } from "../types";
import { asArray, finding, hostConfigOf, join, shortValue } from "../walk";

export const dockerLink: WorkloadRule = {
  id: "docker-link",
  scope: "workload",
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
    "- Replace links with a user-defined network and resolve peers by service or container name:",
    "",
    "```yaml",
    "services:",
    "  web:",
    "    # links: [db]   <- remove",
    "    networks: [app]",
    "    environment:",
    "      DB_HOST: db   # instead of DB_PORT_5432_TCP_ADDR",
    "  db:",
    "    networks: [app]",
    "networks:",
    "  app: {}",
    "```",
    "",
    "- Docker: `docker network create app`, then `docker run --network app --name db ...` and `--network app` for the client.",
    "- Replace any `*_PORT_*` variables the links injected with explicit configuration.",
  ].join("\n"),
  references: [
    { title: "Kata Limitations: docker run --link", url: "https://github.com/kata-containers/kata-containers/blob/main/docs/Limitations.md" },
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
