"use client";

import { ErrorState, type ErrorBoundaryProps } from "@/components/ui/error-state";

export default function DashboardError(props: ErrorBoundaryProps) {
  return <ErrorState title="The page could not be loaded" {...props} />;
}
