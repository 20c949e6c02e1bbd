import type { Locator, Page } from "@playwright/test";

/** One workload's page (/workloads/[id]), reached through the workloads table. */
export class WorkloadPage {
  readonly verdict: Locator;
  readonly migrationPath: Locator;
  readonly suggestedChanges: Locator;

  constructor(readonly page: Page) {
    this.verdict = page.getByRole("region", { name: "Verdict" }).getByTestId("verdict");
    this.migrationPath = page.getByRole("region", { name: "Verdict" }).getByTestId("migration-path");
    this.suggestedChanges = page.getByRole("region", { name: "Suggested changes" });
  }

  /** Opens the workload `name` of `cluster` from the workloads table. */
  async open(cluster: string, name: string) {
    await this.page.goto(`/workloads?${new URLSearchParams({ cluster, q: name })}`);
    await this.page.getByRole("table", { name: "Workloads" }).getByRole("link", { name, exact: true }).click();
    await this.page.getByRole("heading", { level: 1, name }).waitFor();
  }
}
