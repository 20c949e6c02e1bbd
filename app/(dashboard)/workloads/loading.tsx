import { DataTableSkeleton } from "@/components/data-table/data-table-skeleton";

export default function WorkloadsLoading() {
  return (
    <div role="status" aria-label="Loading workloads" className="flex flex-col gap-4">
      <div className="h-8 w-48 animate-pulse rounded bg-slate-200" />
      <div className="h-9 w-full max-w-3xl animate-pulse rounded bg-slate-100" />
      <DataTableSkeleton columnCount={10} />
    </div>
  );
}
