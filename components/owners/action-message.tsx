import { cn } from "@/lib/utils";

export function ActionMessage({ state }: { state: { ok: boolean; message: string } | null }) {
  return (
    <p role="status" aria-live="polite" className={cn("text-sm empty:hidden", state?.ok === false ? "text-red-700" : "text-green-800")}>
      {state?.message}
    </p>
  );
}
