import { BarList } from "@/components/charts/bar-list";
import { LineChart } from "@/components/charts/line-chart";
import type { ClusterBurnDown, TeamBlockers, TeamBurnDown } from "@/lib/data/progress";
import { formatCount } from "@/lib/format";
import { NONE_VALUE } from "@/lib/validations/workloads";
import { workloadsHref } from "./workloads-href";

const NO_TEAM = "(no team)";
const COLORS = { ready: "var(--ready)", blocked: "var(--blocked)", migrated: "var(--info)" } as const;
// Distinct, colour-blind friendly enough for up to eight teams.
// Palette variables (app/dark-palette.css) rather than hex, so the lines follow the dark theme.
const TEAM_COLORS = ["red-700", "blue-700", "amber-700", "green-700", "violet-600", "cyan-700", "pink-700", "slate-600"].map(
  (shade) => `var(--color-${shade})`,
);

const snapshotLabel = (uploadId: number) => `#${uploadId}`;

export function BlockersByTeam({ teams, otherTeams, cluster }: { teams: TeamBlockers[]; otherTeams: number; cluster: string | null }) {
  return (
    <BarList
      title="Blockers by team"
      description={`Blocked current workloads per team${otherTeams > 0 ? ` · ${formatCount(otherTeams)} more teams not shown` : ""}`}
      valueLabel="Blocked workloads"
      items={teams.map((row) => ({
        key: row.team ?? NONE_VALUE,
        label: row.team ?? NO_TEAM,
        value: row.blocked,
        href: workloadsHref({ cluster, readiness: "blocked", team: row.team ?? NONE_VALUE }),
      }))}
      empty="No blocked workloads."
    />
  );
}

/** Ready, blocked and migrated per snapshot of each cluster's current series: the burn-down. */
export function ClusterBurnDowns({ burnDowns }: { burnDowns: ClusterBurnDown[] }) {
  return burnDowns.map((burn) => (
    <LineChart
      key={burn.cluster}
      title={`Progress of ${burn.cluster}`}
      description={`Workloads per snapshot (${burn.target}), oldest to newest`}
      xLabels={burn.points.map((p) => snapshotLabel(p.uploadId))}
      series={[
        { key: "ready", label: "Ready", color: COLORS.ready, values: burn.points.map((p) => p.ready) },
        { key: "blocked", label: "Blocked", color: COLORS.blocked, values: burn.points.map((p) => p.blocked) },
        { key: "migrated", label: "Migrated", color: COLORS.migrated, values: burn.points.map((p) => p.migrated), dashed: true },
      ]}
    />
  ));
}

/** Blocked workloads per team across one cluster's snapshots. */
export function TeamBurnDownChart({ cluster, burnDown }: { cluster: string; burnDown: TeamBurnDown }) {
  return (
    <LineChart
      title={`Blocked per team in ${cluster}`}
      description="Blocked workloads per team over the latest snapshots (teams as resolved when each was uploaded)"
      xLabels={burnDown.uploads.map((u) => snapshotLabel(u.uploadId))}
      series={burnDown.teams.map((team, index) => ({
        key: team.team ?? NONE_VALUE,
        label: team.team ?? NO_TEAM,
        color: TEAM_COLORS[index % TEAM_COLORS.length],
        values: team.points.map((p) => p.blocked),
      }))}
    />
  );
}
