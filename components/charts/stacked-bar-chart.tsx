import Link from "next/link";
import { ChartDataTable, ChartFigure } from "./chart-figure";
import { ReadinessLegend } from "./chart-legend";
import { READINESS_SERIES, type ReadinessSeriesKey } from "./readiness-colors";
import { formatCount, formatCountOf, formatShare } from "@/lib/format";
import { cn } from "@/lib/utils";

export interface StackedBarRow extends Record<ReadinessSeriesKey, number> {
  label: string;
  total: number;
  href?: string;
}

export interface ChartSortOption {
  label: string;
  href: string;
  isCurrent: boolean;
}

export interface ReadinessBarChartProps {
  title: string;
  description?: React.ReactNode;
  rows: StackedBarRow[];
  /** Links that reorder the bars (the order lives in the URL). */
  sortOptions?: ChartSortOption[];
  footer?: React.ReactNode;
}

/** Below this share a segment is too narrow for its percentage; its count line still says it. */
const MIN_LABELLED_SHARE = 0.12;

/**
 * Horizontal 100% bars, one per row, split by readiness: every bar is its row's whole, so a small
 * cluster reads as clearly as a big one. Each bar carries its shares; the line under it the counts.
 */
export function ReadinessBarChart({ title, description, rows, sortOptions, footer }: ReadinessBarChartProps) {
  return (
    <ChartFigure
      title={title}
      description={description}
      actions={<ReadinessLegend />}
      dataTable={
        <ChartDataTable
          caption={title}
          columns={["Group", ...READINESS_SERIES.map((series) => series.label), "Total"]}
          rows={rows.map((row) => ({
            label: row.label,
            values: [...READINESS_SERIES.map((series) => row[series.key]), row.total],
          }))}
        />
      }
    >
      {sortOptions ? <ChartSort title={title} options={sortOptions} /> : null}
      <ul className="flex flex-col gap-3">
        {rows.map((row) => (
          <li key={row.label} data-testid="readiness-bar" className="flex min-w-0 flex-col gap-1 text-sm">
            <div className="flex min-w-0 items-baseline justify-between gap-3">
              {row.href ? (
                <Link href={row.href} className="truncate font-medium text-slate-700 hover:text-blue-700 hover:underline" title={row.label}>
                  {row.label}
                </Link>
              ) : (
                <span className="truncate font-medium text-slate-700" title={row.label}>
                  {row.label}
                </span>
              )}
              <span className="shrink-0 text-xs tabular-nums text-slate-500">{formatCountOf(row.total, "workload")}</span>
            </div>
            <div aria-hidden className="flex h-5 overflow-hidden rounded-sm bg-slate-100">
              {READINESS_SERIES.map((series) =>
                row[series.key] > 0 ? (
                  <div
                    key={series.key}
                    className={cn(
                      series.className,
                      "flex h-full items-center justify-center overflow-hidden border-r border-white/60 text-[11px] font-medium text-white last:border-r-0",
                    )}
                    style={{ width: `${(row[series.key] / row.total) * 100}%` }}
                    title={`${series.label}: ${formatCount(row[series.key])} (${formatShare(row[series.key], row.total)})`}
                  >
                    {row[series.key] / row.total >= MIN_LABELLED_SHARE ? formatShare(row[series.key], row.total) : null}
                  </div>
                ) : null,
              )}
            </div>
            <p aria-hidden className="flex flex-wrap gap-x-3 text-xs tabular-nums">
              {READINESS_SERIES.map((series) => (
                // A zero is grey: coloured, it would read as a finding.
                <span key={series.key} className={cn("flex items-center gap-1", row[series.key] > 0 ? "text-slate-700" : "text-slate-400")}>
                  <span className={cn("inline-block size-2 rounded-sm", row[series.key] > 0 ? series.className : "bg-slate-300")} />
                  {formatCount(row[series.key])} {series.label.toLowerCase()}
                  {row[series.key] > 0 ? ` (${formatShare(row[series.key], row.total)})` : null}
                </span>
              ))}
            </p>
          </li>
        ))}
      </ul>
      {footer ? <p className="text-xs text-slate-500">{footer}</p> : null}
    </ChartFigure>
  );
}

function ChartSort({ title, options }: { title: string; options: ChartSortOption[] }) {
  return (
    <nav aria-label={`Sort ${title}`} className="flex flex-wrap items-center gap-2 text-xs">
      <span className="text-slate-500">Sort by</span>
      <span className="inline-flex overflow-hidden rounded-md border border-slate-300 font-medium">
        {options.map((option) => (
          <Link
            key={option.label}
            href={option.href}
            scroll={false}
            aria-current={option.isCurrent ? "true" : undefined}
            className={cn(
              "whitespace-nowrap border-r border-slate-300 px-2.5 py-1 last:border-r-0",
              option.isCurrent ? "bg-slate-900 text-white" : "bg-white text-slate-700 hover:bg-slate-50",
            )}
          >
            {option.label}
          </Link>
        ))}
      </span>
    </nav>
  );
}
