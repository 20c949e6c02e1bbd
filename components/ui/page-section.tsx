import { useId } from "react";

export interface PageSectionProps {
  title: string;
  children: React.ReactNode;
}

/** A titled region of a detail page; the heading names it for assistive tech. */
export function PageSection({ title, children }: PageSectionProps) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-3">
      <h2 id={headingId} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}
