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
  code_failed: "短信验证码错误",
  profile_changed: "修改基本信息",
  site_content_changed: "维护网站内容",
};

export const GENDER_LABELS = { male: "男", female: "女" } as const;
