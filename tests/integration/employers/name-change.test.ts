import { randomInt } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import * as s from "@/db/schema";
import type { Database } from "@/db/client";
import { addDays, addYears } from "@/lib/domain/dates";
import { chinaDate } from "@/lib/server/clock";
import type { Actor } from "@/lib/services/actor";
import { createApplication } from "@/lib/services/applications/create-application";
import { certificateSerial } from "@/lib/services/documents/claim-certificate";
import { decideNameChange } from "@/lib/services/employers/decide-name-change";
import { fileNameChange } from "@/lib/services/employers/file-name-change";
import { ServiceError } from "@/lib/services/errors";
import { reviewer } from "../support/actors";
import { testDb } from "../support/db";
import { freshApplicant, givePhotoAndSignature } from "../engine/fixtures";

let db: Database;
beforeAll(() => {
  db = testDb();
});

const jpeg = () =>
  sharp({ create: { width: 600, height: 800, channels: 3, background: "#f4f1e8" } })
    .jpeg()
    .toBuffer();

/** A 浙江 employer of this test's own (other tests' applications must not block its name change), with its account. */
async function freshEmployer(): Promise<{ actor: Actor; id: string; uscc: string; name: string }> {
  const uscc = `91330100T${String(randomInt(1e9)).padStart(9, "0")}`;
  const name = `测试更名前有限公司${uscc.slice(-4)}`;
  const [e] = await db
    .insert(s.employers)
    .values({ name, uscc, kind: "cost_consulting", provinceCode: "33", contactPhone: "0571-80000000" })
    .returning();
  const [a] = await db
    .insert(s.userAccounts)
    .values({ role: "employer", loginName: uscc, displayName: name, employerId: e!.id })
    .returning();
  return { actor: { userId: a!.id, role: "employer", displayName: name, employerId: e!.id }, id: e!.id, uscc, name };
}

async function holder(emp: { id: string; uscc: string; name: string }) {
  const who = await freshApplicant(db, {
    programCode: "cost2-zj",
    specialty: "1",
    employerUscc: emp.uscc,
    provinceCode: "33",
  });
  const [authority] = await db.select().from(s.authorities).where(eq(s.authorities.code, "zj"));
  const validTo = addYears(chinaDate(new Date()), 2);
  const no = `建[造]21223301${String(randomInt(1e6)).padStart(6, "0")}`;
  const [reg] = await db
    .insert(s.registrations)
    .values({
      personId: who.personId!,
      programCode: "cost2-zj",
      specialtyCode: "1",
      registrationNo: no,
      sealNo: `${no}-01`,
      employerId: emp.id,
      employerName: emp.name,
      employerProvinceCode: "33",
      issuingAuthorityId: authority!.id,
      validFrom: addDays(addYears(validTo, -4), 1),
      validTo,
      status: "active",
      certificateState: "ready",
    })
    .returning();
  return { who, reg: reg! };
}

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => (e instanceof ServiceError ? e : Promise.reject(e)),
  );

