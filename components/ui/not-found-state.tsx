import Link from "next/link";
import { buttonClassName } from "@/components/ui/button";

export interface NotFoundStateProps {
  title: string;
  description: string;
  backHref: string;
  backLabel: string;
}

// The body of a 404 page: its title is the page's h1.
export function NotFoundState({ title, description, backHref, backLabel }: NotFoundStateProps) {
  return (
    <div className="flex flex-col items-center gap-3 rounded-lg border border-dashed border-slate-300 bg-white px-6 py-12 text-center">
      <p className="text-sm font-semibold text-slate-500">404</p>
      <h1 className="text-xl font-semibold tracking-tight">{title}</h1>
      <p className="max-w-md text-sm text-slate-600">{description}</p>
      <Link href={backHref} className={buttonClassName("secondary")}>
        {backLabel}
      </Link>
    </div>
  );
}
