import Link from "next/link";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/LoginForm";
import { ReasonNotice } from "@/components/auth/ReasonNotice";
import { homePathFor } from "@/lib/auth-paths";
import { getCurrentUser } from "@/lib/server/auth";
import { ipNeedsCaptcha } from "@/lib/server/login-page";

export const metadata = { title: "审批人员/管理员登录 - 执业注册平台" };

export default async function StaffLoginPage({ searchParams }: { searchParams: Promise<{ reason?: string }> }) {
  const [{ reason }, user] = await Promise.all([searchParams, getCurrentUser()]);
  if (user?.role === "reviewer" || user?.role === "admin") redirect(homePathFor(user.role));
  return (
    <div className="auth-card">
      <h1>审批人员 / 管理员登录</h1>
      <p className="subtitle">注册管理机构工作人员和系统管理员使用用户名登录</p>
      <ReasonNotice reason={reason} />
      <LoginForm kind="staff" initialCaptcha={await ipNeedsCaptcha()} />
      <div className="auth-links">
        <span className="hint">忘记密码请联系系统管理员重置。</span>
        <Link href="/">返回首页</Link>
      </div>
    </div>
  );
}
