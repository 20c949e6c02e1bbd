"use client";

import { Monitor, Moon, Sun } from "lucide-react";
import { useState } from "react";
import { THEME_COOKIE, themeClass, type Theme } from "@/components/layout/theme";
import { cn } from "@/lib/utils";

const OPTIONS = [
  { value: "system", label: "System theme", Icon: Monitor },
  { value: "light", label: "Light theme", Icon: Sun },
  { value: "dark", label: "Dark theme", Icon: Moon },
] as const satisfies readonly { value: Theme; label: string; Icon: typeof Sun }[];

// The server reads the cookie on the next request (app/layout.tsx); the class switches this page at once.
function applyTheme(theme: Theme) {
  const secure = window.location.protocol === "https:" ? "; secure" : "";
  document.cookie = `${THEME_COOKIE}=${theme}; path=/; max-age=31536000; samesite=lax${secure}`;
  const root = document.documentElement;
  root.classList.remove("light", "dark");
  const forced = themeClass(theme);
  if (forced) root.classList.add(forced);
}

export function ThemeToggle({ initial }: { initial: Theme }) {
  const [theme, setTheme] = useState(initial);

  function choose(next: Theme) {
    setTheme(next);
    applyTheme(next);
  }

  return (
    <div role="radiogroup" aria-label="Theme" className="inline-flex w-fit gap-0.5 rounded-md border border-slate-200 p-0.5">
      {OPTIONS.map(({ value, label, Icon }) => (
        <label
          key={value}
          title={label}
          className={cn(
            "flex size-7 cursor-pointer items-center justify-center rounded text-slate-500 hover:text-slate-900 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-blue-600",
            theme === value && "bg-slate-100 text-slate-900",
          )}
        >
          <input type="radio" name="theme" value={value} checked={theme === value} onChange={() => choose(value)} className="sr-only" />
          <Icon aria-hidden className="size-4" />
          <span className="sr-only">{label}</span>
        </label>
      ))}
    </div>
  );
}
