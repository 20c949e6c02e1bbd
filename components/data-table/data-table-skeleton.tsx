export interface DataTableSkeletonProps {
  columnCount: number;
  rowCount?: number;
}

export function DataTableSkeleton({ columnCount, rowCount = 10 }: DataTableSkeletonProps) {
  return (
    <div role="status" aria-label="Loading table" className="flex flex-col gap-3">
      <div className="overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm">
        <div className="flex gap-4 border-b border-slate-200 bg-slate-50 px-3 py-3">
          {Array.from({ length: columnCount }, (_, i) => (
            <div key={i} className="h-3 flex-1 animate-pulse rounded bg-slate-200" />
          ))}
        </div>
        {Array.from({ length: rowCount }, (_, row) => (
          <div key={row} className="flex gap-4 border-b border-slate-100 px-3 py-3 last:border-0">
            {Array.from({ length: columnCount }, (_, i) => (
              <div key={i} className="h-4 flex-1 animate-pulse rounded bg-slate-100" />
            ))}
          </div>
        ))}
      </div>
      <div className="h-8 w-64 animate-pulse self-end rounded bg-slate-100" />
    </div>
  );
}
