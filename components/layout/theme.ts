// The theme a visitor picked, kept in a cookie so the server sets it on <html> before the first paint (no flash,
// no inline script). "system" sets no class: the page then follows the operating system (color-scheme in
// app/globals.css).
export const THEME_COOKIE = "kata-readiness-theme";
export const THEMES = ["system", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];

export function parseTheme(value: string | undefined): Theme {
  return value === "light" || value === "dark" ? value : "system";
}

/** The class of <html> for a theme. */
export function themeClass(theme: Theme): string | undefined {
  return theme === "system" ? undefined : theme;
}