describe("单位名称变更 (R4)", () => {
  const title1 =
    "R4: approval re-syncs the name on every holder's registration, re-issues the employer's signing identity and " +
    "tells holders to claim the new e-certificate";
  it(title1, async () => {
    const emp = await freshEmployer();
    const zj = await reviewer(db, "zj_reviewer");
    const sh = await reviewer(db, "sh_reviewer");
    const a = await holder(emp);
    const b = await holder(emp);
    const newName = `测试更名后有限公司${emp.uscc.slice(-4)}`;

    // The proof is checked by content: bytes that are not an image are refused with a plain message.
    const fake = await refusal(
      fileNameChange(db, emp.actor, {
        newName,
        proof: { fileName: "证明.jpg", bytes: new Uint8Array([1, 2, 3, 4]) },
      }),
    );
    expect(fake?.message).toMatch(/不是有效的 JPG 或 PNG 图片/);
    const missing = await refusal(fileNameChange(db, emp.actor, { newName: emp.name, proof: null }));
    expect(missing?.fieldErrors).toMatchObject({ newName: "新名称与当前单位名称相同", proof: expect.any(String) });

    const filed = await fileNameChange(db, emp.actor, {
      newName,
      proof: { fileName: "营业执照.jpg", bytes: await jpeg() },
    });
    // One change under review at a time.
    expect(
      (
        await refusal(
          fileNameChange(db, emp.actor, {
            newName: `${newName}X`,
            proof: { fileName: "p.jpg", bytes: await jpeg() },
          }),
        )
      )?.kind,
    ).toBe("conflict");
    // Only the authority of the employer's province decides.
    expect((await refusal(decideNameChange(db, sh, { id: filed.id, version: 1, decision: "approve" })))?.kind).toBe(
      "not_found",
    );

    const before = await db.select().from(s.registrations).where(eq(s.registrations.id, a.reg.id));
    const out = await decideNameChange(db, zj, { id: filed.id, version: 1, decision: "approve" });
    expect(out.holders).toBe(2);

    const [e] = await db.select().from(s.employers).where(eq(s.employers.id, emp.id));
    expect(e!.name).toBe(newName);
    for (const h of [a, b]) {
      const [r] = await db.select().from(s.registrations).where(eq(s.registrations.id, h.reg.id));
      expect(r!.employerName).toBe(newName);
      // Back to 未领证, and the next e-certificate gets a new serial, so the old one is no longer the latest issue.
      expect(r!.certificateState).toBe("unclaimed");
      const [msg] = await db
        .select()
        .from(s.messages)
        .where(eq(s.messages.recipientUserId, h.who.userId))
        .orderBy(desc(s.messages.createdAt))
        .limit(1);
      expect(msg!.title).toBe("聘用单位名称变更，请重新领证");
      expect(msg!.body).toContain(newName);
      const [person] = await db.select().from(s.people).where(eq(s.people.id, h.who.personId!));
      const [sms] = await db
        .select()
        .from(s.smsOutbox)
        .where(eq(s.smsOutbox.phone, person!.phone))
        .orderBy(desc(s.smsOutbox.id))
        .limit(1);
      expect(sms!.body).toContain("领证");
    }
    const [r] = await db.select().from(s.registrations).where(eq(s.registrations.id, a.reg.id));
    expect(certificateSerial(r!.id, r!.updatedAt)).not.toBe(certificateSerial(before[0]!.id, before[0]!.updatedAt));
    const [identity] = await db
      .select()
      .from(s.signingIdentities)
      .where(and(eq(s.signingIdentities.ownerKind, "employer"), eq(s.signingIdentities.ownerId, emp.id)));
    expect(identity).toBeDefined();
    const { describeCertificate } = await import("@/lib/server/pki");
    expect(describeCertificate(identity!.certificatePem).commonName).toBe(newName);
    // Decided once: a second decision on the same page is refused.
    expect(
      (await refusal(decideNameChange(db, zj, { id: filed.id, version: 1, decision: "reject", opinion: "x" })))?.kind,
    ).toBe("conflict");
  });

  const title2 =
    "R4: refused while an application of the employer is in flight, naming it — at filing and at " + "approval";
  it(title2, async () => {
    const emp = await freshEmployer();
    const zj = await reviewer(db, "zj_reviewer");
    const { who } = await holder(emp);
    const newName = `测试在办有限公司${emp.uscc.slice(-4)}`;
    const filed = await fileNameChange(db, emp.actor, {
      newName,
      proof: { fileName: "营业执照.jpg", bytes: await jpeg() },
    });

    // A staff member's application reaches the authority after the change was filed (fixture: status set directly).
    await givePhotoAndSignature(db, who.personId!);
    const { applicationId } = await createApplication(db, who, {
      programCode: "cost2-zj",
      type: "cancellation",
      specialtyCode: "1",
    });
    await db
      .update(s.applications)
      .set({ status: "pending_acceptance", employerId: emp.id, acceptanceNo: `W202611T${emp.uscc.slice(-6)}` })
      .where(eq(s.applications.id, applicationId));

    const atApproval = await refusal(decideNameChange(db, zj, { id: filed.id, version: 1, decision: "approve" }));
    expect(atApproval?.kind).toBe("refused");
    expect(atApproval?.message).toContain(`受理编号 W202611T${emp.uscc.slice(-6)}`);
    // Nothing changed: the name, the registration and the change itself.
    const [e] = await db.select().from(s.employers).where(eq(s.employers.id, emp.id));
    expect(e!.name).toBe(emp.name);
    const [c] = await db.select().from(s.employerNameChanges).where(eq(s.employerNameChanges.id, filed.id));
    expect(c!.status).toBe("submitted");

    await decideNameChange(db, zj, {
      id: filed.id,
      version: 1,
      decision: "reject",
      opinion: "请待在办申请办结后重新提交",
    });
    const atFiling = await refusal(
      fileNameChange(db, emp.actor, { newName, proof: { fileName: "营业执照.jpg", bytes: await jpeg() } }),
    );
    expect(atFiling?.message).toMatch(/本单位还有正在办理的申请：.*注销注册申请/);
  });
});
