import { test as base, expect, type APIRequestContext, type TestInfo } from "@playwright/test";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { OverviewPage } from "./pages/overview-page";
import { ReportsPage } from "./pages/reports-page";
import { RulePage, RulesPage } from "./pages/rules-page";
import { UploadPage } from "./pages/upload-page";
import { WorkloadPage } from "./pages/workload-page";
import { WorkloadsPage } from "./pages/workloads-page";

const FIXTURES_DIR = path.join(__dirname, "fixtures");

export interface InventoryFile {
  name: string;
  content: string;
}

export interface UploadOptions {
  /** Files in `e2e/fixtures/` by name, or inline files. */
  files: (string | InventoryFile)[];
  /** Defaults to the test's unique cluster name. */
  cluster?: string;
  target?: string;
}

export interface UploadResult {
  cluster: string;
  status: number;
  body: unknown;
}

/** Uploads inventories through the real HTTP API, as a user's browser or CI job would. */
export class InventoryApi {
  constructor(
    private readonly request: APIRequestContext,
    readonly clusterName: string,
  ) {}

  async upload({ files, cluster = this.clusterName, target }: UploadOptions): Promise<UploadResult> {
    const multipart = new FormData();
    multipart.set("cluster", cluster);
    if (target) multipart.set("target", target);
    for (const file of await Promise.all(files.map(readInventoryFile))) {
      multipart.append("files", new Blob([file.content], { type: "application/octet-stream" }), file.name);
    }
    const response = await this.request.post("/api/uploads", { multipart });
    const body: unknown = await response.json().catch(() => null);
    return { cluster, status: response.status(), body };
  }

  /** Uploads and fails the test unless the API accepted the upload. */
  async uploadOrFail(options: UploadOptions): Promise<UploadResult> {
    const result = await this.upload(options);
    expect(result.status, `upload rejected: ${JSON.stringify(result.body)}`).toBeLessThan(300);
    return result;
  }
}

export async function readInventoryFile(file: string | InventoryFile): Promise<InventoryFile> {
  if (typeof file !== "string") return file;
  return { name: file, content: await readFile(path.join(FIXTURES_DIR, file), "utf8") };
}

/** A cluster name no other test (or earlier run against a reused server) uses. */
export function createClusterName(testInfo: TestInfo): string {
  const random = Math.random().toString(36).slice(2, 8);
  return `e2e-w${testInfo.workerIndex}-${Date.now().toString(36)}-${random}`;
}

interface Fixtures {
  clusterName: string;
  inventory: InventoryApi;
  overviewPage: OverviewPage;
  reportsPage: ReportsPage;
  rulesPage: RulesPage;
  rulePage: RulePage;
  uploadPage: UploadPage;
  workloadPage: WorkloadPage;
  workloadsPage: WorkloadsPage;
}

export const test = base.extend<Fixtures>({
  clusterName: async ({}, use, testInfo) => {
    await use(createClusterName(testInfo));
  },
  inventory: async ({ request, clusterName }, use) => {
    await use(new InventoryApi(request, clusterName));
  },
  overviewPage: async ({ page }, use) => {
    await use(new OverviewPage(page));
  },
  reportsPage: async ({ page }, use) => {
    await use(new ReportsPage(page));
  },
  rulesPage: async ({ page }, use) => {
    await use(new RulesPage(page));
  },
  rulePage: async ({ page }, use) => {
    await use(new RulePage(page));
  },
  uploadPage: async ({ page }, use) => {
    await use(new UploadPage(page));
  },
  workloadPage: async ({ page }, use) => {
    await use(new WorkloadPage(page));
  },
  workloadsPage: async ({ page }, use) => {
    await use(new WorkloadsPage(page));
  },
});

export { expect };
