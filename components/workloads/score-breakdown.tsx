import Link from "next/link";
import { SeverityBadge } from "@/components/ui/badge";
import { formatExpiry } from "@/lib/format";
import { findRule } from "@/lib/rules/catalog";
import { SCORE_FORMULA_TEXT, type ScoreBreakdown as Breakdown } from "@/lib/scoring/assess";

export interface ScoreBreakdownProps {
  breakdown: Breakdown;
  /** Waivers the figures use: their rules take nothing off. */
  waivers?: readonly { id: number; ruleId: string; expiresAt: Date }[];
}

export function ScoreBreakdown({ breakdown, waivers = [] }: ScoreBreakdownProps) {
  return (
    <div className="flex flex-col gap-2 text-sm">
      {breakdown.length === 0 ? (
        <p className="text-slate-600">No blocker or warning: nothing is taken off.</p>
      ) : (
        <table className="w-full">
          <caption className="sr-only">Points taken off the score, per rule</caption>
          <thead className="sr-only">
            <tr>
              <th scope="col">Rule</th>
              <th scope="col">Severity</th>
              <th scope="col">Points</th>
            </tr>
          </thead>
          <tbody>
            {breakdown.map((item) => (
              <tr key={item.ruleId} className="border-b border-slate-100 last:border-0">
                <td className="py-1.5 pr-2">
                  <Link href={`/rules/${item.ruleId}`} className="underline-offset-2 hover:underline">
                    {findRule(item.ruleId)?.title ?? item.ruleId}
                  </Link>
                  {item.findings > 1 ? <span className="text-slate-500"> ({item.findings} findings, counted once)</span> : null}
                </td>
                <td className="py-1.5 pr-2">
                  <SeverityBadge severity={item.severity} />
                </td>
                <td className="py-1.5 text-right font-mono tabular-nums">−{item.points}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {waivers.length > 0 ? (
        <p className="text-xs text-violet-800">
          Waivers used:{" "}
          {waivers.map((waiver, index) => (
            <span key={waiver.id}>
              {index > 0 ? ", " : null}
              <Link href={`/waivers#waiver-${waiver.id}`} className="underline underline-offset-2">
                #{waiver.id} {waiver.ruleId}
              </Link>{" "}
              {formatExpiry(waiver.expiresAt)}
            </span>
          ))}
          : their rules take nothing off.
        </p>
      ) : null}
      <p className="text-xs text-slate-500">Score = {SCORE_FORMULA_TEXT}</p>
    </div>
  );
}
