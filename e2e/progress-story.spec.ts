import { test, expect } from "./fixtures";
import { WaiversPage } from "./pages/waivers-page";

// The tracker's whole story on one cluster, through the real UI and HTTP uploads.
// Snapshot 1: web is blocked (hostNetwork), cache is blocked (hostPID), api is ready.
// Snapshot 2: web's blocker is fixed, api gets a new one (hostPID), cache is unchanged.
const app = (name: string, pod = "") => `apiVersion: apps/v1
kind: Deployment
metadata: { name: ${name}, namespace: shop }
spec:
  template:
    spec:
${pod}      containers:
        - name: ${name}
          image: shop/${name}:1
          resources: { limits: { cpu: "1", memory: 512Mi } }
`;
const HOST_NETWORK = "      hostNetwork: true\n";
const HOST_PID = "      hostPID: true\n";
const SNAPSHOT_1 = [app("web", HOST_NETWORK), app("api"), app("cache", HOST_PID)].join("---\n");
const SNAPSHOT_2 = [app("web"), app("api", HOST_PID), app("cache", HOST_PID)].join("---\n");

const inDays = (days: number) => new Date(Date.now() + days * 864e5).toISOString().slice(0, 10);

test("two snapshots, statuses, an owner, a waiver, a bulk assignment and an owners CSV tell one story", async ({
  page,
  inventory,
  overviewPage,
  clusterName,
}) => {
  test.setTimeout(180_000);
  const uploadId = async (content: string) =>
    ((await inventory.uploadOrFail({ files: [{ name: "inventory.yaml", content }] })).body as { uploadId: number }).uploadId;
  const openWorkload = async (name: string) => {
    await page.goto(`/workloads?cluster=${clusterName}&q=${name}`);
    await page.getByRole("table", { name: "Workloads" }).getByRole("link", { name, exact: true }).click();
    await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  };

  // Snapshot 1, then a status and an assignee on web's blocker and an owner on web.
  const first = await uploadId(SNAPSHOT_1);
  await openWorkload("web");
  const blocker = page.getByRole("article").filter({ hasText: "host-network" });
  const item = blocker.getByRole("form", { name: "Remediation item" });
  await item.getByLabel("Status").selectOption("in-progress");
  await item.getByLabel("Assignee").fill("alice");
  await item.getByRole("button", { name: "Save" }).click();
  await expect(item.getByText("Saved (status, assignee).")).toBeVisible();
  const owner = page.getByRole("form", { name: "Owner override" });
  await owner.getByLabel("Team override").fill("storefront");
  await owner.getByLabel("Owner").fill("alice");
  await owner.getByRole("button", { name: "Set owner" }).click();
  await expect(owner.getByRole("status")).toHaveText("Owner saved.");
  const webUrl = page.url();

  // Snapshot 2: the upload page counts and lists what changed against snapshot 1.
  const second = await uploadId(SNAPSHOT_2);
  await page.goto(`/uploads/${second}`);
  await expect(page.getByRole("link", { name: `upload #${first}` })).toBeVisible();
  await expect(page.getByTestId("change-newFindings")).toHaveText("1");
  await expect(page.getByTestId("change-resolvedFindings")).toHaveText("1");
  const fresh = page.getByTestId("diff-list-new");
  await expect(fresh.getByRole("link", { name: `${clusterName}/shop/Deployment/api` })).toBeVisible();
  // cache's blocker is unchanged and web's is gone: neither is new.
  await expect(fresh.getByRole("link", { name: `${clusterName}/shop/Deployment/cache` })).toHaveCount(0);
  await expect(fresh.getByRole("link", { name: `${clusterName}/shop/Deployment/web` })).toHaveCount(0);
  await expect(fresh.getByRole("link", { name: "host-pid" })).toBeVisible();
  await page
    .getByRole("navigation", { name: "Lists of changes" })
    .getByRole("link", { name: /^Resolved/ })
    .click();
  const resolved = page.getByTestId("diff-list-resolved");
  await expect(resolved.getByRole("link", { name: "host-network" })).toBeVisible();
  await resolved.getByRole("link", { name: `${clusterName}/shop/Deployment/web` }).click();
  await expect(page.getByRole("heading", { name: "web", level: 1 })).toBeVisible();
  await page.goto("/uploads");
  const currentRow = page.getByRole("row").filter({ has: page.getByRole("link", { name: `#${second}`, exact: true }) });
  await expect(currentRow.getByText("Current", { exact: true })).toBeVisible();

  // The fixed blocker's item closed by itself, and web's history says who did what.
  await page.goto(webUrl);
  await expect(page.getByText(`Fixed, verified by upload #${second}`, { exact: true })).toBeVisible();
  const history = page.getByRole("list", { name: "History" });
  await expect(history.getByText("Status: Open → In progress")).toBeVisible();
  await expect(history.getByText("Assignee: — → alice")).toBeVisible();
  await expect(history.getByRole("listitem").filter({ hasText: `upload #${second}` })).toContainText("Status: In progress → Fixed");
  await expect(page.getByText("storefront", { exact: true }).first()).toBeVisible();

  // The progress chart has both snapshots; 1 ready (web), 2 blocked (api, cache).
  await overviewPage.goto(clusterName);
  await expect(page.getByRole("group", { name: "Stays on runc" })).toBeVisible();
  const chart = page.getByRole("figure", { name: `Progress of ${clusterName}` });
  await expect(chart.getByRole("row", { name: new RegExp(`#${first}\\b`) })).toBeAttached();
  await expect(chart.getByRole("row", { name: new RegExp(`#${second}\\b`) })).toBeAttached();
  await expect(overviewPage.stat("Ready")).toHaveText("1");
  await expect(overviewPage.stat("Blocked")).toHaveText("2");

  // A waiver for cache's blocker: cache reads ready on its page and the overview moves.
  const waivers = new WaiversPage(page);
  await waivers.goto();
  await waivers.create({
    ruleId: "host-pid",
    workload: `${clusterName}/shop/Deployment/cache`,
    reason: "reads the host's process table until the sidecar lands",
    approver: "platform lead",
    expires: inDays(30),
  });
  await expect(waivers.status).toHaveText(/^Waiver #\d+ saved; 1 workload re-scored\.$/);
  await openWorkload("cache");
  await expect(page.getByTestId("verdict")).toHaveText("Ready");
  await expect(page.getByRole("link", { name: /^Waived by waiver #\d+ through / })).toBeVisible();
  await overviewPage.goto(clusterName);
  await expect(overviewPage.stat("Ready")).toHaveText("2");
  await expect(overviewPage.stat("Blocked")).toHaveText("1");

  // Bulk-assign from a filtered table: the host-pid workloads get bob, web does not.
  await page.goto(`/workloads?cluster=${clusterName}&rule=host-pid`);
  const table = page.getByRole("table", { name: "Workloads" });
  await expect(table.getByRole("link", { name: "web", exact: true })).toHaveCount(0);
  await page.getByLabel("Select all workloads on this page").check();
  const bulk = page.getByRole("form", { name: "Bulk edit remediation items" });
  await expect(bulk.getByText("2 workloads selected")).toBeVisible();
  await bulk.getByLabel("Findings").selectOption("blockers");
  await bulk.getByLabel("Set assignee").fill("bob");
  await bulk.getByRole("button", { name: "Apply" }).click();
  await expect(bulk.getByText(/on 2 workloads\.$/)).toBeVisible();
  await openWorkload("api");
  await expect(page.getByRole("article").filter({ hasText: "host-pid" }).getByText("Assignee: bob")).toBeVisible();
  await page.goto(webUrl);
  await expect(page.getByText("Assignee: bob")).toHaveCount(0);

  // An owners CSV with one bad row: the preview names it and writes nothing until confirmed.
  await page.goto("/settings/owners");
  await page
    .getByLabel("or paste it")
    .fill(
      `cluster,namespace,kind,name,team,owner\n${clusterName},shop,Deployment,api,payments,carol\n${clusterName},shop,Deployment,,payments,dave\n`,
    );
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByTestId("owners-preview-summary")).toContainText("1 good rows");
  await expect(page.getByRole("list", { name: "Rows with errors" })).toContainText("Line 3: missing name");
  await page.goto(`/workloads?cluster=${clusterName}&team=payments`);
  await expect(page.getByRole("table", { name: "Workloads" }).getByRole("link", { name: "api", exact: true })).toHaveCount(0);

  await page.goto("/settings/owners");
  await page
    .getByLabel("or paste it")
    .fill(
      `cluster,namespace,kind,name,team,owner\n${clusterName},shop,Deployment,api,payments,carol\n${clusterName},shop,Deployment,,payments,dave\n`,
    );
  await page.getByRole("button", { name: "Preview" }).click();
  await page.getByRole("button", { name: "Import 1 rows" }).click();
  await expect(page.getByText(/Imported 1 rows/)).toBeVisible();
  await page.goto(`/workloads?cluster=${clusterName}&team=payments`);
  await expect(page.getByRole("table", { name: "Workloads" }).getByRole("link", { name: "api", exact: true })).toBeVisible();
});
