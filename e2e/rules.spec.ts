import { expect, test } from "./fixtures";

test.describe("rules", () => {
  test("lists the catalog with severity, remedy and affected counts", async ({ inventory, rulesPage }) => {
    await inventory.uploadOrFail({ files: ["mixed-deployments.yaml"] });
    await rulesPage.goto("show=all");

    await expect(rulesPage.heading).toBeVisible();
    const subpath = rulesPage.row("subpath");
    await expect(subpath.getByRole("link", { name: "Volume subPath" })).toBeVisible();
    await expect(subpath.getByText("Blocker")).toBeVisible();
    await expect(subpath.getByText("Change the manifest")).toBeVisible();
    await expect(subpath.getByRole("link", { name: /workloads affected by subpath/ })).toHaveAttribute("href", "/workloads?rule=subpath");
    await expect(rulesPage.row("podman-engine").getByText(/^\d+ clusters?$/)).toBeVisible();
  });

  test("shows the running catalog version and marks the rules it introduced", async ({ rulesPage, page }) => {
    await rulesPage.goto("show=all");
    await expect(page.getByText(/^Catalog v1\.2: \d+ rules/)).toBeVisible();
    await expect(rulesPage.row("docker-embedded-dns").getByText("new in v1.2")).toBeVisible();
    await expect(rulesPage.row("subpath").getByText(/new in/)).toHaveCount(0);
  });

  test("filters the catalog by severity and scope through the URL", async ({ rulesPage, page }) => {
    await rulesPage.goto("show=all");

    await rulesPage.filterLink("severity", "Blockers").click();
    await expect(page).toHaveURL(/\/rules\?severity=blocker&show=all$/);
    await expect(rulesPage.row("subpath")).toBeVisible();
    await expect(rulesPage.row("resource-limits")).toHaveCount(0);

    await rulesPage.filterLink("scope", "Declared requirement").click();
    await expect(page).toHaveURL(/\/rules\?severity=blocker&scope=declared&show=all$/);
    await expect(rulesPage.row("checkpoint-restore")).toBeVisible();
    await expect(rulesPage.row("subpath")).toHaveCount(0);
  });

  test("goes from the catalog to a rule, its affected workloads and the filtered workloads table", async ({
    inventory,
    rulesPage,
    rulePage,
    clusterName,
    page,
  }) => {
    await inventory.uploadOrFail({ files: ["mixed-deployments.yaml"] });
    await rulesPage.goto();

    await rulesPage.ruleLink("Volume subPath").click();
    await expect(page).toHaveURL(/\/rules\/subpath$/);
    await expect(page).toHaveTitle(/Volume subPath \(subpath\)/);
    await expect(rulePage.heading).toHaveText(/Volume subPath/);
    for (const section of ["Why it breaks under Kata", "Remediation", "Sources"]) {
      await expect(rulePage.section(section)).toBeVisible();
    }
    await expect(rulePage.section("Sources").getByRole("link").first()).toHaveAttribute("href", /^https:\/\//);

    const row = rulePage.workloadRow(clusterName);
    await expect(row.getByRole("link", { name: "config-loader" })).toBeVisible();
    await expect(row.getByText("Blocked")).toBeVisible();

    await rulePage.allAffectedLink.click();
    await expect(page).toHaveURL(/\/workloads\?rule=subpath$/);
    await expect(page.getByRole("link", { name: "config-loader" }).first()).toBeVisible();
  });

  test("lists the rules affecting current workloads by default, with a toggle to the whole catalog", async ({
    inventory,
    rulesPage,
    page,
  }) => {
    await inventory.uploadOrFail({ files: ["mixed-deployments.yaml"] });
    await rulesPage.goto();
    await expect(rulesPage.row("subpath")).toBeVisible();
    await expect(rulesPage.row("gpu")).toHaveCount(0);
    await expect(page.getByRole("link", { name: /^Affecting my workloads \d+$/ })).toHaveAttribute("aria-current", "page");

    await page.getByRole("link", { name: /^All rules \d+$/ }).click();
    await expect(page).toHaveURL(/\/rules\?show=all$/);
    await expect(rulesPage.row("gpu")).toBeVisible();
  });

  test("searches and sorts the catalog, and gives platform-dependent severities per platform", async ({ rulesPage, page }) => {
    await rulesPage.goto("show=all");
    await page.getByRole("searchbox", { name: "Search rules by id, title or summary" }).fill("privileged");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/[?&]q=privileged(&|$)/);
    const privileged = rulesPage.row("privileged");
    await expect(privileged).toBeVisible();
    await expect(rulesPage.row("subpath")).toHaveCount(0);
    const severities = privileged.getByRole("list", { name: "Severity by platform" }).getByRole("listitem");
    await expect(severities).toHaveText(["Blocker on Docker, Compose", "Warning on Kubernetes"]);

    await rulesPage.goto("show=all");
    await rulesPage.table.getByRole("columnheader", { name: "Id" }).getByRole("link").click();
    await expect(page).toHaveURL(/[?&]sort=id\.asc(&|$)/);
    await expect(rulesPage.table.getByRole("columnheader", { name: "Id" })).toHaveAttribute("aria-sort", "ascending");
    const ids: string[] = [];
    for (const row of await rulesPage.table.getByRole("row").all()) {
      const cells = row.getByRole("cell");
      if ((await cells.count()) > 0) ids.push((await cells.first().textContent()) ?? "");
    }
    expect(ids).toEqual([...ids].sort((a, b) => a.localeCompare(b)));
  });

  test("does not scroll sideways at 390 px", async ({ rulesPage, page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await rulesPage.goto("show=all");
    await expect(rulesPage.table).toBeVisible();
    const { scrollWidth, width } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      width: window.innerWidth,
    }));
    expect(scrollWidth).toBeLessThanOrEqual(width);
  });

  test("answers an unknown rule id with a not-found page", async ({ rulePage, page }) => {
    await rulePage.goto("no-such-rule");
    await expect(page.getByRole("heading", { name: "Rule not found" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Browse all rules" })).toHaveAttribute("href", "/rules");
  });
});
