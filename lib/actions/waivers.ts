"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { z } from "zod";
import { createWaiver, revokeWaiver } from "@/lib/data/waivers";
import { formatCountOf } from "@/lib/format";
import { crossOriginProblem } from "@/lib/http/same-origin";
import { createWaiverSchema, waiverIdSchema } from "@/lib/validations/waivers";

export type WaiverActionState =
  | { ok: true; message: string }
  | { ok: false; message: string; fieldErrors?: Record<string, string[] | undefined>; values?: Record<string, string> }
  | null;

const FIELDS = ["ruleId", "workload", "cluster", "namespace", "team", "reason", "approver", "expires"] as const;

export async function createWaiverAction(_previous: WaiverActionState, form: FormData): Promise<WaiverActionState> {
  if (crossOriginProblem(await headers()) !== null) return { ok: false, message: "Cross-origin request refused." };
  const raw = Object.fromEntries(FIELDS.map((field) => [field, form.get(field)]));
  // What the user typed comes back with an error, so nothing they wrote is lost.
  const values = Object.fromEntries(
    FIELDS.map((field) => [field, typeof raw[field] === "string" ? (raw[field] as string).slice(0, 2000) : ""]),
  );
  const parsed = createWaiverSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      message: "The waiver was not saved: fix the fields below.",
      fieldErrors: z.flattenError(parsed.error).fieldErrors,
      values,
    };
  }
  let result: Awaited<ReturnType<typeof createWaiver>>;
  try {
    result = await createWaiver(parsed.data);
  } catch (error) {
    console.error("creating a waiver failed", error);
    return { ok: false, message: "The waiver could not be saved and nothing was changed. See the server log.", values };
  }
  if (!result.ok) return { ok: false, message: result.message, fieldErrors: { expires: [result.message] }, values };
  revalidatePath("/", "layout");
  return { ok: true, message: `Waiver #${result.id} saved; ${formatCountOf(result.workloadsChanged, "workload")} re-scored.` };
}

export async function revokeWaiverAction(_previous: WaiverActionState, form: FormData): Promise<WaiverActionState> {
  if (crossOriginProblem(await headers()) !== null) return { ok: false, message: "Cross-origin request refused." };
  const id = waiverIdSchema.safeParse(form.get("id"));
  if (!id.success) return { ok: false, message: "Not a valid waiver id: nothing was revoked." };
  let result: Awaited<ReturnType<typeof revokeWaiver>>;
  try {
    result = await revokeWaiver(id.data);
  } catch (error) {
    console.error(`revoking waiver #${id.data} failed`, error);
    return { ok: false, message: "The waiver could not be revoked and nothing was changed. See the server log." };
  }
  if (!result.ok) return { ok: false, message: result.message };
  revalidatePath("/", "layout");
  return { ok: true, message: `Waiver #${result.id} revoked; ${formatCountOf(result.workloadsChanged, "workload")} re-scored.` };
}
