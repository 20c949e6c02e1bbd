import Link from "next/link";
import { buttonClassName } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export default function UploadNotFound() {
  return (
    <EmptyState title="Upload not found">
      <p>There is no upload with this number. It may have been removed with its cluster.</p>
      <Link href="/uploads" className={buttonClassName("secondary")}>
        All uploads
      </Link>
    </EmptyState>
  );
}
