import type { Page } from "@playwright/test";
import { test, expect } from "./fixtures";

const MANIFESTS = `apiVersion: apps/v1
kind: Deployment
metadata: { name: storefront, namespace: shop, labels: { team: web } }
spec:
  template:
    spec:
      containers:
        - name: web
          image: shop/storefront:3
          resources: { limits: { cpu: "1", memory: 512Mi } }
---
apiVersion: apps/v1
kind: DaemonSet
metadata: { name: packet-capture, namespace: netops }
spec:
  template:
    spec:
      hostNetwork: true
      containers:
        - name: capture
          image: netops/capture:1
          resources: { limits: { cpu: "1", memory: 256Mi } }
`;

const KUBECTL_LIST = JSON.stringify({
  apiVersion: "v1",
  kind: "List",
  items: [
    {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "session-cache", namespace: "shop" },
      spec: {
        template: {
          spec: {
            containers: [
              {
                name: "cache",
                image: "shop/cache:2",
                resources: { limits: { cpu: "500m", memory: "1Gi" } },
                volumeMounts: [{ name: "scratch", mountPath: "/scratch" }],
              },
            ],
            volumes: [{ name: "scratch", emptyDir: { medium: "Memory" } }],
          },
        },
      },
    },
    { apiVersion: "v1", kind: "Service", metadata: { name: "session-cache", namespace: "shop" }, spec: { ports: [{ port: 6379 }] } },
  ],
});

// The unclosed flow sequence on line 4 is reported where the YAML parser gives up: line 5, column 3.
const BROKEN = `apiVersion: apps/v1
kind: Deployment
metadata:
  labels: [unclosed
  name: broken
`;

function file(name: string, content: string) {
  return { name, mimeType: "application/octet-stream", buffer: Buffer.from(content) };
}

function countOf(page: Page, label: string) {
  return page.getByRole("group", { name: label, exact: true }).getByRole("definition");
}

async function openUploadForm(page: Page) {
  await page.goto("/uploads/new");
  // The controls stay disabled until the form is hydrated and handles its own submit.
  await expect(page.getByRole("button", { name: "Choose files" })).toBeEnabled();
}

test.describe("upload page", () => {
  test("uploads a multi-document YAML and a kubectl List, shows progress, then the counts", async ({ page, clusterName }) => {
    await openUploadForm(page);
    await page.getByLabel("Inventory files").setInputFiles([file("manifests.yaml", MANIFESTS), file("kubectl-get.json", KUBECTL_LIST)]);
    await expect(page.getByRole("region", { name: "Selected files" })).toContainText("2 files");
    await page.getByLabel("Cluster").fill(clusterName);
    await page.getByLabel("Target profile").selectOption("kata-qemu-runtime-rs");

    // Hold the request so the in-flight state can be seen before the server answers.
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route("**/api/uploads", async (route) => {
      await released;
      await route.continue();
    });
    await page.getByRole("button", { name: "Upload and scan" }).click();
    await expect(page.getByRole("progressbar")).toBeVisible();
    await expect(page.getByRole("status")).toHaveText(/Uploading…|Processing…/);
    await expect(page.getByRole("button", { name: "Uploading…" })).toBeDisabled();
    release();

    await expect(page).toHaveURL(/\/uploads\/\d+$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(clusterName);
    await expect(countOf(page, "Workloads")).toHaveText("3");
    await expect(countOf(page, "Ready")).toHaveText("1");
    await expect(countOf(page, "Needs changes")).toHaveText("1");
    await expect(countOf(page, "Blocked")).toHaveText("1");
    await expect(countOf(page, "Other objects skipped")).toHaveText("1");
    await expect(page.getByRole("row", { name: /manifests\.yaml/ })).toContainText("kubernetes");
    await expect(page.getByRole("row", { name: /kubectl-get\.json/ })).toContainText("Service ×1");
    await expect(page.getByRole("link", { name: `View ${clusterName} workloads` })).toHaveAttribute(
      "href",
      `/workloads?cluster=${encodeURIComponent(clusterName)}`,
    );

    await page.goto("/uploads");
    await expect(page.getByRole("row", { name: new RegExp(clusterName) })).toBeVisible();
  });

  test("shows a broken file's error with its line number, and imports the rest", async ({ page, clusterName }) => {
    await openUploadForm(page);
    await page.getByLabel("Inventory files").setInputFiles([file("manifests.yaml", MANIFESTS), file("broken.yaml", BROKEN)]);
    await page.getByLabel("Cluster").fill(clusterName);
    await page.getByRole("button", { name: "Upload and scan" }).click();

    await expect(page).toHaveURL(/\/uploads\/\d+$/);
    await expect(countOf(page, "Workloads")).toHaveText("2");
    await expect(countOf(page, "Input errors")).not.toHaveText("0");
    await expect(page.getByRole("row", { name: /broken\.yaml/ })).toContainText("broken.yaml:5:3");
  });

  test("refuses an upload where nothing could be read, inline", async ({ page, clusterName }) => {
    await openUploadForm(page);
    await page.getByLabel("Inventory files").setInputFiles([file("broken.yaml", BROKEN)]);
    await page.getByLabel("Cluster").fill(clusterName);
    await page.getByRole("button", { name: "Upload and scan" }).click();

    const alert = page.getByRole("alert").filter({ hasText: "None of the files could be read" });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText("broken.yaml:5:3");
    await expect(page).toHaveURL(/\/uploads\/new$/);
  });
});
