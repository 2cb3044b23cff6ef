import Link from "next/link";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/LoginForm";
import { ReasonNotice } from "@/components/auth/ReasonNotice";
import { getCurrentUser } from "@/lib/server/auth";
import { ipNeedsCaptcha } from "@/lib/server/login-page";

export const metadata = { title: "个人登录 - 执业注册平台" };

export default async function ApplicantLoginPage({ searchParams }: { searchParams: Promise<{ reason?: string }> }) {
  const [{ reason }, user] = await Promise.all([searchParams, getCurrentUser()]);
  if (user?.role === "applicant") redirect("/applicant");
  return (
    <div className="auth-card">
      <h1>个人登录</h1>
      <p className="subtitle">注册人员使用证件号码和密码登录</p>
      <ReasonNotice reason={reason} />
      <LoginForm kind="applicant" initialCaptcha={await ipNeedsCaptcha()} />
      <div className="auth-links">
        <span>
          <span className="hint">未获取密码用户：</span>
          <Link href="/login/applicant/activate">获取密码</Link>
        </span>
        <span>
          <span className="hint">忘记密码：</span>
          <Link href="/login/applicant/reset">找回密码</Link>
        </span>
      </div>
    </div>
  );
}
