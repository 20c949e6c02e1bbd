import { findRule } from "../lib/rules/catalog";
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";

// Four workloads with known outcomes under the default profile: api ready (100), cache needs
// changes (resource-limits, 90), config-loader blocked (subpath, 60), node-agent blocked
// (host-network + resource-limits, 50).
const INVENTORY = `
apiVersion: apps/v1
kind: Deployment
metadata: { name: api, namespace: shop }
spec:
  template:
    spec:
      containers:
        - name: api
          image: example.com/api:1.0
          resources: { limits: { cpu: "1", memory: 512Mi } }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: cache, namespace: shop }
spec:
  template:
    spec:
      containers:
        - name: redis
          image: redis:7.4
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: config-loader, namespace: shop }
spec:
  template:
    spec:
      containers:
        - name: loader
          image: example.com/loader:2.1
          resources: { limits: { cpu: 500m, memory: 256Mi } }
          volumeMounts:
            - name: settings
              mountPath: /etc/loader/settings.yaml
              subPath: settings.yaml
      volumes:
        - name: settings
          configMap: { name: loader-settings }
---
apiVersion: apps/v1
kind: DaemonSet
metadata: { name: node-agent, namespace: monitoring }
spec:
  template:
    spec:
      hostNetwork: true
      containers:
        - name: agent
          image: example.com/agent:0.9
`;

test.beforeEach(async ({ inventory }) => {
  await inventory.uploadOrFail({ files: [{ name: "workloads.yaml", content: INVENTORY }] });
});

test("lists the most urgent first, filters to blocked workloads and sorts by score, with the state in the URL", async ({
  page,
  workloadsPage,
  clusterName,
}) => {
  await workloadsPage.goto(`cluster=${clusterName}`);
  // node-agent has a blocker and a warning, config-loader a blocker only.
  await expect(workloadsPage.names()).toHaveText(["node-agent", "config-loader", "cache", "api"]);
  await expect(workloadsPage.columnHeader("Readiness")).toHaveAttribute("aria-sort", "ascending");

  await workloadsPage.facet("Readiness").click();
  await page.getByRole("checkbox", { name: /^Blocked/ }).check();
  await expect(page).toHaveURL(/[?&]readiness=blocked(&|$)/);
  await expect(workloadsPage.names()).toHaveText(["node-agent", "config-loader"]);
  await page.keyboard.press("Escape");

  // A score sorts highest first on the first click.
  await workloadsPage.columnHeader("Score").getByRole("button").click();
  await expect(page).toHaveURL(/[?&]sort=score\.desc(&|$)/);
  await expect(workloadsPage.columnHeader("Score")).toHaveAttribute("aria-sort", "descending");
  await expect(workloadsPage.names()).toHaveText(["config-loader", "node-agent"]);

  await workloadsPage.columnHeader("Team").getByRole("button").click();
  await expect(page).toHaveURL(/[?&]sort=team\.asc(&|$)/);

  await page.goBack();
  await page.goBack();
  await expect(page).not.toHaveURL(/sort=/);
  await expect(workloadsPage.columnHeader("Readiness")).toHaveAttribute("aria-sort", "ascending");
  await expect(workloadsPage.names()).toHaveText(["node-agent", "config-loader"]);

  await page.goBack();
  await expect(page).not.toHaveURL(/readiness=/);
  await expect(workloadsPage.names()).toHaveText(["node-agent", "config-loader", "cache", "api"]);
});

test("names each row's blocking and warning rules as chips that link to the rule", async ({ page, workloadsPage, clusterName }) => {
  const hostNetwork = findRule("host-network");
  const resourceLimits = findRule("resource-limits");
  if (!hostNetwork || !resourceLimits) throw new Error("rules missing from the catalog");
  await workloadsPage.goto(`cluster=${clusterName}`);

  const chips = workloadsPage.ruleChips("node-agent");
  // Blockers first.
  await expect(chips).toHaveText(["host-network", "resource-limits"]);
  await expect(chips.first()).toHaveAccessibleName(`${hostNetwork.title} (host-network), blocker`);
  await expect(chips.first()).toHaveAttribute("title", `${hostNetwork.title} (blocker)`);
  await expect(chips.nth(1)).toHaveAccessibleName(`${resourceLimits.title} (resource-limits), warning`);
  await expect(workloadsPage.ruleChips("api")).toHaveCount(0);

  await chips.first().click();
  await expect(page).toHaveURL(/\/rules\/host-network$/);
  await expect(page.getByRole("heading", { level: 1, name: hostNetwork.title })).toBeVisible();
});

test("names active filters and rule facet values as people read them, and removes a filter from its chip", async ({
  page,
  workloadsPage,
  clusterName,
}) => {
  const hostNetwork = findRule("host-network");
  if (!hostNetwork) throw new Error("rule host-network missing from the catalog");
  await workloadsPage.goto(`cluster=${clusterName}&readiness=blocked&rule=host-network`);
  await expect(workloadsPage.activeFilters()).toHaveText([`Cluster: ${clusterName}`, "Readiness: Blocked", `Rule: ${hostNetwork.title}`]);
  await expect(workloadsPage.names()).toHaveText(["node-agent"]);

  // The rule facet lists titles, the id on hover, and whole counts.
  await workloadsPage.facet("Rule").click();
  const option = page.getByRole("checkbox", { name: new RegExp(`^${hostNetwork.title} 1$`) });
  await expect(option).toBeChecked();
  await expect(page.getByTitle("host-network", { exact: true })).toContainText(hostNetwork.title);
  await page.keyboard.press("Escape");

  await page.getByRole("button", { name: "Remove Readiness: Blocked" }).click();
  await expect(page).not.toHaveURL(/readiness=/);
  await expect(workloadsPage.activeFilters()).toHaveText([`Cluster: ${clusterName}`, `Rule: ${hostNetwork.title}`]);
});

