// The readiness report as one self-contained HTML file: inline CSS and SVG, no scripts, no fonts,
// images or stylesheets to fetch, so it opens offline and prints (to PDF too) as it is.
import { MIGRATION_PATH_STYLES, REMEDY_STYLES } from "../domain";
import { formatCount, formatCountOf, formatGiB, formatKind, formatVcpuTotal } from "../format";
import { parseMarkdown, type Block, type Inline } from "../markdown";
import { MIGRATION_PATHS } from "../scoring/migration-path";
import { describeSizingSummary } from "../scoring/sizing";
import { escapeHtml as esc } from "./report-escape";
import { readinessPercent, type ReportGroup, type ReportModel } from "./report-model";
import { barChartSvg, percentLineSvg, stackedBarSvg, type Bar } from "./report-svg";

const COLORS = {
  ready: "#15803d",
  needsChanges: "#b45309",
  blocked: "#b91c1c",
} as const;

const PATHS = MIGRATION_PATHS;

const NO_TEAM = "(no team)";

const STYLE = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Liberation Sans", "DejaVu Sans", sans-serif; color: #0f172a; background: #fff; }
main { max-width: 1080px; margin: 0 auto; padding: 32px 40px 48px; }
h1 { font-size: 26px; margin: 0 0 4px; letter-spacing: -0.01em; }
h2 { font-size: 19px; margin: 36px 0 12px; padding-bottom: 6px; border-bottom: 2px solid #e2e8f0; }
h3 { font-size: 15px; margin: 20px 0 6px; }
p { margin: 6px 0; }
.meta { color: #475569; margin: 0 0 20px; }
.stats { display: grid; grid-template-columns: repeat(6, minmax(0, 1fr)); gap: 10px; margin: 12px 0 20px; padding: 0; list-style: none; }
.stat { border: 1px solid #e2e8f0; border-radius: 8px; padding: 10px 12px; }
.stat-label { display: block; color: #475569; font-size: 12px; white-space: nowrap; }
.nowrap { white-space: nowrap; }
.stat-value { display: block; font-size: 22px; font-weight: 650; font-variant-numeric: tabular-nums; }
.ready { color: ${COLORS.ready}; } .needs-changes { color: ${COLORS.needsChanges}; } .blocked { color: ${COLORS.blocked}; }
figure { margin: 12px 0 20px; break-inside: avoid; }
figcaption { font-weight: 600; margin-bottom: 6px; }
.chart { max-width: 100%; height: auto; display: block; }
.chart-label { font-size: 12px; fill: #0f172a; }
.chart-value { font-size: 12px; fill: #334155; font-variant-numeric: tabular-nums; }
.chart-axis { font-size: 11px; fill: #64748b; }
.chart-grid { stroke: #e2e8f0; stroke-width: 1; }
.chart-row { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 24px; align-items: start; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; font-size: 13px; }
caption { text-align: left; font-weight: 600; padding-bottom: 4px; }
th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid #e2e8f0; vertical-align: top; }
th.group { text-align: center; border-bottom: 2px solid #cbd5e1; }
th { background: #f8fafc; font-weight: 600; color: #334155; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
code { font: 0.88em/1.4 ui-monospace, "DejaVu Sans Mono", "Liberation Mono", monospace; background: #f1f5f9; border-radius: 3px; padding: 0 3px; overflow-wrap: anywhere; }
pre { font: 0.88em/1.45 ui-monospace, "DejaVu Sans Mono", "Liberation Mono", monospace; background: #f1f5f9; border-radius: 6px; padding: 8px 10px; overflow-x: auto; white-space: pre-wrap; }
pre code { background: none; padding: 0; }
.rule { border: 1px solid #e2e8f0; border-radius: 8px; padding: 10px 14px; margin: 10px 0; }
.rule h3 { margin-top: 0; }
.rule-meta { color: #475569; font-size: 13px; }
.workload { border-left: 3px solid ${COLORS.blocked}; padding: 2px 0 2px 12px; margin: 14px 0; break-inside: avoid; }
.workload-meta, .rule-meta { break-after: avoid; }
pre { break-inside: avoid; }
table.groups tbody th[scope="row"] { width: 24%; overflow-wrap: break-word; }
table.figures { max-width: 560px; }
.workload h3 { margin: 0; overflow-wrap: anywhere; }
.workload-meta { color: #475569; font-size: 13px; overflow-wrap: anywhere; }
.more { font-weight: 600; }
.badge { display: inline-block; border-radius: 999px; padding: 0 8px; font-size: 12px; background: #f1f5f9; color: #334155; }
.expiring { color: ${COLORS.needsChanges}; font-weight: 600; }
footer { margin-top: 40px; color: #64748b; font-size: 12px; border-top: 1px solid #e2e8f0; padding-top: 8px; }
a { color: #1d4ed8; }
@media (max-width: 800px) { .stats { grid-template-columns: repeat(3, minmax(0, 1fr)); } .chart-row { grid-template-columns: 1fr; } main { padding: 20px; } }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body { font-size: 11px; }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; margin-top: 24px; }
  h3 { break-after: avoid; }
  table { font-size: 10.5px; }
  .stats { grid-template-columns: repeat(6, minmax(0, 1fr)); }
  .stat-value { font-size: 18px; }
  .stat-label { font-size: 10px; }
  .chart-row { grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); }
  a { color: inherit; text-decoration: none; }
}
`;

function formatDate(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

function formatDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The report, in pieces, so a route can stream it and the CLI can write it as it goes. */
export function* htmlReportChunks(model: ReportModel): Generator<string> {
  yield (
    `<!doctype html>\n<html lang="en"><head><meta charset="utf-8">` +
    // No network at all: the policy blocks anything a value might smuggle in, on top of the escaping.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${esc(model.title)}</title><style>${STYLE}</style></head><body><main>`
  );
  yield renderHeader(model);
  yield renderSummary(model);
  if (model.trend.length > 0) yield renderTrend(model);
  yield renderTopRules(model);
  yield renderGroups("Teams", "teams", model.teams, NO_TEAM);
  if (model.clusters.length > 1) yield renderGroups("Clusters", "clusters", model.clusters, "");
  yield* renderBlocked(model);
  if (model.acceptedRisks) yield renderAcceptedRisks(model.acceptedRisks, model.generatedAt);
  yield renderSizing(model);
  yield `<footer>Generated by Kata Readiness on ${esc(formatDate(model.generatedAt))} · rule catalog ${esc(model.catalogVersion)}.</footer></main></body></html>\n`;
}

export function htmlReport(model: ReportModel): string {
  return [...htmlReportChunks(model)].join("");
}

function renderHeader(model: ReportModel): string {
  const targets = model.targets.length > 0 ? model.targets.map((t) => `<code>${esc(t)}</code>`).join(", ") : "none";
  return (
    `<header><h1>${esc(model.title)}</h1><p class="meta">Generated ${esc(formatDate(model.generatedAt))} · ` +
    `target ${model.targets.length === 1 ? "profile" : "profiles"} ${targets} · ${formatCountOf(model.counts.workloads, "workload")}</p></header>`
  );
}

function stat(label: string, value: string, className = ""): string {
  return `<li class="stat" aria-label="${esc(label)}"><span class="stat-label">${esc(label)}</span><span class="stat-value ${className}">${value}</span></li>`;
}

function renderSummary(model: ReportModel): string {
  const { counts, paths } = model;
  const readiness: Bar[] = [
    { label: "Ready", value: counts.ready, color: COLORS.ready },
    { label: "Needs changes", value: counts.needsChanges, color: COLORS.needsChanges },
    { label: "Blocked", value: counts.blocked, color: COLORS.blocked },
  ];
  const pathBars: Bar[] = PATHS.map((path) => ({
    label: MIGRATION_PATH_STYLES[path].label,
    value: paths[path],
    color: MIGRATION_PATH_STYLES[path].color,
  }));
  return (
    `<section aria-labelledby="summary"><h2 id="summary">Summary</h2><ul class="stats">` +
    stat("Workloads", formatCount(counts.workloads)) +
    stat("Ready", formatCount(counts.ready), "ready") +
    stat("Needs changes", formatCount(counts.needsChanges), "needs-changes") +
    stat("Blocked", formatCount(counts.blocked), "blocked") +
    stat("Migrated", formatCount(counts.migrated)) +
    stat("Readiness", `${model.readinessPercent}%`) +
    `</ul>` +
    figure(
      "chart-readiness",
      "Workloads by readiness",
      stackedBarSvg("chart-readiness-svg", "Workloads by readiness", readiness),
      barsTable("Readiness", readiness, counts.workloads),
    ) +
    `<p>A migration path says what kind of work stands between a workload and Kata: none (<b>ready</b>), changes to its manifest, ` +
    `work on the platform (Kata configuration, nodes, RuntimeClass), or none possible (<b>stays on runc</b>).</p>` +
    figure(
      "chart-paths",
      "Migration paths",
      barChartSvg("chart-paths-svg", "Workloads by migration path", pathBars),
      barsTable("Migration path", pathBars, counts.workloads),
    ) +
    `</section>`
  );
}

function figure(id: string, caption: string, svg: string, table: string): string {
  return `<figure aria-labelledby="${id}"><figcaption id="${id}">${esc(caption)}</figcaption><div class="chart-row"><div>${svg}</div><div>${table}</div></div></figure>`;
}

function barsTable(heading: string, bars: readonly Bar[], total: number): string {
  const rows = bars
    .map(
      (bar) =>
        `<tr><th scope="row">${esc(bar.label)}</th><td class="num">${formatCount(bar.value)}</td><td class="num">${total === 0 ? 0 : Math.round((bar.value / total) * 100)}%</td></tr>`,
    )
    .join("");
  return `<table><thead><tr><th scope="col">${esc(heading)}</th><th scope="col" class="num">Workloads</th><th scope="col" class="num">Share</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function renderTrend(model: ReportModel): string {
  const parts = model.trend.map((series, index) => {
    // Several snapshots on one day: label them with the time too.
    const oneDayTwice = new Set(series.points.map((point) => formatDay(point.at))).size < series.points.length;
    const points = series.points.map((point) => ({
      label: oneDayTwice ? point.at.toISOString().slice(5, 16).replace("T", " ") : formatDay(point.at),
      value: readinessPercent({ workloads: point.workloads, ready: point.ready }),
    }));
    const rows = series.points
      .map(
        (point, i) =>
          `<tr><td>${esc(formatDate(point.at))}</td><td class="num">${formatCount(point.workloads)}</td><td class="num">${formatCount(point.ready)}</td>` +
          `<td class="num">${formatCount(point.needsChanges)}</td><td class="num">${formatCount(point.blocked)}</td><td class="num">${points[i].value}%</td></tr>`,
      )
      .join("");
    const table =
      `<table><thead><tr><th scope="col">Snapshot</th><th scope="col" class="num">Workloads</th><th scope="col" class="num">Ready</th>` +
      `<th scope="col" class="num">Needs changes</th><th scope="col" class="num">Blocked</th><th scope="col" class="num">Readiness</th></tr></thead><tbody>${rows}</tbody></table>`;
    const title = `Readiness of cluster ${series.cluster} across ${series.points.length} snapshots`;
    return (
      `<figure aria-labelledby="chart-trend-${index}"><figcaption id="chart-trend-${index}">${esc(title)}</figcaption>` +
      `${percentLineSvg(`chart-trend-${index}-svg`, title, points, COLORS.ready)}${table}</figure>`
    );
  });
  return `<section aria-labelledby="trend"><h2 id="trend">Trend</h2>${parts.join("")}</section>`;
}

function renderTopRules(model: ReportModel): string {
  if (model.topBlockingRules.length === 0) {
    return `<section aria-labelledby="rules"><h2 id="rules">Top blocking rules</h2><p>No workload in this report is blocked.</p></section>`;
  }
  const bars: Bar[] = model.topBlockingRules.map((rule) => ({ label: rule.title, value: rule.workloads, color: COLORS.blocked }));
  const rules = model.topBlockingRules
    .map(
      (rule) =>
        `<article class="rule" id="rule-${esc(rule.ruleId)}"><h3>${esc(rule.title)}</h3>` +
        `<p class="rule-meta"><code>${esc(rule.ruleId)}</code> · blocks ${formatCountOf(rule.workloads, "workload")} · ${esc(rule.remedy ? REMEDY_STYLES[rule.remedy].label : "No remedy")}</p>` +
        `${markdownToHtml(rule.remediation)}</article>`,
    )
    .join("");
  return (
    `<section aria-labelledby="rules"><h2 id="rules">Top blocking rules</h2>` +
    figure(
      "chart-rules",
      "Rules blocking the most workloads",
      barChartSvg("chart-rules-svg", "Workloads blocked per rule", bars),
      barsTable("Rule", bars, model.counts.workloads),
    ) +
    `${rules}</section>`
  );
}

function renderGroups(heading: string, id: string, groups: readonly ReportGroup[], noLabel: string): string {
  if (groups.length === 0) return `<section aria-labelledby="${id}"><h2 id="${id}">${heading}</h2><p>No workloads.</p></section>`;
  const head =
    `<tr><td colspan="7"></td><th scope="colgroup" colspan="${PATHS.length}" class="group">Migration path</th></tr>` +
    `<tr><th scope="col">${heading.slice(0, -1)}</th><th scope="col" class="num">Workloads</th><th scope="col" class="num">Ready</th>` +
    `<th scope="col" class="num">Needs changes</th><th scope="col" class="num">Blocked</th><th scope="col" class="num">Migrated</th>` +
    `<th scope="col" class="num">Readiness</th>${PATHS.map((path) => `<th scope="col" class="num">${esc(MIGRATION_PATH_STYLES[path].label)}</th>`).join("")}</tr>`;
  const rows = groups
    .map(
      (group) =>
        `<tr><th scope="row">${esc(group.label ?? noLabel)}</th><td class="num">${formatCount(group.workloads)}</td><td class="num">${formatCount(group.ready)}</td>` +
        `<td class="num">${formatCount(group.needsChanges)}</td><td class="num">${formatCount(group.blocked)}</td><td class="num">${formatCount(group.migrated)}</td>` +
        `<td class="num">${readinessPercent(group)}%</td>${PATHS.map((path) => `<td class="num">${formatCount(group.paths[path])}</td>`).join("")}</tr>`,
    )
    .join("");
  return `<section aria-labelledby="${id}"><h2 id="${id}">${heading}</h2><table class="groups"><thead>${head}</thead><tbody>${rows}</tbody></table></section>`;
}

function* renderBlocked(model: ReportModel): Generator<string> {
  const { workloads, total } = model.blocked;
  yield `<section aria-labelledby="blocked"><h2 id="blocked">Blocked workloads</h2>`;
  if (total === 0) {
    yield `<p>No workload in this report is blocked.</p></section>`;
    return;
  }
  yield `<p>${formatCountOf(total, "workload")} cannot move to Kata until ${total === 1 ? "its" : "their"} blockers are resolved. Each blocker comes with the first step of its fix; the rule sections above give the full remediation.</p>`;
  for (const workload of workloads) {
    const where = [workload.cluster, workload.namespace ?? "", formatKind(workload.kind)].filter(Boolean).map(esc).join(" / ");
    const rows = workload.blockers
      .map(
        (blocker) =>
          `<tr><td class="nowrap"><code>${esc(blocker.ruleId)}</code></td><td>${blocker.container === null ? "(pod)" : esc(blocker.container)}</td>` +
          `<td>${esc(blocker.message)}<br><code>${esc(blocker.path)}</code></td><td>${inlineMarkdown(blocker.fix)}</td></tr>`,
      )
      .join("");
    yield (
      `<article class="workload"><h3>${esc(workload.name)}</h3>` +
      `<p class="workload-meta">${where} · team ${esc(workload.team ?? NO_TEAM)} · score ${workload.score} · path <span class="badge">${esc(MIGRATION_PATH_STYLES[workload.path].label)}</span></p>` +
      `<table><thead><tr><th scope="col">Rule</th><th scope="col">Container</th><th scope="col">Finding</th><th scope="col">Suggested fix</th></tr></thead><tbody>${rows}</tbody></table></article>`
    );
  }
  const more = total - workloads.length;
  if (more > 0) {
    yield `<p class="more">… and ${formatCountOf(more, "more blocked workload")}. The CSV export of the workloads (filtered on readiness “blocked”) lists all of them.</p>`;
  }
  yield `</section>`;
}

function renderAcceptedRisks(risks: NonNullable<ReportModel["acceptedRisks"]>, now: Date): string {
  const body =
    risks.length === 0
      ? `<p>No accepted risk is in force.</p>`
      : `<table><thead><tr><th scope="col">Rule</th><th scope="col">Scope</th><th scope="col">Reason</th><th scope="col">Approver</th>` +
        `<th scope="col" class="num">Workloads</th><th scope="col">Expires</th></tr></thead><tbody>${risks
          .map((risk) => {
            const days = Math.ceil((risk.expiresAt.getTime() - now.getTime()) / 86_400_000);
            const soon = days <= 30 ? ` <span class="expiring">(in ${formatCountOf(days, "day")})</span>` : "";
            return (
              `<tr><td class="nowrap"><code>${esc(risk.ruleId)}</code></td><td>${esc(risk.scope)}</td><td>${esc(risk.reason)}</td><td>${esc(risk.approver)}</td>` +
              `<td class="num">${formatCount(risk.workloads)}</td><td>${esc(formatDate(risk.expiresAt))}${soon}</td></tr>`
            );
          })
          .join("")}</tbody></table>`;
  return `<section aria-labelledby="risks"><h2 id="risks">Accepted risks</h2><p>Findings waived with a reason and an approver until the date given; after it they count again.</p>${body}</section>`;
}

function renderSizing(model: ReportModel): string {
  const { sizing } = model;
  const sentence =
    sizing.workloads === 0
      ? "No workload is ready to move (ready and not already on Kata)."
      : `${describeSizingSummary(sizing, sizing.workloads === 1 ? "ready workload" : "ready workloads")}.`;
  const rows: [string, string][] = [
    ["Ready workloads not yet on Kata", formatCount(sizing.workloads)],
    ["Pods (one VM each)", formatCount(sizing.pods)],
    ["DaemonSets (counted once, add per node)", formatCount(sizing.perNodeWorkloads)],
    ["Pod overhead the scheduler adds: memory", formatGiB(sizing.overheadMemoryMiB)],
    ["Pod overhead the scheduler adds: CPU", formatVcpuTotal(sizing.overheadMilliCpu)],
    ["Memory of all VMs", formatGiB(sizing.vmMemoryMiB)],
    ["vCPUs of all VMs", `${sizing.vmVcpus}`],
  ];
  return (
    `<section aria-labelledby="sizing"><h2 id="sizing">Sizing impact</h2><p>${esc(sentence.charAt(0).toUpperCase() + sentence.slice(1))}</p>` +
    `<table class="figures"><tbody>${rows.map(([label, value]) => `<tr><th scope="row">${esc(label)}</th><td class="num">${esc(value)}</td></tr>`).join("")}</tbody></table></section>`
  );
}

// Markdown (rule texts) to HTML, escaping every text node. Only absolute http(s) links become links:
// a dashboard-relative link would point nowhere in a file opened offline.
export function markdownToHtml(source: string): string {
  return parseMarkdown(source).map(renderBlock).join("");
}

function inlineMarkdown(source: string): string {
  const blocks = parseMarkdown(source);
  return blocks.length === 1 && blocks[0].type === "paragraph" ? renderInlines(blocks[0].children) : blocks.map(renderBlock).join("");
}

function renderBlock(block: Block): string {
  switch (block.type) {
    case "paragraph":
      return `<p>${renderInlines(block.children)}</p>`;
    case "heading":
      return `<h4>${renderInlines(block.children)}</h4>`;
    case "code":
      return `<pre><code>${esc(block.text)}</code></pre>`;
    case "list": {
      const tag = block.ordered ? "ol" : "ul";
      const start = block.ordered && block.start !== 1 ? ` start="${block.start}"` : "";
      const items = block.items.map(
        (item) =>
          `<li>${item.map((child) => (child.type === "paragraph" ? renderInlines(child.children) : renderBlock(child))).join("")}</li>`,
      );
      return `<${tag}${start}>${items.join("")}</${tag}>`;
    }
    case "quote":
      return `<blockquote>${block.children.map(renderBlock).join("")}</blockquote>`;
    case "table":
      return (
        `<table><thead><tr>${block.header.map((cell) => `<th scope="col">${renderInlines(cell)}</th>`).join("")}</tr></thead>` +
        `<tbody>${block.rows.map((row) => `<tr>${row.map((cell) => `<td>${renderInlines(cell)}</td>`).join("")}</tr>`).join("")}</tbody></table>`
      );
  }
}

function renderInlines(inlines: readonly Inline[]): string {
  return inlines
    .map((inline) => {
      switch (inline.type) {
        case "text":
          return esc(inline.text);
        case "code":
          return `<code>${esc(inline.text)}</code>`;
        case "strong":
          return `<strong>${renderInlines(inline.children)}</strong>`;
        case "em":
          return `<em>${renderInlines(inline.children)}</em>`;
        case "link":
          return /^https?:\/\//i.test(inline.href)
            ? `<a href="${esc(inline.href)}">${renderInlines(inline.children)}</a>`
            : renderInlines(inline.children);
      }
    })
    .join("");
}
