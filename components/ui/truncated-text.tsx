// Long values (names, labels, finding messages) cut for display, so one huge value cannot blow up a
// table or a page. The full value stays reachable: in the tooltip when short enough, or expandable.
import { formatCount } from "@/lib/format";

/** Text longer than this is not copied into a tooltip (it would be sent in full again). */
const MAX_TOOLTIP = 1000;

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** The text cut to `max` characters, the whole of it in the tooltip while that stays small. */
export function TruncatedText({ text, max = 80, className }: { text: string; max?: number; className?: string }) {
  if (text.length <= max) return <span className={className}>{text}</span>;
  return (
    <span className={className} title={text.length <= MAX_TOOLTIP ? text : `${formatCount(text.length)} characters`}>
      {truncate(text, max)}
    </span>
  );
}

/** The text cut to `max` characters, with the rest behind a "show all" toggle (detail pages). */
export function ExpandableText({ text, max = 300 }: { text: string; max?: number }) {
  if (text.length <= max) return <>{text}</>;
  return (
    <details className="inline">
      <summary className="cursor-pointer list-none">
        {truncate(text, max)} <span className="text-xs text-sky-700 underline">show all {formatCount(text.length)} characters</span>
      </summary>
      <span className="whitespace-pre-wrap break-all">{text}</span>
    </details>
  );
}
