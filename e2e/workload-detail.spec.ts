import { readFile } from "node:fs/promises";
import path from "node:path";
import { expect, test } from "./fixtures";

const SAMPLES = path.join(__dirname, "..", "samples", "edge-lab");

test.describe("workload page", () => {
  test.use({ permissions: ["clipboard-read", "clipboard-write"] });

  test("leads with the verdict and path, above the score", async ({ inventory, workloadPage, clusterName, page }) => {
    await inventory.uploadOrFail({ files: ["mixed-deployments.yaml"] });
    await workloadPage.open(clusterName, "metrics-agent");

    await expect(workloadPage.verdict).toHaveText("Blocked");
    await expect(workloadPage.migrationPath).toHaveText("Stays on runc");
    // Without scrolling, on a desktop and on a phone.
    await expect(workloadPage.verdict).toBeInViewport();
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(workloadPage.verdict).toBeInViewport();
    const verdictTop = (await workloadPage.verdict.boundingBox())?.y ?? Infinity;
    const scoreTop = (await page.getByRole("heading", { name: "Score breakdown" }).boundingBox())?.y ?? -Infinity;
    expect(verdictTop).toBeLessThan(scoreTop);
  });

  test("copies a diff by keyboard and downloads the suggested patch", async ({ inventory, workloadPage, clusterName, page }) => {
    await inventory.uploadOrFail({ files: ["mixed-deployments.yaml"] });
    await workloadPage.open(clusterName, "batch-worker");
    await expect(workloadPage.verdict).toHaveText("Needs changes");

    const download = page.waitForEvent("download");
    await workloadPage.suggestedChanges.getByRole("link", { name: "Download patch" }).click();
    const patch = await download;
    expect(patch.suggestedFilename()).toBe(`${clusterName}-jobs-batch-worker.kata.patch`);
    const patchText = await readFile(await patch.path(), "utf8");
    expect(patchText).toMatch(/^--- current\n\+\+\+ suggested\n@@ /);
    expect(patchText).toMatch(/^\+ +memory: 512Mi/m);

    // One change: its diff is the whole patch. Copy it with the keyboard only.
    const copy = workloadPage.suggestedChanges.getByRole("button", { name: "Copy diff: Add the missing CPU and memory limits" });
    await copy.focus();
    await page.keyboard.press("Enter");
    await expect(copy).toHaveText("Copied");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(patchText);
  });

  test("names Compose services and Docker containers without an empty namespace", async ({
    inventory,
    workloadPage,
    clusterName,
    page,
  }) => {
    await inventory.uploadOrFail({
      files: await Promise.all(
        ["compose.yaml", "docker-inspect.json"].map(async (name) => ({ name, content: await readFile(path.join(SAMPLES, name), "utf8") })),
      ),
    });

    await workloadPage.open(clusterName, "grafana");
    await expect(page.getByText(`${clusterName}/edge-lab/Compose service/grafana`)).toBeVisible();
    const kind = page.getByRole("term").filter({ hasText: /^Kind$/ });
    await expect(kind.locator("xpath=following-sibling::dd[1]")).toHaveText("Compose service");
    await expect(page.getByRole("main")).not.toContainText("//");

    await workloadPage.open(clusterName, "camera-agent");
    await expect(page.getByText(`${clusterName}/Container/camera-agent`)).toBeVisible();
    await expect(page.getByRole("main")).not.toContainText(`${clusterName}//`);
  });
});
