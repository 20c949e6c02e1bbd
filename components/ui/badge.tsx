import { isReadiness, isSeverity, READINESS_STYLES, SEVERITY_STYLES } from "@/lib/domain";
import { cn } from "@/lib/utils";

const BASE = "inline-flex items-center whitespace-nowrap rounded-md px-2 py-0.5 text-xs font-medium ring-1 ring-inset";

export function Badge({ className, children }: { className?: string; children: React.ReactNode }) {
  return <span className={cn(BASE, "bg-slate-50 text-slate-700 ring-slate-500/20", className)}>{children}</span>;
}

export function ReadinessBadge({ readiness }: { readiness: string }) {
  const style = isReadiness(readiness) ? READINESS_STYLES[readiness] : undefined;
  return <span className={cn(BASE, style?.badge)}>{style?.label ?? readiness}</span>;
}

export function SeverityBadge({ severity }: { severity: string }) {
  const style = isSeverity(severity) ? SEVERITY_STYLES[severity] : undefined;
  return <span className={cn(BASE, style?.badge)}>{style?.label ?? severity}</span>;
}
