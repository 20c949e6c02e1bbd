"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { createWaiverAction, type WaiverActionState } from "@/lib/actions/waivers";
import { cn } from "@/lib/utils";

export interface WaiverFormProps {
  rules: { id: string; title: string }[];
  /** Pre-filled fields (from a link on a workload page). */
  initial: Partial<Record<"ruleId" | "workload" | "cluster" | "namespace" | "team", string>>;
  /** The earliest expiry date the form accepts (tomorrow, UTC), YYYY-MM-DD. */
  minDate: string;
}

const INPUT = "w-full min-w-0 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";

export function WaiverForm({ rules, initial, minDate }: WaiverFormProps) {
  const [state, formAction, isPending] = useActionState<WaiverActionState, FormData>(createWaiverAction, null);
  const values = state?.ok === false ? state.values : undefined;
  const errors = state?.ok === false ? state.fieldErrors : undefined;
  // A successful save clears the form (a new key remounts it); an error keeps what was typed.
  const value = (field: keyof WaiverFormProps["initial"] | "reason" | "approver" | "expires") =>
    values?.[field] ?? (state?.ok ? "" : ((initial as Record<string, string | undefined>)[field] ?? ""));

  const field = (name: string, label: string, input: React.ReactNode, hint?: string) => (
    <div className="flex min-w-0 flex-col gap-1">
      <label htmlFor={`waiver-${name}`} className="text-sm font-medium text-slate-700">
        {label}
      </label>
      {input}
      {hint ? <p className="text-xs text-slate-500">{hint}</p> : null}
      {errors?.[name]?.map((message) => (
        <p key={message} id={`waiver-${name}-error`} className="text-xs text-red-700">
          {message}
        </p>
      ))}
    </div>
  );
  const described = (name: string) => (errors?.[name] ? `waiver-${name}-error` : undefined);

  return (
    <form action={formAction} key={state?.ok ? state.message : "form"} aria-label="New waiver" className="flex flex-col gap-4">
      <div className="grid gap-4 md:grid-cols-2">
        {field(
          "ruleId",
          "Rule",
          <select
            id="waiver-ruleId"
            name="ruleId"
            required
            defaultValue={value("ruleId")}
            aria-describedby={described("ruleId")}
            className={INPUT}
          >
            <option value="" disabled>
              Pick a rule…
            </option>
            {rules.map((rule) => (
              <option key={rule.id} value={rule.id}>
                {rule.title} ({rule.id})
              </option>
            ))}
          </select>,
        )}
        {field(
          "expires",
          "Expires after",
          <input
            id="waiver-expires"
            name="expires"
            type="date"
            required
            min={minDate}
            defaultValue={value("expires")}
            aria-describedby={described("expires")}
            className={INPUT}
          />,
          "The waiver applies through that day (UTC), then stops applying by itself.",
        )}
      </div>
      <fieldset className="flex flex-col gap-2">
        <legend className="text-sm font-medium text-slate-700">Scope (at least one; every field given must match)</legend>
        <div className="grid gap-4 md:grid-cols-2">
          {field(
            "workload",
            "Workload identity",
            <input
              id="waiver-workload"
              name="workload"
              maxLength={600}
              placeholder="cluster/namespace/Kind/name"
              defaultValue={value("workload")}
              aria-describedby={described("workload")}
              className={INPUT}
            />,
          )}
          {field(
            "cluster",
            "Cluster",
            <input
              id="waiver-cluster"
              name="cluster"
              maxLength={253}
              defaultValue={value("cluster")}
              aria-describedby={described("cluster")}
              className={INPUT}
            />,
          )}
          {field(
            "namespace",
            "Namespace",
            <input
              id="waiver-namespace"
              name="namespace"
              maxLength={253}
              defaultValue={value("namespace")}
              aria-describedby={described("namespace")}
              className={INPUT}
            />,
          )}
          {field(
            "team",
            "Team",
            <input
              id="waiver-team"
              name="team"
              maxLength={253}
              defaultValue={value("team")}
              aria-describedby={described("team")}
              className={INPUT}
            />,
          )}
        </div>
        {errors?.scope?.map((message) => (
          <p key={message} className="text-xs text-red-700">
            {message}
          </p>
        ))}
      </fieldset>
      <div className="grid gap-4 md:grid-cols-[2fr_1fr]">
        {field(
          "reason",
          "Reason",
          <textarea
            id="waiver-reason"
            name="reason"
            required
            maxLength={1000}
            rows={2}
            defaultValue={value("reason")}
            aria-describedby={described("reason")}
            className={INPUT}
          />,
        )}
        {field(
          "approver",
          "Approver",
          <input
            id="waiver-approver"
            name="approver"
            required
            maxLength={200}
            defaultValue={value("approver")}
            aria-describedby={described("approver")}
            className={INPUT}
          />,
        )}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={isPending}>
          {isPending ? "Saving…" : "Create waiver"}
        </Button>
        <p role="status" aria-live="polite" className={cn("text-sm empty:hidden", state?.ok === false ? "text-red-700" : "text-slate-600")}>
          {state?.message}
        </p>
      </div>
    </form>
  );
}
