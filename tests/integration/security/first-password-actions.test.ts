import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import * as s from "@/db/schema";
import type { CurrentUser } from "@/lib/server/auth";
import { createApplication } from "@/lib/services/applications/create-application";
import { testDb } from "../support/db";
import { freshApplicant, givePhotoAndSignature } from "../engine/fixtures";

/**
 * A user signed in with an administrator's one-time password may only choose their own password. Pages keep them on
 * 修改登录密码 (proxy.ts), but the proxy does not run for server actions (issue 12: it cost ≈ 0.8 ms per action), so
 * the action pipeline refuses every other action itself. Called as the browser calls it: the exported server action,
 * with only the request's session stubbed.
 */
const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/server/auth", () => ({ getCurrentUser: async () => session.user }));
vi.mock("@/lib/server/request-context", () => ({ requestContext: async () => ({ ip: "127.0.0.1" }) }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { saveForm } = await import("@/app/applicant/applications/actions");
const { changePasswordAction } = await import("@/app/_actions/change-password");

const SH = { programCode: "cost2-sh", specialty: "1", employerUscc: "91310000MA1FL0001R", provinceCode: "31" };

let db: Database;
beforeAll(() => {
  db = testDb();
});

describe("actions of a session that must still change its one-time password", () => {
  it("V4.1.3 保存 is refused with what to do, and nothing is saved; 修改登录密码 still runs", async () => {
    const me = await freshApplicant(db, SH);
    await givePhotoAndSignature(db, me.personId!);
    const { applicationId } = await createApplication(db, me, {
      programCode: SH.programCode,
      type: "initial",
      specialtyCode: SH.specialty,
    });
    const [account] = await db.select().from(s.userAccounts).where(eq(s.userAccounts.id, me.userId));
    const user: CurrentUser = {
      id: account!.id,
      role: "applicant",
      name: account!.displayName,
      personId: account!.personId,
      employerId: null,
      authorityId: null,
      locale: "zh-CN",
      mustChangePassword: true,
    };
    session.user = user;
    const input = { applicationId, version: 0, values: { employerPhone: "021-63210001" }, attachments: {} };

    const refused = await saveForm(input);
    expect(refused).toEqual({ ok: false, error: "请先修改登录密码，再办理其他业务。" });
    const [row] = await db.select().from(s.applications).where(eq(s.applications.id, applicationId));
    expect(row!.version).toBe(0);

    session.user = { ...user, locale: "en" };
    expect(await saveForm(input)).toMatchObject({ ok: false, error: expect.stringMatching(/change your sign-in/) });

    // The one action such a session exists for reaches its service: a wrong current password is its own refusal.
    const change = await changePasswordAction({
      oldPassword: "not-the-password",
      password: "Another2026!x",
      confirm: "Another2026!x",
    });
    expect(change.ok).toBe(false);
    expect(change.ok ? "" : change.error).not.toMatch(/change your sign-in|请先修改登录密码/);

    // The same session without the flag saves.
    session.user = { ...user, mustChangePassword: false };
    expect(await saveForm(input)).toMatchObject({ ok: true });
  });
});
