import type { Locator, Page } from "@playwright/test";

export class WorkloadsPage {
  readonly table: Locator;
  readonly search: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole("table", { name: "Workloads" });
    this.search = page.getByRole("searchbox", { name: "Search workloads by name" });
  }

  async goto(query: string) {
    await this.page.goto(`/workloads?${query}`);
  }

  /** Workload names in table order. */
  names(): Locator {
    return this.table.getByRole("row").getByRole("link");
  }

  facet(title: string): Locator {
    return this.page.getByRole("search", { name: "Filter workloads" }).getByRole("button", { name: title });
  }

  columnHeader(label: string): Locator {
    return this.table.getByRole("columnheader", { name: label, exact: true });
  }
}
