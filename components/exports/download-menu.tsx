// A small "Download" menu: plain links to an export route (native <details>, no client script).
// The links carry the page's own query, so a download holds what the page shows.
import { Download } from "lucide-react";
import { buttonClassName } from "@/components/ui/button";

const ITEMS = [
  { label: "CSV: one row per finding", query: "format=csv&csv=findings" },
  { label: "CSV: one row per workload", query: "format=csv&csv=workloads" },
  { label: "JSON report", query: "format=json" },
  { label: "SARIF 2.1.0", query: "format=sarif" },
  { label: "JUnit XML", query: "format=junit" },
  { label: "Markdown summary", query: "format=markdown" },
  { label: "Migration patches (YAML)", query: "format=patches" },
] as const;

export function DownloadMenu({ href, query = "", label = "Download" }: { href: string; query?: string; label?: string }) {
  return (
    <details className="relative" data-testid="download-menu">
      <summary className={buttonClassName("secondary", "cursor-pointer list-none [&::-webkit-details-marker]:hidden")}>
        <Download aria-hidden className="size-4" />
        {label}
      </summary>
      <ul className="absolute right-0 z-20 mt-1 w-64 rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg">
        {ITEMS.map((item) => (
          <li key={item.query}>
            <a
              href={`${href}?${query ? `${query}&` : ""}${item.query}`}
              download
              className="block px-3 py-1.5 text-slate-800 hover:bg-slate-100"
            >
              {item.label}
            </a>
          </li>
        ))}
      </ul>
    </details>
  );
}
