/**
 * 人员管理 (M4): the staff record an employer keeps — basic information, education and title, as the seed's 人员信息
 * form (`004` 第二步) lists them — and the states of its review by the authority. Pure: no I/O.
 */
import { ID_DOCUMENT_TYPE_LABELS, ID_DOCUMENT_TYPES, type IdDocumentType } from "./types";
import { idNumberProblem } from "./id-checksums";

export const PERSONNEL_STATUSES = ["draft", "submitted", "approved", "returned"] as const;
export type PersonnelStatus = (typeof PERSONNEL_STATUSES)[number];

export const PERSONNEL_STATUS_LABELS: Record<PersonnelStatus, string> = {
  draft: "未上报",
  submitted: "待审核",
  approved: "审核通过",
  returned: "审核退回",
};

/** 学历 choices (the seed asks for 大专 and above; 中专 and below are kept for completeness of the record). */
export const EDUCATION_LEVELS = ["博士研究生", "硕士研究生", "本科", "大专", "中专", "其他"] as const;

export type PersonnelData = {
  name: string;
  gender: "male" | "female";
  idType: IdDocumentType;
  idNumber: string;
  birthDate: string;
  phone: string;
  position: string;
  education: string;
  degree: string;
  school: string;
  major: string;
  graduationDate: string;
  title: string;
  titleYear: string;
};

/** Field labels as on the seed's 人员信息 form, used for messages and the record's display. */
export const PERSONNEL_FIELD_LABELS: Record<keyof PersonnelData, string> = {
  name: "姓名",
  gender: "性别",
  idType: "证件类型",
  idNumber: "证件号码",
  birthDate: "出生日期",
  phone: "手机号码",
  position: "工作岗位",
  education: "学历",
  degree: "学位",
  school: "毕业院校",
  major: "所学专业",
  graduationDate: "毕(肄、结)业时间",
  title: "技术职称",
  titleYear: "技术职称聘用年份",
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Checks raw form input and returns the record, or a message per field in plain Chinese. 技术职称 may be "无职称"
 * (the seed asks for a 无职称证明 then); 学位 is optional.
 */
export function parsePersonnelData(
  raw: Record<string, string>,
): { ok: true; value: PersonnelData } | { ok: false; fieldErrors: Record<string, string> } {
  const v = (k: keyof PersonnelData) => (raw[k] ?? "").trim();
  const e: Record<string, string> = {};
  const need = (k: keyof PersonnelData, max = 100) => {
    const s = v(k);
    if (!s) e[k] = `请填写${PERSONNEL_FIELD_LABELS[k]}`;
    else if (s.length > max) e[k] = `${PERSONNEL_FIELD_LABELS[k]}不能超过${max}个字`;
  };
  need("name", 50);
  if (v("gender") !== "male" && v("gender") !== "female") e.gender = "请选择性别";
  const idType = v("idType");
  if (!(ID_DOCUMENT_TYPES as readonly string[]).includes(idType)) e.idType = "请选择证件类型";
  else {
    const problem = idNumberProblem(idType, v("idNumber"));
    if (problem) e.idNumber = problem;
  }
  if (!DATE.test(v("birthDate"))) e.birthDate = "请填写出生日期（格式如 1990-01-31）";
  if (!/^1\d{10}$/.test(v("phone"))) e.phone = "请填写11位手机号码";
  need("position", 50);
  if (!(EDUCATION_LEVELS as readonly string[]).includes(v("education"))) e.education = "请选择学历";
  if (v("degree").length > 20) e.degree = "学位不能超过20个字";
  need("school");
  need("major");
  if (!DATE.test(v("graduationDate"))) e.graduationDate = "请填写毕业时间（格式如 2012-07-01）";
  need("title", 50);
  if (v("title") !== "无职称" && !/^(19|20)\d{2}$/.test(v("titleYear")))
    e.titleYear = "请填写技术职称聘用年份（格式如 1999）；无职称请在技术职称中填写“无职称”";
  if (Object.keys(e).length) return { ok: false, fieldErrors: e };
  return {
    ok: true,
    value: {
      name: v("name"),
      gender: v("gender") as "male" | "female",
      idType: idType as IdDocumentType,
      idNumber: v("idNumber").toUpperCase(),
      birthDate: v("birthDate"),
      phone: v("phone"),
      position: v("position"),
      education: v("education"),
      degree: v("degree"),
      school: v("school"),
      major: v("major"),
      graduationDate: v("graduationDate"),
      title: v("title"),
      titleYear: v("title") === "无职称" ? "" : v("titleYear"),
    },
  };
}

/** 备案通过后不能修改 (`004`): only a record not yet submitted, or returned by the authority, can be edited. */
export const canEditPersonnel = (s: PersonnelStatus) => s === "draft" || s === "returned";

export function personnelDisplay(d: PersonnelData): [string, string][] {
  return [
    ["姓名", d.name],
    ["性别", d.gender === "male" ? "男" : "女"],
    ["证件类型", ID_DOCUMENT_TYPE_LABELS[d.idType] ?? d.idType],
    ["证件号码", d.idNumber],
    ["出生日期", d.birthDate],
    ["手机号码", d.phone],
    ["工作岗位", d.position],
    ["学历", d.education],
    ["学位", d.degree || "—"],
    ["毕业院校", d.school],
    ["所学专业", d.major],
    ["毕(肄、结)业时间", d.graduationDate],
    ["技术职称", d.title],
    ["技术职称聘用年份", d.titleYear || "—"],
  ];
}
