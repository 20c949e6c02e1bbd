"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import {
  importOwnersCsv,
  previewOwnersCsv,
  saveTeamLabelKeys,
  setNamespaceTeam,
  setWorkloadOwner,
  type OwnersChange,
} from "@/lib/data/owners";
import { currentActor } from "@/lib/data/tracking";
import { crossOriginProblem } from "@/lib/http/same-origin";
import type { NamespaceTeamRow, RowError, WorkloadOwnerRow } from "@/lib/owners";
import {
  namespaceTeamDeleteSchema,
  namespaceTeamSchema,
  ownersCsvSchema,
  ownersImportSchema,
  workloadOwnerSchema,
} from "@/lib/validations/owners";

export type OwnersActionState = { ok: boolean; message: string } | null;

const REFUSED = { ok: false, message: "Cross-origin request refused." } as const;
const PREVIEW_ROWS = 200;

async function guarded(run: () => Promise<OwnersChange>): Promise<OwnersActionState> {
  if (crossOriginProblem(await headers()) !== null) return REFUSED;
  try {
    const result = await run();
    if (result.ok) revalidatePath("/", "layout");
    return { ok: result.ok, message: result.message };
  } catch (error) {
    console.error("changing owners failed", error);
    return { ok: false, message: "The change failed and nothing was written. See the server log." };
  }
}

export async function saveLabelKeysAction(_previous: OwnersActionState, form: FormData): Promise<OwnersActionState> {
  const keys = String(form.get("labelKeys") ?? "")
    .split(/[\n,]/)
    .map((key) => key.trim())
    .filter((key) => key !== "");
  return guarded(() => saveTeamLabelKeys(keys, currentActor()));
}

export async function setNamespaceTeamAction(_previous: OwnersActionState, form: FormData): Promise<OwnersActionState> {
  const parsed = namespaceTeamSchema.safeParse({
    clusterId: form.get("clusterId"),
    namespace: form.get("namespace"),
    team: form.get("team"),
  });
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? "Invalid mapping." };
  return guarded(() => setNamespaceTeam(parsed.data.clusterId, parsed.data.namespace, parsed.data.team, currentActor()));
}

export async function removeNamespaceTeamAction(_previous: OwnersActionState, form: FormData): Promise<OwnersActionState> {
  const parsed = namespaceTeamDeleteSchema.safeParse({ clusterId: form.get("clusterId"), namespace: form.get("namespace") });
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? "Invalid mapping." };
  return guarded(() => setNamespaceTeam(parsed.data.clusterId, parsed.data.namespace, null, currentActor()));
}

export async function setWorkloadOwnerAction(_previous: OwnersActionState, form: FormData): Promise<OwnersActionState> {
  const parsed = workloadOwnerSchema.safeParse({
    workloadId: form.get("workloadId"),
    team: form.get("team") ?? "",
    owner: form.get("owner") ?? "",
  });
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? "Invalid owner." };
  return guarded(() => setWorkloadOwner(parsed.data.workloadId, parsed.data.team, parsed.data.owner, currentActor()));
}

export type OwnersPreviewState =
  | {
      ok: true;
      kind: "workloads" | "namespaces";
      rowCount: number;
      rows: (WorkloadOwnerRow | NamespaceTeamRow)[];
      errors: RowError[];
      csv: string;
    }
  | { ok: false; message: string; errors: RowError[] }
  | null;

/** Reads the CSV and checks every row; writes nothing. */
export async function previewOwnersCsvAction(_previous: OwnersPreviewState, form: FormData): Promise<OwnersPreviewState> {
  if (crossOriginProblem(await headers()) !== null) return { ...REFUSED, errors: [] };
  const file = form.get("file");
  const text = file instanceof File && file.size > 0 ? await file.text() : String(form.get("csv") ?? "");
  const parsed = ownersCsvSchema.safeParse({ csv: text });
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? "Not a CSV.", errors: [] };
  const preview = await previewOwnersCsv(parsed.data.csv);
  if (preview.kind === null) return { ok: false, message: "The file cannot be imported.", errors: preview.errors };
  return {
    ok: true,
    kind: preview.kind,
    rowCount: preview.rows.length,
    rows: preview.rows.slice(0, PREVIEW_ROWS),
    errors: preview.errors.slice(0, PREVIEW_ROWS),
    csv: parsed.data.csv,
  };
}

export async function importOwnersCsvAction(_previous: OwnersActionState, form: FormData): Promise<OwnersActionState> {
  const parsed = ownersImportSchema.safeParse({ csv: form.get("csv"), expectedRows: form.get("expectedRows") });
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? "Preview the file first." };
  return guarded(() => importOwnersCsv(parsed.data.csv, parsed.data.expectedRows, currentActor()));
}
