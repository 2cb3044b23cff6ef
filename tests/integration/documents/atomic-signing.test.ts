import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import * as s from "@/db/schema";
import type { Database } from "@/db/client";
import { CODE_MAX_ATTEMPTS } from "@/lib/server/one-time-codes";
import { getCertificateAuthority, getKeyEncryptionKey, pkiDir } from "@/lib/server/pki/ca";
import { objectStore } from "@/lib/server/storage";
import type { Actor } from "@/lib/services/actor";
import { createApplication } from "@/lib/services/applications/create-application";
import { saveApplication } from "@/lib/services/applications/save-application";
import { claimCertificate } from "@/lib/services/documents/claim-certificate";
import { sendSigningCode, signApplicationForm } from "@/lib/services/documents/sign-application-form";
import { testDb } from "../support/db";
import { COMMITMENT, freshApplicant, givePhotoAndSignature, initialForm } from "../engine/fixtures";

/**
 * Issue 9 item 6: signing is one transaction (code, acceptance number, file row, state change, event) and the bytes
 * written before it go when it does not commit; 领证 is idempotent and renders once.
 */

// A failure injected right after the signed PDF is stored and its file row inserted (a crash inside the transaction).
const inject = vi.hoisted(() => ({ failNextSign: false }));
vi.mock("@/lib/services/applications/sign-application", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/services/applications/sign-application")>();
  return {
    ...actual,
    signApplication: async (...args: Parameters<typeof actual.signApplication>) => {
      if (inject.failNextSign) {
        inject.failNextSign = false;
        throw new Error("injected failure after the object write");
      }
      return actual.signApplication(...args);
    },
  };
});

const SH_EMPLOYER = "91310000MA1FL0001R";
let db: Database;
beforeAll(async () => {
  // Our own object directory, so counting objects counts only this file's — but the run's CA and key-encryption key:
  // the signing identities this file creates stay in the shared database, where later files must open them.
  const shared = pkiDir();
  await Promise.all([getCertificateAuthority(), getKeyEncryptionKey()]);
  process.env.PORTAL_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "portal-atomic-"));
  fs.symlinkSync(shared, pkiDir());
  delete process.env.STORAGE_BACKEND;
  db = testDb();
});

async function objectKeys(): Promise<string[]> {
  const keys: string[] = [];
  for await (const o of objectStore().list()) keys.push(o.key);
  return keys;
}

/** A valid saved draft of 初始注册 and a signing code sent to the applicant's phone. */
async function draftWithCode(): Promise<{ who: Actor; applicationId: string; version: number; code: string }> {
  const who = await freshApplicant(db, {
    programCode: "cost2-sh",
    specialty: "1",
    employerUscc: SH_EMPLOYER,
    provinceCode: "31",
  });
  await givePhotoAndSignature(db, who.personId!);
  const { applicationId } = await createApplication(db, who, {
    programCode: "cost2-sh",
    type: "initial",
    specialtyCode: "1",
  });
  const attachments: Record<string, string> = {};
  for (const code of ["application_form", "qualification_certificate", "labour_contract", "id_document"]) {
    const [f] = await db
      .insert(s.files)
      .values({
        kind: "scan",
        ownerPersonId: who.personId!,
        mimeType: "image/jpeg",
        byteSize: 1,
        sha256: "0".repeat(64),
        storageKey: `fx/${applicationId}/${code}`,
        purpose: code,
      })
      .returning({ id: s.files.id });
    attachments[code] = f!.id;
  }
  const saved = await saveApplication(db, who, { applicationId, version: 0, formData: initialForm("1"), attachments });
  expect(saved.fieldErrors).toEqual({});
  await sendSigningCode(db, who, applicationId);
  const [person] = await db.select({ phone: s.people.phone }).from(s.people).where(eq(s.people.id, who.personId!));
  const [sms] = await db
    .select()
    .from(s.smsOutbox)
    .where(eq(s.smsOutbox.phone, person!.phone))
    .orderBy(desc(s.smsOutbox.id))
    .limit(1);
  return { who, applicationId, version: saved.application.version, code: sms!.body.match(/\d{6}/)![0] };
}

