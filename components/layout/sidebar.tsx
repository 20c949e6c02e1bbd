import Link from "next/link";
import { SidebarLink } from "./sidebar-link";

const NAV = [
  { href: "/", label: "Overview" },
  { href: "/workloads", label: "Workloads" },
  { href: "/uploads", label: "Uploads" },
  { href: "/rules", label: "Rules" },
  { href: "/reports", label: "Reports" },
  { href: "/settings/owners", label: "Owners" },
] as const;

export function Sidebar() {
  return (
    <aside className="sticky top-0 flex h-screen w-56 shrink-0 flex-col gap-6 border-r border-slate-200 bg-white px-4 py-6">
      <a href="#main" className="sr-only focus:not-sr-only">
        Skip to content
      </a>
      <Link href="/" className="flex items-center gap-2 px-2 text-lg font-semibold tracking-tight">
        <span aria-hidden className="inline-block size-6 rounded-md bg-gradient-to-br from-sky-500 to-indigo-600" />
        Kata Readiness
      </Link>
      <nav aria-label="Main" className="flex flex-col gap-1">
        {NAV.map((item) => (
          <SidebarLink key={item.href} href={item.href}>
            {item.label}
          </SidebarLink>
        ))}
      </nav>
      <Link
        href="/uploads/new"
        className="mt-auto rounded-md bg-slate-900 px-3 py-2 text-center text-sm font-medium text-white hover:bg-slate-700"
      >
        Upload inventory
      </Link>
    </aside>
  );
}
