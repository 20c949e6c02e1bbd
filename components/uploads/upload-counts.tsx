import { useId } from "react";
import type { UploadCounts } from "@/lib/data/uploads";
import { READINESS_STYLES } from "@/lib/domain";
import { formatCount } from "@/lib/format";
import { cn } from "@/lib/utils";

export interface UploadCountsProps {
  counts: UploadCounts;
}

const ITEMS = [
  { key: "workloadCount", label: "Workloads", className: "text-slate-900" },
  { key: "readyCount", label: READINESS_STYLES.ready.label, className: READINESS_STYLES.ready.text },
  { key: "needsChangesCount", label: READINESS_STYLES["needs-changes"].label, className: READINESS_STYLES["needs-changes"].text },
  { key: "blockedCount", label: READINESS_STYLES.blocked.label, className: READINESS_STYLES.blocked.text },
  { key: "migratedCount", label: "Already on Kata", className: "text-sky-700" },
  { key: "skippedCount", label: "Other objects skipped", className: "text-slate-600" },
  { key: "errorCount", label: "Input errors", className: "text-slate-600" },
] as const;

export function UploadCounts({ counts }: UploadCountsProps) {
  const id = useId();
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-7">
      {ITEMS.map((item) => (
        <div
          key={item.key}
          role="group"
          aria-labelledby={`${id}-${item.key}`}
          className="flex flex-col gap-1 rounded-lg border border-slate-200 bg-white px-4 py-3"
        >
          <dt id={`${id}-${item.key}`} className="text-xs font-medium text-slate-500">
            {item.label}
          </dt>
          <dd
            className={cn(
              "text-2xl font-semibold tabular-nums",
              item.className,
              item.key === "errorCount" && counts.errorCount > 0 && "text-red-700",
            )}
          >
            {formatCount(counts[item.key])}
          </dd>
        </div>
      ))}
    </dl>
  );
}
