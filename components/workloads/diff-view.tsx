import { CopyButton } from "@/components/ui/copy-button";
import { cn } from "@/lib/utils";

export interface DiffViewProps {
  /** A unified diff (`--- a`, `+++ b`, `@@ … @@` hunks). */
  diff: string;
  label: string;
}

function lineClass(line: string): string {
  if (line.startsWith("+++") || line.startsWith("---")) return "text-slate-500";
  if (line.startsWith("@@")) return "bg-slate-100 text-slate-500";
  if (line.startsWith("+")) return "bg-green-50 text-green-900";
  if (line.startsWith("-")) return "bg-red-50 text-red-900";
  return "text-slate-700";
}

/** The diff in its own scrolling box (a long line never widens the page), with a copy button. */
export function DiffView({ diff, label }: DiffViewProps) {
  return (
    <div className="relative min-w-0">
      <pre
        aria-label={label}
        className="overflow-x-auto rounded-md border border-slate-200 bg-white py-2 pr-16 font-mono text-xs leading-5"
      >
        {diff
          .replace(/\n$/, "")
          .split("\n")
          .map((line, index) => (
            <span key={index} className={cn("block px-3", lineClass(line))}>
              {line || " "}
            </span>
          ))}
      </pre>
      <CopyButton text={diff} label={`Copy ${label.charAt(0).toLowerCase()}${label.slice(1)}`} className="absolute right-2 top-2" />
    </div>
  );
}
