export default function UploadsLoading() {
  return (
    <div role="status" aria-label="Loading" className="flex animate-pulse flex-col gap-4">
      <div className="h-8 w-48 rounded bg-slate-200" />
      <div className="h-4 w-full max-w-96 rounded bg-slate-100" />
      <div className="h-64 rounded-lg bg-slate-100" />
    </div>
  );
}
