import Link from "next/link";
import { ChartDataTable, ChartFigure } from "./chart-figure";
import { formatCount } from "@/lib/format";
import { cn } from "@/lib/utils";

export interface BarListItem {
  key: string;
  label: string;
  value: number;
  href: string;
  /** A second, smaller link shown after the value (e.g. the filtered workloads). */
  secondaryHref?: string;
  secondaryLabel?: string;
}

export interface BarListProps {
  title: string;
  description?: React.ReactNode;
  valueLabel: string;
  items: BarListItem[];
  empty: React.ReactNode;
  /** The bars' fill: red for blockers unless told otherwise. */
  barClassName?: string;
}

/** A ranked list with proportional bars behind each label. */
export function BarList({ title, description, valueLabel, items, empty, barClassName = "bg-red-100" }: BarListProps) {
  const max = Math.max(1, ...items.map((item) => item.value));
  return (
    <ChartFigure
      title={title}
      description={description}
      dataTable={
        <ChartDataTable
          caption={title}
          columns={["Item", valueLabel]}
          rows={items.map((item) => ({ label: item.label, values: [item.value] }))}
        />
      }
    >
      {items.length === 0 ? (
        <p className="text-sm text-slate-500">{empty}</p>
      ) : (
        <ol className="flex flex-col gap-2">
          {items.map((item) => (
            <li key={item.key} className="grid grid-cols-[1fr_auto] items-center gap-3 text-sm">
              <div className="relative h-7 min-w-0 rounded-sm">
                <div
                  aria-hidden
                  className={cn("absolute inset-y-0 left-0 rounded-sm", barClassName)}
                  style={{ width: `${(item.value / max) * 100}%` }}
                />
                <Link
                  href={item.href}
                  className="relative flex h-full items-center truncate px-2 font-medium text-slate-800 hover:text-blue-700 hover:underline"
                >
                  {item.label}
                </Link>
              </div>
              <div className="flex items-center gap-3">
                <span className="w-12 text-right tabular-nums text-slate-700">{formatCount(item.value)}</span>
                {item.secondaryHref ? (
                  <Link href={item.secondaryHref} className="text-xs font-medium text-blue-700 hover:underline">
                    {item.secondaryLabel}
                  </Link>
                ) : null}
              </div>
            </li>
          ))}
        </ol>
      )}
    </ChartFigure>
  );
}
