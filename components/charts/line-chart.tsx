import { ChartDataTable, ChartFigure } from "./chart-figure";
import { formatCount, formatSvgNumber } from "@/lib/format";

export interface LineSeries {
  key: string;
  label: string;
  /** CSS colour of the line and its legend swatch. */
  color: string;
  /** One value per x label; dashed lines read as secondary. */
  values: number[];
  dashed?: boolean;
}

export interface LineChartProps {
  title: string;
  description?: React.ReactNode;
  /** One label per point, oldest first (e.g. "#12 · 2 Dec"). */
  xLabels: string[];
  series: LineSeries[];
  empty?: React.ReactNode;
}

const WIDTH = 600;
const HEIGHT = 220;
const PAD = { top: 12, right: 12, bottom: 30, left: 48 };

/** Lines over snapshots in an SVG that scales to its container; the hidden table carries the values. */
export function LineChart({ title, description, xLabels, series, empty }: LineChartProps) {
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const x = (index: number) => PAD.left + (xLabels.length <= 1 ? plotWidth / 2 : (index / (xLabels.length - 1)) * plotWidth);
  const y = (value: number) => PAD.top + plotHeight - (value / max) * plotHeight;
  const ticks = [0, 0.5, 1].map((fraction) => Math.round(max * fraction)).filter((tick, i, all) => all.indexOf(tick) === i);
  // Label the first and last snapshot, and a few between when there is room.
  const every = Math.max(1, Math.ceil(xLabels.length / 4));

  return (
    <ChartFigure
      title={title}
      description={description}
      dataTable={
        <ChartDataTable
          caption={title}
          columns={["Snapshot", ...series.map((s) => s.label)]}
          rows={xLabels.map((label, index) => ({ label, values: series.map((s) => s.values[index] ?? 0) }))}
        />
      }
    >
      {xLabels.length === 0 ? (
        <p className="text-sm text-slate-500">{empty ?? "No snapshots yet."}</p>
      ) : (
        <>
          <ul aria-hidden className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600">
            {series.map((s) => (
              <li key={s.key} className="flex items-center gap-1.5">
                <span className="inline-block h-0.5 w-4" style={{ backgroundColor: s.color }} />
                {s.label}
              </li>
            ))}
          </ul>
          <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="h-auto w-full" aria-hidden>
            {ticks.map((tick) => (
              <g key={tick}>
                <line
                  x1={PAD.left}
                  x2={WIDTH - PAD.right}
                  y1={formatSvgNumber(y(tick))}
                  y2={formatSvgNumber(y(tick))}
                  className="stroke-slate-200"
                />
                <text
                  x={PAD.left - 8}
                  y={formatSvgNumber(y(tick))}
                  textAnchor="end"
                  dominantBaseline="middle"
                  className="fill-slate-500 text-[11px]"
                >
                  {formatCount(tick)}
                </text>
              </g>
            ))}
            {xLabels.map((label, index) =>
              index % every === 0 || index === xLabels.length - 1 ? (
                <text key={label} x={formatSvgNumber(x(index))} y={HEIGHT - 10} textAnchor="middle" className="fill-slate-500 text-[11px]">
                  {label}
                </text>
              ) : null,
            )}
            {series.map((s) => (
              <g key={s.key}>
                <polyline
                  fill="none"
                  stroke={s.color}
                  strokeWidth={2}
                  strokeDasharray={s.dashed ? "5 4" : undefined}
                  points={s.values.map((value, index) => `${formatSvgNumber(x(index))},${formatSvgNumber(y(value))}`).join(" ")}
                />
                {s.values.map((value, index) => (
                  <circle key={index} cx={formatSvgNumber(x(index))} cy={formatSvgNumber(y(value))} r={3} fill={s.color}>
                    <title>{`${s.label}, ${xLabels[index]}: ${formatCount(value)}`}</title>
                  </circle>
                ))}
              </g>
            ))}
          </svg>
        </>
      )}
    </ChartFigure>
  );
}
