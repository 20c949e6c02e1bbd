import { SeverityBadge } from "@/components/ui/badge";

export interface FindingListItem {
  severity: string;
  message: string;
  location: string;
}

export function FindingList({ findings }: { findings: FindingListItem[] }) {
  return (
    <ul className="flex flex-col gap-1">
      {findings.map((finding, index) => (
        <li key={index} className="flex flex-wrap items-baseline gap-x-2 gap-y-0.5">
          <SeverityBadge severity={finding.severity} />
          <span className="text-slate-800">{finding.message}</span>
          <code className="break-all font-mono text-xs text-slate-500">{finding.location}</code>
        </li>
      ))}
    </ul>
  );
}
