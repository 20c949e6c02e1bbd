import type { Locator, Page } from "@playwright/test";

/** The upload form at /uploads/new, and the upload page it leads to. */
export class UploadPage {
  readonly chooseFilesButton: Locator;
  readonly filesInput: Locator;
  readonly selectedFiles: Locator;
  readonly clusterInput: Locator;
  readonly targetSelect: Locator;
  readonly submitButton: Locator;
  /** The upload page's rule catalog version ("v1", "v1.2"). */
  readonly catalogVersion: Locator;
  readonly rescoreButton: Locator;
  /** The note naming clusters whose current snapshot an older catalog scored (overview, uploads list). */
  readonly olderCatalogNote: Locator;

  constructor(readonly page: Page) {
    this.chooseFilesButton = page.getByRole("button", { name: "Choose files" });
    this.filesInput = page.getByLabel("Inventory files");
    this.selectedFiles = page.getByRole("region", { name: "Selected files" });
    this.clusterInput = page.getByLabel("Cluster");
    this.targetSelect = page.getByLabel("Target profile");
    this.submitButton = page.getByRole("button", { name: "Upload and scan" });
    this.catalogVersion = page.getByTestId("upload-catalog-version");
    this.rescoreButton = page.getByRole("button", { name: /^Re-score under catalog/ });
    this.olderCatalogNote = page.getByRole("note", { name: "Scored by an older catalog" });
  }

  async goto() {
    await this.page.goto("/uploads/new");
  }

  async chooseFiles(files: { name: string; content: string }[]) {
    await this.filesInput.setInputFiles(
      files.map(({ name, content }) => ({ name, mimeType: "application/octet-stream", buffer: Buffer.from(content) })),
    );
  }

  /** A count tile of the upload page, e.g. "Workloads" or "Input errors". */
  count(label: string): Locator {
    return this.page.getByRole("group", { name: label, exact: true }).getByRole("definition");
  }

  fileRow(name: RegExp): Locator {
    return this.page.getByRole("row", { name });
  }
}
