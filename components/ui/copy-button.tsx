"use client";

import { useEffect, useState } from "react";
import { cn } from "@/lib/utils";

type CopyState = "idle" | "copied" | "failed";

const RESET_AFTER_MS = 2000;

/**
 * The Clipboard API exists only in secure contexts (https, localhost); a dashboard reached over plain
 * http on the LAN gets the older copy command on a hidden text area instead.
 */
async function copyText(text: string): Promise<boolean> {
  if (navigator.clipboard && window.isSecureContext) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // Permission refused: try the fallback.
    }
  }
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.append(area);
  area.select();
  try {
    return document.execCommand("copy");
  } catch {
    return false;
  } finally {
    area.remove();
  }
}

export interface CopyButtonProps {
  text: string;
  /** What is copied, for the accessible name: "Copy diff". */
  label: string;
  className?: string;
}

/** A button that copies `text` and says so for a moment ("Copied"), to sighted and screen-reader users alike. */
export function CopyButton({ text, label, className }: CopyButtonProps) {
  const [state, setState] = useState<CopyState>("idle");
  useEffect(() => {
    if (state === "idle") return;
    const timer = setTimeout(() => setState("idle"), RESET_AFTER_MS);
    return () => clearTimeout(timer);
  }, [state]);

  return (
    // Positioned, so the sr-only status stays inside the button's box whatever scrolls around it.
    <span className={cn("relative inline-flex", className)}>
      <button
        type="button"
        aria-label={label}
        onClick={async () => setState((await copyText(text)) ? "copied" : "failed")}
        className="inline-flex items-center rounded-md border border-slate-300 bg-white px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50"
      >
        {state === "copied" ? "Copied" : state === "failed" ? "Copy failed" : "Copy"}
      </button>
      <span role="status" className="sr-only">
        {state === "copied" ? "Copied" : state === "failed" ? "Copy failed: select the text and copy it" : ""}
      </span>
    </span>
  );
}
