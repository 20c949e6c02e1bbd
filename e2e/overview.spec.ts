import { expect, test } from "./fixtures";

const FIXTURES = ["mixed-deployments.yaml", "migrated-deployment.yaml"];

test.describe("overview", () => {
  test("shows a cluster's counts and charts after an upload", async ({ inventory, overviewPage, clusterName }) => {
    await inventory.uploadOrFail({ files: FIXTURES });
    await overviewPage.goto(clusterName);

    await expect(overviewPage.heading).toBeVisible();
    await expect(overviewPage.stat("Workloads")).toHaveText("5");
    await expect(overviewPage.stat("Ready")).toHaveText("2");
    await expect(overviewPage.stat("Needs changes")).toHaveText("1");
    await expect(overviewPage.stat("Blocked")).toHaveText("2");
    await expect(overviewPage.stat("Migrated")).toHaveText("1");
    await expect(overviewPage.stat("Readiness")).toHaveText("40%");

    // Columns of the readiness tables: group, ready, needs changes, blocked, total.
    await expect(overviewPage.chartRow("Readiness by cluster", clusterName).getByRole("cell")).toHaveText(["2", "1", "2", "5"]);
    await expect(overviewPage.chartRow("Readiness by namespace", "shop").getByRole("cell")).toHaveText(["2", "0", "1", "3"]);
    await expect(
      overviewPage.chartRow("Warnings holding back the most workloads", "Missing CPU or memory limits").getByRole("cell"),
    ).toHaveText("1");

    await expect(overviewPage.topRuleLink("Host network namespace")).toBeVisible();
    await expect(overviewPage.topRuleLink("Volume subPath")).toBeVisible();
    // web: 2 replicas x 320 MiB / 250m of pod overhead; api is already on Kata.
    await expect(overviewPage.sizingSentence).toHaveText("Moving this 1 ready workload (2 pods) costs 0.6 GiB / 0.5 vCPU of overhead.");
  });

  test("draws each cluster as a 100% bar with shares and counts, sortable", async ({ inventory, overviewPage, clusterName, page }) => {
    await inventory.uploadOrFail({ files: FIXTURES });
    await overviewPage.goto(clusterName);

    const chart = overviewPage.chart("Readiness by cluster");
    await expect(chart.getByRole("heading", { level: 2, name: "Readiness by cluster" })).toBeVisible();
    const bar = chart.getByTestId("readiness-bar").filter({ hasText: clusterName });
    // 2 ready, 1 needs changes, 2 blocked of 5.
    await expect(bar).toContainText("2 ready (40%)");
    await expect(bar).toContainText("1 needs changes (20%)");
    await expect(bar).toContainText("2 blocked (40%)");
    await expect(bar.getByText("20%", { exact: true })).toBeVisible();
    await expect(bar.getByText("40%", { exact: true })).toHaveCount(2);

    const sort = page.getByRole("navigation", { name: "Sort Readiness by cluster" });
    await expect(sort.getByRole("link", { name: "Blocked share" })).toHaveAttribute("aria-current", "true");
    await sort.getByRole("link", { name: "Name" }).click();
    await expect(page).toHaveURL(new RegExp(`\\?cluster=${clusterName}&clusterSort=name$`));
    await expect(page.getByRole("navigation", { name: "Sort Readiness by cluster" }).getByRole("link", { name: "Name" })).toHaveAttribute(
      "aria-current",
      "true",
    );
  });

  test("links a blocking rule to its page and to the workloads it blocks", async ({ inventory, overviewPage, clusterName, page }) => {
    await inventory.uploadOrFail({ files: FIXTURES });
    await overviewPage.goto(clusterName);

    const workloadsLink = overviewPage.chart("Rules blocking the most workloads").getByRole("link", { name: "Workloads" }).first();
    await expect(workloadsLink).toHaveAttribute("href", new RegExp(`[?&]cluster=${clusterName}(&|$)`));

    await overviewPage.topRuleLink("Host network namespace").click();
    await expect(page).toHaveURL(/\/rules\/host-network$/);
    await expect(page.getByRole("heading", { level: 1, name: "Host network namespace" })).toBeVisible();
  });

  test("switches clusters with the cluster selector", async ({ inventory, overviewPage, clusterName, page }) => {
    await inventory.uploadOrFail({ files: ["migrated-deployment.yaml"] });
    await overviewPage.goto();

    // Until hydration the select has no change handler: select again until the page navigates.
    await expect(async () => {
      await overviewPage.clusterSelect.selectOption(clusterName);
      await expect(page).toHaveURL(new RegExp(`\\?cluster=${clusterName}$`), { timeout: 2_000 });
    }).toPass();
    await expect(overviewPage.stat("Workloads")).toHaveText("1");
    await expect(overviewPage.stat("Migrated")).toHaveText("1");
  });

  test("says so when the selected cluster has no workloads", async ({ overviewPage, clusterName, inventory }) => {
    await inventory.uploadOrFail({ files: ["migrated-deployment.yaml"] });
    await overviewPage.goto(`${clusterName}-missing`);

    await expect(overviewPage.page.getByRole("status").filter({ hasText: "No current workloads" })).toBeVisible();
    await expect(overviewPage.stat("Workloads")).toHaveText("0");
  });
});
