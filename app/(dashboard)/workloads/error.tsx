"use client";

import { useEffect } from "react";
import { Button } from "@/components/ui/button";

export default function WorkloadsError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <div role="alert" className="flex flex-col items-start gap-3 rounded-lg border border-red-200 bg-red-50 px-6 py-5">
      <h2 className="text-base font-semibold text-red-900">The workloads could not be loaded</h2>
      <p className="text-sm text-red-800">Something went wrong on the server. Try again; if it keeps failing, check the server log.</p>
      <Button type="button" variant="secondary" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
