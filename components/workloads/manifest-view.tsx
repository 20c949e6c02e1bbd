import { SEVERITIES, SEVERITY_STYLES, type Severity } from "@/lib/domain";
import { cn } from "@/lib/utils";

export interface ManifestMark {
  line: number;
  severity: Severity;
  /** Shown beside the line. */
  label: string;
  /** False when the field itself is absent and the mark sits on its nearest parent. */
  isExact: boolean;
}

export interface ManifestViewProps {
  yaml: string;
  marks: readonly ManifestMark[];
}

/** The manifest with line numbers; lines a finding points at are tinted and carry the finding. */
export function ManifestView({ yaml, marks }: ManifestViewProps) {
  const lines = yaml.replace(/\n$/, "").split("\n");
  const byLine = new Map<number, ManifestMark[]>();
  for (const mark of marks) byLine.set(mark.line, [...(byLine.get(mark.line) ?? []), mark]);

  return (
    // relative: the marks' sr-only text is absolutely positioned, and only a positioned scroll box clips it (else it widens the page).
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <ol aria-label="Manifest lines" className="min-w-max py-2 font-mono text-xs leading-5">
        {lines.map((text, index) => {
          const line = index + 1;
          const lineMarks = byLine.get(line);
          const top = SEVERITIES.map((severity) => lineMarks?.find((m) => m.severity === severity)).find((mark) => mark !== undefined);
          return (
            <li
              key={line}
              id={`manifest-line-${line}`}
              data-highlighted={top ? "true" : undefined}
              className={cn("flex scroll-mt-24 border-l-4 border-l-transparent", top && SEVERITY_STYLES[top.severity].line)}
            >
              <span aria-hidden className="w-12 shrink-0 select-none pr-3 text-right text-slate-400">
                {line}
              </span>
              <code className="whitespace-pre pr-6">{text || " "}</code>
              {lineMarks ? (
                <span className="flex flex-col gap-0.5 pr-4 font-sans text-slate-700">
                  {lineMarks.map((mark) => (
                    <mark key={mark.label} className="bg-transparent text-inherit">
                      <span className="sr-only">Finding on this line: </span>◀ {mark.label}
                      {mark.isExact ? "" : " (field missing here)"}
                    </mark>
                  ))}
                </span>
              ) : null}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
