import { NotFoundState } from "@/components/ui/not-found-state";

export default function RuleNotFound() {
  return (
    <NotFoundState
      title="Rule not found"
      description="There is no rule with this id in the catalog."
      backHref="/rules"
      backLabel="Browse all rules"
    />
  );
}
