import { cookies } from "next/headers";
import Link from "next/link";
import { ThemeToggle } from "@/components/ui/theme-toggle";
import { SidebarLink } from "./sidebar-link";
import { parseTheme, THEME_COOKIE } from "./theme";

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

export async function Sidebar() {
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
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
      <div className="flex flex-wrap items-center gap-3 md:mt-auto md:flex-col md:items-stretch">
        <Link
          href="/uploads/new"
          className="rounded-md bg-slate-900 px-3 py-2 text-center text-sm font-medium text-white hover:bg-slate-700"
        >
          Upload inventory
        </Link>
        <ThemeToggle initial={theme} />
      </div>
    </aside>
  );
}
