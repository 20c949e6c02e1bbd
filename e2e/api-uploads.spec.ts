import Database from "better-sqlite3";
import http from "node:http";
import path from "node:path";
import { E2E_DATABASE_URL } from "./e2e-env";
import { test, expect } from "./fixtures";

// The server's SQLite file: tests that need a real database failure set it up there, scoped to their cluster.
const E2E_DATABASE_FILE = path.resolve(__dirname, "..", E2E_DATABASE_URL.replace(/^file:/, ""));

// Same default as lib/validations/uploads.ts; set the variable for both the server and the tests to change it.
const MAX_UPLOAD_BYTES = (Number(process.env.KATA_READINESS_MAX_UPLOAD_MB) || 100) * 1024 * 1024;

const DEPLOYMENTS = `apiVersion: apps/v1
kind: Deployment
metadata: { name: api, namespace: shop, labels: { team: checkout } }
spec:
  template:
    spec:
      containers:
        - name: api
          image: shop/api:1
          resources: { limits: { cpu: "1", memory: 512Mi } }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: sniffer, namespace: shop }
spec:
  template:
    spec:
      hostNetwork: true
      containers:
        - name: sniffer
          image: shop/sniffer:1
          resources: { limits: { cpu: "1", memory: 512Mi } }
---
apiVersion: v1
kind: ConfigMap
metadata: { name: settings, namespace: shop }
data: { mode: fast }
`;

