import { z } from "zod";
import { DEFAULT_PROFILE_ID, PROFILES, type ProfileId } from "@/lib/scoring/profiles";

const PROFILE_IDS = PROFILES.map((profile) => profile.id) as [ProfileId, ...ProfileId[]];

export const DEFAULT_MAX_UPLOAD_MB = 100;

/** Byte limit of one upload request, from `KATA_READINESS_MAX_UPLOAD_MB` (default 100 MB). */
export function getMaxUploadBytes(): number {
  const mb = Number(process.env.KATA_READINESS_MAX_UPLOAD_MB);
  return Math.round((Number.isFinite(mb) && mb > 0 ? mb : DEFAULT_MAX_UPLOAD_MB) * 1024 * 1024);
}

export const DEFAULT_MAX_UPLOAD_FILES = 10_000;

/** Files in one upload request, from `KATA_READINESS_MAX_UPLOAD_FILES` (default 10,000). */
export function getMaxUploadFiles(): number {
  const count = Number(process.env.KATA_READINESS_MAX_UPLOAD_FILES);
  return Number.isInteger(count) && count > 0 ? count : DEFAULT_MAX_UPLOAD_FILES;
}

export const clusterNameSchema = z
  .string({ error: "Cluster name is required." })
  .trim()
  .min(1, "Cluster name is required.")
  .max(100, "Cluster name is at most 100 characters.")
  // The name is part of workload identities (`cluster/namespace/Kind/name`) and of URLs.
  .regex(/^[^/\s]*$/, "Cluster name cannot contain slashes or spaces.");

export const targetSchema = z.enum(PROFILE_IDS, {
  error: (issue) => `Unknown target profile "${String(issue.input)}". One of: ${PROFILE_IDS.join(", ")}.`,
});

export const uploadFieldsSchema = z.object({
  cluster: clusterNameSchema,
  target: z.preprocess((value) => (value === null || value === "" ? undefined : value), targetSchema.default(DEFAULT_PROFILE_ID)),
});

export type UploadFieldsSchema = z.infer<typeof uploadFieldsSchema>;

export const uploadIdSchema = z.coerce.number().int().positive();

/** The re-score form: which upload to score again under the running catalog. */
export const rescoreUploadSchema = z.object({ uploadId: uploadIdSchema });

export type RescoreUploadSchema = z.infer<typeof rescoreUploadSchema>;

export const uploadsSearchParamsSchema = z.object({
  page: z.coerce.number().int().min(1).catch(1),
  perPage: z.coerce.number().int().min(1).max(100).catch(25),
});

export type UploadsSearchParams = z.infer<typeof uploadsSearchParamsSchema>;

export const UPLOAD_FILES_PER_PAGE = 100;

/** `?files=N` on /uploads/[id]: the page of the upload's file list. */
export const uploadFilesSearchParamsSchema = z.object({
  files: z.coerce.number().int().min(1).max(1_000_000).catch(1),
});

/** The confirmation step's hidden field: a bare POST without it deletes nothing. */
export const deleteUploadSchema = z.object({ uploadId: uploadIdSchema, confirm: z.literal("delete") });

export const UPLOAD_DIFF_LISTS = ["new", "regressed", "new-rule", "resolved", "new-workloads", "removed-workloads"] as const;
export type UploadDiffList = (typeof UPLOAD_DIFF_LISTS)[number];
export const UPLOAD_DIFF_PER_PAGE = 50;

/** `?diff=new&diffPage=N` on /uploads/[id]: which list of changes, and its page. */
export const uploadDiffSearchParamsSchema = z.object({
  diff: z.enum(UPLOAD_DIFF_LISTS).catch("new"),
  diffPage: z.coerce.number().int().min(1).max(1_000_000).catch(1),
});
