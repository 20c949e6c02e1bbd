import { ChartDataTable, ChartFigure } from "./chart-figure";
import { formatCount } from "@/lib/format";

export interface HistogramBin {
  label: string;
  value: number;
  /** CSS color of the bar. */
  color: string;
}

export interface HistogramProps {
  title: string;
  description?: React.ReactNode;
  xLabel: string;
  yLabel: string;
  bins: HistogramBin[];
}

const WIDTH = 600;
const HEIGHT = 220;
const PAD = { top: 16, right: 8, bottom: 36, left: 44 };

/** Vertical bars in an SVG that scales to its container; the hidden table carries the values. */
export function Histogram({ title, description, xLabel, yLabel, bins }: HistogramProps) {
  const max = Math.max(1, ...bins.map((bin) => bin.value));
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const step = plotWidth / Math.max(1, bins.length);
  const ticks = [0, 0.5, 1].map((fraction) => Math.round(max * fraction)).filter((tick, i, all) => all.indexOf(tick) === i);
  const y = (value: number) => PAD.top + plotHeight - (value / max) * plotHeight;

  return (
    <ChartFigure
      title={title}
      description={description}
      dataTable={
        <ChartDataTable caption={title} columns={[xLabel, yLabel]} rows={bins.map((bin) => ({ label: bin.label, values: [bin.value] }))} />
      }
    >
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="h-auto w-full" aria-hidden>
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} className="stroke-slate-200" />
            <text x={PAD.left - 8} y={y(tick)} textAnchor="end" dominantBaseline="middle" className="fill-slate-500 text-[11px]">
              {formatCount(tick)}
            </text>
          </g>
        ))}
        {bins.map((bin, index) => {
          const x = PAD.left + index * step + step * 0.12;
          const barHeight = (bin.value / max) * plotHeight;
          return (
            <g key={bin.label}>
              <rect x={x} y={PAD.top + plotHeight - barHeight} width={step * 0.76} height={barHeight} rx={2} fill={bin.color}>
                <title>{`${bin.label}: ${bin.value}`}</title>
              </rect>
              {bin.value > 0 ? (
                <text
                  x={x + step * 0.38}
                  y={PAD.top + plotHeight - barHeight - 4}
                  textAnchor="middle"
                  className="fill-slate-700 text-[11px]"
                >
                  {formatCount(bin.value)}
                </text>
              ) : null}
              <text x={x + step * 0.38} y={HEIGHT - PAD.bottom + 16} textAnchor="middle" className="fill-slate-500 text-[11px]">
                {bin.label}
              </text>
            </g>
          );
        })}
        <text x={PAD.left + plotWidth / 2} y={HEIGHT - 4} textAnchor="middle" className="fill-slate-500 text-[11px]">
          {xLabel}
        </text>
      </svg>
    </ChartFigure>
  );
}
