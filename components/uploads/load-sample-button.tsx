"use client";

import { useActionState } from "react";
import { Button, type ButtonVariant } from "@/components/ui/button";
import { loadSampleInventory, type LoadSampleState } from "@/lib/actions/load-sample";
import { cn } from "@/lib/utils";

export interface LoadSampleButtonProps {
  variant?: ButtonVariant;
  className?: string;
}

export function LoadSampleButton({ variant = "secondary", className }: LoadSampleButtonProps) {
  const [state, formAction, isPending] = useActionState<LoadSampleState, FormData>(loadSampleInventory, null);
  return (
    <form action={formAction} className={cn("flex flex-col items-center gap-2", className)}>
      <Button type="submit" variant={variant} disabled={isPending}>
        {isPending ? "Loading sample…" : "Load sample inventory"}
      </Button>
      <p aria-live="polite" className={cn("text-sm empty:hidden", state?.ok === false ? "text-red-700" : "text-slate-600")}>
        {state?.message}
      </p>
    </form>
  );
}
