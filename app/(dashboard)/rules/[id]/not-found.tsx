import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";

export default function RuleNotFound() {
  return (
    <EmptyState title="Rule not found">
      <p>There is no rule with this id in the catalog.</p>
      <Link href="/rules" className="font-medium text-blue-700 hover:underline">
        Browse all rules
      </Link>
    </EmptyState>
  );
}
