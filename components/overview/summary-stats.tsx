import Link from "next/link";
import type { OverviewTotals } from "@/lib/data/overview";
import { READINESS_STYLES } from "@/lib/domain";
import { cn } from "@/lib/utils";
import { workloadsHref } from "./workloads-href";
import { formatCount } from "@/lib/format";

export interface SummaryStatsProps {
  totals: OverviewTotals;
  cluster: string | null;
}

export function SummaryStats({ totals, cluster }: SummaryStatsProps) {
  const stats = [
    { label: "Workloads", linkText: "all workloads", value: totals.total, href: workloadsHref({ cluster }), accent: "border-t-slate-400" },
    {
      label: READINESS_STYLES.ready.label,
      linkText: "ready workloads",
      value: totals.ready,
      href: workloadsHref({ cluster, readiness: "ready" }),
      accent: READINESS_STYLES.ready.borderTop,
    },
    {
      label: READINESS_STYLES["needs-changes"].label,
      linkText: "workloads that need changes",
      value: totals.needsChanges,
      href: workloadsHref({ cluster, readiness: "needs-changes" }),
      accent: READINESS_STYLES["needs-changes"].borderTop,
    },
    {
      label: READINESS_STYLES.blocked.label,
      linkText: "blocked workloads",
      value: totals.blocked,
      href: workloadsHref({ cluster, readiness: "blocked" }),
      accent: READINESS_STYLES.blocked.borderTop,
    },
    { label: "Migrated", linkText: null, value: totals.migrated, href: null, accent: "border-t-info" },
  ];
  return (
    <section aria-label="Summary" className="grid grid-cols-2 gap-3 sm:grid-cols-3 xl:grid-cols-6">
      {stats.map((stat) => (
        <div
          key={stat.label}
          role="group"
          aria-label={stat.label}
          // A zero keeps the neutral border: coloured, it would read as something to look at.
          className={cn(
            "flex min-w-0 flex-col gap-1 rounded-lg border border-t-4 border-slate-200 bg-white p-4 shadow-sm",
            stat.value > 0 ? stat.accent : "border-t-slate-200",
          )}
        >
          <span className="text-xs font-medium uppercase tracking-wide text-slate-500">{stat.label}</span>
          <span data-testid="stat-value" className="text-2xl font-semibold tabular-nums">
            {formatCount(stat.value)}
          </span>
          {stat.href ? (
            <Link href={stat.href} className="text-xs font-medium text-blue-700 hover:underline">
              View<span className="sr-only"> {stat.linkText}</span>
            </Link>
          ) : (
            <span className="text-xs text-slate-500">already on Kata</span>
          )}
        </div>
      ))}
      <ReadinessMeter percent={totals.readinessPercent} />
    </section>
  );
}

function ReadinessMeter({ percent }: { percent: number }) {
  return (
    <div
      role="group"
      aria-label="Readiness"
      className={cn(
        "flex min-w-0 flex-col gap-1 rounded-lg border border-t-4 border-slate-200 bg-white p-4 shadow-sm",
        percent > 0 ? "border-t-ready" : "border-t-slate-200",
      )}
    >
      <span className="text-xs font-medium uppercase tracking-wide text-slate-500">Readiness</span>
      <span data-testid="stat-value" className="text-2xl font-semibold tabular-nums">
        {percent}%
      </span>
      <div
        role="meter"
        aria-label="Share of workloads ready for Kata"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        className="h-1.5 overflow-hidden rounded-full bg-slate-100"
      >
        <div className="h-full rounded-full bg-ready" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
