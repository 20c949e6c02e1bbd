import Link from "next/link";
import type { WaiversMode } from "@/lib/validations/workloads";
import { cn } from "@/lib/utils";

export interface WaiversToggleProps {
  pathname: string;
  /** The page's current query (without `waivers`); `page` is dropped, the row set changes. */
  query: Record<string, string | string[] | undefined>;
  mode: WaiversMode;
}

function href(pathname: string, query: WaiversToggleProps["query"], mode: WaiversMode): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (key === "waivers" || key === "page" || value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) params.append(key, item);
  }
  if (mode === "off") params.set("waivers", "off");
  const search = params.toString();
  return search ? `${pathname}?${search}` : pathname;
}

/** Switches the figures between "with the waivers in force" and "without waivers" (`waivers=off`). */
export function WaiversToggle({ pathname, query, mode }: WaiversToggleProps) {
  const option = (value: WaiversMode, label: string) => (
    <Link
      href={href(pathname, query, value)}
      aria-current={mode === value ? "true" : undefined}
      className={cn(
        "whitespace-nowrap px-2.5 py-1",
        mode === value ? "bg-slate-900 text-white" : "bg-white text-slate-700 hover:bg-slate-50",
      )}
    >
      {label}
    </Link>
  );
  return (
    <nav
      aria-label="Scores with or without waivers"
      className="inline-flex overflow-hidden rounded-md border border-slate-300 text-xs font-medium"
    >
      {option("on", "With waivers")}
      {option("off", "Without waivers")}
    </nav>
  );
}
