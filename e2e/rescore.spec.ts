import Database from "better-sqlite3";
import path from "node:path";
import { test, expect } from "./fixtures";
import { E2E_DATABASE_URL } from "./e2e-env";

// Two Compose services: `web` joins the project's default network (blocked by catalog 1.2's
// docker-embedded-dns), `db` is on the default bridge (ready).
const COMPOSE = `name: shop
services:
  web:
    image: nginx:1.27
    mem_limit: 256m
    cpus: 0.5
  db:
    image: postgres:17
    network_mode: bridge
    mem_limit: 1g
    cpus: 1
`;

/**
 * Puts the upload in the state catalog 1 left it in: no 1.2 findings, every workload ready, and
 * no stored inventory context (the column did not exist). Written straight into the e2e database,
 * as an upload stored by the previous release would be.
 */
function storeAsCatalog1(uploadId: number) {
  const file = path.resolve(__dirname, "..", E2E_DATABASE_URL.replace(/^file:/, ""));
  const sqlite = new Database(file, { fileMustExist: true, timeout: 10_000 });
  try {
    sqlite.transaction(() => {
      sqlite.prepare(`DELETE FROM "Finding" WHERE "workloadId" IN (SELECT "id" FROM "Workload" WHERE "uploadId" = ?)`).run(uploadId);
      sqlite
        .prepare(`UPDATE "Workload" SET "score" = 100, "readiness" = 'ready', "blockerCount" = 0, "warningCount" = 0 WHERE "uploadId" = ?`)
        .run(uploadId);
      sqlite
        .prepare(
          `UPDATE "Upload" SET "catalogVersion" = '1', "readyCount" = "workloadCount", "blockedCount" = 0, "needsChangesCount" = 0, "inventoryContext" = NULL WHERE "id" = ?`,
        )
        .run(uploadId);
    })();
  } finally {
    sqlite.close();
  }
}

test("an upload scored by catalog 1 says so, and one click re-scores it under catalog 1.2", async ({
  page,
  inventory,
  uploadPage,
  workloadsPage,
  clusterName,
}) => {
  const { body } = await inventory.uploadOrFail({ files: [{ name: "shop/compose.yaml", content: COMPOSE }] });
  const uploadId = (body as { uploadId: number }).uploadId;
  storeAsCatalog1(uploadId);

  // The uploads list and the overview point at the cluster whose current snapshot is older.
  await page.goto("/uploads");
  const note = uploadPage.olderCatalogNote;
  await expect(note).toContainText("older rule catalog than the running one (v1.2)");
  await expect(note.getByRole("link", { name: clusterName })).toHaveAttribute("href", `/uploads/${uploadId}`);
  await expect(page.getByRole("row", { name: new RegExp(`#${uploadId}\\b`) })).toContainText("v1 (older than the running catalog)");
  await page.goto(`/?cluster=${clusterName}`);
  await expect(uploadPage.olderCatalogNote).toContainText(clusterName);

  await page.goto(`/uploads/${uploadId}`);
  await expect(uploadPage.catalogVersion).toHaveText("v1");
  await expect(page.getByText("scored before the running catalog v1.2")).toBeVisible();
  await expect(
    page.getByText("Rules the running catalog adds since v1").getByRole("link", { name: "docker-embedded-dns" }),
  ).toHaveAttribute("href", "/rules/docker-embedded-dns");
  await expect(page.getByText("inventory-level rules could not be re-evaluated")).toBeVisible();
  await expect(uploadPage.count("Blocked")).toHaveText("0");

  await expect(uploadPage.rescoreButton).toHaveText("Re-score under catalog v1.2");
  await uploadPage.rescoreButton.click();
  await expect(page.getByRole("status").filter({ hasText: "Re-scored" })).toHaveText(
    "Re-scored under catalog v1.2 (was v1): 1 ready, 0 need changes, 1 blocked. Inventory-level rules could not be re-evaluated: this upload was stored without its inventory context.",
  );
  await expect(uploadPage.catalogVersion).toHaveText("v1.2");
  await expect(uploadPage.count("Blocked")).toHaveText("1");
  await expect(uploadPage.rescoreButton).toHaveCount(0);
  await expect(page.getByText("Rules the running catalog adds since")).toHaveCount(0);

  // The workload now carries the 1.2 finding, and the cluster is no longer listed as older.
  await workloadsPage.goto(new URLSearchParams({ cluster: clusterName, rule: "docker-embedded-dns" }).toString());
  await expect(workloadsPage.names()).toHaveText(["web"]);
  await workloadsPage.names().first().click();
  await expect(page.getByText(`no network_mode: joins the project's default network "shop_default"`)).toBeVisible();
  await page.goto("/uploads");
  await expect(uploadPage.olderCatalogNote.getByRole("link", { name: clusterName })).toHaveCount(0);
});
