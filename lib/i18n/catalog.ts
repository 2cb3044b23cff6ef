/**
 * The message catalogs, one JSON file per namespace and language under messages/. zh-CN is the reference: its shape is
 * the type every key is checked against (types/next-intl.d.ts), and tests/unit/i18n/catalogs.test.ts holds English to
 * the same keys and placeholders. Namespaces: common (switch, shared words), shell (frame and menus), auth (sign-in,
 * 获取密码, 找回密码), public (public site), applicant (applicant pages), filing (申请填报, 申请详情, signing),
 * domain (names of statuses, types, programs, fields, attachments by code), errors (use-case refusals), validation
 * (form input problems), notices (我的消息 and SMS texts).
 */
import enCommon from "./messages/en/common.json" with { type: "json" };
import zhCommon from "./messages/zh-CN/common.json" with { type: "json" };
import enShell from "./messages/en/shell.json" with { type: "json" };
import zhShell from "./messages/zh-CN/shell.json" with { type: "json" };
import enAccount from "./messages/en/account.json" with { type: "json" };
import zhAccount from "./messages/zh-CN/account.json" with { type: "json" };
import enAuth from "./messages/en/auth.json" with { type: "json" };
import zhAuth from "./messages/zh-CN/auth.json" with { type: "json" };
import enPublic from "./messages/en/public.json" with { type: "json" };
import zhPublic from "./messages/zh-CN/public.json" with { type: "json" };
import enApplicant from "./messages/en/applicant.json" with { type: "json" };
import zhApplicant from "./messages/zh-CN/applicant.json" with { type: "json" };
import enFiling from "./messages/en/filing.json" with { type: "json" };
import zhFiling from "./messages/zh-CN/filing.json" with { type: "json" };
import enDomain from "./messages/en/domain.json" with { type: "json" };
import zhDomain from "./messages/zh-CN/domain.json" with { type: "json" };
import enErrors from "./messages/en/errors.json" with { type: "json" };
import zhErrors from "./messages/zh-CN/errors.json" with { type: "json" };
import enValidation from "./messages/en/validation.json" with { type: "json" };
import zhValidation from "./messages/zh-CN/validation.json" with { type: "json" };
import enNotices from "./messages/en/notices.json" with { type: "json" };
import zhNotices from "./messages/zh-CN/notices.json" with { type: "json" };
import type { Locale } from "./locales";

const zhCN = {
  common: zhCommon,
  account: zhAccount,
  shell: zhShell,
  auth: zhAuth,
  public: zhPublic,
  applicant: zhApplicant,
  filing: zhFiling,
  domain: zhDomain,
  errors: zhErrors,
  validation: zhValidation,
  notices: zhNotices,
};

export type Messages = typeof zhCN;

const en: Messages = {
  common: enCommon,
  account: enAccount,
  shell: enShell,
  auth: enAuth,
  public: enPublic,
  applicant: enApplicant,
  filing: enFiling,
  domain: enDomain,
  errors: enErrors,
  validation: enValidation,
  notices: enNotices,
};

const CATALOGS: Record<Locale, Messages> = { "zh-CN": zhCN, en };

export function messagesFor(locale: Locale): Messages {
  return CATALOGS[locale];
}
