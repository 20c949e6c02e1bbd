import { test, expect } from "./fixtures";
import { WaiversPage } from "./pages/waivers-page";

function inDays(days: number): string {
  return new Date(Date.now() + days * 24 * 3600 * 1000).toISOString().slice(0, 10);
}

// mixed-deployments.yaml: web ready; metrics-agent blocked (host-network, monitoring); config-loader
// blocked (subpath); batch-worker needs changes.
test("a waiver for a blocker makes the workload ready on its page and in the overview; revoking it brings the blocker back", async ({
  page,
  inventory,
  overviewPage,
  clusterName,
}) => {
  await inventory.uploadOrFail({ files: ["mixed-deployments.yaml"] });
  const waivers = new WaiversPage(page);
  const identity = `${clusterName}/monitoring/DaemonSet/metrics-agent`;

  await overviewPage.goto(clusterName);
  await expect(overviewPage.stat("Ready")).toHaveText("1");
  await expect(overviewPage.stat("Blocked")).toHaveText("2");

  // A waiver without scope is refused with the reason, and what was typed stays in the form.
  await waivers.goto();
  await waivers.create({
    ruleId: "host-network",
    reason: "node exporter needs the host's network",
    approver: "platform lead",
    expires: inDays(30),
  });
  await expect(waivers.status).toHaveText("The waiver was not saved: fix the fields below.");
  await expect(waivers.form.getByText("Give a scope: a workload, a namespace, a team or a cluster.")).toBeVisible();
  await expect(waivers.form.getByLabel("Reason")).toHaveValue("node exporter needs the host's network");

  await waivers.create({
    ruleId: "host-network",
    cluster: clusterName,
    namespace: "monitoring",
    reason: "node exporter needs the host's network",
    approver: "platform lead",
    expires: inDays(30),
  });
  await expect(waivers.status).toHaveText(/^Waiver #\d+ saved; 1 workload re-scored\.$/);
  const id = Number((await waivers.status.textContent())?.match(/#(\d+)/)?.[1]);
  const active = waivers.item("Active", id);
  await expect(active).toContainText(`namespace ${clusterName}/monitoring`);
  await expect(active.getByRole("link", { name: "Covers 1 finding on 1 workload" })).toHaveAttribute(
    "href",
    `/workloads?rule=host-network&cluster=${clusterName}&namespace=monitoring`,
  );

  // The workload page: ready, the finding still listed and marked waived, the breakdown names the waiver.
  await active.getByRole("link", { name: "Covers 1 finding on 1 workload" }).click();
  await page.getByRole("link", { name: "metrics-agent", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "metrics-agent" })).toBeVisible();
  await expect(page.getByText(identity)).toBeVisible();
  await expect(page.getByTestId("verdict")).toHaveText("Ready");
  const waived = page.getByRole("link", { name: new RegExp(`^Waived by waiver #${id} through `) });
  await expect(waived).toHaveAttribute("href", `/waivers#waiver-${id}`);
  await expect(waived).toContainText("node exporter needs the host's network");
  await expect(page.getByText("Waivers used:")).toContainText(`#${id} host-network`);
  const workloadUrl = page.url();

  await overviewPage.goto(clusterName);
  await expect(overviewPage.stat("Ready")).toHaveText("2");
  await expect(overviewPage.stat("Blocked")).toHaveText("1");
  // "Without waivers" shows the figures as if no waiver existed.
  await page.getByRole("navigation", { name: "Scores with or without waivers" }).getByRole("link", { name: "Without waivers" }).click();
  await expect(page).toHaveURL(/waivers=off/);
  await expect(overviewPage.stat("Ready")).toHaveText("1");
  await expect(overviewPage.stat("Blocked")).toHaveText("2");
  await page.goto(`/workloads?cluster=${clusterName}&readiness=blocked&waivers=off`);
  await expect(page.getByRole("table", { name: "Workloads" }).getByRole("link", { name: "metrics-agent", exact: true })).toBeVisible();

  // Revoke: kept in the history as revoked, and the blocker counts again.
  await waivers.goto();
  page.once("dialog", (dialog) => void dialog.accept());
  await waivers
    .item("Active", id)
    .getByRole("button", { name: `Revoke waiver #${id}` })
    .click();
  await expect(waivers.item("Revoked", id)).toContainText("Revoked:");
  await expect(waivers.item("Active", id)).toHaveCount(0);

  await page.goto(workloadUrl);
  await expect(page.getByTestId("verdict")).toHaveText("Blocked");
  await expect(page.getByRole("link", { name: /^Waived by waiver/ })).toHaveCount(0);
  await overviewPage.goto(clusterName);
  await expect(overviewPage.stat("Ready")).toHaveText("1");
  await expect(overviewPage.stat("Blocked")).toHaveText("2");
});

test("“Waive…” on a workload's finding opens the form for that rule and workload; the waiver covers that workload only", async ({
  page,
  inventory,
  clusterName,
}) => {
  await inventory.uploadOrFail({ files: ["mixed-deployments.yaml"] });
  const waivers = new WaiversPage(page);
  await page.goto(`/workloads?cluster=${clusterName}&q=config-loader`);
  await page.getByRole("table", { name: "Workloads" }).getByRole("link", { name: "config-loader", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "config-loader" })).toBeVisible();
  const workloadUrl = new URL(page.url()).pathname;

  await page.getByRole("link", { name: "Waive…" }).first().click();
  await expect(waivers.form.getByLabel("Workload identity")).toHaveValue(`${clusterName}/shop/Deployment/config-loader`);
  const ruleId = await waivers.form.getByLabel("Rule").inputValue();
  expect(ruleId).not.toBe("");
  await waivers.form.getByLabel("Reason").fill("read-only config, reviewed");
  await waivers.form.getByLabel("Approver").fill("security");
  await waivers.form.getByLabel("Expires after").fill(new Date(Date.now() + 7 * 864e5).toISOString().slice(0, 10));
  await waivers.form.getByRole("button", { name: "Create waiver" }).click();
  await expect(waivers.status).toHaveText(/^Waiver #\d+ saved; 1 workload re-scored\.$/);
  const id = Number((await waivers.status.textContent())?.match(/#(\d+)/)?.[1]);
  await expect(waivers.item("Active", id)).toContainText(`workload ${clusterName}/shop/Deployment/config-loader`);
  await waivers.item("Active", id).getByRole("link", { name: "Covers 1 finding on 1 workload" }).click();
  await expect(page).toHaveURL(new RegExp(`${workloadUrl}$`));
  await expect(page.getByRole("link", { name: new RegExp(`^Waived by waiver #${id} through `) })).toBeVisible();
});
