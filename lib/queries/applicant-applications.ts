/**
 * 上报业务查询 and the application detail / wizard pages: the person's own applications only (every query is scoped by
 * personId; a row of someone else is simply not found).
 */
import { and, asc, count, desc, eq, inArray, notInArray, or } from "drizzle-orm";
import type { Executor } from "@/db/client";
import * as s from "@/db/schema";
import { isInFlight } from "@/lib/domain/application";
import { workingDaysLeft } from "@/lib/domain/working-days";
import { chinaDate } from "@/lib/server/clock";
import { APPLICATION_TYPE_LABELS } from "@/lib/domain/application-types";
import { findSpecialty, getProgram } from "@/lib/domain/programs";
import { ACTOR_KIND_LABELS } from "@/lib/domain/transitions";
import type { ActorKind, ApplicationStatus } from "@/lib/domain/types";
import { filedFieldValues } from "@/lib/domain/filed-facts";
import { factsOf } from "@/db/rows/filed-facts";
import { toDomainApplication } from "@/db/rows/application-rows";
import { isUuid } from "@/lib/domain/ids";
import { messagesFor } from "@/lib/i18n/catalog";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { actorText, applicantStatusText, eventText, programName, specialtyText, typeText } from "@/lib/i18n/filing";

/** T2: 历史申报 = approved, rejected, withdrawn; the rest (except deleted) is 当前申报. */
const HISTORY_STATUSES: ApplicationStatus[] = ["approved", "rejected", "withdrawn"];

