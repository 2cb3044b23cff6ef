import Link from "next/link";
import { PasswordCodeFlow } from "@/components/auth/PasswordCodeFlow";
import { codeRequestCaptcha } from "@/lib/server/login-page";
import { activate, sendActivationCode } from "./actions";

export const metadata = { title: "获取密码 - 执业注册平台" };

export default async function ActivatePage() {
  return (
    <div className="auth-card">
      <h1>获取密码</h1>
      <p className="subtitle">初次使用本系统的注册人员，通过登记的手机号码设置登录密码</p>
      <PasswordCodeFlow
        initialCaptcha={await codeRequestCaptcha()}
        kind="applicant"
        purpose="activate"
        sendCode={sendActivationCode}
        setPassword={activate}
        loginPath="/login/applicant"
      />
      <div className="auth-links">
        <Link href="/login/applicant">返回个人登录</Link>
        <span className="hint">手机号码已变更？请联系所在地注册管理机构。</span>
      </div>
    </div>
  );
}
