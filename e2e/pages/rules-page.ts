import type { Locator, Page } from "@playwright/test";

export class RulesPage {
  readonly heading: Locator;
  readonly table: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1, name: "Rules" });
    this.table = page.getByRole("table", { name: "Rule catalog" });
  }

  async goto(query = "") {
    await this.page.goto(query ? `/rules?${query}` : "/rules");
  }

  row(ruleId: string): Locator {
    return this.table.getByRole("row").filter({ has: this.page.getByRole("cell", { name: ruleId, exact: true }) });
  }

  ruleLink(title: string): Locator {
    return this.table.getByRole("link", { name: title, exact: true });
  }

  /** A filter chip; its accessible name ends with the rule count. */
  filterLink(group: "severity" | "scope", label: string): Locator {
    return this.page.getByRole("navigation", { name: `Filter by ${group}` }).getByRole("link", { name: new RegExp(`^${label} \\d+$`) });
  }
}

export class RulePage {
  readonly heading: Locator;
  readonly affectedWorkloads: Locator;
  readonly allAffectedLink: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1 });
    this.affectedWorkloads = page.getByRole("table", { name: "Affected workloads" });
    this.allAffectedLink = page.getByRole("link", { name: /^View all \d+ affected workloads$/ });
  }

  async goto(ruleId: string) {
    await this.page.goto(`/rules/${encodeURIComponent(ruleId)}`);
  }

  section(name: string): Locator {
    return this.page.getByRole("region", { name });
  }

  workloadRow(name: string): Locator {
    return this.affectedWorkloads.getByRole("row").filter({ hasText: name });
  }
}