export async function applicantApplicationList(
  db: Executor,
  personId: string,
  bucket: "current" | "history",
  page: number,
  pageSize: number,
  /** The reader's language for the names and status text (issue 14 item 4). */
  locale: Locale = DEFAULT_LOCALE,
) {
  const where = and(
    eq(s.applications.personId, personId),
    bucket === "history"
      ? inArray(s.applications.status, HISTORY_STATUSES)
      : notInArray(s.applications.status, [...HISTORY_STATUSES, "deleted"]),
  );
  const [rows, [total]] = await Promise.all([
    db
      .select({ app: s.applications, authorityName: s.authorities.name, employerName: s.employers.name })
      .from(s.applications)
      .leftJoin(s.authorities, eq(s.authorities.id, s.applications.authorityId))
      .leftJoin(s.employers, eq(s.employers.id, s.applications.employerId))
      .where(where)
      .orderBy(desc(s.applications.updatedAt), desc(s.applications.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(s.applications).where(where),
  ]);
  return {
    total: total?.n ?? 0,
    rows: rows.map(({ app, authorityName, employerName }) => {
      const program = getProgram(app.programCode);
      return {
        id: app.id,
        acceptanceNo: app.acceptanceNo,
        typeLabel: typeText(locale, app.type),
        programName: programName(locale, program),
        specialtyName: app.specialtyCode ? specialtyText(locale, program, app.specialtyCode) : null,
        status: app.status,
        statusLabel: applicantStatusText(locale, toDomainApplication(app), program),
        authorityName,
        employerName,
        createdAt: app.createdAt,
        signedAt: app.applicantSignedAt,
        submittedAt: app.submittedAt,
        decidedAt: app.decidedAt,
        correctionRequested: app.status === "correction_requested",
      };
    }),
  };
}

/** One application of the person with everything the detail page and the wizard show. */
/**
 * `locale` is the reader's language for what the page shows (status text, timeline); typeLabel and specialtyName stay
 * Chinese, as they name the filed documents (PDF file names) — the `…Text` fields carry them in the reader's language.
 */
export async function applicantApplication(
  db: Executor,
  personId: string,
  applicationId: string,
  locale: Locale = DEFAULT_LOCALE,
) {
  if (!isUuid(applicationId)) return null;
  const [app] = await db
    .select()
    .from(s.applications)
    .where(and(eq(s.applications.id, applicationId), eq(s.applications.personId, personId)));
  if (!app || app.status === "deleted") return null;
  const program = getProgram(app.programCode);
  const [[person], [employer], [registration], [qualification], [authority], files, events] = await Promise.all([
    db.select().from(s.people).where(eq(s.people.id, personId)),
    app.employerId ? db.select().from(s.employers).where(eq(s.employers.id, app.employerId)) : Promise.resolve([]),
    app.registrationId
      ? db.select().from(s.registrations).where(eq(s.registrations.id, app.registrationId))
      : Promise.resolve([]),
    app.specialtyCode
      ? db
          .select()
          .from(s.qualifications)
          .where(
            and(
              eq(s.qualifications.personId, personId),
              eq(s.qualifications.programCode, app.programCode),
              eq(s.qualifications.specialtyCode, app.specialtyCode),
            ),
          )
      : Promise.resolve([]),
    app.authorityId
      ? db.select().from(s.authorities).where(eq(s.authorities.id, app.authorityId))
      : Promise.resolve([]),
    db
      .select({
        id: s.files.id,
        kind: s.files.kind,
        purpose: s.files.purpose,
        originalName: s.files.originalName,
        byteSize: s.files.byteSize,
        createdAt: s.files.createdAt,
        state: s.files.state,
      })
      .from(s.files)
      .where(
        and(
          eq(s.files.ownerPersonId, personId),
          or(eq(s.files.applicationId, app.id), app.formPdfFileId ? eq(s.files.id, app.formPdfFileId) : undefined),
        ),
      )
      .orderBy(asc(s.files.createdAt)),
    db
      .select()
      .from(s.applicationEvents)
      .where(eq(s.applicationEvents.applicationId, app.id))
      .orderBy(asc(s.applicationEvents.seq)),
  ]);
  const domain = toDomainApplication(app);
  // What was filed stays as filed: once signed, the application shows the facts frozen then.
  const facts = await factsOf(db, app);
  return {
    app,
    facts,
    filedValues: filedFieldValues(app.type, facts),
    domain,
    program,
    person: person!,
    employer: employer ?? null,
    registration: registration ?? null,
    qualification: qualification ?? null,
    authority: authority ?? null,
    files,
    statusLabel: applicantStatusText(locale, domain, program),
    typeLabel: APPLICATION_TYPE_LABELS[app.type],
    specialtyName: app.specialtyCode ? (findSpecialty(program, app.specialtyCode)?.name ?? app.specialtyCode) : null,
    typeText: typeText(locale, app.type),
    specialtyText: app.specialtyCode ? specialtyText(locale, program, app.specialtyCode) : null,
    programText: programName(locale, program),
    /** Issue 11: when to expect a decision (working days after 受理) while the application is in progress. */
    expectedDecision:
      app.expectedDecisionOn && isInFlight(app.status)
        ? {
            on: app.expectedDecisionOn,
            workingDaysLeft: workingDaysLeft(chinaDate(new Date()), app.expectedDecisionOn),
          }
        : null,
    /** Issue 11: the 补正 deadline while a correction is requested. */
    correctionDueOn:
      app.status === "correction_requested" || app.status === "withdrawal_requested" ? app.correctionDueOn : null,
    timeline: events.map((e) => {
      const p = e.payload as {
        title?: string;
        actorLabel?: string;
        statusLabel?: string;
        correction?: { content: string; reason: string };
        files?: string[];
      };
      return {
        id: e.id,
        at: e.occurredAt,
        // Chinese readers see what was recorded; others the event, actor and status named by code in their language.
        title: eventText(locale, e.action, p.title ?? e.action),
        actorLabel:
          locale === "zh-CN"
            ? (p.actorLabel ?? ACTOR_KIND_LABELS[e.actorKind as ActorKind] ?? e.actorKind)
            : actorText(locale, e.actorKind, p.actorLabel ?? e.actorKind),
        statusLabel:
          locale === "zh-CN" || !p.statusLabel
            ? (p.statusLabel ?? null)
            : (messagesFor(locale).domain.status[e.toStatus] ?? p.statusLabel),
        opinion: e.opinion,
        correction: p.correction ?? null,
        fileCount: p.files?.length ?? 0,
      };
    }),
  };
}
export type ApplicantApplication = NonNullable<Awaited<ReturnType<typeof applicantApplication>>>;

/** Programs the person holds a qualification or a registration in (各类业务申报 lists these). */
export async function personProgramCodes(db: Executor, personId: string): Promise<string[]> {
  const [q, r] = await Promise.all([
    db
      .selectDistinct({ code: s.qualifications.programCode })
      .from(s.qualifications)
      .where(eq(s.qualifications.personId, personId)),
    db
      .selectDistinct({ code: s.registrations.programCode })
      .from(s.registrations)
      .where(eq(s.registrations.personId, personId)),
  ]);
  return [...new Set([...q, ...r].map((x) => x.code))].sort();
}

/** 领证: the person's registrations with their certificate state. */
export async function applicantRegistrations(db: Executor, personId: string, locale: Locale = DEFAULT_LOCALE) {
  const rows = await db
    .select({ reg: s.registrations, authorityName: s.authorities.name })
    .from(s.registrations)
    .innerJoin(s.authorities, eq(s.authorities.id, s.registrations.issuingAuthorityId))
    .where(eq(s.registrations.personId, personId))
    .orderBy(desc(s.registrations.issuedAt));
  return rows.map(({ reg, authorityName }) => {
    const program = getProgram(reg.programCode);
    return {
      ...reg,
      authorityName,
      programName: programName(locale, program),
      specialtyName: specialtyText(locale, program, reg.specialtyCode),
    };
  });
}

/**
 * The program whose photo/signature limits apply to the person's portrait: the strictest among the programs they hold
 * qualifications or registrations in (one photo serves every certificate, so it must satisfy all of them).
 */
export async function portraitProgramCode(db: Executor, personId: string): Promise<string> {
  const codes = await personProgramCodes(db, personId);
  if (codes.length === 0) return "cost1";
  return [...codes].sort((a, b) => {
    const pa = getProgram(a).files;
    const pb = getProgram(b).files;
    return (
      pa.photo.maxBytes + pa.signature.maxBytes - (pb.photo.maxBytes + pb.signature.maxBytes) ||
      pa.photo.formats.length - pb.photo.formats.length
    );
  })[0]!;
}

/** Statuses in which the applicant may still add scans or correction material to an application. */
const UPLOADABLE_STATUSES = ["draft", "returned", "correction_requested", "publicized"] as const;

/** The person's own application that may take an upload now (its program sets the file limits), or undefined. */
export async function uploadTargetApplication(db: Executor, personId: string, applicationId: string) {
  const [app] = await db
    .select({ id: s.applications.id, programCode: s.applications.programCode })
    .from(s.applications)
    .where(
      and(
        eq(s.applications.id, applicationId),
        eq(s.applications.personId, personId),
        inArray(s.applications.status, [...UPLOADABLE_STATUSES]),
      ),
    );
  return app;
}
