import { cn } from "@/lib/utils";

const READINESS = {
  ready: { label: "Ready", className: "bg-green-50 text-green-800 ring-green-600/30" },
  "needs-changes": { label: "Needs changes", className: "bg-amber-50 text-amber-800 ring-amber-600/30" },
  blocked: { label: "Blocked", className: "bg-red-50 text-red-800 ring-red-600/30" },
} as const;

const SEVERITY = {
  blocker: { label: "Blocker", className: "bg-red-50 text-red-800 ring-red-600/30" },
  warning: { label: "Warning", className: "bg-amber-50 text-amber-800 ring-amber-600/30" },
  info: { label: "Info", className: "bg-blue-50 text-blue-800 ring-blue-600/30" },
} as const;

const BASE = "inline-flex items-center whitespace-nowrap rounded-md px-2 py-0.5 text-xs font-medium ring-1 ring-inset";

export function Badge({ className, children }: { className?: string; children: React.ReactNode }) {
  return <span className={cn(BASE, "bg-slate-50 text-slate-700 ring-slate-500/20", className)}>{children}</span>;
}

export function ReadinessBadge({ readiness }: { readiness: string }) {
  const style = READINESS[readiness as keyof typeof READINESS];
  return <span className={cn(BASE, style?.className)}>{style?.label ?? readiness}</span>;
}

export function SeverityBadge({ severity }: { severity: string }) {
  const style = SEVERITY[severity as keyof typeof SEVERITY];
  return <span className={cn(BASE, style?.className)}>{style?.label ?? severity}</span>;
}
