import http from "node:http";
import { test, expect } from "./fixtures";

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
  errors: { source: string; line?: number; column?: number; message: string }[];
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
    expect(upload.errors).toEqual([expect.objectContaining({ source: "broken.yaml", line: expect.any(Number), message: expect.any(String) })]);
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
});
