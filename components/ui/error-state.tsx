"use client";

import { useEffect } from "react";
import { Button } from "@/components/ui/button";

/** The props Next.js passes to every `error.tsx`. */
export interface ErrorBoundaryProps {
  error: Error & { digest?: string };
  reset: () => void;
}

export interface ErrorStateProps extends ErrorBoundaryProps {
  title: string;
}

export function ErrorState({ title, error, reset }: ErrorStateProps) {
  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <div role="alert" className="flex flex-col items-start gap-3 rounded-lg border border-red-200 bg-red-50 px-6 py-5">
      <h1 className="text-lg font-semibold text-red-900">{title}</h1>
      <p className="text-sm text-red-800">
        Something went wrong on the server. Try again; if it keeps failing, check the server log
        {error.digest ? (
          <>
            {" "}
            for error <code className="font-mono">{error.digest}</code>
          </>
        ) : null}
        .
      </p>
      <Button type="button" variant="secondary" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
