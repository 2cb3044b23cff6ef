import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHead } from "@/components/shell/AppShell";
import { CertificatePreview } from "@/components/applicant/CertificatePreview";
import { EmployerPicker } from "@/components/applicant/EmployerPicker";
import { REGISTERED_EMPLOYER_NOTE } from "@/lib/services/people/change-employer";
import { acceptOf, limitLines } from "@/components/applicant/format";
import { Portraits } from "@/components/applicant/Portraits";
import { getDb } from "@/db/client";
import { profileEditView } from "@/lib/queries/applicant-profile-edit";
import { APPLICATION_TYPE_LABELS } from "@/lib/domain/application-types";
import { findSpecialty, getProgram, professionName } from "@/lib/domain/programs";
import { ID_DOCUMENT_TYPE_LABELS } from "@/lib/domain/types";
import { GENDER_LABELS } from "@/lib/queries/labels";
import { requireRole } from "@/lib/server/auth";
import { chooseEmployer, findEmployers, savePortrait } from "../actions";
import { saveContactDetails } from "./actions";
import { ProfileEditForm } from "./ProfileEditForm";

export const metadata = { title: "基本信息修改 - 个人申报系统" };

export default async function ProfileEditPage() {
  const user = await requireRole("applicant");
  const view = await profileEditView(getDb(), user.personId!);
  if (!view) notFound();
  const { person: p, employer, programCode, inFlight: busy, registration: reg } = view;
  const program = getProgram(programCode);
  const certProgram = reg ? getProgram(reg.programCode) : program;
  const blockedBy = reg
    ? REGISTERED_EMPLOYER_NOTE
    : busy
      ? `您有一项「${APPLICATION_TYPE_LABELS[busy.type]}」申请正在办理（${busy.statusText}），办理期间不能更换聘用单位。请待其办结，或在“上报业务查询”中撤回后再更换。`
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
        <p className="ap-muted mt-0">办理任何注册业务前须上传一寸照片和手写签名。以下要求按{program.name}的规定。</p>
        <Portraits
          photo={{
            fileId: p.photoFileId,
            limits: limitLines(program.files.photo),
            accept: acceptOf(program.files.photo),
          }}
          signature={{
            fileId: p.signatureFileId,
            limits: limitLines(program.files.signature),
            accept: acceptOf(program.files.signature),
          }}
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
