"use client";

import { ChevronLeft, ChevronRight, ChevronsLeft, ChevronsRight } from "lucide-react";
import { useId } from "react";
import type { RowData } from "@tanstack/react-table";
import type { DataTableInstance } from "./data-table-features";
import { formatCount } from "@/lib/format";

export interface DataTablePaginationProps<TData extends RowData> {
  table: DataTableInstance<TData>;
  pageSizeOptions: readonly number[];
  /** e.g. "workloads" */
  noun: string;
}

const NAV_BUTTON =
  "inline-flex size-8 items-center justify-center rounded-md border border-slate-300 bg-white text-slate-700 hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-40";

export function DataTablePagination<TData extends RowData>({ table, pageSizeOptions, noun }: DataTablePaginationProps<TData>) {
  const selectId = useId();
  // A snapshot is enough: the owner re-renders from the URL on every change.
  const { pageIndex, pageSize } = table.atoms.pagination.get();
  const total = table.getRowCount();
  const first = total === 0 ? 0 : pageIndex * pageSize + 1;
  const last = Math.min(total, (pageIndex + 1) * pageSize);
  return (
    <nav aria-label="Pagination" className="flex flex-wrap items-center justify-between gap-3 text-sm text-slate-600">
      <p aria-live="polite">
        {first}–{last} of {formatCount(total)} {noun}
      </p>
      <div className="flex flex-wrap items-center gap-4">
        <div className="flex items-center gap-2">
          <label htmlFor={selectId}>Rows per page</label>
          <select
            id={selectId}
            value={pageSize}
            onChange={(event) => table.setPageSize(Number(event.target.value))}
            className="h-8 rounded-md border border-slate-300 bg-white px-2"
          >
            {pageSizeOptions.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
        </div>
        <span>
          Page {pageIndex + 1} of {table.getPageCount()}
        </span>
        <div className="flex items-center gap-1">
          <button
            type="button"
            className={NAV_BUTTON}
            onClick={() => table.firstPage()}
            disabled={!table.getCanPreviousPage()}
            aria-label="First page"
          >
            <ChevronsLeft aria-hidden className="size-4" />
          </button>
          <button
            type="button"
            className={NAV_BUTTON}
            onClick={() => table.previousPage()}
            disabled={!table.getCanPreviousPage()}
            aria-label="Previous page"
          >
            <ChevronLeft aria-hidden className="size-4" />
          </button>
          <button
            type="button"
            className={NAV_BUTTON}
            onClick={() => table.nextPage()}
            disabled={!table.getCanNextPage()}
            aria-label="Next page"
          >
            <ChevronRight aria-hidden className="size-4" />
          </button>
          <button
            type="button"
            className={NAV_BUTTON}
            onClick={() => table.lastPage()}
            disabled={!table.getCanLastPage()}
            aria-label="Last page"
          >
            <ChevronsRight aria-hidden className="size-4" />
          </button>
        </div>
      </div>
    </nav>
  );
}
