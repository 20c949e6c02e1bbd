import { cn } from "@/lib/utils";

export interface TableProps extends React.ComponentProps<"table"> {
  /** Accessible name; tables are found by it (`getByRole("table", { name })`). */
  label: string;
  wrapperClassName?: string;
}

export function Table({ label, wrapperClassName, className, ...props }: TableProps) {
  return (
    // `relative`: sr-only text in cells is clipped by this box instead of widening the page.
    <div className={cn("relative overflow-x-auto rounded-lg border border-slate-200 bg-white", wrapperClassName)}>
      <table aria-label={label} className={cn("min-w-full text-left text-sm", className)} {...props} />
    </div>
  );
}

/** A header with a single row: pass the `Th` cells as children. */
export function TableHeader({ children }: { children: React.ReactNode }) {
  return (
    <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
      <tr>{children}</tr>
    </thead>
  );
}

export function TableBody(props: React.ComponentProps<"tbody">) {
  return <tbody className="divide-y divide-slate-100" {...props} />;
}

export function Th({ className, ...props }: React.ComponentProps<"th">) {
  return <th scope="col" className={cn("px-3 py-2 font-medium", className)} {...props} />;
}

export function Td({ className, ...props }: React.ComponentProps<"td">) {
  return <td className={cn("px-3 py-2", className)} {...props} />;
}
