/**
 * 申报须知 → 个人承诺书 → 社保确认 (G5, G6, `003` §3.1.1): the applicant's steps before the form, recorded on the
 * server in the draft's `formData._wizard` so they survive reload and sign-out and so the reading time of the
 * 个人承诺书 is measured by the server, never taken from the browser.
 *
 * The countdown is 60 seconds (G5). `COMMITMENT_READING_SECONDS` may shorten it for automated browser tests only; the
 * server then still enforces that shortened reading time and reports the reading to the engine as complete.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import * as s from "@/db/schema";
import type { Commitment } from "@/lib/domain/transitions";
import type { Actor } from "../actor";
import { notFound, refused, say } from "../errors";
import { deleteApplication } from "../applications/delete-application";
import { isUuid } from "@/lib/domain/ids";

/** G5: the engine's minimum reading time. */
export const FULL_READING_SECONDS = 60;

/** Seconds the 个人承诺书 must stay open: 60, or `COMMITMENT_READING_SECONDS` (tests). */
export function commitmentReadingSeconds(): number {
  const raw = Number(process.env.COMMITMENT_READING_SECONDS);
  return Number.isInteger(raw) && raw >= 0 && raw < FULL_READING_SECONDS ? raw : FULL_READING_SECONDS;
}

export type WizardState = {
  conditionsTickedAt?: string;
  commitmentOpenedAt?: string;
  committedAt?: string;
  readingSeconds?: number;
  socialInsuranceConfirmedAt?: string;
};

export function wizardState(formData: Record<string, unknown> | null | undefined): WizardState {
  const w = formData?._wizard;
  return w && typeof w === "object" ? (w as WizardState) : {};
}

/** The commitment the engine checks when signing (G5), from what the server recorded. */
export function commitmentOf(formData: Record<string, unknown>): Commitment {
  const w = wizardState(formData);
  const read = w.readingSeconds ?? 0;
  return {
    conditionsTicked: !!w.conditionsTickedAt,
    committed: !!w.committedAt,
    readingSeconds: read >= commitmentReadingSeconds() ? Math.max(read, FULL_READING_SECONDS) : read,
  };
}

async function ownEditable(db: Database, actor: Actor, applicationId: string) {
  if (actor.role !== "applicant" || !actor.personId || !isUuid(applicationId)) throw notFound("application");
  const [row] = await db.select().from(s.applications).where(eq(s.applications.id, applicationId));
  if (!row || row.personId !== actor.personId || row.status === "deleted") throw notFound("application");
  if (row.status !== "draft" && row.status !== "returned") throw refused(say("filing.alreadyFiled"));
  return row;
}

async function writeWizard(db: Database, row: typeof s.applications.$inferSelect, next: WizardState) {
  await db
    .update(s.applications)
    .set({ formData: sql`${s.applications.formData} || jsonb_build_object('_wizard', ${JSON.stringify(next)}::jsonb)` })
    .where(and(eq(s.applications.id, row.id), inArray(s.applications.status, ["draft", "returned"])));
  return next;
}

/** 申报须知: every 审批条件 ticked → 下一步 opens the 个人承诺书, whose reading time starts now. */
export async function tickConditions(
  db: Database,
  actor: Actor,
  input: { applicationId: string; allTicked: boolean },
  now = new Date(),
) {
  const row = await ownEditable(db, actor, input.applicationId);
  if (!input.allTicked) throw refused(say("filing.tickAll"));
  const w = wizardState(row.formData);
  return writeWizard(db, row, {
    ...w,
    conditionsTickedAt: w.conditionsTickedAt ?? now.toISOString(),
    commitmentOpenedAt: w.commitmentOpenedAt ?? now.toISOString(),
  });
}

/**
 * 个人承诺书: 本人做出上述承诺 after the countdown → recorded with the reading time the server measured;
 * 本人不做出上述承诺 → the filing is cancelled (G5): a draft never saved is deleted, otherwise the steps start over.
 */
export async function makeCommitment(
  db: Database,
  actor: Actor,
  input: { applicationId: string; committed: boolean },
  now = new Date(),
) {
  const row = await ownEditable(db, actor, input.applicationId);
  const w = wizardState(row.formData);
  if (!w.conditionsTickedAt || !w.commitmentOpenedAt) throw refused(say("filing.tickFirst"));
  if (!input.committed) {
    if (row.version === 0 && row.status === "draft") {
      await deleteApplication(db, actor, { applicationId: row.id, version: row.version }, now);
      return { cancelled: true as const, deleted: true };
    }
    await writeWizard(db, row, {});
    return { cancelled: true as const, deleted: false };
  }
  const readingSeconds = Math.floor((now.getTime() - new Date(w.commitmentOpenedAt).getTime()) / 1000);
  const required = commitmentReadingSeconds();
  if (readingSeconds < required) throw refused(say("filing.readLonger", { required, left: required - readingSeconds }));
  const next = await writeWizard(db, row, { ...w, committedAt: now.toISOString(), readingSeconds });
  return { cancelled: false as const, state: next };
}

/** G6: 社保缴纳情况异常 — confirm sole employment and social insurance with this employer, or cancel the filing. */
export async function confirmSocialInsurance(
  db: Database,
  actor: Actor,
  input: { applicationId: string; confirmed: boolean },
  now = new Date(),
) {
  const row = await ownEditable(db, actor, input.applicationId);
  const w = wizardState(row.formData);
  if (!w.committedAt) throw refused(say("filing.commitFirst"));
  if (!input.confirmed) {
    if (row.version === 0 && row.status === "draft") {
      await deleteApplication(db, actor, { applicationId: row.id, version: row.version }, now);
      return { cancelled: true as const, deleted: true };
    }
    await writeWizard(db, row, {});
    return { cancelled: true as const, deleted: false };
  }
  const next = await writeWizard(db, row, { ...w, socialInsuranceConfirmedAt: now.toISOString() });
  return { cancelled: false as const, state: next };
}
