"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useTransition } from "react";

export type SearchParamsPatch = Record<string, string | null>;

export interface UpdateOptions {
  /** "push" adds a history entry (Back restores the previous state); "replace" does not. */
  history?: "push" | "replace";
}

/** Writes table state into the URL; the server page re-renders from it. */
export function useSearchParamsUpdater() {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [isPending, startTransition] = useTransition();

  const update = useCallback(
    (patch: SearchParamsPatch, { history = "push" }: UpdateOptions = {}) => {
      const next = new URLSearchParams(searchParams.toString());
      for (const [key, value] of Object.entries(patch)) {
        if (value === null || value === "") next.delete(key);
        else next.set(key, value);
      }
      const query = next.toString();
      const href = query ? `${pathname}?${query}` : pathname;
      startTransition(() => {
        if (history === "push") router.push(href, { scroll: false });
        else router.replace(href, { scroll: false });
      });
    },
    [pathname, router, searchParams],
  );

  return { update, isPending };
}
