import { useId } from "react";
import { cn } from "@/lib/utils";

export interface ChartFigureProps {
  title: string;
  description?: React.ReactNode;
  /** The chart's values as a visually hidden table: what screen readers (and tests) read. */
  dataTable: React.ReactNode;
  actions?: React.ReactNode;
  className?: string;
  children: React.ReactNode;
}

/** A chart card named by its title (an h2 in the page's outline); the drawing itself is decoration over `dataTable`. */
export function ChartFigure({ title, description, dataTable, actions, className, children }: ChartFigureProps) {
  const titleId = useId();
  // The figcaption is nested beside the legend, so it does not name the figure by itself.
  return (
    <figure
      aria-labelledby={titleId}
      className={cn("flex min-w-0 flex-col gap-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm", className)}
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <figcaption className="flex flex-col gap-0.5">
          <h2 id={titleId} className="text-sm font-semibold text-slate-800">
            {title}
          </h2>
          {description ? <span className="text-xs text-slate-500">{description}</span> : null}
        </figcaption>
        {actions}
      </div>
      {children}
      {dataTable}
    </figure>
  );
}

export interface ChartDataTableProps {
  caption: string;
  columns: string[];
  rows: { label: string; values: (string | number)[] }[];
}

export function ChartDataTable({ caption, columns, rows }: ChartDataTableProps) {
  // The 1px box clips the table: a wide one (many columns) would otherwise scroll narrow pages sideways.
  return (
    <div className="sr-only">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              {row.values.map((value, index) => (
                <td key={columns[index + 1] ?? index}>{value}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
