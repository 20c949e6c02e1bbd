// The JSON columns (Prisma `Json`; SQLite stores them as text, written as JSON.stringify text by the
// import worker's raw SQL too) and one zod schema for each. Rows are parsed with these where they leave
// the data layer: a value of the wrong shape reads as a fallback (or as an error where it is re-scored),
// so one bad row cannot break a page. Text that is not JSON at all makes Prisma's read throw: only
// JSON.stringify output may be written to these columns.
import { z } from "zod";
import type { InputError, InventoryContext, Workload } from "@/lib/inventory/types";
import type { Sizing } from "@/lib/scoring/sizing";
import { teamLabelKeysSchema } from "@/lib/validations/owners";

const record = z.record(z.string(), z.unknown());
const stringRecord = z.record(z.string(), z.string());

/** Workload.spec: the normalised workload (lib/inventory/types.ts) the rules ran over. */
export const workloadSpecSchema = z.looseObject({
  id: z.string(),
  platform: z.enum(["kubernetes", "docker", "compose"]),
  object: record,
  pods: z.array(z.looseObject({ path: z.string(), spec: record })),
  annotations: stringRecord,
  labels: stringRecord,
  pathPrefix: z.string(),
});

/** Workload.sizing: the estimate under the upload's target profile (lib/scoring/sizing.ts). */
export const workloadSizingSchema = z.looseObject({
  vmVcpus: z.number(),
  vmMemoryMiB: z.number(),
  overheadMemoryMiB: z.number(),
  overheadMilliCpu: z.number(),
  schedulerMemoryMiB: z.number(),
  schedulerMilliCpu: z.number(),
  replicas: z.number(),
  perNode: z.boolean(),
});

/** Upload.inventoryContext: parts an older version did not store are absent (read as empty). */
export const inventoryContextSchema = z.looseObject({
  configMaps: record.optional(),
  secrets: record.optional(),
  runtimeClasses: z.array(z.unknown()).optional(),
  nodes: z.array(z.unknown()).optional(),
  engines: z.array(z.unknown()).optional(),
  duplicates: z.array(z.unknown()).optional(),
  persistentVolumeClaims: record.optional(),
  ciliumConfigs: z.array(z.unknown()).optional(),
});

/** UploadFile.skipped: kind -> count of non-workload objects skipped. */
export const uploadFileSkippedSchema = z.record(z.string(), z.number());

/** UploadFile.errors: the file's input errors. */
export const uploadFileErrorsSchema = z.array(
  z.object({ source: z.string(), line: z.number().optional(), column: z.number().optional(), message: z.string() }),
);

/** Setting.value: one schema per key. */
export const settingValueSchemas = { teamLabelKeys: teamLabelKeysSchema } as const;

/** The value if it matches the column's schema, else the fallback. */
export function readJson<T>(schema: z.ZodType<T>, value: unknown, fallback: T): T {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : fallback;
}

export function readWorkloadSpec(value: unknown): Workload | null {
  return readJson(workloadSpecSchema, value, null) as Workload | null;
}

export function readSizing(value: unknown): Sizing | null {
  return readJson(workloadSizingSchema, value, null) as Sizing | null;
}

export function readInventoryContext(value: unknown): Partial<InventoryContext> | null {
  return readJson(inventoryContextSchema, value, null) as Partial<InventoryContext> | null;
}

export function readUploadFileErrors(value: unknown): InputError[] {
  return readJson(uploadFileErrorsSchema, value, []);
}
