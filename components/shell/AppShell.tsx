import Link from "next/link";
import type { ReactNode } from "react";
import { sessionIdleMinutes } from "@/lib/auth-paths";
import { IdleTimer } from "./IdleTimer";
import { LanguageSwitch } from "./LanguageSwitch";
import { SideNav, type MenuItem } from "./SideNav";
import { SignOutButton } from "./SignOutButton";

/** The signed-in frame shared by all roles: header (system name, user, unit, 退出登录), left menu, content. */
export function AppShell(props: {
  system: string;
  homeHref: string;
  loginPath: string;
  userName: string;
  unitName?: string | null;
  menu: MenuItem[];
  children: ReactNode;
}) {
  return (
    <div className="shell">
      <header className="shell-header">
        <div className="inner">
          <span className="brand-mark" aria-hidden="true">
            注
          </span>
          <Link href={props.homeHref} className="brand-title">
            执业注册平台<span className="brand-sub">{props.system}</span>
          </Link>
          <div className="shell-user">
            <span className="who">
              <span data-testid="current-user">{props.userName}</span>
              {props.unitName ? <span className="unit">{props.unitName}</span> : null}
            </span>
            <LanguageSwitch />
            <SignOutButton loginPath={props.loginPath} />
          </div>
        </div>
      </header>
      <div className="shell-body">
        <SideNav items={props.menu} homeHref={props.homeHref} />
        <main className="shell-main" id="main">
          {props.children}
        </main>
      </div>
      <IdleTimer idleMinutes={sessionIdleMinutes()} loginPath={props.loginPath} />
    </div>
  );
}

/** Kept under its old name: the pages of every role import it from here. */
export { PageHeader as PageHead } from "@/components/ui/PageHeader";
