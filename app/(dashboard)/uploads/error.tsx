"use client";

import { ErrorState, type ErrorBoundaryProps } from "@/components/ui/error-state";

export default function UploadsError(props: ErrorBoundaryProps) {
  return <ErrorState title="The uploads could not be loaded" {...props} />;
}
