import Link from "next/link";
import { SidebarLink } from "./sidebar-link";

const NAV = [
  { href: "/", label: "Overview" },
  { href: "/workloads", label: "Workloads" },
  { href: "/uploads", label: "Uploads" },
  { href: "/rules", label: "Rules" },
  { href: "/waivers", label: "Waivers" },
  { href: "/reports", label: "Reports" },
  { href: "/activity", label: "Activity" },
  { href: "/settings/owners", label: "Owners" },
] as const;

export function Sidebar() {
  return (
    // A bar across the top on phones (a 224 px column left 166 px for the page at 390 px); a column from md up.
    <aside className="flex flex-wrap items-center gap-3 border-b border-slate-200 bg-white px-4 py-3 md:sticky md:top-0 md:h-screen md:w-56 md:shrink-0 md:flex-col md:flex-nowrap md:items-stretch md:gap-6 md:border-b-0 md:border-r md:py-6">
      <a href="#main" className="sr-only focus:not-sr-only">
        Skip to content
      </a>
      <Link href="/" className="flex items-center gap-2 px-2 text-lg font-semibold tracking-tight">
        <span aria-hidden className="inline-block size-6 rounded-md bg-gradient-to-br from-sky-500 to-indigo-600" />
        Kata Readiness
      </Link>
      <nav aria-label="Main" className="flex flex-wrap gap-1 md:flex-col">
        {NAV.map((item) => (
          <SidebarLink key={item.href} href={item.href}>
            {item.label}
          </SidebarLink>
        ))}
      </nav>
      <Link
        href="/uploads/new"
        className="rounded-md bg-slate-900 px-3 py-2 text-center text-sm font-medium text-white hover:bg-slate-700 md:mt-auto"
      >
        Upload inventory
      </Link>
    </aside>
  );
}
