import type { Metadata } from "next";
import { NotFoundState } from "@/components/ui/not-found-state";

export const metadata: Metadata = { title: "Not found" };

export default function DashboardNotFound() {
  return (
    <NotFoundState
      title="Page not found"
      description="There is nothing at this address. It may have been a workload or upload that no longer exists."
      backHref="/"
      backLabel="Back to the overview"
    />
  );
}
