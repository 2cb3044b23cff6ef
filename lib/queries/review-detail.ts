/**
 * One application with everything the employer's 签名确认 page and the reviewer's review page show: identity,
 * employer, qualification, current registrations (A2), documents, the timeline (T1) and, once approved, the issued
 * registration. Read-only; who may see it is decided by the page (employer: its own staff once signed; reviewer:
 * its own authority) — anything else is a 404.
 */
import { and, asc, eq, inArray, or } from "drizzle-orm";
import type { Executor } from "@/db/client";
import * as s from "@/db/schema";
import { filedFieldValues } from "@/lib/domain/filed-facts";
import { getProgram, type Program } from "@/lib/domain/programs";
import { factsOf } from "@/db/rows/filed-facts";
import { toDomainApplication } from "@/db/rows/application-rows";
import { segregationOfDutiesProblem } from "@/lib/domain/segregation-of-duties";
import { dutyFacts } from "@/lib/server/duty-facts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type DocumentItem = {
  fileId: string;
  label: string;
  mimeType: string;
  name: string | null;
  group: "form" | "notice" | "attachment" | "correction" | "identity";
};

export type TimelineItem = {
  seq: number;
  title: string;
  statusLabel: string | null;
  actorLabel: string | null;
  actorName: string;
  actorKind: string;
  opinion: string | null;
  reasons: string[];
  correction: { content: string; reason: string } | null;
  files: string[];
  occurredAt: Date;
};

export type ApplicationDetail = NonNullable<Awaited<ReturnType<typeof applicationDetail>>>;

