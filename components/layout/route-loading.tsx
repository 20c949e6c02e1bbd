"use client";

import { usePathname } from "next/navigation";
import { Suspense, useState } from "react";
import { OverviewSkeleton, PageSkeleton, WorkloadSkeleton, WorkloadsSkeleton } from "./route-skeletons";

// The dashboard's loading states, in place of loading.tsx files. A loading.tsx boundary above a page lets the
// server send the skeleton, and with it status 200, before the page can call notFound(): /workloads/999999
// would answer 200. So the page a request lands on streams behind a skeleton only when it is a list page, and
// any other page (a record, an unknown path) renders in the shell, where notFound() still sets 404. Once in the
// browser every navigation gets a skeleton: the status no longer matters there.
const LIST_PAGES = new Set([
  "/",
  "/workloads",
  "/uploads",
  "/uploads/new",
  "/rules",
  "/waivers",
  "/reports",
  "/activity",
  "/settings/owners",
]);

function skeletonFor(pathname: string) {
  if (pathname === "/") return <OverviewSkeleton />;
  if (pathname === "/workloads") return <WorkloadsSkeleton />;
  if (pathname.startsWith("/workloads/")) return <WorkloadSkeleton />;
  return <PageSkeleton />;
}

export function RouteLoading({ children }: { children: React.ReactNode }) {
  const pathname = usePathname();
  const [landedOn] = useState(pathname);
  // The first render in the browser must match the server's (hydration), so the landing page keeps its form.
  if (pathname === landedOn && !LIST_PAGES.has(pathname)) return children;
  // Keyed by path: a new boundary per page shows its skeleton during the navigation instead of the old page.
  return (
    <Suspense key={pathname} fallback={skeletonFor(pathname)}>
      {children}
    </Suspense>
  );
}