const formFiles = (applicationId: string) =>
  db
    .select()
    .from(s.files)
    .where(and(eq(s.files.applicationId, applicationId), eq(s.files.kind, "application_form")));

describe("atomic signing (ASVS V11.1.x business logic, V2.7.2 one-time codes; R2, G8)", () => {
  it("V11.1.2 R2: a double submit of 个人数字签名 with one code signs once — one file row, one stored object, one " +
    "event", async () => {
    const d = await draftWithCode();
    const before = new Set(await objectKeys());
    const results = await Promise.allSettled(
      [0, 1].map(() =>
        signApplicationForm(db, d.who, {
          applicationId: d.applicationId,
          version: d.version,
          code: d.code,
          commitment: COMMITMENT,
        }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected")).toHaveLength(1);
    const files = await formFiles(d.applicationId);
    expect(files).toHaveLength(1);
    const added = (await objectKeys()).filter((k) => !before.has(k));
    expect(added).toEqual([files[0]!.storageKey]);
    const [app] = await db.select().from(s.applications).where(eq(s.applications.id, d.applicationId));
    expect(app!.status).toBe("signed");
    expect(app!.formPdfFileId).toBe(files[0]!.id);
    expect(app!.acceptanceNo).toMatch(/^W\d{6}033\d{4}$/);
    const signs = await db
      .select()
      .from(s.applicationEvents)
      .where(and(eq(s.applicationEvents.applicationId, d.applicationId), eq(s.applicationEvents.action, "sign")));
    expect(signs).toHaveLength(1);
  }, 60_000);

  it("V11.1.2 G8: a failure after the object write leaves no file row, no object, the draft unchanged and the code " +
    "usable", async () => {
    const d = await draftWithCode();
    const [draftBefore] = await db.select().from(s.applications).where(eq(s.applications.id, d.applicationId));
    const before = new Set(await objectKeys());
    inject.failNextSign = true;
    await expect(
      signApplicationForm(db, d.who, {
        applicationId: d.applicationId,
        version: d.version,
        code: d.code,
        commitment: COMMITMENT,
      }),
    ).rejects.toThrow("injected failure");
    expect(await formFiles(d.applicationId)).toHaveLength(0);
    expect((await objectKeys()).filter((k) => !before.has(k))).toEqual([]);
    const [draftAfter] = await db.select().from(s.applications).where(eq(s.applications.id, d.applicationId));
    expect(draftAfter).toEqual(draftBefore);
    expect(draftAfter!.acceptanceNo).toBeNull();
    // The code was consumed inside the rolled-back transaction, so it still signs.
    const signed = await signApplicationForm(db, d.who, {
      applicationId: d.applicationId,
      version: d.version,
      code: d.code,
      commitment: COMMITMENT,
    });
    expect(signed.application.status).toBe("signed");
  }, 60_000);

  it(`V2.7.2 parallel wrong codes get at most ${CODE_MAX_ATTEMPTS} evaluations and render nothing`, async () => {
    const d = await draftWithCode();
    const wrong = d.code === "000000" ? "111111" : "000000";
    const before = new Set(await objectKeys());
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () =>
        signApplicationForm(db, d.who, {
          applicationId: d.applicationId,
          version: d.version,
          code: wrong,
          commitment: COMMITMENT,
        }),
      ),
    );
    expect(results.every((r) => r.status === "rejected")).toBe(true);
    const messages = results.map((r) => (r.status === "rejected" ? String((r.reason as Error).message) : ""));
    expect(messages.filter((m) => m.includes("还可尝试")).length).toBeLessThanOrEqual(CODE_MAX_ATTEMPTS - 1);
    const [code] = await db
      .select()
      .from(s.oneTimeCodes)
      .where(eq(s.oneTimeCodes.accountId, d.who.userId))
      .orderBy(desc(s.oneTimeCodes.createdAt))
      .limit(1);
    expect(code!.attempts).toBe(CODE_MAX_ATTEMPTS);
    expect((await objectKeys()).filter((k) => !before.has(k))).toEqual([]);
    // The right code is no good any more either: the attempts are used up.
    await expect(
      signApplicationForm(db, d.who, {
        applicationId: d.applicationId,
        version: d.version,
        code: d.code,
        commitment: COMMITMENT,
      }),
    ).rejects.toMatchObject({
      kind: "invalid",
    });
    const [app] = await db.select().from(s.applications).where(eq(s.applications.id, d.applicationId));
    expect(app!.status).toBe("draft");
  }, 60_000);
});

describe("idempotent 领证 (ASVS V11.1.x; R3)", () => {
  it("V11.1.2 R3: 20 parallel claims return one certificate, rendered once into one stored object", async () => {
    const who = await freshApplicant(db, {
      programCode: "cost2-sh",
      specialty: "1",
      employerUscc: SH_EMPLOYER,
      provinceCode: "31",
    });
    const [authority] = await db.select().from(s.authorities).where(eq(s.authorities.code, "sh"));
    const [reg] = await db
      .insert(s.registrations)
      .values({
        personId: who.personId!,
        programCode: "cost2-sh",
        specialtyCode: "1",
        registrationNo: `建[造]21${String(Date.now()).slice(-12)}`,
        sealNo: `SEAL${Date.now()}`,
        employerName: "上海建科造价咨询有限公司",
        issuingAuthorityId: authority!.id,
        validFrom: "2026-01-01",
        validTo: "2029-12-31",
        status: "active",
      })
      .returning();
    const before = new Set(await objectKeys());
    const ids = await Promise.all(
      Array.from({ length: 20 }, () => claimCertificate(db, who, reg!.id, "http://localhost:3000")),
    );
    expect(new Set(ids).size).toBe(1);
    const certs = await db
      .select()
      .from(s.files)
      .where(and(eq(s.files.ownerPersonId, who.personId!), eq(s.files.kind, "certificate")));
    expect(certs.map((c) => c.id)).toEqual([ids[0]]);
    expect((await objectKeys()).filter((k) => !before.has(k))).toEqual([certs[0]!.storageKey]);
    expect(
      await db.select().from(s.certificateIssues).where(eq(s.certificateIssues.registrationId, reg!.id)),
    ).toHaveLength(1);
    // A later click gets the same file without rendering again.
    expect(await claimCertificate(db, who, reg!.id, "http://localhost:3000")).toBe(ids[0]);
    expect((await objectKeys()).filter((k) => !before.has(k))).toHaveLength(1);
  }, 120_000);

  it("V11.1.2 R3: a claim left 生成中 by a dead process is taken over once it is stale", async () => {
    const who = await freshApplicant(db, {
      programCode: "cost2-sh",
      specialty: "1",
      employerUscc: SH_EMPLOYER,
      provinceCode: "31",
    });
    const [authority] = await db.select().from(s.authorities).where(eq(s.authorities.code, "sh"));
    const [reg] = await db
      .insert(s.registrations)
      .values({
        personId: who.personId!,
        programCode: "cost2-sh",
        specialtyCode: "1",
        registrationNo: `建[造]21${String(Date.now() + 1).slice(-12)}`,
        sealNo: `SEAL${Date.now()}`,
        employerName: "上海建科造价咨询有限公司",
        issuingAuthorityId: authority!.id,
        validFrom: "2026-01-01",
        validTo: "2029-12-31",
        status: "active",
        certificateState: "generating",
        certificateClaimedAt: new Date(Date.now() - 10 * 60_000),
      })
      .returning();
    const id = await claimCertificate(db, who, reg!.id, "http://localhost:3000");
    const [after] = await db.select().from(s.registrations).where(eq(s.registrations.id, reg!.id));
    expect(after).toMatchObject({ certificateState: "ready", certificateFileId: id });
  }, 60_000);
});
