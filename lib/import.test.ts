import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/lib/testing/test-db";
import { scan } from "@/lib/scan";

let databaseFile: string;
let db: typeof import("@/lib/db").db;
let importUpload: typeof import("@/lib/import").importUpload;

beforeAll(async () => {
  databaseFile = createTestDatabase().slice("file:".length);
  ({ db } = await import("@/lib/db"));
  ({ importUpload } = await import("@/lib/import"));
});

function deployment(name: string, pod: string): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: shop
  labels:
    team: checkout
spec:
  replicas: 2
  template:
    spec:
${pod}
`;
}

const READY = deployment(
  "cart",
  `      containers:
        - name: cart
          image: cart:1
          resources:
            limits: { cpu: "1", memory: 512Mi }`,
);
const BLOCKED = deployment(
  "sniffer",
  `      hostNetwork: true
      containers:
        - name: sniffer
          image: sniffer:1
          resources:
            limits: { cpu: "1", memory: 512Mi }`,
);
const NEEDS_CHANGES = deployment(
  "cache",
  `      containers:
        - name: cache
          image: cache:1
          resources:
            limits: { cpu: "1", memory: 512Mi }
          volumeMounts:
            - { name: scratch, mountPath: /scratch }
      volumes:
        - name: scratch
          emptyDir: { medium: Memory }`,
);
const CONFIG_MAP = `apiVersion: v1
kind: ConfigMap
metadata: { name: settings, namespace: shop }
data: { a: "1" }
`;
const BROKEN = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: broken
  labels: [unclosed
`;

const GOOD_FILES = [
  { name: "apps.yaml", content: [READY, BLOCKED, CONFIG_MAP].join("---\n") },
  { name: "cache.yaml", content: NEEDS_CHANGES },
];

let clusterSeq = 0;
function uniqueCluster(): string {
  return `test-${++clusterSeq}`;
}

async function countRows() {
  const [clusters, uploads, files, workloads, findings, inventoryFindings] = await Promise.all([
    db.cluster.count(),
    db.upload.count(),
    db.uploadFile.count(),
    db.workload.count(),
    db.finding.count(),
    db.inventoryFinding.count(),
  ]);
  return { clusters, uploads, files, workloads, findings, inventoryFindings };
}

