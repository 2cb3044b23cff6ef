import Link from "next/link";
import { PasswordCodeFlow } from "@/components/auth/PasswordCodeFlow";
import { codeRequestCaptcha } from "@/lib/server/login-page";
import { resetEmployerWithCode, sendEmployerResetCode } from "./actions";

export const metadata = { title: "单位找回密码 - 执业注册平台" };

export default async function EmployerResetPage() {
  return (
    <div className="auth-card">
      <h1>单位找回密码</h1>
      <p className="subtitle">验证码将发送至单位登记的联系手机</p>
      <PasswordCodeFlow
        initialCaptcha={await codeRequestCaptcha()}
        kind="employer"
        purpose="reset"
        sendCode={sendEmployerResetCode}
        setPassword={resetEmployerWithCode}
        loginPath="/login/employer"
      />
      <div className="auth-links">
        <Link href="/login/employer">返回单位登录</Link>
      </div>
    </div>
  );
}
