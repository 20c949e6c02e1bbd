import { htmlReport } from "@/lib/export/report-html";
import { ChromiumMissingError, renderPdf } from "@/lib/report-pdf";
import { reportFileName } from "@/lib/validations/reports";
import { attachment, readReportRequest } from "../report-request";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const report = await readReportRequest(request);
  if (!report.ok) return report.response;
  let pdf: Buffer;
  try {
    pdf = await renderPdf(htmlReport(report.model));
  } catch (error) {
    if (error instanceof ChromiumMissingError) return Response.json({ error: error.message }, { status: 503 });
    throw error;
  }
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": attachment(reportFileName(report.params, report.model.generatedAt, "pdf")),
      "Content-Length": String(pdf.byteLength),
      "Cache-Control": "no-store",
    },
  });
}
