import Link from "next/link";
import type { ReactNode } from "react";
import { sessionIdleMinutes } from "@/lib/auth-paths";
import { IdleTimer } from "./IdleTimer";
import { LanguageSwitch } from "./LanguageSwitch";
import { SideNav, type MenuItem } from "./SideNav";
import { SignOutButton } from "./SignOutButton";
import { shellTexts } from "./texts";

/**
 * The signed-in frame shared by all roles: header (system name, user, unit, language, 退出登录), left menu, content.
 * The frame's own words follow the reader's language; `system` and `menu` come translated (or not) from the role.
 */
export async function AppShell(props: {
  system: string;
  homeHref: string;
  loginPath: string;
  userName: string;
  unitName?: string | null;
  menu: MenuItem[];
  children: ReactNode;
}) {
  const t = await shellTexts();
  return (
    <div className="shell">
      <header className="shell-header">
        <div className="inner">
          <span className="brand-mark" aria-hidden="true">
            {t.brandMark}
          </span>
          <Link href={props.homeHref} className="brand-title">
            {t.brand}
            <span className="brand-sub">{props.system}</span>
          </Link>
          <div className="shell-user">
            <span className="who">
              <span data-testid="current-user">{props.userName}</span>
              {props.unitName ? <span className="unit">{props.unitName}</span> : null}
            </span>
            <LanguageSwitch />
            <SignOutButton loginPath={props.loginPath} label={t.signOut} />
          </div>
        </div>
      </header>
      <div className="shell-body">
        <SideNav items={props.menu} homeHref={props.homeHref} texts={t.nav} />
        <main className="shell-main" id="main">
          {props.children}
        </main>
      </div>
      <IdleTimer idleMinutes={sessionIdleMinutes()} loginPath={props.loginPath} texts={t.idle} />
    </div>
  );
}

/** Kept under its old name: the pages of every role import it from here. */
export { PageHeader as PageHead } from "@/components/ui/PageHeader";
