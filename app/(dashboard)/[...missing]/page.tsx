import { notFound } from "next/navigation";

// Any other address answers 404 inside the dashboard layout (app/(dashboard)/not-found.tsx), sidebar included.
export default function MissingPage() {
  notFound();
}
