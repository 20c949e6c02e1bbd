import { READINESS_SERIES } from "./readiness-colors";

export function ReadinessLegend() {
  return (
    <ul aria-hidden className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600">
      {READINESS_SERIES.map((series) => (
        <li key={series.key} className="flex items-center gap-1.5">
          <span className={`inline-block size-2.5 rounded-sm ${series.className}`} />
          {series.label}
        </li>
      ))}
    </ul>
  );
}
