import { expect, test } from "./fixtures";

// Every dynamic route and any unknown address: a real 404 status (not a 200 carrying a not-found body), inside the
// dashboard layout (sidebar) with an h1.
const MISSING = [
  "/workloads/999999999",
  "/workloads/abc",
  "/workloads/1.5",
  "/workloads/-1",
  "/workloads/99999999999999999999",
  "/workloads/1e3",
  "/rules/nope",
  "/rules/%3Cscript%3E",
  "/uploads/99999999",
  "/uploads/abc",
  "/uploads/0",
  "/nope",
  "/settings/nope",
  "/workloads/1/extra",
  "/api/nope",
];

test.describe("not found", () => {
  for (const url of MISSING) {
    test(`${url} answers 404 with the sidebar and an h1`, async ({ page }) => {
      const response = await page.goto(url);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(/not found/i);
      await expect(page.getByRole("link", { name: "Upload inventory" })).toBeVisible();
    });
  }

  test("names what is missing", async ({ page }) => {
    await page.goto("/workloads/999999999");
    await expect(page.getByRole("heading", { level: 1, name: "Workload not found" })).toBeVisible();
    await page.goto("/rules/nope");
    await expect(page.getByRole("heading", { level: 1, name: "Rule not found" })).toBeVisible();
    await page.goto("/uploads/99999999");
    await expect(page.getByRole("heading", { level: 1, name: "Upload not found" })).toBeVisible();
    await page.goto("/nope");
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  });

  test("records that exist still answer 200, reached directly or by a link", async ({ inventory, page }) => {
    const { body } = await inventory.uploadOrFail({ files: ["mixed-deployments.yaml"] });
    const uploadId = (body as { uploadId: number }).uploadId;

    expect((await page.goto(`/uploads/${uploadId}`))?.status()).toBe(200);
    expect((await page.goto("/rules/subpath"))?.status()).toBe(200);
    const workloads = await page.goto(`/workloads?cluster=${inventory.clusterName}`);
    expect(workloads?.status()).toBe(200);
    const first = page.getByRole("table", { name: "Workloads" }).getByRole("row").getByRole("link").first();
    await first.click();
    await expect(page).toHaveURL(/\/workloads\/\d+$/);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect((await page.reload())?.status()).toBe(200);
  });

  test("client navigations still show each page's loading state", async ({ inventory, page }) => {
    await inventory.uploadOrFail({ files: ["mixed-deployments.yaml"] });
    // Slow the server's answers to navigations (not prefetches) so the loading state has time to show.
    await page.route(/_rsc=/, async (route) => {
      if (!route.request().headers()["next-router-prefetch"]) await new Promise((resolve) => setTimeout(resolve, 1_500));
      await route.continue();
    });
    await page.goto("/rules/subpath");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Workloads" }).click();
    await expect(page.getByRole("status", { name: "Loading workloads" })).toBeVisible();
    const table = page.getByRole("table", { name: "Workloads" });
    await expect(table).toBeVisible();
    await table.getByRole("row").getByRole("link").first().click();
    await expect(page.getByRole("status", { name: "Loading workload" })).toBeVisible();
    await expect(page).toHaveURL(/\/workloads\/\d+$/);
    await expect(page.getByRole("status", { name: "Loading workload" })).toHaveCount(0);
  });

  test("list pages stream behind their loading state; record pages are resolved before the first byte", async ({ request }) => {
    // The skeleton in the first HTML is what shows while the page's queries run.
    expect(await (await request.get("/workloads")).text()).toContain('aria-label="Loading workloads"');
    const missing = await request.get("/workloads/999999999");
    expect(missing.status()).toBe(404);
    expect(await missing.text()).not.toContain('aria-label="Loading workload"');
  });
});
