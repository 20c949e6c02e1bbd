import type { Metadata } from "next";
import { cookies } from "next/headers";
import { parseTheme, THEME_COOKIE, themeClass } from "@/components/layout/theme";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Kata Readiness", template: "%s · Kata Readiness" },
  description: "Which workloads can move to Kata Containers, and what each one needs first.",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <html lang="en" className={themeClass(theme)}>
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
