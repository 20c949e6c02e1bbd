import type { Locator, Page } from "@playwright/test";

export class WorkloadsPage {
  readonly table: Locator;
  readonly search: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole("table", { name: "Workloads" });
    this.search = page.getByRole("searchbox", { name: "Search workloads by name, image, namespace or label" });
  }

  async goto(query: string) {
    await this.page.goto(`/workloads?${query}`);
  }

  /** Workload names in table order (each row's header cell links to the workload). */
  names(): Locator {
    return this.table.getByRole("rowheader").getByRole("link");
  }

  /** The rule chips of the row named `name`. */
  ruleChips(name: string): Locator {
    return this.table
      .getByRole("row")
      .filter({ has: this.page.getByRole("rowheader").getByRole("link", { name, exact: true }) })
      .getByRole("list", { name: "Blocking and warning rules" })
      .getByRole("link");
  }

  facet(title: string): Locator {
    // The trigger's name starts with the title and goes on with the selected value ("Rule: Host network").
    return this.page.getByRole("search", { name: "Filter workloads" }).getByRole("button", { name: new RegExp(`^${title}(\\W|$)`) });
  }

  /** The chips naming each active filter ("Readiness: Blocked"). */
  activeFilters(): Locator {
    return this.page.getByRole("list", { name: "Active filters" }).getByRole("listitem");
  }

  columnHeader(label: string): Locator {
    return this.table.getByRole("columnheader", { name: label, exact: true });
  }
}
