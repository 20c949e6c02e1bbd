import { z } from "zod";

// A Kubernetes label key: an optional DNS-subdomain prefix and a name of up to 63 characters.
const LABEL_KEY = /^(?:[a-z0-9](?:[-a-z0-9.]{0,251}[a-z0-9])?\/)?[A-Za-z0-9](?:[-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;

/** Setting "teamLabelKeys": the labels a workload's team is read from, first set one wins. */
export const teamLabelKeysSchema = z
  .array(z.string().trim().max(317).regex(LABEL_KEY, "not a Kubernetes label key"))
  .min(1, "give at least one label key")
  .max(20, "at most 20 label keys")
  .refine((keys) => new Set(keys).size === keys.length, "a label key is given twice");

const name = (what: string) => z.string().trim().min(1, `${what} is required`).max(253, `${what} is at most 253 characters`);
const optional = z
  .string()
  .trim()
  .max(253, "at most 253 characters")
  .transform((value) => (value === "" ? null : value));

export const clusterIdSchema = z.coerce.number().int().positive();

export const namespaceTeamSchema = z.object({ clusterId: clusterIdSchema, namespace: name("Namespace"), team: name("Team") });
export const namespaceTeamDeleteSchema = z.object({ clusterId: clusterIdSchema, namespace: name("Namespace") });

/** The per-workload override; both empty removes it. */
export const workloadOwnerSchema = z.object({ workloadId: z.coerce.number().int().positive(), team: optional, owner: optional });

export const MAX_OWNERS_CSV_BYTES = 5 * 1024 * 1024;
export const ownersCsvSchema = z.object({
  csv: z.string().min(1, "paste or choose a CSV file").max(MAX_OWNERS_CSV_BYTES, "the CSV is larger than 5 MB: split it"),
});
/** The import step repeats the count the preview showed: a file changed in between is refused. */
export const ownersImportSchema = ownersCsvSchema.extend({ expectedRows: z.coerce.number().int().min(1) });
