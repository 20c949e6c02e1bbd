import { readFile } from "node:fs/promises";
import { parse as parseCsv } from "csv-parse/sync";
import { expect, test } from "./fixtures";

// api ready, cache needs changes (no limits), config-loader blocked (subpath), node-agent blocked (host-network).
const INVENTORY = `
apiVersion: apps/v1
kind: Deployment
metadata: { name: api, namespace: shop }
spec:
  template:
    spec:
      containers: [{ name: api, image: api, resources: { limits: { cpu: "1", memory: 512Mi } } }]
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: cache, namespace: shop }
spec:
  template:
    spec:
      containers: [{ name: redis, image: redis }]
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: "=cmd|' /C calc'!A0", namespace: shop }
spec:
  template:
    spec:
      containers:
        - name: loader
          image: loader
          resources: { limits: { cpu: 500m, memory: 256Mi } }
          volumeMounts: [{ name: settings, mountPath: /etc/loader/settings.yaml, subPath: settings.yaml }]
      volumes: [{ name: settings, configMap: { name: loader-settings } }]
---
apiVersion: apps/v1
kind: DaemonSet
metadata: { name: node-agent, namespace: monitoring }
spec:
  template:
    spec:
      hostNetwork: true
      containers: [{ name: agent, image: agent }]
`;

let uploadId = 0;

test.beforeEach(async ({ inventory }) => {
  const { body } = await inventory.uploadOrFail({ files: [{ name: "workloads.yaml", content: INVENTORY }] });
  uploadId = (body as { uploadId: number }).uploadId;
});

test("downloads exactly the rows the filtered table shows", async ({ page, workloadsPage, clusterName }) => {
  await workloadsPage.goto(`cluster=${clusterName}`);
  await workloadsPage.facet("Readiness").click();
  await page.getByRole("checkbox", { name: /^Blocked/ }).check();
  await expect(page).toHaveURL(/[?&]readiness=blocked(&|$)/);
  await page.keyboard.press("Escape");
  await expect(workloadsPage.names()).toHaveCount(2);
  const shown = (await workloadsPage.names().allTextContents()).sort();

  const menu = page.getByTestId("download-menu");
  await menu.getByText("Download filtered").click();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    menu.getByRole("link", { name: "CSV: one row per workload" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^kata-readiness-workloads-\d{4}-\d{2}-\d{2}-workloads\.csv$/);
  const rows = parseCsv(await readFile(await download.path()), { columns: true }) as Record<string, string>[];
  // The formula-looking name is neutralised in the file; strip the quote to compare.
  expect(rows.map((r) => r.name.replace(/^'/, "")).sort()).toEqual(shown);
  expect(rows.find((r) => r.name.includes("calc"))?.name.startsWith("'=")).toBe(true);
  expect(rows.every((r) => r.cluster === clusterName && r.readiness === "blocked")).toBe(true);

  // Findings CSV of the same filter: one row per finding of those workloads.
  // The menu is still open (a native <details>): pick another item.
  const findingsLink = menu.getByRole("link", { name: "CSV: one row per finding" });
  await expect(findingsLink).toBeVisible();
  const [findings] = await Promise.all([page.waitForEvent("download"), findingsLink.click()]);
  const findingRows = parseCsv(await readFile(await findings.path()), { columns: true }) as Record<string, string>[];
  expect(new Set(findingRows.map((r) => r.rule))).toEqual(new Set(["subpath", "host-network", "resource-limits"]));
});

test("downloads an upload's snapshot and a rule's affected workloads", async ({ page, request, clusterName }) => {
  await page.goto(`/uploads/${uploadId}`);
  const menu = page.getByTestId("download-menu");
  await menu.getByText("Download snapshot").click();
  const [sarifDownload] = await Promise.all([page.waitForEvent("download"), menu.getByRole("link", { name: "SARIF 2.1.0" }).click()]);
  const sarif = JSON.parse(await readFile(await sarifDownload.path(), "utf8"));
  expect(sarif.version).toBe("2.1.0");
  expect(sarif.runs[0].results.some((r: { ruleId: string }) => r.ruleId === "subpath")).toBe(true);
  expect(sarif.runs[0].results.some((r: { ruleId: string }) => r.ruleId === "host-network")).toBe(true);

  const rule = await request.get(`/api/exports/rules/host-network?format=junit&cluster=${clusterName}`);
  expect(rule.status()).toBe(200);
  expect(rule.headers()["x-content-type-options"]).toBe("nosniff");
  expect(await rule.text()).toContain('name="DaemonSet/node-agent"');
  expect((await request.get("/api/exports/workloads?format=exe")).status()).toBe(400);
  expect((await request.get("/api/exports/uploads/abc?format=csv")).status()).toBe(404);
});
