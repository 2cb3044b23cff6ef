import { and, eq, inArray } from "drizzle-orm";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHead } from "@/components/shell/AppShell";
import { CertificatePreview } from "@/components/applicant/CertificatePreview";
import { EmployerPicker } from "@/components/applicant/EmployerPicker";
import { REGISTERED_EMPLOYER_NOTE } from "@/lib/services/people/change-employer";
import { acceptOf, limitLines } from "@/components/applicant/format";
import { Portraits } from "@/components/applicant/Portraits";
import { getDb } from "@/db/client";
import { applications, people, registrations } from "@/db/schema";
import { IN_FLIGHT_STATUSES, statusLabel } from "@/lib/domain/application";
import { APPLICATION_TYPE_LABELS } from "@/lib/domain/application-types";
import { findSpecialty, getProgram, professionName } from "@/lib/domain/programs";
import { ID_DOCUMENT_TYPE_LABELS } from "@/lib/domain/types";
import { employerById } from "@/lib/queries/applicant-employers";
import { portraitProgramCode } from "@/lib/queries/applicant-applications";
import { GENDER_LABELS } from "@/lib/queries/labels";
import { requireRole } from "@/lib/server/auth";
import { toDomainApplication } from "@/lib/services/applications/records";
import { chooseEmployer, findEmployers, savePortrait } from "../actions";
import { saveContactDetails } from "./actions";
import { ProfileEditForm } from "./ProfileEditForm";

export const metadata = { title: "基本信息修改 - 个人申报系统" };

export default async function ProfileEditPage() {
  const user = await requireRole("applicant");
  const db = getDb();
  const [p] = await db.select().from(people).where(eq(people.id, user.personId!));
  if (!p) notFound();
  const [employer, programCode, [busy], [reg]] = await Promise.all([
    p.employerId ? employerById(db, p.employerId) : Promise.resolve(null),
    portraitProgramCode(db, p.id),
    db
      .select()
      .from(applications)
      .where(and(eq(applications.personId, p.id), inArray(applications.status, [...IN_FLIGHT_STATUSES])))
      .limit(1),
    db
      .select()
      .from(registrations)
      .where(and(eq(registrations.personId, p.id), inArray(registrations.status, ["active", "suspended"])))
      .limit(1),
  ]);
  const program = getProgram(programCode);
  const certProgram = reg ? getProgram(reg.programCode) : program;
  const blockedBy = reg
    ? REGISTERED_EMPLOYER_NOTE
    : busy
    ? `您有一项「${APPLICATION_TYPE_LABELS[busy.type]}」申请正在办理（${statusLabel(toDomainApplication(busy), getProgram(busy.programCode))}），办理期间不能更换聘用单位。请待其办结，或在“上报业务查询”中撤回后再更换。`
    : null;
  return (
    <>
      <PageHead title="基本信息修改" crumb="信息查询 / 基本信息修改">
        <Link className="btn btn-secondary" href="/applicant/profile">
          返回基本信息查看
        </Link>
      </PageHead>
      <div className="ap-grid-2">
        <section className="card">
          <h2>
            {p.name}（{ID_DOCUMENT_TYPE_LABELS[p.idType]} {p.idNumber}）
          </h2>
          <p className="ap-muted mt-0">
            姓名、性别、出生日期、证件类型和证件号码来自实名认证信息，不能在此修改；如有错误请办理信息变更。
          </p>
          <ProfileEditForm defaults={{ phone: p.phone, address: p.address ?? "" }} action={saveContactDetails} />
        </section>
        <section className="card">
          <h2>所在企业（聘用单位）</h2>
          <EmployerPicker
            current={employer ? { name: employer.name, uscc: employer.uscc, kindLabel: employer.kindLabel } : null}
            blockedBy={blockedBy}
            find={findEmployers}
            choose={chooseEmployer}
          />
        </section>
      </div>
      <section className="card">
        <h2>照片、签名</h2>
        <p className="ap-muted mt-0">
          办理任何注册业务前须上传一寸照片和手写签名。以下要求按{program.name}的规定。
        </p>
        <Portraits
          photo={{ fileId: p.photoFileId, limits: limitLines(program.files.photo), accept: acceptOf(program.files.photo) }}
          signature={{ fileId: p.signatureFileId, limits: limitLines(program.files.signature), accept: acceptOf(program.files.signature) }}
          save={savePortrait}
        />
      </section>
      <section className="card">
        <h2>执业证书预览</h2>
        <CertificatePreview
          programName={professionName(certProgram)}
          name={p.name}
          gender={GENDER_LABELS[p.gender]}
          birthDate={p.birthDate}
          registrationNo={reg?.registrationNo ?? null}
          employerName={reg?.employerName ?? employer?.name ?? null}
          specialty={reg ? (findSpecialty(certProgram, reg.specialtyCode)?.name ?? reg.specialtyCode) : null}
          validUntil={reg?.validTo ?? null}
          authority={certProgram.issuingAuthority}
          photoFileId={p.photoFileId}
          signatureFileId={p.signatureFileId}
        />
      </section>
    </>
  );
}
