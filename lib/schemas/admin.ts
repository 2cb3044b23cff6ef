/** Forms of 系统管理: one zod schema per form, used by the server action (messages are what the form shows). */
import { z } from "zod";
import { usccProblem } from "@/lib/domain/id-checksums";
import { AUTHORITY_LEVELS, EMPLOYER_KINDS } from "@/lib/domain/types";
import { PROVINCES } from "@/lib/domain/provinces";
import { text } from "./common";

const blankToNull = (v: unknown) =>
  v === undefined || v === null || (typeof v === "string" && v.trim() === "")
    ? null
    : typeof v === "string"
      ? v.trim()
      : v;
const province = z.preprocess(
  blankToNull,
  z
    .string()
    .refine((v) => v in PROVINCES, "请选择省级行政区")
    .nullable(),
);

export const authorityFormSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[a-z0-9_-]{2,32}$/, "机构代码应为 2–32 位小写字母、数字、下划线或连字符"),
  name: text(100).min(2, "请填写机构名称"),
  level: z.enum(AUTHORITY_LEVELS, { message: "请选择机构层级" }),
  provinceCode: province,
  numberingCode: z
    .string()
    .trim()
    .regex(/^\d{2}$/, "编号代码应为两位数字（写入注册编号）"),
  officeCode: z
    .string()
    .trim()
    .regex(/^\d{3,8}$/, "受理机构代码应为 3–8 位数字（写入受理编号）"),
  parentId: z.preprocess(blankToNull, z.guid("请选择上级机构").nullable()),
  contactPhone: z.preprocess(blankToNull, text(40).nullable()),
});
export type AuthorityForm = z.infer<typeof authorityFormSchema>;

/** Editing keeps the code (it is written into numbers already issued) and the level. */
export const authorityEditSchema = authorityFormSchema
  .pick({ name: true, parentId: true, contactPhone: true, provinceCode: true })
  .extend({
    disabled: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
  });
export type AuthorityEdit = z.infer<typeof authorityEditSchema>;

const phone = z.preprocess(
  blankToNull,
  z
    .string()
    .regex(/^1\d{10}$/, "手机号码应为 11 位数字")
    .nullable(),
);

export const reviewerFormSchema = z.object({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z][a-z0-9_.-]{2,31}$/, "用户名应为 3–32 位小写字母、数字、点、下划线或连字符，以字母开头"),
  displayName: text(40).min(2, "请填写姓名"),
  authorityId: z.guid("请选择所属机构"),
  phone,
  /** Optional: the person (注册人员) this reviewer is, by 居民身份证号码. */
  personIdNumber: z.preprocess(
    blankToNull,
    z
      .string()
      .toUpperCase()
      .regex(/^\d{17}[\dX]$/, "身份证号码应为 18 位")
      .nullable(),
  ),
});
export type ReviewerForm = z.infer<typeof reviewerFormSchema>;

export const employerFormSchema = z.object({
  uscc: z
    .string()
    .trim()
    .toUpperCase()
    .superRefine((v, ctx) => {
      const problem = usccProblem(v);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
  name: text(100).min(2, "请填写单位名称"),
  kind: z.enum(EMPLOYER_KINDS, { message: "请选择单位类型" }),
  provinceCode: z.string().refine((v) => v in PROVINCES, "请选择单位所在省份"),
  contactPhone: text(40).min(7, "请填写联系电话"),
  phone,
  address: z.preprocess(blankToNull, text(200).nullable()),
});
export type EmployerForm = z.infer<typeof employerFormSchema>;

/** 用户管理: one row's buttons (停用, 启用, 解除锁定, 重置密码); the clicked button's value says which. */
export const accountOpSchema = z.object({
  id: z.guid("该账号不存在，请刷新页面后重试。"),
  op: z.enum(["disable", "enable", "unlock", "reset"], "请选择要执行的操作。"),
});

/** 关联人员: the person (by resident ID number) a reviewer or employer account belongs to; blank removes the link. */
export const linkPersonSchema = z.object({
  id: z.guid("该账号不存在，请刷新页面后重试。"),
  idNumber: z.preprocess(blankToNull, text(40).nullable()),
});
