import {
  columnVisibilityFeature,
  metaHelper,
  rowPaginationFeature,
  rowSelectionFeature,
  rowSortingFeature,
  tableFeatures,
  type Column,
  type RowData,
  type Table,
} from "@tanstack/react-table";

export interface DataTableColumnMeta {
  /** Human name, for the column menu and the sort button. */
  label: string;
  align?: "start" | "end";
  /** The cell that names the row: rendered as a row header (`<th scope="row">`). */
  isRowHeader?: boolean;
  /** What each direction means when the label alone does not say it (e.g. "most urgent first"). */
  sortDescription?: { asc: string; desc: string };
}

/**
 * Features of every server-side table: sorting, paging, visibility and row selection state only
 * (selection is used only where a table adds a select column). The rows arrive
 * sorted and paged from SQL, so no client row models are registered.
 */
export const dataTableFeatures = tableFeatures({
  rowSortingFeature,
  rowPaginationFeature,
  columnVisibilityFeature,
  rowSelectionFeature,
  columnMeta: metaHelper<DataTableColumnMeta>(),
});

export type DataTableFeatures = typeof dataTableFeatures;
export type DataTableInstance<TData extends RowData> = Table<DataTableFeatures, TData>;
export type DataTableColumn<TData extends RowData, TValue = unknown> = Column<DataTableFeatures, TData, TValue>;
