"use client";

import { AdminForm } from "./AdminForm";
import type { AdminFormState } from "./admin-form-state";

/**
 * 关联人员 of a reviewer or employer account: the person's 居民身份证号码 (blank removes the link). With the link the
 * portal keeps the reviewer off applications that person filed or signed (回避).
 */
export function LinkPersonForm({
  action,
  name,
  linkedName,
  testId,
}: {
  action: (state: AdminFormState, fd: FormData) => Promise<AdminFormState>;
  name: string;
  linkedName: string | null;
  testId: string;
}) {
  return (
    <AdminForm
      action={action}
      className="link-person"
      testId={testId}
      confirm={`确定更改“${name}”关联的人员吗？关联后该账号不能审核此人申报或经办签章的申请。`}
    >
      {(state) => (
        <div className="row-gap link-person-row">
          <span className="help">{linkedName ? `已关联：${linkedName}` : "未关联人员"}</span>
          <label className="visually-hidden" htmlFor={`${testId}-id`}>
            关联人员的居民身份证号码
          </label>
          <input
            id={`${testId}-id`}
            name="idNumber"
            className="input input-id-number"
            placeholder="居民身份证号码（留空为取消关联）"
            aria-invalid={state?.fieldErrors?.idNumber ? true : undefined}
            autoComplete="off"
          />
          <button className="btn btn-secondary btn-sm" type="submit">
            保存关联
          </button>
          {state?.fieldErrors?.idNumber ? (
            <span className="help" role="alert">
              {state.fieldErrors.idNumber}
            </span>
          ) : null}
        </div>
      )}
    </AdminForm>
  );
}
