import type { Metadata } from "next";
import { connection } from "next/server";
import { Card, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { LabelKeysForm } from "@/components/owners/label-keys-form";
import { NamespaceTeamForm, RemoveNamespaceTeamButton } from "@/components/owners/namespace-team-form";
import { OwnersImport } from "@/components/owners/owners-import";
import { getOwnersSettings } from "@/lib/data/owners";
import { formatCount } from "@/lib/format";

export const metadata: Metadata = { title: "Owners" };

export default async function OwnersSettingsPage() {
  // Read at request time: without a request API this page was prerendered from the build machine's database.
  await connection();
  const settings = await getOwnersSettings();
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title="Owners"
        description="A workload's team: its per-workload override, else the first team label that is set, else its namespace's team. Changes apply to current workloads at once and to every later upload."
      />

      <Card className="flex flex-col gap-3" aria-labelledby="label-keys-title">
        <CardTitle id="label-keys-title">Team label keys</CardTitle>
        <LabelKeysForm labelKeys={settings.labelKeys} />
      </Card>

      <Card className="flex flex-col gap-3" aria-labelledby="namespace-teams-title">
        <CardTitle id="namespace-teams-title">Namespace teams</CardTitle>
        {settings.clusters.length === 0 ? (
          <p className="text-sm text-slate-600">Upload a cluster first.</p>
        ) : (
          <NamespaceTeamForm clusters={settings.clusters} />
        )}
        {settings.namespaceTeams.length === 0 ? (
          <p className="text-sm text-slate-600">No namespace is mapped to a team yet.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="min-w-full text-left text-sm" data-testid="namespace-teams">
              <caption className="sr-only">Namespace teams</caption>
              <thead className="text-xs text-slate-500">
                <tr>
                  <th scope="col" className="px-2 py-1">
                    Cluster
                  </th>
                  <th scope="col" className="px-2 py-1">
                    Namespace
                  </th>
                  <th scope="col" className="px-2 py-1">
                    Team
                  </th>
                  <th scope="col" className="px-2 py-1">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {settings.namespaceTeams.map((row) => (
                  <tr key={`${row.clusterId}/${row.namespace}`}>
                    <td className="px-2 py-1">{row.cluster}</td>
                    <td className="break-all px-2 py-1">{row.namespace}</td>
                    <td className="break-all px-2 py-1">{row.team}</td>
                    <td className="px-2 py-1">
                      <RemoveNamespaceTeamButton clusterId={row.clusterId} namespace={row.namespace} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <p className="text-xs text-slate-500">
          {formatCount(settings.overrides)} per-workload overrides; set one on a workload&apos;s page or import them below.
        </p>
      </Card>

      <Card className="flex flex-col gap-3" aria-labelledby="owners-import-title">
        <CardTitle id="owners-import-title">Import owners from CSV</CardTitle>
        <OwnersImport />
      </Card>
    </div>
  );
}
