export function EmptyState({ title, children }: { title: string; children?: React.ReactNode }) {
  return (
    <div className="flex flex-col items-center gap-3 rounded-lg border border-dashed border-slate-300 bg-white px-6 py-12 text-center">
      <h2 className="text-base font-semibold">{title}</h2>
      {/* Full width, not fit-content: a child that scrolls inside its own box (a long command) must not widen the page. */}
      {children ? <div className="flex w-full min-w-0 flex-col items-center gap-3 text-sm text-slate-600">{children}</div> : null}
    </div>
  );
}
