"use client";

import { AdminForm } from "./AdminForm";
import type { AdminFormState } from "./admin-form-state";

/** The buttons of one account on 用户管理; each asks before it acts and says what happened. */
export function AccountActions({
  action,
  role,
  disabled,
  name,
}: {
  action: (state: AdminFormState, fd: FormData) => Promise<AdminFormState>;
  role: string;
  disabled: boolean;
  name: string;
}) {
  return (
    <AdminForm action={action} className="account-actions" testId="account-actions">
      <div className="row-gap">
        {disabled ? (
          <button
            type="submit"
            className="btn btn-secondary btn-sm"
            name="op"
            value="enable"
            data-confirm={`确定启用“${name}”的账号吗？`}
          >
            启用
          </button>
        ) : (
          <button
            type="submit"
            className="btn btn-secondary btn-sm"
            name="op"
            value="disable"
            data-confirm={`确定停用“${name}”的账号吗？停用后其已登录的会话立即失效，且不能再登录。`}
          >
            停用
          </button>
        )}
        <button
          type="submit"
          className="btn btn-secondary btn-sm"
          name="op"
          value="unlock"
          data-confirm={`确定解除“${name}”的登录锁定吗？`}
        >
          解除锁定
        </button>
        {!disabled ? (
          <button
            type="submit"
            className="btn btn-secondary btn-sm"
            name="op"
            value="reset"
            data-confirm={
              role === "applicant"
                ? `确定向“${name}”登记的手机发送找回密码验证码吗？`
                : `确定重置“${name}”的密码吗？将生成一次性密码，原密码和已登录的会话立即失效。`
            }
          >
            {role === "applicant" ? "发送重置验证码" : "重置密码"}
          </button>
        ) : null}
      </div>
    </AdminForm>
  );
}
