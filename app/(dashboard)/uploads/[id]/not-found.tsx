import { NotFoundState } from "@/components/ui/not-found-state";

export default function UploadNotFound() {
  return (
    <NotFoundState
      title="Upload not found"
      description="There is no upload with this number. It may have been removed with its cluster."
      backHref="/uploads"
      backLabel="All uploads"
    />
  );
}
