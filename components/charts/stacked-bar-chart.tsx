import Link from "next/link";
import { ChartDataTable, ChartFigure } from "./chart-figure";
import { ReadinessLegend } from "./chart-legend";
import { READINESS_SERIES, type ReadinessSeriesKey } from "./readiness-colors";
import { formatCount, formatShare } from "@/lib/format";

export interface StackedBarRow extends Record<ReadinessSeriesKey, number> {
  label: string;
  total: number;
  href?: string;
}

export interface ReadinessBarChartProps {
  title: string;
  description?: React.ReactNode;
  rows: StackedBarRow[];
  footer?: React.ReactNode;
}

/** Horizontal bars, one per row, split by readiness; bar length is the row's share of the largest row. */
export function ReadinessBarChart({ title, description, rows, footer }: ReadinessBarChartProps) {
  const max = Math.max(1, ...rows.map((row) => row.total));
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
      <ul className="flex flex-col gap-2.5">
        {rows.map((row) => (
          <li key={row.label} className="grid grid-cols-[minmax(6rem,11rem)_1fr_3.5rem] items-center gap-3 text-sm">
            {row.href ? (
              <Link href={row.href} className="truncate font-medium text-slate-700 hover:text-blue-700 hover:underline" title={row.label}>
                {row.label}
              </Link>
            ) : (
              <span className="truncate font-medium text-slate-700" title={row.label}>
                {row.label}
              </span>
            )}
            <div aria-hidden className="flex h-4 overflow-hidden rounded-sm bg-slate-100">
              <div className="flex h-full" style={{ width: `${(row.total / max) * 100}%` }}>
                {READINESS_SERIES.map((series) =>
                  row[series.key] > 0 ? (
                    <div
                      key={series.key}
                      className={`${series.className} h-full border-r border-white/60 last:border-r-0`}
                      style={{ width: `${(row[series.key] / row.total) * 100}%` }}
                      title={`${series.label}: ${formatCount(row[series.key])} (${formatShare(row[series.key], row.total)})`}
                    />
                  ) : null,
                )}
              </div>
            </div>
            <span aria-hidden className="text-right tabular-nums text-slate-600">
              {formatCount(row.total)}
            </span>
          </li>
        ))}
      </ul>
      {footer ? <p className="text-xs text-slate-500">{footer}</p> : null}
    </ChartFigure>
  );
}
