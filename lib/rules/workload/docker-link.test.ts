import { describe, expect, it } from "vitest";
import type { Workload } from "../../inventory/types";
import { composeWorkload, dockerWorkload, ruleContext } from "../test-helpers";
import { dockerLink } from "./docker-link";

const run = (w: Workload) => dockerLink.check(w, ruleContext());

describe("docker-link", () => {
  it("fires on non-empty HostConfig.Links, naming them", () => {
    expect(run(dockerWorkload({ HostConfig: { Links: ["/db:/web/db", "/cache:/web/cache"] } }))).toEqual([
      {
        ruleId: "docker-link",
        severity: "blocker",
        remedy: "manifest",
        container: null,
        path: "HostConfig.Links",
        message: "Links: /db:/web/db, /cache:/web/cache",
      },
    ]);
  });

  it.each([[{ Links: [] }], [{ Links: null }], [{}]])("does not fire on %o", (hostConfig) => {
    expect(run(dockerWorkload({ HostConfig: hostConfig }))).toEqual([]);
  });

  it("fires on Compose links and external_links separately", () => {
    const findings = run(composeWorkload({ links: ["db", "cache:redis"], external_links: ["legacy_db"] }));
    expect(findings.map((f) => [f.path, f.message])).toEqual([
      ["services.web.links", "links: db, cache:redis"],
      ["services.web.external_links", "external_links: legacy_db"],
    ]);
  });

  it("does not fire on Compose depends_on or networks", () => {
    expect(run(composeWorkload({ depends_on: ["db"], networks: ["app"], links: [] }))).toEqual([]);
  });
});
