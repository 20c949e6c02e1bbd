import { htmlReportChunks } from "@/lib/export/report-html";
import { reportFileName } from "@/lib/validations/reports";
import { attachment, readReportRequest } from "../report-request";

export const dynamic = "force-dynamic";

// The report streams as it is rendered: the blocked workloads, its longest part, never sit in one string.
export async function GET(request: Request): Promise<Response> {
  const report = await readReportRequest(request);
  if (!report.ok) return report.response;
  const chunks = htmlReportChunks(report.model);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Disposition": attachment(reportFileName(report.params, report.model.generatedAt, "html")),
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
