import type { Metadata } from "next";
import { connection } from "next/server";
import { PageHeader } from "@/components/ui/page-header";
import { UploadForm } from "@/components/uploads/upload-form";
import { getClusterNames } from "@/lib/data/clusters";
import { DEFAULT_PROFILE_ID, PROFILES } from "@/lib/scoring/profiles";
import { getMaxUploadBytes } from "@/lib/validations/uploads";

export const metadata: Metadata = { title: "Upload inventory" };

export default async function NewUploadPage() {
  // Render per request: the cluster suggestions and the size limit are not known at build time.
  await connection();
  const clusterNames = await getClusterNames();
  return (
    <>
      <PageHeader
        title="Upload inventory"
        description="Files are scanned on this server: Kubernetes manifests and kubectl output (YAML or JSON), docker/podman inspect, Compose files."
      />
      <UploadForm
        clusterNames={clusterNames}
        targets={PROFILES.map((profile) => ({ id: profile.id, title: profile.title }))}
        defaultTarget={DEFAULT_PROFILE_ID}
        maxBytes={getMaxUploadBytes()}
      />
    </>
  );
}
