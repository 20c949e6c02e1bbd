// GET /api/exports/uploads/<id>?format=…: that upload's snapshot (current or not).
import { db } from "@/lib/db";
import { fileNamePart, respondWithExport } from "../../respond";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id: raw } = await params;
  const id = /^\d{1,12}$/.test(raw) ? Number(raw) : NaN;
  const upload = Number.isSafeInteger(id)
    ? await db.upload.findUnique({ where: { id }, select: { id: true, cluster: { select: { name: true } } } })
    : null;
  if (!upload) return Response.json({ error: "No such upload." }, { status: 404 });
  return respondWithExport(request.url, {
    where: { uploadId: upload.id },
    scope: `upload ${upload.id} (${upload.cluster.name})`,
    fileName: `kata-readiness-upload-${upload.id}-${fileNamePart(upload.cluster.name)}`,
  });
}