export async function applicationDetail(db: Executor, applicationId: string) {
  if (!UUID.test(applicationId)) return null;
  const [row] = await db.select().from(s.applications).where(eq(s.applications.id, applicationId));
  if (!row || row.status === "deleted") return null;
  const program: Program = getProgram(row.programCode);

  const [[person], employerRows, qualificationRows, registrationRows, fileRows, eventRows, authorityRows, anomalyRows] =
    await Promise.all([
      db.select().from(s.people).where(eq(s.people.id, row.personId)),
      row.employerId ? db.select().from(s.employers).where(eq(s.employers.id, row.employerId)) : Promise.resolve([]),
      row.specialtyCode
        ? db
            .select()
            .from(s.qualifications)
            .where(
              and(
                eq(s.qualifications.personId, row.personId),
                eq(s.qualifications.programCode, row.programCode),
                eq(s.qualifications.specialtyCode, row.specialtyCode),
              ),
            )
        : Promise.resolve([]),
      db
        .select()
        .from(s.registrations)
        .where(
          and(
            eq(s.registrations.personId, row.personId),
            eq(s.registrations.programCode, row.programCode),
            or(
              inArray(s.registrations.status, ["active", "suspended"]),
              eq(s.registrations.sourceApplicationId, row.id),
            ),
          ),
        )
        .orderBy(asc(s.registrations.issuedAt)),
      db
        .select({
          id: s.files.id,
          kind: s.files.kind,
          purpose: s.files.purpose,
          originalName: s.files.originalName,
          mimeType: s.files.mimeType,
          createdAt: s.files.createdAt,
        })
        .from(s.files)
        .where(eq(s.files.applicationId, row.id))
        .orderBy(asc(s.files.createdAt)),
      db
        .select()
        .from(s.applicationEvents)
        .where(eq(s.applicationEvents.applicationId, row.id))
        .orderBy(asc(s.applicationEvents.seq)),
      row.authorityId
        ? db.select().from(s.authorities).where(eq(s.authorities.id, row.authorityId))
        : Promise.resolve([]),
      db
        .selectDistinct({ kind: s.personAnomalies.kind })
        .from(s.personAnomalies)
        .where(and(eq(s.personAnomalies.personId, row.personId), eq(s.personAnomalies.status, "open"))),
    ]);
  if (!person) return null;
  // What was filed stays as filed: the facts frozen at signing (live ones only while still a draft).
  const facts = await factsOf(db, row);

  const identityFiles = [person.photoFileId, person.signatureFileId].filter((x): x is string => !!x);
  const identityRows = identityFiles.length
    ? await db
        .select({ id: s.files.id, kind: s.files.kind, mimeType: s.files.mimeType })
        .from(s.files)
        .where(inArray(s.files.id, identityFiles))
    : [];

  // Documents: the current signed form, the acceptance notice, each attachment under its label, 补正 uploads,
  // photo/signature.
  const byId = new Map(fileRows.map((f) => [f.id, f]));
  const documents: DocumentItem[] = [];
  if (row.formPdfFileId) {
    documents.push({
      fileId: row.formPdfFileId,
      label: row.employerSignedAt ? "申请表（个人及企业已签名）" : "申请表（个人已签名）",
      mimeType: "application/pdf",
      name: byId.get(row.formPdfFileId)?.originalName ?? null,
      group: "form",
    });
  }
  const notice = fileRows.find((f) => f.kind === "acceptance_notice");
  if (notice)
    documents.push({
      fileId: notice.id,
      label: "行政审批受理通知书",
      mimeType: notice.mimeType,
      name: notice.originalName,
      group: "notice",
    });
  const labels = new Map((program.attachments[row.type] ?? []).map((a) => [a.code, a.label]));
  const attachments = (row.formData.attachments ?? {}) as Record<string, string | string[]>;
  const attached = new Set<string>();
  for (const [code, ids] of Object.entries(attachments)) {
    for (const id of [ids].flat()) {
      const f = byId.get(id);
      if (!f) continue;
      attached.add(id);
      documents.push({
        fileId: id,
        label: labels.get(code) ?? "附件",
        mimeType: f.mimeType,
        name: f.originalName,
        group: "attachment",
      });
    }
  }
  for (const f of fileRows) {
    if (f.kind === "correction" && !attached.has(f.id)) {
      documents.push({
        fileId: f.id,
        label: f.purpose === "notice_correction" ? "公示期补正材料" : "补正材料",
        mimeType: f.mimeType,
        name: f.originalName,
        group: "correction",
      });
    }
  }
  for (const f of identityRows) {
    documents.push({
      fileId: f.id,
      label: f.kind === "photo" ? "个人照片" : "注册证书个人签名",
      mimeType: f.mimeType,
      name: null,
      group: "identity",
    });
  }

  const timeline: TimelineItem[] = eventRows.map((e) => {
    const p = e.payload as {
      title?: string;
      statusLabel?: string;
      actorLabel?: string;
      reasons?: string[];
      correction?: { content: string; reason: string };
      files?: string[];
    };
    return {
      seq: e.seq,
      title: p.title ?? e.action,
      statusLabel: p.statusLabel ?? null,
      actorLabel: p.actorLabel ?? null,
      actorName: e.actorName,
      actorKind: e.actorKind,
      opinion: e.opinion,
      reasons: Array.isArray(p.reasons) ? p.reasons : [],
      correction: p.correction ?? null,
      files: Array.isArray(p.files) ? p.files : [],
      occurredAt: e.occurredAt,
    };
  });

  const issued =
    row.status === "approved"
      ? (registrationRows.find((r) => r.sourceApplicationId === row.id) ??
        registrationRows.find((r) => r.id === row.registrationId) ??
        null)
      : null;
  const current = registrationRows.filter((r) => r.status === "active" || r.status === "suspended");

  return {
    row,
    app: toDomainApplication(row),
    program,
    person,
    employer: employerRows[0] ?? null,
    qualification: qualificationRows[0] ?? null,
    facts,
    /** Read-only form values (identity, employer, registration, change scope) as filed. */
    filedValues: filedFieldValues(row.type, facts),
    /** A2: the person's current registrations in this program (注册号, 已注册专业). */
    currentRegistrations: current,
    issuedRegistration: issued,
    authority: authorityRows[0] ?? null,
    documents,
    timeline,
    /** The person's open anomalies (社保异常, 人员查重异常): which one the review page names. */
    openAnomalies: anomalyRows.map((a) => a.kind).sort(),
  };
}

/**
 * Which of the offered reviewer actions this reviewer may take (回避): the same rule the engine applies, from the same
 * facts, so the page shows why instead of a button the server would refuse.
 */
export async function reviewerMayTake<A extends string>(
  db: Executor,
  reviewerUserId: string,
  d: Pick<ApplicationDetail, "row" | "program">,
  actions: readonly A[],
): Promise<{ allowed: A[]; withheld: string | null }> {
  if (actions.length === 0) return { allowed: [], withheld: null };
  const facts = await dutyFacts(db, { userId: reviewerUserId }, d.row);
  const allowed: A[] = [];
  let withheld: string | null = null;
  for (const a of actions) {
    const problem = segregationOfDutiesProblem(a, d.program, facts);
    if (problem) withheld ??= problem;
    else allowed.push(a);
  }
  return { allowed, withheld };
}
