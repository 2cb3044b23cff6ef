import { and, desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import * as s from "@/db/schema";
import { usccCheckChar } from "@/lib/domain/id-checksums";
import { authorityEditSchema, authorityFormSchema, employerFormSchema, reviewerFormSchema } from "@/lib/schemas/admin";
import { getAuthOptions } from "@/lib/server/auth";
import { accountKey, readThrottle, recordFailure } from "@/lib/server/login-throttle";
import { getSmsProvider } from "@/lib/server/sms";
import { signIn } from "@/lib/services/accounts/sign-in";
import type { Actor } from "@/lib/services/actor";
import { createAdministrator } from "@/lib/services/admin/create-administrator";
import { createAuthority } from "@/lib/services/admin/create-authority";
import { createEmployerAccount } from "@/lib/services/admin/create-employer-account";
import { createReviewerAccount } from "@/lib/services/admin/create-reviewer-account";
import { resetAccountPassword } from "@/lib/services/admin/reset-account-password";
import { setAccountDisabled } from "@/lib/services/admin/set-account-disabled";
import { unlockAccount } from "@/lib/services/admin/unlock-account";
import { updateAuthority } from "@/lib/services/admin/update-authority";
import { actorOf, reviewer } from "../support/actors";
import { testDb } from "../support/db";

const TAG = Date.now().toString(36).slice(-5);
let db: Database;
let admin: Actor;
let ipCounter = 0;
const ip = () => `10.77.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;

async function lastAudit(kind: string) {
  const [row] = await db
    .select()
    .from(s.securityEvents)
    .where(eq(s.securityEvents.kind, kind))
    .orderBy(desc(s.securityEvents.id))
    .limit(1);
  return row;
}

beforeAll(async () => {
  db = testDb();
  admin = await actorOf(db, "admin", "admin");
});

describe("first administrator by command (no default password)", () => {
  it("creates an administrator with a one-time password that signs in once and must be changed", async () => {
    const created = await createAdministrator(db, { username: `root${TAG}`, displayName: "首位管理员" });
    expect(created.mustChangePassword).toBe(true);
    expect(created.password).toMatch(/^(?=.*[A-Za-z])(?=.*\d).{12}$/);
    const res = await signIn(db, { kind: "staff", loginName: `root${TAG}`, password: created.password, ip: ip() });
    expect(res.ok && res.account.role).toBe("admin");
    expect(res.ok && res.account.mustChangePassword).toBe(true);
    expect((await lastAudit("admin_created"))?.accountId).toBe(created.id);
  });

  it("refuses a second administrator with the same name, and a bad user name, in plain words", async () => {
    await expect(createAdministrator(db, { username: `root${TAG}`, displayName: "x" })).rejects.toThrow(/已存在/);
    await expect(createAdministrator(db, { username: "A b", displayName: "x" })).rejects.toThrow(/用户名应为/);
    await expect(
      createAdministrator(db, { username: `weak${TAG}`, displayName: "x", password: "short" }),
    ).rejects.toThrow(/密码/);
  });
});

describe("机构管理", () => {
  let id: string;
  it("creates an authority under a parent and records who did it", async () => {
    const [mohurd] = await db.select().from(s.authorities).where(eq(s.authorities.code, "mohurd"));
    const input = authorityFormSchema.parse({
      code: `ah${TAG}`,
      name: "安徽省住房和城乡建设厅",
      level: "provincial",
      provinceCode: "34",
      numberingCode: "01",
      officeCode: "3400",
      parentId: mohurd!.id,
      contactPhone: "",
    });
    id = (await createAuthority(db, admin, input)).id;
    const audit = await lastAudit("authority_created");
    expect(audit).toMatchObject({
      accountId: admin.userId,
      detail: expect.objectContaining({ authority: `ah${TAG}` }),
    });
    await expect(createAuthority(db, admin, input)).rejects.toThrow(/已被使用/);
  });

  it("edits it, refuses a parent that would make a loop, and a disabled authority receives no reviewers", async () => {
    await expect(
      updateAuthority(
        db,
        admin,
        id,
        authorityEditSchema.parse({ name: "安徽省住建厅", parentId: id, provinceCode: "34" }),
      ),
    ).rejects.toThrow(/上级机构不能是本机构/);
    await updateAuthority(
      db,
      admin,
      id,
      authorityEditSchema.parse({ name: "安徽省住建厅", parentId: "", provinceCode: "34", disabled: "on" }),
    );
    const [row] = await db.select().from(s.authorities).where(eq(s.authorities.id, id));
    expect(row).toMatchObject({ name: "安徽省住建厅", parentId: null, disabled: true });
    await expect(
      createReviewerAccount(
        db,
        admin,
        reviewerFormSchema.parse({ username: `ahr${TAG}`, displayName: "安徽审核员", authorityId: id }),
      ),
    ).rejects.toThrow(/已停用/);
  });

  it("is for administrators only: anyone else is told it does not exist", async () => {
    const sh = await reviewer(db, "sh_reviewer");
    await expect(
      updateAuthority(db, sh, id, authorityEditSchema.parse({ name: "x x", parentId: "", provinceCode: "" })),
    ).rejects.toThrow(/不存在或您无权查看/);
  });
});

describe("账号管理", () => {
  const title1 =
    "creates a reviewer of an authority, linked to a person, with a one-time password to change at first " + "sign-in";
  it(title1, async () => {
    const [sh] = await db.select().from(s.authorities).where(eq(s.authorities.code, "sh"));
    const created = await createReviewerAccount(
      db,
      admin,
      reviewerFormSchema.parse({
        username: `shr${TAG}`,
        displayName: "上海审核员 新",
        authorityId: sh!.id,
        phone: "13912345678",
        personIdNumber: "310101198803150012",
      }),
    );
    const res = await signIn(db, {
      kind: "staff",
      loginName: `shr${TAG}`,
      password: created.temporaryPassword,
      ip: ip(),
    });
    expect(res.ok && res.account).toMatchObject({ role: "reviewer", authorityId: sh!.id, mustChangePassword: true });
    const [row] = await db.select().from(s.userAccounts).where(eq(s.userAccounts.id, created.id));
    expect(row!.personId).not.toBeNull();
  });

  it("creates an employer account from a 统一社会信用代码 whose check digit is right, and refuses a wrong one", async () => {
    const first17 = `913400${String(Date.now()).slice(-6)}MA1AH`.slice(0, 17);
    const uscc = first17 + usccCheckChar(first17);
    const wrong = first17 + (usccCheckChar(first17) === "0" ? "1" : "0");
    const bad = employerFormSchema.safeParse({
      uscc: wrong,
      name: "安徽造价咨询有限公司",
      kind: "cost_consulting",
      provinceCode: "34",
      contactPhone: "0551-1234567",
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toMatch(/校验位不正确/);
    const created = await createEmployerAccount(
      db,
      admin,
      employerFormSchema.parse({
        uscc,
        name: "安徽造价咨询有限公司",
        kind: "cost_consulting",
        provinceCode: "34",
        contactPhone: "0551-1234567",
        phone: "13955556666",
      }),
    );
    const res = await signIn(db, { kind: "employer", loginName: uscc, password: created.temporaryPassword, ip: ip() });
    expect(res.ok).toBe(true);
    await expect(
      createEmployerAccount(
        db,
        admin,
        employerFormSchema.parse({
          uscc,
          name: "重复",
          kind: "cost_consulting",
          provinceCode: "34",
          contactPhone: "0551-1234567",
        }),
      ),
    ).rejects.toThrow(/已有账号/);
  });

  const title2 =
    "disabling an account ends its open sessions at once, refuses sign-in, and is audited; enabling lets it " + "back";
  it(title2, async () => {
    const [sh] = await db.select().from(s.authorities).where(eq(s.authorities.code, "sh"));
    const created = await createReviewerAccount(
      db,
      admin,
      reviewerFormSchema.parse({ username: `off${TAG}`, displayName: "待停用", authorityId: sh!.id }),
    );
    const res = await signIn(db, {
      kind: "staff",
      loginName: `off${TAG}`,
      password: created.temporaryPassword,
      ip: ip(),
    });
    if (!res.ok) throw new Error("sign-in failed");
    const jwt = getAuthOptions().callbacks!.jwt!;
    const token = {
      sub: res.account.id,
      role: res.account.role,
      gen: res.account.sessionGeneration,
      authAt: Date.now(),
    };
    // An open session: the token is accepted on the next request…
    await expect(jwt({ token, account: null } as never)).resolves.toMatchObject({ sub: res.account.id });
    await setAccountDisabled(db, admin, created.id, true);
    // …and refused once the account is stopped.
    await expect(jwt({ token, account: null } as never)).rejects.toThrow();
    const again = await signIn(db, {
      kind: "staff",
      loginName: `off${TAG}`,
      password: created.temporaryPassword,
      ip: ip(),
    });
    expect(again.ok).toBe(false);
    expect(!again.ok && again.message).toMatch(/已停用/);
    expect(await lastAudit("account_disabled")).toMatchObject({
      accountId: admin.userId,
      detail: expect.objectContaining({ login: `off${TAG}` }),
    });
    await setAccountDisabled(db, admin, created.id, false);
    expect(
      (await signIn(db, { kind: "staff", loginName: `off${TAG}`, password: created.temporaryPassword, ip: ip() })).ok,
    ).toBe(true);
    await expect(setAccountDisabled(db, admin, admin.userId, true)).rejects.toThrow(/不能停用自己/);
  });

  it("unlocks an account locked by wrong passwords", async () => {
    // An account of its own, so no other test's sign-in meets the lock.
    const [sh] = await db.select().from(s.authorities).where(eq(s.authorities.code, "sh"));
    const created = await createReviewerAccount(
      db,
      admin,
      reviewerFormSchema.parse({ username: `lock${TAG}`, displayName: "被锁定", authorityId: sh!.id }),
    );
    const key = accountKey("staff", `lock${TAG}`);
    for (let i = 0; i < 5; i++) await recordFailure(db, { account: key });
    expect((await readThrottle(db, { account: key })).lockedUntil).not.toBeNull();
    const locked = await signIn(db, {
      kind: "staff",
      loginName: `lock${TAG}`,
      password: created.temporaryPassword,
      ip: ip(),
    });
    expect(!locked.ok && locked.reason).toBe("locked");
    await unlockAccount(db, admin, created.id);
    expect((await readThrottle(db, { account: key })).lockedUntil).toBeNull();
    expect(await lastAudit("account_unlocked")).toMatchObject({ accountId: admin.userId });
  });

  const title3 =
    "reset: a reviewer gets a new one-time password (old one stops working); an applicant gets a code by " + "SMS";
  it(title3, async () => {
    const [zj] = await db.select().from(s.authorities).where(eq(s.authorities.code, "zj"));
    const created = await createReviewerAccount(
      db,
      admin,
      reviewerFormSchema.parse({ username: `rst${TAG}`, displayName: "待重置", authorityId: zj!.id }),
    );
    const out = await resetAccountPassword(db, getSmsProvider(db), admin, created.id);
    if (out.kind !== "temporary_password") throw new Error("expected a one-time password");
    expect(
      (await signIn(db, { kind: "staff", loginName: `rst${TAG}`, password: created.temporaryPassword, ip: ip() })).ok,
    ).toBe(false);
    const res = await signIn(db, {
      kind: "staff",
      loginName: `rst${TAG}`,
      password: out.temporaryPassword,
      ip: ip(),
    });
    expect(res.ok && res.account.mustChangePassword).toBe(true);

    const applicant = await actorOf(db, "applicant", "resident_id:330106199007220024");
    const sent = await resetAccountPassword(db, getSmsProvider(db), admin, applicant.userId);
    expect(sent).toEqual({ kind: "code_sent", maskedPhone: expect.stringMatching(/^138\*+0004$/) });
    const [sms] = await db
      .select()
      .from(s.smsOutbox)
      .where(and(eq(s.smsOutbox.phone, "13800000004")))
      .orderBy(desc(s.smsOutbox.id))
      .limit(1);
    expect(sms!.body).toMatch(/找回登录密码，验证码 \d{6}/);
  });
});
