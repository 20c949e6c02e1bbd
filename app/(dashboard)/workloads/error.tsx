"use client";

import { ErrorState, type ErrorBoundaryProps } from "@/components/ui/error-state";

export default function WorkloadsError(props: ErrorBoundaryProps) {
  return <ErrorState title="The workloads could not be loaded" {...props} />;
}
