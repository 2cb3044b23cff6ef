"use client";

import { Select, type Option } from "@/components/ui/Select";
import { AdminForm, Field } from "./AdminForm";
import type { AdminFormState } from "./admin-form-state";

/** 新建聘用单位账号: the login is the 统一社会信用代码 (its check digit is verified). */
export function EmployerAccountForm({
  action,
  kinds,
  provinces,
}: {
  action: (state: AdminFormState, fd: FormData) => Promise<AdminFormState>;
  kinds: Option[];
  provinces: Option[];
}) {
  return (
    <AdminForm action={action} confirm="确定创建该聘用单位账号吗？" testId="employer-form" submit="创建账号">
      {(state) => (
        <>
          <Field name="uscc" label="统一社会信用代码" state={state} required help="18 位，见营业执照" />
          <Field name="name" label="单位名称" state={state} required />
          <Field name="kind" label="单位类型" state={state} required>
            {(c) => <Select {...c} options={kinds} placeholder="请选择" defaultValue="" />}
          </Field>
          <Field name="provinceCode" label="所在省份" state={state} required>
            {(c) => <Select {...c} options={provinces} placeholder="请选择" defaultValue="" />}
          </Field>
          <Field name="contactPhone" label="联系电话" state={state} required />
          <Field name="phone" label="接收验证码的手机号码" state={state} help="用于找回密码，可留空" />
          <Field name="address" label="地址" state={state} />
        </>
      )}
    </AdminForm>
  );
}
