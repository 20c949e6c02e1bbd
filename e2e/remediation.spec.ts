import { test, expect } from "./fixtures";

const LIMITS = `resources: { limits: { cpu: "1", memory: 512Mi } }`;
const deployment = (name: string, namespace: string, pod = "") => `apiVersion: apps/v1
kind: Deployment
metadata: { name: ${name}, namespace: ${namespace} }
spec:
  template:
    spec:
${pod}      containers:
        - name: ${name}
          image: ${name}:1
          ${LIMITS}
`;

test("edit a remediation item, declare a requirement, see the history and the activity feed, filter overdue", async ({
  page,
  inventory,
  clusterName,
}) => {
  await inventory.uploadOrFail({
    files: [
      { name: "inv.yaml", content: [deployment("sniffer", "shop", "      hostNetwork: true\n"), deployment("api", "shop")].join("---\n") },
    ],
  });

  await page.goto(`/workloads?cluster=${clusterName}&q=sniffer`);
  await page.getByRole("link", { name: "sniffer" }).click();
  await expect(page.getByRole("heading", { name: "sniffer", level: 1 })).toBeVisible();

  const finding = page.getByRole("article").filter({ hasText: "host-network" });
  const form = finding.getByRole("form", { name: "Remediation item" });
  await form.getByLabel("Status").selectOption("in-progress");
  await form.getByLabel("Assignee").fill("alice");
  await form.getByLabel("Due date").fill("2020-01-15");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByText("Saved (status, assignee, dueDate).")).toBeVisible();

  await page.reload();
  const history = page.getByRole("list", { name: "History" });
  await expect(history.getByText("Assignee: — → alice")).toBeVisible();
  await expect(history.getByText("Status: Open → In progress")).toBeVisible();
  await expect(finding.getByText("Assignee: alice")).toBeVisible();

  // A requirement declared in the UI becomes a finding at once.
  await page.getByRole("button", { name: "Declare checkpoint-restore" }).click();
  await expect(page.getByText("Declared checkpoint-restore.")).toBeVisible();
  await page.reload();
  await expect(page.getByText("declared requirement checkpoint-restore", { exact: false })).toBeVisible();
  await expect(page.getByRole("button", { name: "Remove checkpoint-restore" })).toBeVisible();

  // The activity feed lists the edits with a link back to the workload.
  await page.goto("/activity");
  const feed = page.getByRole("list", { name: "History" });
  const entry = feed.getByRole("listitem").filter({ hasText: "alice" }).filter({ hasText: clusterName }).first();
  await expect(entry).toBeVisible();
  await entry.getByRole("link").click();
  await expect(page.getByRole("heading", { name: "sniffer", level: 1 })).toBeVisible();

  // Overdue: the due date is past and the item still in progress.
  await page.goto(`/workloads?cluster=${clusterName}`);
  await page.getByLabel("Overdue only").check();
  await expect(page).toHaveURL(/overdue=1/);
  await expect(page.getByRole("link", { name: "sniffer" })).toBeVisible();
  await expect(page.getByRole("link", { name: "api", exact: true })).toHaveCount(0);
});

test("bulk-assign all workloads matching a filter, across pages", async ({ page, inventory, clusterName }) => {
  const docs = Array.from({ length: 11 }, (_, i) => deployment(`agent-${String(i).padStart(2, "0")}`, "agents", "      hostPID: true\n"));
  docs.push(deployment("other", "elsewhere", "      hostPID: true\n"));
  await inventory.uploadOrFail({ files: [{ name: "inv.yaml", content: docs.join("---\n") }] });

  await page.goto(`/workloads?cluster=${clusterName}&namespace=agents&perPage=10`);
  await page.getByLabel("Select all workloads on this page").check();
  const bulk = page.getByRole("form", { name: "Bulk edit remediation items" });
  await expect(bulk.getByText("10 workloads selected")).toBeVisible();
  await bulk.getByRole("button", { name: "Select all 11 matching the filter" }).click();
  await expect(bulk.getByText("11 workloads selected")).toBeVisible();
  await bulk.getByLabel("Findings").selectOption("blockers");
  await bulk.getByLabel("Set assignee").fill("bob");
  await bulk.getByRole("button", { name: "Apply" }).click();
  await expect(bulk.getByText(/on 11 workloads\.$/)).toBeVisible();

  // The last one is on page 2: it was resolved by the server from the filter, not from the picked rows.
  await page.goto(`/workloads?cluster=${clusterName}&q=agent-10`);
  await page.getByRole("link", { name: "agent-10" }).click();
  await expect(page.getByRole("article").filter({ hasText: "host-pid" }).getByText("Assignee: bob")).toBeVisible();
  // Outside the filter: untouched.
  await page.goto(`/workloads?cluster=${clusterName}&q=other`);
  await page.getByRole("link", { name: "other" }).click();
  await expect(page.getByText("Assignee: bob")).toHaveCount(0);
});
