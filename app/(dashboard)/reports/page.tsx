import type { Metadata } from "next";
import { ReportForm } from "@/components/reports/report-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { NoDataEmptyState } from "@/components/uploads/no-data-empty-state";
import { getReportScopes } from "@/lib/data/reports";
import { isChromiumAvailable } from "@/lib/report-pdf";

export const metadata: Metadata = { title: "Reports" };
export const dynamic = "force-dynamic";

export default async function ReportsPage() {
  const [scopes, canPrintPdf] = await Promise.all([getReportScopes(), isChromiumAvailable()]);
  return (
    <>
      <PageHeader
        title="Reports"
        description="A readiness report for a cluster, a team or the whole estate: summary and migration paths, trend across snapshots, the rules that block the most workloads with their remediation, per-team tables, every blocked workload with its fix, and the sizing impact."
      />
      {scopes.clusters.length === 0 ? (
        <NoDataEmptyState title="Nothing to report yet">
          <p>Upload an inventory, or load the sample, to get a report.</p>
        </NoDataEmptyState>
      ) : (
        <Card className="max-w-3xl">
          <ReportForm clusters={scopes.clusters} teams={scopes.teams} canPrintPdf={canPrintPdf} />
          <p className="mt-5 text-sm text-slate-600">
            The HTML file is self-contained (no scripts, fonts or images to fetch): it opens offline and prints as it is. The PDF is the
            same report printed by Chromium on the server, with real, selectable text.
          </p>
        </Card>
      )}
    </>
  );
}
