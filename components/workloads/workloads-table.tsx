"use client";

import { useCallback, useOptimistic, useState, useTransition } from "react";
import {
  useTable,
  type ColumnVisibilityState,
  type PaginationState,
  type RowSelectionState,
  type SortingState,
  type Updater,
} from "@tanstack/react-table";
import { DataTable } from "@/components/data-table/data-table";
import { dataTableFeatures } from "@/components/data-table/data-table-features";
import { DataTablePagination } from "@/components/data-table/data-table-pagination";
import { DataTableViewOptions } from "@/components/data-table/data-table-view-options";
import { useSearchParamsUpdater, type SearchParamsPatch, type UpdateOptions } from "@/components/data-table/use-search-params-updater";
import type { WorkloadRow } from "@/lib/data/workloads";
import {
  DEFAULT_PER_PAGE,
  DEFAULT_SORT,
  formatSort,
  PER_PAGE_OPTIONS,
  WORKLOAD_HIDEABLE_COLUMNS,
  WORKLOAD_SORT_COLUMNS,
  type WorkloadHideableColumn,
  type WorkloadSort,
} from "@/lib/validations/workloads";
import { WorkloadsBulkEdit } from "./workloads-bulk-edit";
import { WORKLOADS_COLUMNS } from "./workloads-table-columns";
import { formatCountOf } from "@/lib/format";

export interface WorkloadsTableProps {
  rows: WorkloadRow[];
  total: number;
  pageCount: number;
  sort: WorkloadSort;
  page: number;
  perPage: number;
  hiddenColumns: WorkloadHideableColumn[];
}

function resolve<T>(updater: Updater<T>, current: T): T {
  return typeof updater === "function" ? (updater as (old: T) => T)(current) : updater;
}

export function WorkloadsTable({ rows, total, pageCount, sort, page, perPage, hiddenColumns }: WorkloadsTableProps) {
  const { update, isPending } = useSearchParamsUpdater();
  const [, startTransition] = useTransition();
  // Table state is derived from the URL (props); changes go back into the URL only. The optimistic
  // copy lets a header or checkbox answer at once while the server renders the new page.
  // Filters never reach the table: they are applied in SQL, so no filtering feature is registered.
  const [view, setView] = useOptimistic({ sort, page, perPage, hiddenColumns });
  const navigate = (next: Partial<typeof view>, patch: SearchParamsPatch, options?: UpdateOptions) => {
    startTransition(() => {
      setView({ ...view, ...next });
      update(patch, options);
    });
  };

  // Picked rows of this page; a new page or filter remounts the table (Suspense key) and clears it.
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  const clearSelection = useCallback(() => setRowSelection({}), []);

  const sorting: SortingState = [{ id: view.sort.column, desc: view.sort.desc }];
  const pagination: PaginationState = { pageIndex: view.page - 1, pageSize: view.perPage };
  const columnVisibility: ColumnVisibilityState = Object.fromEntries(view.hiddenColumns.map((id) => [id, false]));

  const onSortingChange = (updater: Updater<SortingState>) => {
    const [next] = resolve(updater, sorting);
    const column = WORKLOAD_SORT_COLUMNS.find((id) => id === next?.id);
    const nextSort: WorkloadSort = column ? { column, desc: next.desc } : DEFAULT_SORT;
    const isDefault = nextSort.column === DEFAULT_SORT.column && nextSort.desc === DEFAULT_SORT.desc;
    navigate({ sort: nextSort, page: 1 }, { sort: isDefault ? null : formatSort(nextSort), page: null });
  };

  const onPaginationChange = (updater: Updater<PaginationState>) => {
    const next = resolve(updater, pagination);
    // A new page size starts again at page 1 (zero-based index -> one-based page).
    const nextPage = next.pageSize !== view.perPage ? 1 : next.pageIndex + 1;
    navigate(
      { page: nextPage, perPage: next.pageSize },
      {
        page: nextPage === 1 ? null : String(nextPage),
        perPage: next.pageSize === DEFAULT_PER_PAGE ? null : String(next.pageSize),
      },
    );
  };

  const onColumnVisibilityChange = (updater: Updater<ColumnVisibilityState>) => {
    const next = resolve(updater, columnVisibility);
    const hidden = WORKLOAD_HIDEABLE_COLUMNS.filter((id) => next[id] === false);
    navigate({ hiddenColumns: hidden }, { cols: hidden.length > 0 ? hidden.join(",") : null }, { history: "replace" });
  };

  const table = useTable({
    features: dataTableFeatures,
    columns: WORKLOADS_COLUMNS,
    data: rows,
    getRowId: (row) => String(row.id),
    state: { sorting, pagination, columnVisibility, rowSelection },
    onRowSelectionChange: (updater) => setRowSelection((current) => resolve(updater, current)),
    onSortingChange,
    onPaginationChange,
    onColumnVisibilityChange,
    manualSorting: true,
    manualPagination: true,
    enableSortingRemoval: false,
    enableMultiSort: false,
    rowCount: total,
    pageCount,
  });

  return (
    <div className="flex flex-col gap-3">
      <div className="flex items-center justify-between gap-3">
        <p className="text-sm text-slate-600">
          {formatCountOf(total, "workload")}
          {view.sort.column === DEFAULT_SORT.column && view.sort.desc === DEFAULT_SORT.desc ? ", most urgent first" : null}
        </p>
        <DataTableViewOptions table={table} />
      </div>
      <WorkloadsBulkEdit selectedIds={table.getSelectedRowIds()} total={total} onDone={clearSelection} />
      <DataTable table={table} caption="Workloads" isPending={isPending}>
        <DataTablePagination table={table} pageSizeOptions={PER_PAGE_OPTIONS} noun="workloads" />
      </DataTable>
    </div>
  );
}
