"use client";

import { Select, type Option } from "@/components/ui/Select";
import { AdminForm, Field } from "./AdminForm";
import type { AdminFormState } from "./admin-form-state";

type Action = (state: AdminFormState, fd: FormData) => Promise<AdminFormState>;

function ParentSelect({ state, parents, value }: { state: AdminFormState; parents: Option[]; value?: string | null }) {
  return (
    <Field name="parentId" label="上级机构" state={state}>
      {(c) => <Select {...c} options={parents} placeholder="（无，最高层级）" defaultValue={value ?? ""} />}
    </Field>
  );
}

function ProvinceSelect({
  state,
  provinces,
  value,
}: {
  state: AdminFormState;
  provinces: Option[];
  value?: string | null;
}) {
  return (
    <Field name="provinceCode" label="所在省份（省级机构必填）" state={state}>
      {(c) => <Select {...c} options={provinces} placeholder="（全国性机构不选）" defaultValue={value ?? ""} />}
    </Field>
  );
}

/** 新建机构. */
export function NewAuthorityForm({
  action,
  parents,
  provinces,
  levels,
}: {
  action: Action;
  parents: Option[];
  provinces: Option[];
  levels: Option[];
}) {
  return (
    <AdminForm
      action={action}
      confirm="确定新建该机构吗？机构代码和层级创建后不能修改。"
      testId="authority-form"
      submit="新建机构"
    >
      {(state) => (
        <>
          <Field name="name" label="机构名称" state={state} required />
          <Field name="code" label="机构代码" state={state} required help="小写字母或数字，如 js；创建后不能修改" />
          <Field name="level" label="层级" state={state} required>
            {(c) => <Select {...c} options={levels} defaultValue="provincial" />}
          </Field>
          <ProvinceSelect state={state} provinces={provinces} />
          <ParentSelect state={state} parents={parents} />
          <Field
            name="numberingCode"
            label="注册编号中的机构代码"
            state={state}
            required
            help="两位数字，省级一般为 01"
          />
          <Field name="officeCode" label="受理机构代码" state={state} required help="3–8 位数字，如 3200" />
          <Field name="contactPhone" label="咨询电话" state={state} />
        </>
      )}
    </AdminForm>
  );
}

/** 修改机构: name, province, parent, phone, 停用. */
export function EditAuthorityForm({
  action,
  parents,
  provinces,
  authority,
}: {
  action: Action;
  parents: Option[];
  provinces: Option[];
  authority: {
    name: string;
    provinceCode: string | null;
    parentId: string | null;
    contactPhone: string | null;
    disabled: boolean;
  };
}) {
  return (
    <AdminForm action={action} confirm="确定保存对该机构的修改吗？" testId="authority-edit-form" submit="保存">
      {(state) => (
        <>
          <Field name="name" label="机构名称" state={state} required inputProps={{ defaultValue: authority.name }} />
          <ProvinceSelect state={state} provinces={provinces} value={authority.provinceCode} />
          <ParentSelect state={state} parents={parents} value={authority.parentId} />
          <Field
            name="contactPhone"
            label="咨询电话"
            state={state}
            inputProps={{ defaultValue: authority.contactPhone ?? "" }}
          />
          <label className="checkline-inline">
            <input type="checkbox" name="disabled" defaultChecked={authority.disabled} />{" "}
            停用（不再接收新的申请，不能新建其审批人员）
          </label>
        </>
      )}
    </AdminForm>
  );
}
