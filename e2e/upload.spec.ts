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

test.describe("upload page", () => {
  test.beforeEach(async ({ uploadPage }) => {
    await uploadPage.goto();
    // The controls stay disabled until the form is hydrated and handles its own submit.
    await expect(uploadPage.chooseFilesButton).toBeEnabled();
  });

  test("uploads a multi-document YAML and a kubectl List, shows progress, then the counts", async ({ page, uploadPage, clusterName }) => {
    await uploadPage.chooseFiles([
      { name: "manifests.yaml", content: MANIFESTS },
      { name: "kubectl-get.json", content: KUBECTL_LIST },
    ]);
    await expect(uploadPage.selectedFiles).toContainText("2 files");
    await uploadPage.clusterInput.fill(clusterName);
    await uploadPage.targetSelect.selectOption("kata-qemu-runtime-rs");

    // Hold the request so the in-flight state can be seen before the server answers.
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route("**/api/uploads", async (route) => {
      await released;
      await route.continue();
    });
    await uploadPage.submitButton.click();
    await expect(page.getByRole("progressbar")).toBeVisible();
    await expect(page.getByRole("status")).toHaveText(/Uploading…|Processing…/);
    await expect(page.getByRole("button", { name: "Uploading…" })).toBeDisabled();
    release();

    await expect(page).toHaveURL(/\/uploads\/\d+$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(clusterName);
    await expect(uploadPage.count("Workloads")).toHaveText("3");
    await expect(uploadPage.count("Ready")).toHaveText("1");
    await expect(uploadPage.count("Needs changes")).toHaveText("1");
    await expect(uploadPage.count("Blocked")).toHaveText("1");
    await expect(uploadPage.count("Other objects skipped")).toHaveText("1");
    await expect(uploadPage.fileRow(/manifests\.yaml/)).toContainText("kubernetes");
    await expect(uploadPage.fileRow(/kubectl-get\.json/)).toContainText("Service ×1");
    await expect(page.getByRole("link", { name: `View ${clusterName} workloads` })).toHaveAttribute(
      "href",
      `/workloads?cluster=${encodeURIComponent(clusterName)}`,
    );

    await page.goto("/uploads");
    await expect(page.getByRole("row", { name: new RegExp(clusterName) })).toBeVisible();
  });

  test("shows a broken file's error with its line number, and imports the rest", async ({ page, uploadPage, clusterName }) => {
    await uploadPage.chooseFiles([
      { name: "manifests.yaml", content: MANIFESTS },
      { name: "broken.yaml", content: BROKEN },
    ]);
    await uploadPage.clusterInput.fill(clusterName);
    await uploadPage.submitButton.click();

    await expect(page).toHaveURL(/\/uploads\/\d+$/);
    await expect(uploadPage.count("Workloads")).toHaveText("2");
    await expect(uploadPage.count("Input errors")).not.toHaveText("0");
    await expect(uploadPage.fileRow(/broken\.yaml/)).toContainText("broken.yaml:5:3");
  });

  test("refuses an upload where nothing could be read, inline", async ({ page, uploadPage, clusterName }) => {
    await uploadPage.chooseFiles([{ name: "broken.yaml", content: BROKEN }]);
    await uploadPage.clusterInput.fill(clusterName);
    await uploadPage.submitButton.click();

    const alert = page.getByRole("alert").filter({ hasText: "None of the files could be read" });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText("broken.yaml:5:3");
    await expect(page).toHaveURL(/\/uploads\/new$/);
  });
});

test.describe("upload page with site data blocked", () => {
  // With cookies and site data blocked, any touch of window.localStorage throws a SecurityError.
  test.beforeEach(async ({ page }) => {
    await page.addInitScript(() => {
      Object.defineProperty(window, "localStorage", {
        configurable: true,
        get() {
          throw new DOMException("The operation is insecure.", "SecurityError");
        },
      });
    });
  });

  test("still loads and uploads", async ({ page, uploadPage, clusterName }) => {
    await uploadPage.goto();
    await expect(uploadPage.chooseFilesButton).toBeEnabled();
    await uploadPage.chooseFiles([{ name: "manifests.yaml", content: MANIFESTS }]);
    await uploadPage.clusterInput.fill(clusterName);
    await uploadPage.submitButton.click();

    await expect(page).toHaveURL(/\/uploads\/\d+$/);
    await expect(uploadPage.count("Workloads")).toHaveText("2");
  });
});
