import Link from "next/link";
import type { ReactNode } from "react";
import { PublicNav } from "@/components/public/PublicNav";
import { LanguageSwitch } from "@/components/shell/LanguageSwitch";
import "@/components/public/public.css";

export default function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <header className="public-header">
        <div className="inner">
          <span className="brand-mark" aria-hidden="true">
            注
          </span>
          <Link href="/" className="brand-title">
            执业注册平台
            <span className="brand-sub">注册造价工程师 · 注册建筑师 · 勘察设计注册工程师</span>
          </Link>
          <LanguageSwitch />
        </div>
      </header>
      <PublicNav />
      <main className="public-main" id="main">
        {children}
      </main>
      <footer className="public-footer">
        <div className="inner">执业注册平台 · 建议使用最新版 Chrome、Edge 或 Firefox 浏览器办理业务</div>
      </footer>
    </>
  );
}
