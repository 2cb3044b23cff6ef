"use server";

import { getDb } from "@/db/client";
import type { ActionResult } from "@/lib/action-result";
import { changePasswordSchema } from "@/lib/schemas/accounts";
import { action } from "@/app/_lib/action-pipeline";
import { reissueSessionCookie } from "@/lib/server/auth";
import { requestContext } from "@/lib/server/request-context";
import { changePassword } from "@/lib/services/accounts/change-password";

const change = action("signed-in", changePasswordSchema, async (input, { user }) => {
  const { ip } = await requestContext();
  const res = await changePassword(getDb(), {
    accountId: user.id,
    oldPassword: input.oldPassword,
    newPassword: input.password,
    ip,
  });
  if (!res.ok) return res;
  // Every other session of the account ends; this one continues with a new cookie.
  await reissueSessionCookie(res.sessionGeneration);
  return {};
});

/** 修改登录密码 for every role (each role's password page renders the same form; it posts text fields only). */
export const changePasswordAction = change as (input: Record<string, string>) => Promise<ActionResult>;
