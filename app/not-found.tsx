import type { Metadata } from "next";
import Link from "next/link";
import { buttonClassName } from "@/components/ui/button";

export const metadata: Metadata = { title: "Not found" };

export default function NotFound() {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-4 px-6 text-center">
      <p className="text-sm font-semibold text-slate-500">404</p>
      <h1 className="text-2xl font-semibold tracking-tight">Page not found</h1>
      <p className="max-w-md text-sm text-slate-600">
        There is nothing at this address. It may have been a workload or upload that no longer exists.
      </p>
      <Link href="/" className={buttonClassName("primary")}>
        Back to the overview
      </Link>
    </main>
  );
}
