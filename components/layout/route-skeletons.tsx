import { DataTableSkeleton } from "@/components/data-table/data-table-skeleton";

// The loading states of the dashboard's pages, picked by path in RouteLoading.

export function OverviewSkeleton() {
  return (
    <div role="status" aria-label="Loading" className="flex animate-pulse flex-col gap-6">
      <div className="h-8 w-48 rounded-md bg-slate-200" />
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 xl:grid-cols-6">
        {Array.from({ length: 6 }, (_, index) => (
          <div key={index} className="h-24 rounded-lg bg-slate-200" />
        ))}
      </div>
      <div className="grid gap-6 xl:grid-cols-2">
        {Array.from({ length: 4 }, (_, index) => (
          <div key={index} className="h-64 rounded-lg bg-slate-200" />
        ))}
      </div>
      <span className="sr-only">Loading…</span>
    </div>
  );
}

export function WorkloadsSkeleton() {
  return (
    <div role="status" aria-label="Loading workloads" className="flex flex-col gap-4">
      <div className="h-8 w-48 animate-pulse rounded bg-slate-200" />
      <div className="h-9 w-full max-w-3xl animate-pulse rounded bg-slate-100" />
      <DataTableSkeleton columnCount={10} />
    </div>
  );
}

export function WorkloadSkeleton() {
  // The page's shape (name, identity, verdict, three cards), no wider than a phone.
  return (
    <div role="status" aria-label="Loading workload" className="flex animate-pulse flex-col gap-4">
      <div className="h-8 w-full max-w-72 rounded bg-slate-200" />
      <div className="h-4 w-full max-w-96 rounded bg-slate-100" />
      <div className="h-20 rounded-lg bg-slate-100" />
      <div className="grid gap-4 lg:grid-cols-3">
        <div className="h-40 rounded-lg bg-slate-100" />
        <div className="h-40 rounded-lg bg-slate-100" />
        <div className="h-40 rounded-lg bg-slate-100" />
      </div>
      <div className="h-96 rounded-lg bg-slate-100" />
    </div>
  );
}

export function PageSkeleton() {
  return (
    <div role="status" aria-label="Loading" className="flex animate-pulse flex-col gap-4">
      <div className="h-8 w-48 rounded bg-slate-200" />
      <div className="h-4 w-96 max-w-full rounded bg-slate-100" />
      <div className="h-64 rounded-lg bg-slate-100" />
    </div>
  );
}
