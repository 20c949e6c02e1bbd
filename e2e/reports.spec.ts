import { readFile } from "node:fs/promises";
import { extractText, getDocumentProxy } from "unpdf";
import { expect, test, type InventoryFile } from "./fixtures";

function deployment(name: string, team: string, podSpec: string): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: shop
  labels: { team: "${team}" }
spec:
  replicas: 2
  template:
    metadata:
      labels: { team: "${team}" }
    spec:
${podSpec}
`;
}

const CONTAINERS = `      containers:
        - name: app
          image: nginx
          resources: { limits: { memory: 256Mi, cpu: 500m } }`;

// A team label with markup: the report must show it as text and stay inert.
const MARKUP_TEAM = `<img src=http://127.0.0.1:9/x.png>ops`;
const INVENTORY: InventoryFile = {
  name: "report.yaml",
  content: [
    deployment("storefront", "shop", CONTAINERS),
    deployment("edge-proxy", MARKUP_TEAM, `      hostNetwork: true\n${CONTAINERS}`),
    deployment("node-inspector", "shop", `      hostPID: true\n${CONTAINERS}`),
  ].join("---\n"),
};

test.describe("reports", () => {
  test("downloads the HTML report from the Reports page and it opens offline", async ({ inventory, reportsPage, clusterName, browser }) => {
    await inventory.uploadOrFail({ files: [INVENTORY] });
    await reportsPage.goto();
    await expect(reportsPage.heading).toBeVisible();
    await reportsPage.clusterSelect.selectOption(clusterName);
    const download = await reportsPage.download(reportsPage.downloadHtmlButton);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^kata-readiness-report-${clusterName}-\\d{4}-\\d{2}-\\d{2}\\.html$`));
    const html = await readFile(await download.path(), "utf8");

    // A fresh context with the network cut: every request other than data: is recorded and aborted.
    const context = await browser.newContext({ offline: true });
    const attempted: string[] = [];
    await context.route("**/*", (route) => {
      if (!route.request().url().startsWith("data:")) attempted.push(route.request().url());
      return route.abort();
    });
    const page = await context.newPage();
    page.on("request", (request) => {
      if (!request.url().startsWith("data:")) attempted.push(request.url());
    });
    await page.setContent(html, { waitUntil: "load" });

    await expect(page.getByRole("heading", { level: 1, name: `Kata readiness: cluster ${clusterName}` })).toBeVisible();
    await expect(page.getByRole("listitem", { name: "Workloads", exact: true })).toContainText("3");
    await expect(page.getByRole("listitem", { name: "Blocked", exact: true })).toContainText("2");
    await expect(page.getByRole("img", { name: "Workloads by migration path" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 3, name: "edge-proxy" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 3, name: "Host network namespace" })).toBeVisible();
    // The markup arrived as text: no image element, the label readable in the team table.
    await expect(page.locator("img")).toHaveCount(0);
    await expect(page.getByRole("rowheader", { name: MARKUP_TEAM, exact: true })).toBeVisible();
    await expect(page.getByRole("rowheader", { name: "shop", exact: true })).toBeVisible();
    expect(attempted).toEqual([]);
    await context.close();
  });

  test("prints the report to a PDF with real text", async ({ inventory, request, clusterName }) => {
    await inventory.uploadOrFail({ files: [INVENTORY] });
    const response = await request.get(`/api/reports/pdf?cluster=${encodeURIComponent(clusterName)}&team=shop`);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("application/pdf");
    expect(response.headers()["content-disposition"]).toContain(`kata-readiness-report-${clusterName}-shop-`);
    const bytes = await response.body();
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");

    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    const { text, totalPages } = await extractText(pdf, { mergePages: true });
    expect(totalPages).toBeGreaterThanOrEqual(2);
    const words = text.replace(/\s+/g, " ");
    expect(words).toContain("Kata readiness: team shop in cluster");
    // The long cluster name may wrap at a hyphen in the title: compare it without whitespace.
    expect(text.replace(/\s+/g, "")).toContain(`Katareadiness:teamshopincluster${clusterName}`);
    expect(words).toContain("Blocked workloads");
    expect(words).toContain("node-inspector");
    expect(words).toContain("Host PID namespace");
    expect(words).not.toContain("edge-proxy");
  });

  test("answers 404 for an unknown scope", async ({ request }) => {
    const response = await request.get("/api/reports/html?cluster=no-such-cluster-anywhere");
    expect(response.status()).toBe(404);
  });
});
