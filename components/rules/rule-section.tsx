import { Card } from "@/components/ui/card";

export interface RuleSectionProps {
  id: string;
  title: string;
  actions?: React.ReactNode;
  children: React.ReactNode;
}

/** A titled region of the rule page; the heading names it for assistive tech. */
export function RuleSection({ id, title, actions, children }: RuleSectionProps) {
  return (
    <Card aria-labelledby={id} className="flex flex-col gap-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={id} className="text-base font-semibold text-slate-900">
          {title}
        </h2>
        {actions}
      </div>
      {children}
    </Card>
  );
}