const BROKEN = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: broken
  labels: [unclosed
`;

interface UploadBody {
  uploadId: number;
  cluster: string;
  counts: { workloads: number; ready: number; needsChanges: number; blocked: number; migrated: number; skipped: number };
  errors: { source: string; file: number | null; line?: number; column?: number; message: string }[];
}

function compose(service: string, broken = false): string {
  return broken ? `services:\n  ${service}:\n    image: [unclosed\n` : `services:\n  ${service}:\n    image: ${service}:1\n`;
}

/** A multipart body by hand: many parts, or headers a browser would send. */
function multipart(parts: { name: string; filename?: string; content: string }[]): { body: Buffer; contentType: string } {
  const boundary = "----kata-readiness-e2e";
  const chunks = parts.map(({ name, filename, content }) => {
    const disposition = `form-data; name="${name}"${filename === undefined ? "" : `; filename="${filename}"`}`;
    return `--${boundary}\r\nContent-Disposition: ${disposition}\r\n\r\n${content}\r\n`;
  });
  return { body: Buffer.from(`${chunks.join("")}--${boundary}--\r\n`), contentType: `multipart/form-data; boundary=${boundary}` };
}

test.describe("POST /api/uploads", () => {
  test("imports a good upload and answers 201 with counts", async ({ inventory, clusterName }) => {
    const { status, body } = await inventory.upload({ files: [{ name: "shop.yaml", content: DEPLOYMENTS }] });

    expect(status).toBe(201);
    const upload = body as UploadBody;
    expect(upload).toMatchObject({
      cluster: clusterName,
      counts: { workloads: 2, ready: 1, needsChanges: 0, blocked: 1, migrated: 0, skipped: 1 },
      errors: [],
    });
    expect(upload.uploadId).toBeGreaterThan(0);
  });

  test("imports the readable files of a partly bad upload and lists the errors with positions", async ({ inventory }) => {
    const { status, body } = await inventory.upload({
      files: [
        { name: "shop.yaml", content: DEPLOYMENTS },
        { name: "broken.yaml", content: BROKEN },
      ],
    });

    expect(status).toBe(201);
    const upload = body as UploadBody;
    expect(upload.counts.workloads).toBe(2);
    expect(upload.errors).toEqual([
      expect.objectContaining({ source: "broken.yaml", line: expect.any(Number), message: expect.any(String) }),
    ]);
  });

  test("refuses an upload where nothing could be read (400), with per-file errors", async ({ inventory }) => {
    const { status, body } = await inventory.upload({ files: [{ name: "broken.yaml", content: BROKEN }] });

    expect(status).toBe(400);
    expect(body).toMatchObject({ errors: [expect.objectContaining({ source: "broken.yaml", line: expect.any(Number) })] });
  });

  test("answers 409 with the earlier upload for identical content of the same cluster", async ({ inventory }) => {
    const first = await inventory.uploadOrFail({ files: [{ name: "shop.yaml", content: DEPLOYMENTS }] });
    const again = await inventory.upload({ files: [{ name: "renamed.yaml", content: DEPLOYMENTS }] });

    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ duplicateOf: (first.body as UploadBody).uploadId });
  });

  test("answers 422 for an unknown target profile and for an empty cluster name", async ({ inventory }) => {
    const badTarget = await inventory.upload({ files: [{ name: "shop.yaml", content: DEPLOYMENTS }], target: "kata-nonsense" });
    expect(badTarget.status).toBe(422);
    expect(badTarget.body).toMatchObject({ fieldErrors: { target: [expect.stringContaining("kata-nonsense")] } });

    const noCluster = await inventory.upload({ files: [{ name: "shop.yaml", content: DEPLOYMENTS }], cluster: "  " });
    expect(noCluster.status).toBe(422);
    expect(noCluster.body).toMatchObject({ fieldErrors: { cluster: [expect.any(String)] } });
  });

  test("answers 413 when the body is over the size limit", async ({ request, clusterName }) => {
    const response = await request.post("/api/uploads", {
      multipart: {
        cluster: clusterName,
        files: { name: "huge.yaml", mimeType: "application/yaml", buffer: Buffer.alloc(MAX_UPLOAD_BYTES + 1, "#") },
      },
    });

    expect(response.status()).toBe(413);
    expect(await response.json()).toMatchObject({ error: expect.stringContaining("limit") });
  });

  test("answers 413 to a chunked body without Content-Length once it passes the limit", async ({ baseURL }) => {
    const status = await new Promise<number>((resolve, reject) => {
      const request = http.request(`${baseURL}/api/uploads`, {
        method: "POST",
        headers: { "content-type": "multipart/form-data; boundary=x", "transfer-encoding": "chunked" },
      });
      request.on("response", (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      request.on("error", reject);
      const chunk = Buffer.alloc(1024 * 1024, "#");
      let sent = 0;
      // Keep sending until the server answers, but never far past the limit.
      const send = () => {
        while (sent <= MAX_UPLOAD_BYTES + chunk.length) {
          sent += chunk.length;
          if (!request.write(chunk)) return void request.once("drain", send);
        }
        request.end();
      };
      send();
    });

    expect(status).toBe(413);
  });

  test("keeps same-named files apart: three docker-compose.yml, each with its own errors", async ({ inventory, page }) => {
    const { status, body } = await inventory.upload({
      files: [
        { name: "docker-compose.yml", content: compose("web") },
        { name: "docker-compose.yml", content: compose("db", true) },
        { name: "docker-compose.yml", content: compose("cache") },
      ],
    });

    expect(status).toBe(201);
    const upload = body as UploadBody;
    expect(upload.counts.workloads).toBe(2);
    expect(upload.errors).toEqual([expect.objectContaining({ file: 1, source: "docker-compose.yml (2)", line: expect.any(Number) })]);
    // The upload page lists three files, and only the second with an error.
    await page.goto(`/uploads/${upload.uploadId}`);
    for (const name of ["docker-compose.yml", "docker-compose.yml (2)", "docker-compose.yml (3)"]) {
      await expect(page.getByRole("rowheader", { name, exact: true })).toBeVisible();
    }
  });

  test("answers 413 to more files than the limit, and keeps answering", async ({ request, clusterName }) => {
    // 20,000 tiny parts named a.yaml once killed the server.
    const { body, contentType } = multipart([
      { name: "cluster", content: clusterName },
      ...Array.from({ length: 20_000 }, () => ({ name: "files", filename: "a.yaml", content: "a: 1" })),
    ]);
    const response = await request.post("/api/uploads", { data: body, headers: { "content-type": contentType } });

    expect(response.status()).toBe(413);
    expect(await response.json()).toMatchObject({ error: expect.stringContaining("KATA_READINESS_MAX_UPLOAD_FILES") });
    expect((await request.get("/uploads")).status()).toBe(200);
  });

  test("refuses browser requests from another origin (403) and writes nothing", async ({ request, clusterName, baseURL }) => {
    const form = multipart([
      { name: "cluster", content: clusterName },
      { name: "files", filename: "shop.yaml", content: DEPLOYMENTS },
    ]);
    const post = (headers: Record<string, string>) =>
      request.post("/api/uploads", { data: form.body, headers: { "content-type": form.contentType, ...headers } });

    const refusedHeaders: Record<string, string>[] = [
      { origin: "http://evil.example", "sec-fetch-site": "cross-site" },
      { origin: "http://evil.example" },
      { origin: "null" },
      { "sec-fetch-site": "cross-site" },
      { "sec-fetch-site": "same-site", origin: baseURL! },
    ];
    for (const headers of refusedHeaders) {
      const refused = await post(headers);
      expect(refused.status(), JSON.stringify(headers)).toBe(403);
      expect(await refused.json()).toMatchObject({ error: expect.stringContaining("Cross-origin") });
    }
    // Nothing was stored: the same content from the dashboard's own origin is new, not a duplicate.
    const sameOrigin = await post({ origin: baseURL!, "sec-fetch-site": "same-origin" });
    expect(sameOrigin.status()).toBe(201);
  });

  test("refuses an upload without workloads (422) and keeps the cluster's current view", async ({ inventory, request, clusterName }) => {
    await inventory.uploadOrFail({ files: [{ name: "shop.yaml", content: DEPLOYMENTS }] });

    const { status, body } = await inventory.upload({ files: [{ name: "package.json", content: '{"name": "app", "version": "1.0.0"}' }] });

    expect(status).toBe(422);
    expect(body).toMatchObject({
      error: expect.stringContaining("No workloads"),
      errors: [expect.objectContaining({ source: "package.json", file: 0 })],
    });
    const workloads = await request.get(`/workloads?cluster=${clusterName}`);
    expect(await workloads.text()).toContain("sniffer");
  });

  test("answers an unexpected failure with 500, an error id and no blamed file", async ({ inventory, clusterName }) => {
    // A real failure inside the write, for this test's cluster only (other tests run alongside).
    const trigger = `fail_${clusterName.replace(/\W/g, "_")}`;
    const sqlite = new Database(E2E_DATABASE_FILE, { timeout: 10_000 });
    sqlite.exec(
      `CREATE TRIGGER "${trigger}" BEFORE INSERT ON "Workload" WHEN NEW."clusterName" = '${clusterName}'
       BEGIN SELECT RAISE(ABORT, 'injected failure'); END`,
    );
    try {
      const { status, body } = await inventory.upload({ files: [{ name: "shop.yaml", content: DEPLOYMENTS }] });

      expect(status).toBe(500);
      expect(body).toEqual({ error: expect.stringContaining("Internal error"), errorId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
      expect(JSON.stringify(body)).not.toContain("shop.yaml");
    } finally {
      sqlite.exec(`DROP TRIGGER "${trigger}"`);
      sqlite.close();
    }
  });

  test("refuses objects over Kubernetes' size limits with their line, and cuts long values on the pages", async ({
    inventory,
    request,
    clusterName,
  }) => {
    // A 30 MB metadata.name was once stored; /workloads then weighed 63 MB for everyone.
    const hugeName = "a".repeat(1_000_000);
    const docker = JSON.stringify([
      {
        Id: "c0ffee",
        Name: "/labelled",
        Config: { Image: "web:1", Labels: { team: "t".repeat(100_000) } },
        HostConfig: {},
        State: { Status: "running" },
      },
    ]);
    const { status, body } = await inventory.upload({
      files: [
        { name: "shop.yaml", content: DEPLOYMENTS },
        {
          name: "huge.yaml",
          content: `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${hugeName}\nspec: { containers: [{ name: a, image: a }] }\n`,
        },
        { name: "inspect.json", content: docker },
      ],
    });

    expect(status).toBe(201);
    const upload = body as UploadBody;
    expect(upload.counts.workloads).toBe(3);
    expect(upload.errors).toEqual([
      expect.objectContaining({
        source: "huge.yaml",
        file: 1,
        line: 1,
        message: expect.stringContaining("metadata.name is 1000000 characters long (at most 253)"),
      }),
    ]);
    expect(JSON.stringify(body).length).toBeLessThan(10_000);

    // The 100 KB team label is stored but cut in the table.
    const page = await (await request.get(`/workloads?cluster=${clusterName}`)).text();
    expect(page).toContain("labelled");
    expect(page).not.toContain("t".repeat(1000));
  });

  test("refuses a file name longer than a file system allows (422)", async ({ inventory }) => {
    const { status, body } = await inventory.upload({ files: [{ name: `${"n".repeat(300)}.yaml`, content: DEPLOYMENTS }] });
    expect(status).toBe(422);
    expect(body).toMatchObject({ error: expect.stringContaining("at most 255") });
  });
});
