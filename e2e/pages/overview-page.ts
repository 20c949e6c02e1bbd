import type { Locator, Page } from "@playwright/test";

export class OverviewPage {
  readonly heading: Locator;
  readonly summary: Locator;
  readonly emptyState: Locator;
  readonly clusterSelect: Locator;
  readonly sizingSentence: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1, name: "Overview" });
    this.summary = page.getByRole("region", { name: "Summary" });
    this.emptyState = page.getByRole("heading", { name: "No workloads yet" });
    this.clusterSelect = page.getByRole("combobox", { name: "Cluster" });
    this.sizingSentence = page.getByRole("region", { name: "Sizing impact" }).getByTestId("sizing-sentence");
  }

  async goto(cluster?: string) {
    await this.page.goto(cluster ? `/?cluster=${encodeURIComponent(cluster)}` : "/");
  }

  /** The number shown on a summary tile, e.g. "Workloads" or "Blocked". */
  stat(label: string): Locator {
    return this.summary.getByRole("group", { name: label, exact: true }).getByTestId("stat-value");
  }

  chart(title: string): Locator {
    return this.page.getByRole("figure", { name: title });
  }

  /** A chart's visually hidden data table, which carries its exact values. */
  chartTable(title: string): Locator {
    return this.chart(title).getByRole("table");
  }

  chartRow(title: string, rowLabel: string): Locator {
    return this.chartTable(title)
      .getByRole("row")
      .filter({ has: this.page.getByRole("rowheader", { name: rowLabel, exact: true }) });
  }

  topRuleLink(ruleTitle: string): Locator {
    return this.chart("Rules blocking the most workloads").getByRole("link", { name: ruleTitle });
  }
}
