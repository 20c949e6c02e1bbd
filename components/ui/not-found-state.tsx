import Link from "next/link";
import { buttonClassName } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export interface NotFoundStateProps {
  title: string;
  description: string;
  backHref: string;
  backLabel: string;
}

export function NotFoundState({ title, description, backHref, backLabel }: NotFoundStateProps) {
  return (
    <EmptyState title={title}>
      <p>{description}</p>
      <Link href={backHref} className={buttonClassName("secondary")}>
        {backLabel}
      </Link>
    </EmptyState>
  );
}
