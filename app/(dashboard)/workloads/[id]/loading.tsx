export default function WorkloadLoading() {
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
