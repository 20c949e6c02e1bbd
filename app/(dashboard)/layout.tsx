import { RouteLoading } from "@/components/layout/route-loading";
import { Sidebar } from "@/components/layout/sidebar";

export default function DashboardLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col md:flex-row">
      <Sidebar />
      <main id="main" className="min-w-0 flex-1 px-4 py-6 md:px-8">
        <RouteLoading>{children}</RouteLoading>
      </main>
    </div>
  );
}
