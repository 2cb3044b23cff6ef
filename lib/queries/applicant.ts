import { and, count, desc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "@/db/client";
import {
  applications,
  authorities,
  employers,
  messages,
  people,
  programs,
  qualifications,
  registrations,
  specialties,
} from "@/db/schema";
import { daysBetween } from "@/lib/domain/dates";
import { extensionWindowOpensOn } from "@/lib/domain/deadlines";
import { getProgram } from "@/lib/domain/programs";
import { programName, specialtyText } from "@/lib/i18n/filing";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { chinaDate } from "@/lib/server/clock";

/** Everything 基本信息查看 shows: person, employer, qualifications, registrations. */
export async function applicantProfile(db: Executor, personId: string, locale: Locale = DEFAULT_LOCALE) {
  const [row] = await db
    .select({ person: people, employer: employers })
    .from(people)
    .leftJoin(employers, eq(employers.id, people.employerId))
    .where(eq(people.id, personId));
  if (!row) return null;
  const quals = await db
    .select({
      id: qualifications.id,
      programCode: qualifications.programCode,
      specialtyCode: qualifications.specialtyCode,
      programName: programs.name,
      specialtyName: specialties.name,
      managementNo: qualifications.managementNo,
      certificateNo: qualifications.certificateNo,
      approvalDate: qualifications.approvalDate,
      obtainedBy: qualifications.obtainedBy,
    })
    .from(qualifications)
    .innerJoin(programs, eq(programs.code, qualifications.programCode))
    .leftJoin(
      specialties,
      and(eq(specialties.programCode, qualifications.programCode), eq(specialties.code, qualifications.specialtyCode)),
    )
    .where(eq(qualifications.personId, personId))
    .orderBy(qualifications.approvalDate);
  const issuer = alias(authorities, "issuer");
  const regs = await db
    .select({
      id: registrations.id,
      programName: programs.name,
      specialtyName: specialties.name,
      registrationNo: registrations.registrationNo,
      programCode: registrations.programCode,
      specialtyCode: registrations.specialtyCode,
      sealNo: registrations.sealNo,
      employerName: registrations.employerName,
      validFrom: registrations.validFrom,
      validTo: registrations.validTo,
      status: registrations.status,
      issuer: issuer.name,
    })
    .from(registrations)
    .innerJoin(programs, eq(programs.code, registrations.programCode))
    .innerJoin(issuer, eq(issuer.id, registrations.issuingAuthorityId))
    .leftJoin(
      specialties,
      and(eq(specialties.programCode, registrations.programCode), eq(specialties.code, registrations.specialtyCode)),
    )
    .where(eq(registrations.personId, personId))
    .orderBy(desc(registrations.issuedAt));
  // Issue 11: the home page shows when each registration expires and when 延续注册 can be filed (X1).
  const today = chinaDate(new Date());
  const withDeadlines = regs.map((r) => ({
    ...r,
    ...names(locale, r),
    daysToExpiry: daysBetween(today, r.validTo),
    extensionOpensOn: extensionWindowOpensOn(r.validTo, getProgram(r.programCode)),
  }));
  return { ...row, qualifications: quals.map((q) => ({ ...q, ...names(locale, q) })), registrations: withDeadlines };
}

/** Program and specialty by code in the reader's language (the stored Chinese names for zh-CN readers). */
function names(
  locale: Locale,
  r: { programCode: string; specialtyCode?: string | null; programName: string; specialtyName: string | null },
) {
  if (locale === DEFAULT_LOCALE) return { programName: r.programName, specialtyName: r.specialtyName };
  const program = getProgram(r.programCode);
  return {
    programName: programName(locale, program),
    specialtyName: r.specialtyCode ? specialtyText(locale, program, r.specialtyCode) : r.specialtyName,
  };
}

/** 上报业务查询: the person's applications, newest first. */
export async function applicantApplications(
  db: Executor,
  personId: string,
  page: number,
  pageSize: number,
  locale: Locale = DEFAULT_LOCALE,
) {
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: applications.id,
        acceptanceNo: applications.acceptanceNo,
        type: applications.type,
        status: applications.status,
        programCode: applications.programCode,
        specialtyCode: applications.specialtyCode,
        programName: programs.name,
        specialtyName: specialties.name,
        authorityName: authorities.name,
        createdAt: applications.createdAt,
        submittedAt: applications.submittedAt,
        decidedAt: applications.decidedAt,
      })
      .from(applications)
      .innerJoin(programs, eq(programs.code, applications.programCode))
      .leftJoin(
        specialties,
        and(eq(specialties.programCode, applications.programCode), eq(specialties.code, applications.specialtyCode)),
      )
      .leftJoin(authorities, eq(authorities.id, applications.authorityId))
      .where(and(eq(applications.personId, personId), sql`${applications.status} <> 'deleted'`))
      .orderBy(desc(applications.createdAt), desc(applications.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db
      .select({ n: count() })
      .from(applications)
      .where(and(eq(applications.personId, personId), sql`${applications.status} <> 'deleted'`)),
  ]);
  return { rows: rows.map((r) => ({ ...r, ...names(locale, r) })), total: total?.n ?? 0 };
}

/** 我的消息 */
export async function userMessages(db: Executor, userId: string, page: number, pageSize: number) {
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(messages)
      .where(eq(messages.recipientUserId, userId))
      .orderBy(desc(messages.createdAt), desc(messages.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(messages).where(eq(messages.recipientUserId, userId)),
  ]);
  return { rows, total: total?.n ?? 0 };
}
