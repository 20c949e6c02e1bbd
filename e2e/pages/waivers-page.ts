import type { Locator, Page } from "@playwright/test";

export interface NewWaiver {
  ruleId: string;
  workload?: string;
  cluster?: string;
  namespace?: string;
  team?: string;
  reason: string;
  approver: string;
  /** YYYY-MM-DD */
  expires: string;
}

export class WaiversPage {
  readonly form: Locator;
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByRole("form", { name: "New waiver" });
    this.status = this.form.getByRole("status");
  }

  async goto() {
    await this.page.goto("/waivers");
  }

  async create(waiver: NewWaiver) {
    await this.form.getByLabel("Rule").selectOption(waiver.ruleId);
    for (const [label, value] of [
      ["Workload identity", waiver.workload],
      ["Cluster", waiver.cluster],
      ["Namespace", waiver.namespace],
      ["Team", waiver.team],
    ] as const) {
      await this.form.getByLabel(label, { exact: true }).fill(value ?? "");
    }
    await this.form.getByLabel("Reason").fill(waiver.reason);
    await this.form.getByLabel("Approver").fill(waiver.approver);
    await this.form.getByLabel("Expires after").fill(waiver.expires);
    await this.form.getByRole("button", { name: "Create waiver" }).click();
  }

  /** A waiver's entry in a section ("Active", "Expired", "Revoked", "Unused"). */
  item(section: string, id: number): Locator {
    return this.page.getByRole("list", { name: `${section} waivers` }).getByRole("listitem", { name: `Waiver #${id}`, exact: true });
  }
}
