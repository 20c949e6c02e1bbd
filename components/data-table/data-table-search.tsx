"use client";

import { Search } from "lucide-react";
import { useEffect, useId, useRef, useState } from "react";

export interface DataTableSearchProps {
  /** The value in the URL. */
  value: string;
  label: string;
  placeholder?: string;
  onSearch: (value: string) => void;
  debounceMs?: number;
}

/** A text filter that reports after the user pauses typing, and follows the URL on Back/Forward. */
export function DataTableSearch({ value, label, placeholder, onSearch, debounceMs = 300 }: DataTableSearchProps) {
  const inputId = useId();
  const [text, setText] = useState(value);
  const [syncedValue, setSyncedValue] = useState(value);
  const [sentValue, setSentValue] = useState(value);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // The URL moved without this input (Back, "clear filters"): show its value. Adjusting state
  // during render avoids an effect; our own debounced sends are not echoed back into the box.
  if (value !== syncedValue) {
    setSyncedValue(value);
    if (value !== sentValue) setText(value);
  }

  useEffect(() => () => clearTimeout(timer.current), []);

  const onChange = (next: string) => {
    setText(next);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      setSentValue(next.trim());
      onSearch(next.trim());
    }, debounceMs);
  };

  return (
    <div className="relative">
      <label htmlFor={inputId} className="sr-only">
        {label}
      </label>
      <Search aria-hidden className="pointer-events-none absolute left-2.5 top-1/2 size-4 -translate-y-1/2 text-slate-400" />
      <input
        id={inputId}
        type="search"
        value={text}
        placeholder={placeholder}
        onChange={(event) => onChange(event.target.value)}
        className="h-9 w-64 rounded-md border border-slate-300 bg-white pl-8 pr-3 text-sm placeholder:text-slate-400"
      />
    </div>
  );
}
