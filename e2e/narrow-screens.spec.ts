import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

// A team name as long as a Kubernetes label value may be (63 characters): it once stretched /reports.
const LONG_TEAM = "platform-engineering-and-site-reliability-for-payments-europe-1";
const INVENTORY = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: a-deployment-with-a-rather-long-name-that-has-to-wrap-somewhere
  namespace: a-namespace-with-a-long-name-too
  labels: { team: ${LONG_TEAM} }
spec:
  template:
    spec:
      hostNetwork: true
      containers:
        - name: app
          image: registry.example.com/some/deeply/nested/repository/image-name:1.2.3-with-a-long-tag
          volumeMounts:
            - { name: conf, mountPath: /etc/app/a-long-file-name-for-the-configuration.yaml, subPath: a-long-file-name-for-the-configuration.yaml }
      volumes:
        - name: conf
          configMap: { name: app-config }
`;

/** How far the page scrolls sideways: 0 when nothing is wider than the viewport. */
async function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

test.use({ viewport: { width: 390, height: 844 } });

test("no page scrolls sideways at 390 px", async ({ inventory, clusterName, page }) => {
  const upload = await inventory.uploadOrFail({ files: [{ name: "narrow.yaml", content: INVENTORY }, "mixed-deployments.yaml"] });
  const uploadId = (upload.body as { uploadId: number }).uploadId;

  await page.goto(`/workloads?${new URLSearchParams({ cluster: clusterName, q: "a-deployment-with" })}`);
  await page.getByRole("table", { name: "Workloads" }).getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("a-deployment-with");
  const workloadPath = new URL(page.url()).pathname;

  for (const pathname of [
    "/",
    `/?cluster=${clusterName}`,
    workloadPath,
    "/uploads",
    `/uploads/${uploadId}`,
    "/uploads/new",
    "/reports",
    "/waivers",
    "/activity",
    "/settings/owners",
  ]) {
    await page.goto(pathname);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(await sidewaysOverflow(page), `${pathname} scrolls sideways`).toBeLessThanOrEqual(0);
  }
});
