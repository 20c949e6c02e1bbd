import { isReadiness, READINESS_STYLES } from "@/lib/domain";
import { cn } from "@/lib/utils";

export interface ScoreBarProps {
  score: number;
  readiness: string;
  showValue?: boolean;
  className?: string;
}

export function ScoreBar({ score, readiness, showValue = true, className }: ScoreBarProps) {
  return (
    <div className={cn("flex items-center gap-2", className)}>
      {showValue ? <span className="w-7 text-right font-mono tabular-nums">{score}</span> : null}
      <div aria-hidden className="h-1.5 w-16 overflow-hidden rounded-full bg-slate-200">
        <div
          className={cn("h-full rounded-full", isReadiness(readiness) ? READINESS_STYLES[readiness].bg : "bg-slate-500")}
          style={{ width: `${score}%` }}
        />
      </div>
    </div>
  );
}
