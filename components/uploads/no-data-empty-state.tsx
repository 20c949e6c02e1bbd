import Link from "next/link";
import { buttonClassName } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadSampleButton } from "./load-sample-button";

export interface NoDataEmptyStateProps {
  title: string;
  children: React.ReactNode;
}

/** Shown while nothing has been uploaded: the way in is an upload or the sample. */
export function NoDataEmptyState({ title, children }: NoDataEmptyStateProps) {
  return (
    <EmptyState title={title}>
      {children}
      <div className="flex flex-wrap items-start justify-center gap-3">
        <Link href="/uploads/new" className={buttonClassName("primary")}>
          Upload inventory
        </Link>
        <LoadSampleButton />
      </div>
    </EmptyState>
  );
}
