import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import * as s from "@/db/schema";
import { noticeText } from "../messages/notice-text";
import { APPLICATION_TYPE_LABELS } from "@/lib/domain/application-types";
import { acceptanceNumber } from "@/lib/domain/numbering";
import { getProgram, professionName } from "@/lib/domain/programs";
import type { Commitment } from "@/lib/domain/transitions";
import { chinaDate } from "@/lib/server/clock";
import { codeLooksRight, consumeCode, issueCode, type CodeCheck } from "@/lib/server/one-time-codes";
import { applicationFormFileName, renderApplicationForm } from "@/lib/server/pdf/application-form";
import { signPdf } from "@/lib/server/pdf/sign-pdf";
import { getSigningIdentity } from "@/lib/server/pki";
import { getSmsProvider, maskPhone } from "@/lib/server/sms";
import { removeBytes, storeBytes } from "@/lib/server/storage";
import type { Actor } from "../actor";
import { invalid, notFound, refused, say } from "../errors";
import { allocateSerial } from "../numbering/allocate-serial";
import { signApplication } from "../applications/sign-application";
import { liveFacts } from "@/db/rows/filed-facts";
import { applicationFormData } from "./application-form-data";

async function ownDraft(db: Database, actor: Actor, applicationId: string) {
  const [app] = await db.select().from(s.applications).where(eq(s.applications.id, applicationId));
  if (!app || actor.role !== "applicant" || app.personId !== actor.personId || app.status === "deleted")
    throw notFound("application");
  if (app.status !== "draft" || !app.savedValid) throw refused(say("documents.saveBeforeSigning"));
  return app;
}

/** A refused verification code, beside the code field, in the applicant's language (the Chinese as checked). */
function codeRefused(check: Extract<CodeCheck, { ok: false }>) {
  const text = say(`codes.${check.reason}`, { left: check.left ?? 0 }, check.error);
  return invalid(text, { code: text });
}

/** 个人数字签名, step 1: a one-time code to the phone on record confirms it is the applicant who signs. */
export async function sendSigningCode(db: Database, actor: Actor, applicationId: string, now = new Date()) {
  const app = await ownDraft(db, actor, applicationId);
  const [person] = await db.select({ phone: s.people.phone }).from(s.people).where(eq(s.people.id, app.personId));
  const issued = await issueCode(db, actor.userId, "sign", now);
  if (!issued.ok) throw refused(say("documents.codeSent", { seconds: issued.retryAfterSec }));
  await getSmsProvider(db).send(
    person!.phone,
    // The applicant reads it: in their language (the actor is the recipient).
    noticeText(actor.locale).t("signingCode", { code: issued.code }),
  );
  return { maskedPhone: maskPhone(person!.phone) };
}

/**
 * 个人数字签名, step 2: with the code, the form is rendered from the saved data, signed with the applicant's own
 * certificate (portal CA) as an incremental PDF signature with a visible block, stored, and the application moves
 * on (to the employer, or the authority).
 *
 * Issue 9 item 6: rendering and signing are CPU work done before any transaction; the bytes go under a fresh key; then
 * ONE transaction consumes the code (conditional update), records the acceptance number, the file row, the state change
 * (expected version) and the event. If it does not commit, the object is removed here — and the housekeeping sweep
 * of unreferenced objects removes it should the process die in between.
 */
export async function signApplicationForm(
  db: Database,
  actor: Actor,
  input: {
    applicationId: string;
    version: number;
    code: string;
    commitment: Commitment;
    socialInsuranceConfirmed?: boolean;
  },
  now = new Date(),
) {
  const app = await ownDraft(db, actor, input.applicationId);
  if (app.version !== input.version) throw refused(say("documents.formChangedElsewhere"));
  // A wrong code costs no rendering: it is counted (one conditional update) and refused straight away.
  if (!(await codeLooksRight(db, actor.userId, "sign", input.code, now))) {
    const check = await consumeCode(db, actor.userId, "sign", input.code, now);
    if (!check.ok) throw codeRefused(check);
  }
  const prepared = await renderSignedForm(db, app, now);
  try {
    const outcome = await db.transaction(async (tx) => {
      const check = await consumeCode(tx, actor.userId, "sign", input.code, now);
      // A wrong or used code commits its counted attempt and nothing else.
      if (!check.ok) return { ok: false as const, check };
      const [file] = await tx.insert(s.files).values(prepared.fileRow(actor.userId)).returning({ id: s.files.id });
      const signed = await signApplication(
        tx,
        actor,
        {
          applicationId: app.id,
          version: app.version,
          commitment: input.commitment,
          socialInsuranceConfirmed: input.socialInsuranceConfirmed,
          formPdfFileId: file!.id,
          filed: prepared.filed,
          acceptanceNo: prepared.acceptanceNo,
        },
        now,
      );
      return { ok: true as const, signed };
    });
    if (!outcome.ok) throw codeRefused(outcome.check);
    return outcome.signed;
  } catch (e) {
    await removeBytes(prepared.storageKey).catch(() => undefined);
    throw e;
  }
}

/** Renders and signs the form and puts the bytes under a fresh key; nothing in the database refers to them yet. */
async function renderSignedForm(db: Database, app: typeof s.applications.$inferSelect, now: Date) {
  const program = getProgram(app.programCode);
  // R2: the number is printed on the form being signed, so it is drawn now (once per application: a re-sign after
  // 修改申请表 keeps it). It is written to the application only in the signing transaction; a signature that does not
  // commit leaves a gap in the serial, never a reused number.
  const acceptanceNo =
    app.acceptanceNo ??
    acceptanceNumber(
      program,
      chinaDate(now),
      await allocateSerial(db, `acceptance:${acceptanceNumber(program, chinaDate(now), 1).slice(0, -4)}`),
    );
  const numbered = { ...app, acceptanceNo };
  const [person] = await db.select().from(s.people).where(eq(s.people.id, app.personId));
  // The facts printed on the form are the ones stored as filed (same object, so the PDF and the record agree).
  const filed = await liveFacts(db, numbered, now);
  const unsigned = await renderApplicationForm(await applicationFormData(db, numbered, now, filed));
  const identity = await getSigningIdentity(db, "person", person!.id, { commonName: person!.name });
  const signed = await signPdf(unsigned, identity, {
    role: "applicant",
    name: person!.name,
    reason: "本人已核对申请表内容，对申报内容的真实性负责",
    signedAt: now,
  });
  const stored = await storeBytes(signed);
  return {
    acceptanceNo,
    filed,
    storageKey: stored.storageKey,
    fileRow: (uploadedBy: string): typeof s.files.$inferInsert => ({
      kind: "application_form",
      ownerPersonId: person!.id,
      applicationId: app.id,
      // F2: {项目}{类型}申请表_yyyyMMddHHmmss.pdf — the project without its jurisdiction suffix, Beijing time.
      originalName: applicationFormFileName(professionName(program), APPLICATION_TYPE_LABELS[app.type], now),
      mimeType: "application/pdf",
      byteSize: signed.byteLength,
      sha256: stored.sha256,
      storageKey: stored.storageKey,
      state: "kept",
      uploadedBy,
    }),
  };
}
