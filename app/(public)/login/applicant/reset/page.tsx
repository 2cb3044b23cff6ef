import Link from "next/link";
import { PasswordCodeFlow } from "@/components/auth/PasswordCodeFlow";
import { codeRequestCaptcha } from "@/lib/server/login-page";
import { resetWithCode, sendResetCode } from "./actions";

export const metadata = { title: "找回密码 - 执业注册平台" };

export default async function ApplicantResetPage() {
  return (
    <div className="auth-card">
      <h1>找回密码</h1>
      <p className="subtitle">通过登记的手机号码接收验证码，重新设置登录密码</p>
      <PasswordCodeFlow
        initialCaptcha={await codeRequestCaptcha()}
        kind="applicant"
        purpose="reset"
        sendCode={sendResetCode}
        setPassword={resetWithCode}
        loginPath="/login/applicant"
      />
      <div className="auth-links">
        <Link href="/login/applicant">返回个人登录</Link>
        <span className="hint">手机号码已变更？请联系所在地注册管理机构。</span>
      </div>
    </div>
  );
}
