"use client";

import { ArrowDown, ArrowUp, ChevronsUpDown } from "lucide-react";
import { cn } from "@/lib/utils";
import type { RowData } from "@tanstack/react-table";
import type { DataTableColumn } from "./data-table-features";

export interface DataTableColumnHeaderProps<TData extends RowData, TValue> {
  column: DataTableColumn<TData, TValue>;
  className?: string;
}

/**
 * The header label; a button that toggles the sort when the column can sort (aria-sort sits on the
 * th). An unsorted column starts ascending, or descending with `sortDescFirst` (counts and scores).
 */
export function DataTableColumnHeader<TData extends RowData, TValue>({ column, className }: DataTableColumnHeaderProps<TData, TValue>) {
  const meta = column.columnDef.meta;
  const label = meta?.label ?? column.id;
  if (!column.getCanSort()) return <span className={className}>{label}</span>;
  const sorted = column.getIsSorted();
  const Icon = sorted === "asc" ? ArrowUp : sorted === "desc" ? ArrowDown : ChevronsUpDown;
  const description = sorted && meta?.sortDescription ? meta.sortDescription[sorted] : undefined;
  // Only an explicit sortDescFirst: TanStack's own guess reads the first row's value (a null team reads as a number).
  const nextDesc = sorted ? sorted === "asc" : column.columnDef.sortDescFirst === true;
  return (
    <button
      type="button"
      onClick={() => column.toggleSorting(nextDesc)}
      title={description ? `Sorted ${description}` : undefined}
      className={cn("-mx-2 inline-flex items-center gap-1 rounded px-2 py-1 hover:bg-slate-100", className)}
    >
      {label}
      <Icon aria-hidden className={cn("size-3.5", sorted ? "text-slate-900" : "text-slate-400")} />
    </button>
  );
}