describe("importUpload", () => {
  it("stores the upload, its files, workloads and findings with the scan's counts", async () => {
    const cluster = uniqueCluster();
    const expected = scan(GOOD_FILES, { cluster, target: "kata-qemu-runtime-rs" });

    const result = await importUpload({ cluster, target: "kata-qemu-runtime-rs", files: GOOD_FILES });

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.counts).toMatchObject(expected.summary);
    expect(result.counts.ready).toBeGreaterThan(0);
    expect(result.counts.blocked).toBeGreaterThan(0);
    expect(result.counts.needsChanges).toBeGreaterThan(0);
    expect(result.counts.skipped).toBeGreaterThanOrEqual(1);

    const upload = await db.upload.findUniqueOrThrow({
      where: { id: result.uploadId },
      include: { files: true, workloads: { include: { findings: true } }, cluster: true },
    });
    expect(upload.cluster.name).toBe(cluster);
    expect(upload.workloadCount).toBe(expected.summary.workloads);
    expect(upload.files.map((file) => file.name).sort()).toEqual(["apps.yaml", "cache.yaml"]);
    expect(upload.files.every((file) => /^[0-9a-f]{64}$/.test(file.sha256))).toBe(true);
    expect(upload.workloads).toHaveLength(expected.workloads.length);

    const sniffer = upload.workloads.find((workload) => workload.name === "sniffer");
    const scanned = expected.workloads.find((workload) => workload.name === "sniffer");
    expect(sniffer).toMatchObject({
      identity: `${cluster}/shop/Deployment/sniffer`,
      readiness: "blocked",
      team: "checkout",
      isCurrent: true,
    });
    expect(sniffer?.findings.map((finding) => finding.ruleId).sort()).toEqual(scanned?.findings.map((finding) => finding.ruleId).sort());
    expect(sniffer?.blockerCount).toBe(scanned?.findings.filter((finding) => finding.severity === "blocker").length);
    expect(sniffer!.spec).toMatchObject({ name: "sniffer", kind: "Deployment" });
    expect(sniffer?.vmMemoryMiB).toBe(Math.round(scanned!.sizing.vmMemoryMiB));
    expect(sniffer?.replicas).toBe(scanned!.sizing.replicas);
  });

  it("imports the readable files and records the broken one's errors with line numbers", async () => {
    const cluster = uniqueCluster();
    const result = await importUpload({
      cluster,
      target: "kata-qemu-runtime-rs",
      files: [
        { name: "good.yaml", content: READY },
        { name: "broken.yaml", content: BROKEN },
      ],
    });

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.counts.workloads).toBe(1);
    expect(result.errors.length).toBeGreaterThan(0);
    expect(result.errors[0]).toMatchObject({ source: "broken.yaml", line: expect.any(Number) });

    const broken = await db.uploadFile.findFirstOrThrow({ where: { uploadId: result.uploadId, name: "broken.yaml" } });
    // Stored per file: the error without its position in the upload (the file row is that position).
    const brokenErrors = result.errors.filter((error) => error.file === 1).map(({ file: _file, ...error }) => error);
    expect(broken.errors).toEqual(brokenErrors);
    const upload = await db.upload.findUniqueOrThrow({ where: { id: result.uploadId } });
    expect(upload.errorCount).toBe(result.errors.length);
  });

  it("refuses an upload where no file could be read, writing nothing", async () => {
    const before = await countRows();
    const result = await importUpload({
      cluster: uniqueCluster(),
      target: "kata-qemu-runtime-rs",
      files: [
        { name: "broken.yaml", content: BROKEN },
        { name: "empty.yaml", content: "" },
      ],
    });

    expect(result).toMatchObject({ ok: false, reason: "unreadable" });
    if (result.ok || result.reason !== "unreadable") return;
    expect(result.errors.map((error) => error.source)).toEqual(expect.arrayContaining(["broken.yaml", "empty.yaml"]));
    expect(await countRows()).toEqual(before);
  });

  it("detects identical content for the same cluster, whatever the file order and names", async () => {
    const cluster = uniqueCluster();
    const first = await importUpload({ cluster, target: "kata-qemu-runtime-rs", files: GOOD_FILES });
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    const before = await countRows();

    const renamed = [...GOOD_FILES].reverse().map((file, index) => ({ name: `copy-${index}.yaml`, content: file.content }));
    const again = await importUpload({ cluster, target: "kata-qemu-runtime-rs", files: renamed });

    expect(again).toMatchObject({ ok: false, reason: "duplicate", duplicateOf: first.uploadId });
    expect(await countRows()).toEqual(before);

    const otherCluster = await importUpload({ cluster: uniqueCluster(), target: "kata-qemu-runtime-rs", files: GOOD_FILES });
    expect(otherCluster.ok).toBe(true);
  });

  it("imports identical content again under another target profile", async () => {
    const cluster = uniqueCluster();
    const first = await importUpload({ cluster, target: "kata-qemu-runtime-rs", files: GOOD_FILES });
    const other = await importUpload({ cluster, target: "kata-fc", files: GOOD_FILES });

    expect(first.ok && other.ok).toBe(true);
    if (!first.ok || !other.ok) return;
    expect(other.uploadId).not.toBe(first.uploadId);
    const again = await importUpload({ cluster, target: "kata-fc", files: GOOD_FILES });
    expect(again).toMatchObject({ ok: false, reason: "duplicate", duplicateOf: other.uploadId });
  });

  it("makes a re-upload the cluster's current snapshot and leaves other clusters alone", async () => {
    const cluster = uniqueCluster();
    const other = uniqueCluster();
    const otherUpload = await importUpload({ cluster: other, target: "kata-qemu-runtime-rs", files: GOOD_FILES });
    const first = await importUpload({ cluster, target: "kata-qemu-runtime-rs", files: GOOD_FILES });
    const second = await importUpload({ cluster, target: "kata-qemu-runtime-rs", files: [{ name: "apps.yaml", content: BLOCKED }] });
    if (!otherUpload.ok || !first.ok || !second.ok) throw new Error("setup uploads failed");

    const current = (uploadId: number, isCurrent: boolean) =>
      Promise.all([
        db.workload.count({ where: { uploadId, isCurrent } }),
        db.finding.count({ where: { workload: { uploadId }, isCurrent } }),
      ]);
    expect(await current(first.uploadId, true)).toEqual([0, 0]);
    const [firstWorkloads] = await current(first.uploadId, false);
    expect(firstWorkloads).toBe(first.counts.workloads);

    const [secondWorkloads, secondFindings] = await current(second.uploadId, true);
    expect(secondWorkloads).toBe(1);
    expect(secondFindings).toBeGreaterThan(0);
    expect(await current(second.uploadId, false)).toEqual([0, 0]);

    const [otherWorkloads] = await current(otherUpload.uploadId, true);
    expect(otherWorkloads).toBe(otherUpload.counts.workloads);
  });

  it("rolls everything back when a write fails mid-way", async () => {
    const cluster = uniqueCluster();
    const first = await importUpload({ cluster, target: "kata-qemu-runtime-rs", files: [{ name: "a.yaml", content: READY }] });
    if (!first.ok) throw new Error("setup upload failed");
    const before = await countRows();

    // Findings are written after the cluster, upload, files and workloads: fail there.
    await db.$executeRawUnsafe(
      `CREATE TRIGGER fail_findings BEFORE INSERT ON "Finding" BEGIN SELECT RAISE(ABORT, 'injected failure'); END`,
    );
    try {
      await expect(importUpload({ cluster, target: "kata-qemu-runtime-rs", files: GOOD_FILES })).rejects.toThrow();
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER fail_findings`);
    }

    expect(await countRows()).toEqual(before);
    expect(await db.workload.count({ where: { uploadId: first.uploadId, isCurrent: true } })).toBe(first.counts.workloads);
  });

  it("keeps same-named files apart: each stores only its own errors and its own hash", async () => {
    const cluster = uniqueCluster();
    const compose = (service: string, broken: boolean) =>
      broken ? `services:\n  ${service}:\n    image: [unclosed\n` : `services:\n  ${service}:\n    image: ${service}:1\n`;
    const files = [
      { name: "docker-compose.yml", content: compose("web", false) },
      { name: "docker-compose.yml", content: compose("db", true) },
      { name: "docker-compose.yml", content: compose("cache", false) },
      { name: "docker-compose.yml (2)", content: compose("queue", true) },
    ];
    const result = await importUpload({ cluster, target: "kata-qemu-runtime-rs", files });
    if (!result.ok) throw new Error(result.message);

    expect(result.errors.map((error) => [error.file, error.source])).toEqual([
      [1, "docker-compose.yml (3)"],
      [3, "docker-compose.yml (2)"],
    ]);
    const rows = await db.uploadFile.findMany({ where: { uploadId: result.uploadId }, orderBy: { id: "asc" } });
    expect(rows.map((row) => row.name)).toEqual([
      "docker-compose.yml",
      "docker-compose.yml (3)",
      "docker-compose.yml (4)",
      "docker-compose.yml (2)",
    ]);
    expect(rows.map((row) => (row.errors as unknown[]).length)).toEqual([0, 1, 0, 1]);
    const { hashContent } = await import("@/lib/import");
    expect(rows.map((row) => row.sha256)).toEqual(files.map((file) => hashContent(file.content)));
    const sources = await db.workload.findMany({
      where: { uploadId: result.uploadId },
      select: { source: true },
      orderBy: { name: "asc" },
    });
    expect(sources.map((workload) => workload.source)).toEqual(["docker-compose.yml (4)", "docker-compose.yml"]);
  });

  // 20,000 files named a.yaml once exhausted the heap: every file stored the errors of all of them.
  it("imports thousands of same-named files with one error each", async () => {
    const files = Array.from({ length: 3000 }, (_, index) => ({ name: "a.yaml", content: index === 0 ? READY : `a: [${index}` }));
    const result = await importUpload({ cluster: uniqueCluster(), target: "kata-qemu-runtime-rs", files });
    if (!result.ok) throw new Error(result.message);

    expect(result.errors).toHaveLength(2999);
    expect(result.errors.every((error, index) => error.file === index + 1)).toBe(true);
    const perFile = await db.$queryRawUnsafe<{ n: number }[]>(
      `SELECT json_array_length("errors") AS n FROM "UploadFile" WHERE "uploadId" = ? ORDER BY "id"`,
      result.uploadId,
    );
    expect(perFile.map((row) => Number(row.n))).toEqual([0, ...Array(2999).fill(1)]);
  });

  it("refuses an upload without workloads and leaves the current view alone", async () => {
    const cluster = uniqueCluster();
    const first = await importUpload({ cluster, target: "kata-qemu-runtime-rs", files: GOOD_FILES });
    if (!first.ok) throw new Error(first.message);
    const before = await countRows();

    const packageJson = { name: "package.json", content: JSON.stringify({ name: "app", version: "1.0.0" }) };
    const configOnly = { name: "settings.yaml", content: CONFIG_MAP };
    const result = await importUpload({ cluster, target: "kata-qemu-runtime-rs", files: [packageJson, configOnly] });

    expect(result).toMatchObject({ ok: false, reason: "no-workloads", counts: { workloads: 0, skipped: 1 } });
    if (result.ok || result.reason !== "no-workloads") return;
    expect(result.errors).toEqual([
      expect.objectContaining({ file: 0, source: "package.json", message: expect.stringMatching(/not a Kubernetes/) }),
      expect.objectContaining({ file: 1, source: "settings.yaml", message: "no workloads in this file" }),
    ]);
    expect(await countRows()).toEqual(before);
    expect(await db.workload.count({ where: { uploadId: first.uploadId, isCurrent: true } })).toBe(first.counts.workloads);
  });

  it("answers busy, writing nothing, while another connection holds the write lock", async () => {
    const before = await countRows();
    const holder = new Database(databaseFile);
    holder.prepare("BEGIN IMMEDIATE").run();
    process.env.KATA_READINESS_DB_BUSY_TIMEOUT_MS = "200";
    try {
      const result = await importUpload({ cluster: uniqueCluster(), target: "kata-qemu-runtime-rs", files: GOOD_FILES });
      expect(result).toMatchObject({ ok: false, reason: "busy", message: expect.stringMatching(/retry/i) });
    } finally {
      delete process.env.KATA_READINESS_DB_BUSY_TIMEOUT_MS;
      holder.prepare("ROLLBACK").run();
      holder.close();
    }
    expect(await countRows()).toEqual(before);
  });
});
