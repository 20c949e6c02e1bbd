import Database from "better-sqlite3";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { scan } from "./scan";
import { SEARCH_TEXT_MAX_LENGTH, searchTextOf } from "./workload-search";

const MIGRATIONS_DIR = join(__dirname, "..", "prisma", "migrations");

function scanned(name: string, content: string) {
  const [workload] = scan([{ name, content }]).workloads;
  if (!workload) throw new Error(`no workload in ${name}`);
  return workload.workload;
}

describe("searchTextOf", () => {
  it("holds a Kubernetes workload's name, namespace, images of every container and labels, lower-cased", () => {
    const text = searchTextOf(
      scanned(
        "d.yaml",
        `apiVersion: apps/v1
kind: Deployment
metadata: { name: Checkout-API, namespace: Shop, labels: { team: Payments } }
spec:
  template:
    metadata: { labels: { app.kubernetes.io/name: checkout } }
    spec:
      initContainers: [{ name: migrate, image: "registry.example.com/Flyway:10" }]
      containers: [{ name: api, image: "registry.example.com/shop/checkout:2.4.1" }]
`,
      ),
    );
    for (const part of [
      "checkout-api",
      "shop",
      "registry.example.com/flyway:10",
      "registry.example.com/shop/checkout:2.4.1",
      "team=payments",
      "app.kubernetes.io/name=checkout",
    ]) {
      expect(text).toContain(part);
    }
  });

  it("reads docker inspect's Config.Image and Compose's image", () => {
    const docker = scanned(
      "inspect.json",
      JSON.stringify([
        {
          Id: "abc",
          Name: "/camera-agent",
          Image: "sha256:0123",
          Config: { Image: "edge/camera:1.2", Labels: { site: "lab" } },
          HostConfig: {},
        },
      ]),
    );
    expect(searchTextOf(docker)).toContain("edge/camera:1.2");
    expect(searchTextOf(docker)).toContain("site=lab");
    const compose = scanned("compose.yaml", "services:\n  web:\n    image: nginx:1.27\n");
    expect(searchTextOf(compose)).toContain("nginx:1.27");
  });

  it("stays bounded whatever the labels hold", () => {
    const text = searchTextOf({ name: "x", namespace: null, labels: { big: "v".repeat(10_000) }, object: {}, pods: [] });
    expect(text).toHaveLength(SEARCH_TEXT_MAX_LENGTH);
  });
});

describe("the searchText migration", () => {
  it("backfills stored workloads with what searchTextOf gives a new import", () => {
    const dir = mkdtempSync(join(tmpdir(), "kata-search-"));
    const sqlite = new Database(join(dir, "test.db"));
    const migrations = readdirSync(MIGRATIONS_DIR)
      .filter((name) => /^\d/.test(name))
      .sort();
    const own = migrations.findIndex((name) => name.endsWith("_workload_search_text"));
    for (const name of migrations.slice(0, own)) sqlite.exec(readFileSync(join(MIGRATIONS_DIR, name, "migration.sql"), "utf8"));
    // Only the Workload rows matter here: no Upload behind them.
    sqlite.pragma("foreign_keys = OFF");
    const workload = scanned(
      "d.yaml",
      `apiVersion: apps/v1
kind: Deployment
metadata: { name: Web, namespace: Shop, labels: { team: Payments } }
spec:
  template:
    spec:
      containers: [{ name: web, image: "Registry.example.com/web:3" }]
`,
    );
    const insert =
      sqlite.prepare(`INSERT INTO "Workload" ("uploadId", "clusterName", "identity", "platform", "kind", "namespace", "name", "source", "score", "readiness",
      "migrated", "blockerCount", "warningCount", "infoCount", "spec", "sizing", "vmMemoryMiB", "vmVcpus", "overheadMemoryMiB", "overheadMilliCpu")
      VALUES (1, 'c', ?, 'kubernetes', 'Deployment', ?, ?, 'd.yaml', 100, 'ready', 0, 0, 0, 0, ?, '{}', 0, 0, 0, 0)`);
    insert.run("c/Shop/Deployment/Web", "Shop", "Web", JSON.stringify(workload));
    insert.run("c/x/Deployment/broken", "x", "Broken", "{not json");
    sqlite.exec(readFileSync(join(MIGRATIONS_DIR, migrations[own], "migration.sql"), "utf8"));
    const rows = sqlite.prepare(`SELECT "name", "searchText" FROM "Workload" ORDER BY "id"`).all() as {
      name: string;
      searchText: string;
    }[];
    sqlite.close();
    for (const part of searchTextOf(workload).split(" ")) expect(rows[0].searchText.split(" ")).toContain(part);
    // A row whose spec is unreadable keeps an empty text rather than failing the migration.
    expect(rows[1]).toEqual({ name: "Broken", searchText: "" });
  });
});
