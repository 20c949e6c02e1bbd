import { Button } from "@/components/ui/button";

export interface ReportFormProps {
  clusters: string[];
  teams: string[];
  canPrintPdf: boolean;
}

// A select is as wide as its longest option: a long team name would widen the page past a phone's width.
const SELECT_CLASS = "w-full max-w-full truncate rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm sm:w-72";

/**
 * A plain GET form: each button submits the scope to its route handler, which answers with the file
 * (Content-Disposition: attachment), so the download works without JavaScript.
 */
export function ReportForm({ clusters, teams, canPrintPdf }: ReportFormProps) {
  return (
    <form method="get" action="/api/reports/html" className="flex flex-col gap-5" aria-label="Report scope">
      {/* A fieldset is min-content wide by default, which is what let it stretch. */}
      <fieldset className="flex min-w-0 flex-wrap gap-6">
        <legend className="mb-2 text-sm text-slate-600">Pick a cluster, a team, both, or neither for the whole estate.</legend>
        <div className="flex min-w-0 max-w-full flex-col gap-1">
          <label htmlFor="report-cluster" className="text-sm font-medium text-slate-700">
            Cluster
          </label>
          <select id="report-cluster" name="cluster" defaultValue="" className={SELECT_CLASS}>
            <option value="">All clusters</option>
            {clusters.map((cluster) => (
              <option key={cluster} value={cluster}>
                {cluster}
              </option>
            ))}
          </select>
        </div>
        <div className="flex min-w-0 max-w-full flex-col gap-1">
          <label htmlFor="report-team" className="text-sm font-medium text-slate-700">
            Team
          </label>
          <select id="report-team" name="team" defaultValue="" className={SELECT_CLASS}>
            <option value="">All teams</option>
            {teams.map((team) => (
              <option key={team} value={team}>
                {team}
              </option>
            ))}
          </select>
        </div>
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" formAction="/api/reports/html">
          Download HTML
        </Button>
        <Button
          type="submit"
          variant="secondary"
          formAction="/api/reports/pdf"
          disabled={!canPrintPdf}
          aria-describedby={canPrintPdf ? undefined : "pdf-unavailable"}
        >
          Download PDF
        </Button>
      </div>
      {canPrintPdf ? null : (
        <p id="pdf-unavailable" className="text-sm text-amber-800">
          PDF export needs Chromium on the server: install it with <code>apt-get install chromium</code> (or set <code>CHROMIUM_PATH</code>)
          and reload this page. The HTML report needs nothing and prints to PDF from any browser.
        </p>
      )}
    </form>
  );
}
