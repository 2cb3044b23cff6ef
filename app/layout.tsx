import type { Metadata } from "next";
import { connection } from "next/server";
import { getLocale } from "next-intl/server";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: "执业注册平台",
  description: "注册造价工程师、注册建筑师、勘察设计注册工程师执业注册网上办理",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request: the CSP nonce set in proxy.ts is fresh each time and Next stamps it on its scripts.
  await connection();
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body>{children}</body>
    </html>
  );
}