test("searches images, namespaces and labels as well as names", async ({ page, workloadsPage, clusterName }) => {
  await workloadsPage.goto(`cluster=${clusterName}`);
  await workloadsPage.search.fill("example.com/AGENT");
  await expect(page).toHaveURL(/[?&]q=example\.com%2FAGENT(&|$)/);
  await expect(workloadsPage.names()).toHaveText(["node-agent"]);
  await workloadsPage.search.fill("monitoring");
  await expect(workloadsPage.names()).toHaveText(["node-agent"]);
});

/** Presses Tab until `target` has the focus: what a keyboard user does. */
async function tabTo(page: Page, target: Locator, maxPresses = 80) {
  for (let i = 0; i < maxPresses; i++) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((element) => element === document.activeElement)) return;
  }
  throw new Error(`${maxPresses} presses of Tab never reached ${target.toString()}`);
}

test("sorts, opens a workload and filters with the keyboard alone", async ({ page, workloadsPage, clusterName }) => {
  await workloadsPage.goto(`cluster=${clusterName}`);
  await expect(workloadsPage.names()).toHaveText(["node-agent", "config-loader", "cache", "api"]);

  await tabTo(page, workloadsPage.columnHeader("Readiness").getByRole("button"));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/[?&]sort=readiness\.desc(&|$)/);
  await expect(workloadsPage.names()).toHaveText(["api", "cache", "config-loader", "node-agent"]);

  // Past the other headers, the first row: its checkbox, then its name.
  await tabTo(page, workloadsPage.names().first());
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "api" })).toBeVisible();

  await page.goBack();
  await expect(workloadsPage.names().first()).toHaveText("api");
  const readinessFacet = workloadsPage.facet("Readiness");
  await tabTo(page, readinessFacet);
  await page.keyboard.press("Enter");
  await expect(readinessFacet).toHaveAttribute("aria-expanded", "true");
  await tabTo(page, page.getByRole("checkbox", { name: /^Blocked/ }));
  await page.keyboard.press("Space");
  await expect(page).toHaveURL(/[?&]readiness=blocked(&|$)/);
  await expect(workloadsPage.activeFilters().filter({ hasText: "Readiness:" })).toHaveText("Readiness: Blocked");
  await expect(workloadsPage.names()).toHaveText(["config-loader", "node-agent"]);
});

test("does not scroll sideways at 390 px", async ({ page, workloadsPage, clusterName }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await workloadsPage.goto(`cluster=${clusterName}`);
  await expect(workloadsPage.names().first()).toBeVisible();
  const { scrollWidth, width } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    width: window.innerWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(width);
});

test("searches by name after a pause and offers to clear filters when nothing matches", async ({ page, workloadsPage, clusterName }) => {
  await workloadsPage.goto(`cluster=${clusterName}`);
  await workloadsPage.search.fill("loader");
  await expect(page).toHaveURL(/[?&]q=loader(&|$)/);
  await expect(workloadsPage.names()).toHaveText(["config-loader"]);

  await workloadsPage.search.fill("no-such-workload");
  await expect(page.getByRole("heading", { name: "No workloads match these filters" })).toBeVisible();
  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(page).not.toHaveURL(/q=/);
  await expect(workloadsPage.search).toHaveValue("");
});

test("shows a workload's remediation, the offending field and the suggested change", async ({ page, workloadsPage, clusterName }) => {
  const subpath = findRule("subpath");
  if (!subpath) throw new Error("rule subpath missing from the catalog");

  await workloadsPage.goto(`cluster=${clusterName}`);
  await workloadsPage.names().filter({ hasText: "config-loader" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "config-loader" })).toBeVisible();

  const finding = page.getByRole("article", { name: subpath.title });
  await expect(finding.getByRole("heading", { name: "How to fix" })).toBeVisible();
  await expect(finding).toContainText("items");
  await expect(finding).toContainText("spec.template.spec.containers[0].volumeMounts[0].subPath");

  const marked = page.getByRole("list", { name: "Manifest lines" }).getByRole("listitem").filter({ hasText: "Finding on this line" });
  await expect(marked).toHaveCount(1);
  await expect(marked).toContainText("subPath: settings.yaml");

  const change = page.getByRole("article", { name: "Mount the ConfigMap or Secret key without subPath" });
  await expect(change).toContainText("+              mountPath: /etc/loader");
  await expect(change).toContainText("path: settings.yaml");

  await finding.getByRole("link", { name: subpath.title }).click();
  await expect(page).toHaveURL(/\/rules\/subpath$/);
  await expect(page.getByRole("heading", { level: 1, name: subpath.title })).toBeVisible();
});

test("answers an unknown workload with not found", async ({ page }) => {
  await page.goto("/workloads/999999999");
  await expect(page.getByRole("heading", { name: "Workload not found" })).toBeVisible();
});
