import { beforeAll, expect, it } from "vitest";
import { createTestDatabase } from "./test-db";

let db: typeof import("@/lib/db").db;

beforeAll(async () => {
  createTestDatabase();
  ({ db } = await import("@/lib/db"));
});

it("opens a migrated database through the Prisma client", async () => {
  const cluster = await db.cluster.create({ data: { name: "c1" } });
  expect(await db.cluster.findUnique({ where: { id: cluster.id } })).toMatchObject({ name: "c1" });
});
