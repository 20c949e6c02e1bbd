import { test, expect } from "./fixtures";

// Snapshot 1: web is blocked (hostNetwork), api is fine. Snapshot 2: web's blocker is fixed, api gets a new one.
const app = (name: string, extra = "") => `apiVersion: apps/v1
kind: Deployment
metadata: { name: ${name}, namespace: shop }
spec:
  template:
    spec:
${extra}      containers:
        - name: ${name}
          image: shop/${name}:1
          resources: { limits: { cpu: "1", memory: 512Mi } }
`;
const SNAPSHOT_1 = [app("web", "      hostNetwork: true\n"), app("api")].join("---\n");
const SNAPSHOT_2 = [app("web"), app("api", "      hostPID: true\n")].join("---\n");

async function uploadBoth(inventory: import("./fixtures").InventoryApi): Promise<[number, number]> {
  const first = await inventory.uploadOrFail({ files: [{ name: "one.yaml", content: SNAPSHOT_1 }] });
  const second = await inventory.uploadOrFail({ files: [{ name: "two.yaml", content: SNAPSHOT_2 }] });
  return [(first.body as { uploadId: number }).uploadId, (second.body as { uploadId: number }).uploadId];
}

test("an owners CSV with one bad row is previewed, then its good rows imported", async ({ page, inventory, clusterName }) => {
  await inventory.uploadOrFail({ files: [{ name: "one.yaml", content: SNAPSHOT_1 }] });
  await page.goto("/settings/owners");
  await page.getByLabel("or paste it").fill(`cluster,namespace,team\n${clusterName},shop,payments\n${clusterName},,nobody\n`);
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByTestId("owners-preview-summary")).toContainText("1 good rows");
  await expect(page.getByRole("list", { name: "Rows with errors" })).toContainText("Line 3: missing namespace");
  // Nothing written yet.
  await expect(page.getByTestId("namespace-teams").getByRole("row", { name: new RegExp(clusterName) })).toHaveCount(0);

  await page.getByRole("button", { name: "Import 1 rows" }).click();
  await expect(page.getByText(/Imported 1 rows/)).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("namespace-teams").getByRole("row", { name: new RegExp(`${clusterName}.*payments`) })).toBeVisible();

  await page.goto(`/workloads?cluster=${clusterName}&team=payments`);
  await page.getByRole("link", { name: "web", exact: true }).click();

  // The per-workload override wins over the namespace's team.
  const form = page.getByRole("form", { name: "Owner override" });
  await form.getByLabel("Team override").fill("storefront");
  await form.getByLabel("Owner").fill("alice");
  await form.getByRole("button", { name: "Set owner" }).click();
  await expect(form.getByRole("status")).toHaveText("Owner saved.");
  await page.reload();
  await expect(page.getByText("storefront", { exact: true }).first()).toBeVisible();
});

test("deleting the current upload asks first, then falls back to the previous one", async ({ page, inventory }) => {
  const [first, second] = await uploadBoth(inventory);
  await page.goto(`/uploads/${second}`);
  await page.getByRole("button", { name: "Delete upload…" }).click();
  const confirm = page.getByRole("alertdialog");
  await expect(confirm).toContainText("Remediation items, waivers, owners and history stay.");
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("alertdialog")).toHaveCount(0);

  await page.getByRole("button", { name: "Delete upload…" }).click();
  await page.getByRole("button", { name: `Delete upload #${second}` }).click();
  await expect(page).toHaveURL(new RegExp(`/uploads\\?deleted=${second}`));
  await expect(page.getByRole("status")).toContainText(`Upload #${second} was deleted`);

  await page.goto(`/uploads/${first}`);
  await expect(page.getByText("the cluster's current snapshot")).toBeVisible();
  await page.goto(`/uploads/${second}`);
  await expect(page.getByRole("heading", { name: "Upload not found" })).toBeVisible();
});
