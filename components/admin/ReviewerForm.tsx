"use client";

import { Select } from "@/components/ui/Select";
import { AdminForm, Field } from "./AdminForm";
import type { AdminFormState } from "./admin-form-state";

/** 新建审批人员: the account belongs to one authority; its review level is that authority's level. */
export function ReviewerForm({
  action,
  authorities,
}: {
  action: (state: AdminFormState, fd: FormData) => Promise<AdminFormState>;
  authorities: { id: string; label: string }[];
}) {
  return (
    <AdminForm action={action} confirm="确定创建该审批人员账号吗？" testId="reviewer-form" submit="创建账号">
      {(state) => (
        <>
          <Field
            name="username"
            label="用户名（登录账号）"
            state={state}
            required
            help="3–32 位小写字母、数字、点、下划线或连字符"
          />
          <Field name="displayName" label="姓名" state={state} required />
          <Field name="authorityId" label="所属机构（审批层级随机构）" state={state} required>
            {(c) => (
              <Select
                {...c}
                options={authorities.map((a) => ({ value: a.id, label: a.label }))}
                placeholder="请选择"
                defaultValue=""
              />
            )}
          </Field>
          <Field name="phone" label="手机号码" state={state} help="用于接收短信验证码，可留空" />
          <Field
            name="personIdNumber"
            label="对应人员的居民身份证号码"
            state={state}
            help="如该审批人员同时是系统中的注册人员，填写后关联；否则留空"
          />
        </>
      )}
    </AdminForm>
  );
}
