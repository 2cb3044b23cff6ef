import type { RegistrationStatus, UserRole } from "@/lib/domain/types";

export const REGISTRATION_STATUS_LABELS: Record<RegistrationStatus, string> = {
  active: "有效",
  suspended: "暂停执业",
  cancelled: "已注销",
  expired: "已过期",
  superseded: "已换发",
};

export const ROLE_LABELS: Record<UserRole, string> = {
  applicant: "注册人员",
  employer: "聘用单位",
  reviewer: "审批人员",
  admin: "管理员",
};

export const SECURITY_EVENT_LABELS: Record<string, string> = {
  login_ok: "登录成功",
  login_failed: "登录失败",
  logout: "退出登录",
  password_changed: "修改密码",
  password_activated: "获取密码",
  password_reset: "找回密码",
  code_sent: "发送短信验证码",
  code_refused: "验证码请求未发码（已短信说明或无此账号）",
  code_failed: "短信验证码错误",
  profile_changed: "修改基本信息",
  admin_created: "创建管理员",
  account_created: "创建账号",
  account_disabled: "停用账号",
  account_enabled: "启用账号",
  account_unlocked: "解除登录锁定",
  password_reset_by_admin: "管理员重置密码",
  authority_created: "新建机构",
  authority_updated: "修改机构",
  site_content_changed: "维护网站内容",
};

const LOGIN_KIND_LABELS: Record<string, string> = {
  applicant: "个人",
  employer: "聘用单位",
  staff: "审批人员与管理员",
};
const FAILURE_REASON_LABELS: Record<string, string> = {
  locked: "账号已暂时锁定",
  bad_password: "密码错误",
  unknown_login: "账号不存在",
  disabled: "账号已停用",
  bad_old_password: "原密码错误",
};
const CODE_PURPOSE_LABELS: Record<string, string> = {
  activate: "获取密码",
  reset_password: "找回密码",
  sign: "个人数字签名",
};

/**
 * 详情 of a security event in words an administrator reads: the event's detail is stored as the services wrote it
 * (English keys and codes such as `reason: "bad_password"`), which the log must not show raw.
 */
export function describeSecurityDetail(detail: Record<string, unknown>): string {
  const parts: string[] = [];
  const text = (v: unknown) => String(v);
  if (detail.kind !== undefined) parts.push(`登录入口：${LOGIN_KIND_LABELS[text(detail.kind)] ?? "其他"}`);
  if (detail.loginName !== undefined) parts.push(`登录名：${text(detail.loginName).replace(/^[a-z_]+:/, "")}`);
  if (detail.reason !== undefined) parts.push(`原因：${FAILURE_REASON_LABELS[text(detail.reason)] ?? "其他"}`);
  if (detail.failures !== undefined) parts.push(`连续失败 ${text(detail.failures)} 次`);
  if (detail.purpose !== undefined) parts.push(`用途：${CODE_PURPOSE_LABELS[text(detail.purpose)] ?? "其他"}`);
  if (detail.phoneChanged === true)
    parts.push(`手机号码已修改${detail.oldPhone ? `（原号码 ${text(detail.oldPhone)}）` : ""}`);
  if (detail.addressChanged === true) parts.push("通讯地址已修改");
  return parts.join("；");
}
