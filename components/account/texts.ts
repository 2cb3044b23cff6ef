/**
 * The `account` catalog turned into the plain strings the client forms get as props (ADR 0010: client components
 * never import next-intl). Server-side only: the pages call these, the forms receive the result.
 */
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import type { RecordEditorTexts } from "@/components/applicant/RecordEditor";
import type { RecordCheckMessages, RecordKind } from "@/components/applicant/record-checks";
import type { ChangePasswordTexts } from "./ChangePasswordForm";
import type { AccountCheckMessages } from "./checks";

export type AccountSystem = "applicant" | "employer" | "reviewer" | "admin";
type Account = Awaited<ReturnType<typeof getTranslations<"account">>>;
/** The frame's shared words (保存中, 取消, 刷新 …) from the `shell` catalog. */
type Shell = Awaited<ReturnType<typeof getTranslations<"shell">>>;

export function accountCheckMessages(t: Account): AccountCheckMessages {
  return {
    oldPasswordEmpty: t("checks.oldPasswordEmpty"),
    tooLong: t("checks.tooLong"),
    rule: t("password.rule"),
    confirmEmpty: t("checks.confirmEmpty"),
    mismatch: t("checks.mismatch"),
    sameAsOld: t("checks.sameAsOld"),
    phone: t("checks.phone"),
    addressTooLong: t("checks.addressTooLong"),
    hostileText: t("checks.hostileText"),
  };
}

export function changePasswordTexts(t: Account, sh: Shell): ChangePasswordTexts {
  return {
    title: t("password.title"),
    oldPassword: t("password.oldPassword"),
    newPassword: t("password.newPassword"),
    confirm: t("password.confirm"),
    passwordRule: t("password.rule"),
    submit: t("password.submit"),
    saving: sh("saving"),
    done: t("password.done"),
    checks: accountCheckMessages(t),
  };
}

/** The record editor's words for one kind of record (工作经历, 工作业绩, 继续教育记录). */
export function recordEditorTexts(t: Account, sh: Shell, kind: RecordKind): RecordEditorTexts {
  const noun = t(`records.${kind}.noun`);
  return {
    actions: t("records.actions"),
    edit: t("records.edit"),
    delete: t("records.delete"),
    save: t("records.save"),
    saving: sh("saving"),
    cancel: sh("dialog.cancel"),
    working: sh("dialog.working"),
    refresh: sh("problem.refresh"),
    confirmDelete: t("records.confirmDelete"),
    added: t("records.added", { noun }),
    updated: t("records.updated", { noun }),
    deleted: t("records.deleted", { noun }),
    empty: t("records.empty", { noun }),
    add: t("records.add", { noun }),
    editTitle: t("records.editTitle", { noun }),
    deleteTitle: t("records.deleteTitle", { noun }),
    deleteQuestion: t("records.deleteQuestion", { noun }),
  };
}

/** The record checks' templates, unformatted: the browser fills in each field's label and limits. */
export function recordCheckMessages(t: Account): RecordCheckMessages {
  const raw = (key: keyof RecordCheckMessages) => String(t.raw(`checks.${key}`));
  return {
    chooseDate: raw("chooseDate"),
    invalidDate: raw("invalidDate"),
    fillIn: raw("fillIn"),
    tooManyCharacters: raw("tooManyCharacters"),
    wholeNumber: raw("wholeNumber"),
    between: raw("between"),
    category: raw("category"),
    endBeforeStart: raw("endBeforeStart"),
  };
}

/** A page's browser title, e.g. 修改登录密码 - 个人申报系统. `page` is a key of the `account` catalog. */
export async function accountTitle(
  page: "password.title" | "profile.title" | `records.${"work" | "achievement" | "ce"}.title`,
  system: AccountSystem,
): Promise<Metadata> {
  const t = await getTranslations("account");
  return { title: t("pageTitle", { page: t(page), system: t(`system.${system}`) }) };
}
