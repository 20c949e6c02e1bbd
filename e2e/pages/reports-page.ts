import type { Download, Locator, Page } from "@playwright/test";

export class ReportsPage {
  readonly heading: Locator;
  readonly clusterSelect: Locator;
  readonly teamSelect: Locator;
  readonly downloadHtmlButton: Locator;
  readonly downloadPdfButton: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1, name: "Reports" });
    this.clusterSelect = page.getByRole("combobox", { name: "Cluster" });
    this.teamSelect = page.getByRole("combobox", { name: "Team" });
    this.downloadHtmlButton = page.getByRole("button", { name: "Download HTML" });
    this.downloadPdfButton = page.getByRole("button", { name: "Download PDF" });
  }

  async goto() {
    await this.page.goto("/reports");
  }

  async download(button: Locator): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent("download"), button.click()]);
    return download;
  }
}
