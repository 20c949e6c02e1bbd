"use client";

import { Settings2 } from "lucide-react";
import type { RowData } from "@tanstack/react-table";
import type { DataTableInstance } from "./data-table-features";
import { DataTablePopover } from "./data-table-popover";

export interface DataTableViewOptionsProps<TData extends RowData> {
  table: DataTableInstance<TData>;
}

export function DataTableViewOptions<TData extends RowData>({ table }: DataTableViewOptionsProps<TData>) {
  const columns = table.getAllLeafColumns().filter((column) => column.getCanHide());
  return (
    <DataTablePopover
      align="end"
      triggerClassName="border-solid"
      trigger={
        <>
          <Settings2 aria-hidden className="size-4" />
          Columns
        </>
      }
    >
      <fieldset className="flex flex-col gap-0.5">
        <legend className="px-2 py-1 text-xs font-semibold uppercase tracking-wide text-slate-500">Show columns</legend>
        {columns.map((column) => (
          <label key={column.id} className="flex cursor-pointer items-center gap-2 rounded px-2 py-1 text-sm hover:bg-slate-100">
            <input
              type="checkbox"
              className="size-4 accent-slate-900"
              checked={column.getIsVisible()}
              onChange={(event) => column.toggleVisibility(event.target.checked)}
            />
            {column.columnDef.meta?.label ?? column.id}
          </label>
        ))}
      </fieldset>
    </DataTablePopover>
  );
}
