"use client";

import { FlexRender } from "@tanstack/react-table";
import { cn } from "@/lib/utils";
import type { RowData } from "@tanstack/react-table";
import type { DataTableInstance } from "./data-table-features";

export interface DataTableProps<TData extends RowData> {
  table: DataTableInstance<TData>;
  /** Read by screen readers: what the rows are. */
  caption: string;
  isPending?: boolean;
  children?: React.ReactNode;
}

const ARIA_SORT = { asc: "ascending", desc: "descending" } as const;

export function DataTable<TData extends RowData>({ table, caption, isPending = false, children }: DataTableProps<TData>) {
  const rows = table.getRowModel().rows;
  return (
    <div className="flex flex-col gap-3">
      <div
        aria-busy={isPending}
        className={cn(
          // Scrolls inside its own box, at most a screen tall: the header stays on top (sticky) and the
          // horizontal scrollbar stays on screen. `relative` keeps sr-only text inside the box's clip.
          "relative max-h-[calc(100dvh-4rem)] overflow-auto rounded-lg border border-slate-200 bg-white shadow-sm transition-opacity",
          isPending && "opacity-60",
        )}
      >
        <table className="w-full border-collapse text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead className="sticky top-0 z-10 bg-slate-50 text-left text-xs font-semibold text-slate-600 shadow-[0_1px_0_var(--color-slate-200)]">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      aria-sort={header.column.getCanSort() ? (sorted ? ARIA_SORT[sorted] : "none") : undefined}
                      className={cn("whitespace-nowrap px-2.5 py-2", header.column.columnDef.meta?.align === "end" && "text-right")}
                    >
                      {header.isPlaceholder ? null : <FlexRender header={header} />}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} className="border-b border-slate-100 last:border-0 hover:bg-slate-50">
                {row.getVisibleCells().map((cell) => {
                  const meta = cell.column.columnDef.meta;
                  const Cell = meta?.isRowHeader ? "th" : "td";
                  return (
                    <Cell
                      key={cell.id}
                      scope={meta?.isRowHeader ? "row" : undefined}
                      className={cn(
                        "whitespace-nowrap px-2.5 py-2 text-left align-middle font-normal",
                        meta?.align === "end" && "text-right",
                      )}
                    >
                      <FlexRender cell={cell} />
                    </Cell>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {children}
    </div>
  );
}
