import Link from "next/link";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/LoginForm";
import { ReasonNotice } from "@/components/auth/ReasonNotice";
import { getCurrentUser } from "@/lib/server/auth";
import { ipNeedsCaptcha } from "@/lib/server/login-page";

export const metadata = { title: "单位登录 - 执业注册平台" };

export default async function EmployerLoginPage({ searchParams }: { searchParams: Promise<{ reason?: string }> }) {
  const [{ reason }, user] = await Promise.all([searchParams, getCurrentUser()]);
  if (user?.role === "employer") redirect("/employer");
  return (
    <div className="auth-card">
      <h1>单位登录</h1>
      <p className="subtitle">聘用单位使用统一社会信用代码和密码登录</p>
      <ReasonNotice reason={reason} />
      <LoginForm kind="employer" initialCaptcha={await ipNeedsCaptcha()} />
      <div className="auth-links">
        <span>
          <span className="hint">忘记密码：</span>
          <Link href="/login/employer/reset">找回密码</Link>
        </span>
        <Link href="/">返回首页</Link>
      </div>
    </div>
  );
}
