import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { accountCheckMessages, accountTitle } from "@/components/account/texts";
import { PageHead } from "@/components/shell/AppShell";
import { CertificatePreview } from "@/components/applicant/CertificatePreview";
import { EmployerPicker } from "@/components/applicant/EmployerPicker";
import { acceptOf, limitLines } from "@/components/applicant/format";
import { Portraits } from "@/components/applicant/Portraits";
import { applicantComponentTexts } from "@/components/applicant/texts";
import { getDb } from "@/db/client";
import { profileEditView } from "@/lib/queries/applicant-profile-edit";
import { findSpecialty, getProgram, professionName } from "@/lib/domain/programs";
import { EMPLOYER_KIND_LABELS, type EmployerKind } from "@/lib/domain/types";
import { requireRole } from "@/lib/server/auth";
import { chooseEmployer, findEmployers, savePortrait } from "../actions";
import { saveContactDetails } from "./actions";
import { ProfileEditForm } from "./ProfileEditForm";

export const generateMetadata = () => accountTitle("profile.title", "applicant");

export default async function ProfileEditPage() {
  const user = await requireRole("applicant");
  const view = await profileEditView(getDb(), user.personId!);
  if (!view) notFound();
  const { person: p, employer, programCode, inFlight: busy, registration: reg } = view;
  const [t, domain, locale, x] = await Promise.all([
    getTranslations("account"),
    getTranslations("domain"),
    getLocale(),
    applicantComponentTexts(),
  ]);
  const program = getProgram(programCode);
  const certProgram = reg ? getProgram(reg.programCode) : program;
  const employerKind =
    employer && employer.kind in EMPLOYER_KIND_LABELS
      ? domain(`employerKind.${employer.kind as EmployerKind}`)
      : (employer?.kindLabel ?? "");
  const blockedBy = reg
    ? t("profile.registeredEmployer")
    : busy
      ? t("profile.inFlightEmployer", {
          type: domain(`type.${busy.type}`),
          // The applicant's own status wording in Chinese; English names the status by code.
          status: locale === "zh-CN" ? busy.statusText : domain(`status.${busy.status}`),
        })
      : null;
  return (
    <>
      <PageHead title={t("profile.title")} crumb={t("profile.crumb")}>
        <Link className="btn btn-secondary" href="/applicant/profile">
          {t("profile.back")}
        </Link>
      </PageHead>
      <div className="ap-grid-2">
        <section className="card">
          <h2>{t("profile.who", { name: p.name, idType: domain(`idType.${p.idType}`), idNumber: p.idNumber })}</h2>
          <p className="ap-muted mt-0">{t("profile.fixedFields")}</p>
          <ProfileEditForm
            defaults={{ phone: p.phone, address: p.address ?? "" }}
            action={saveContactDetails}
            texts={{
              title: t("profile.title"),
              phone: t("profile.phone"),
              phoneHelp: t("profile.phoneHelp"),
              address: t("profile.address"),
              submit: t("profile.submit"),
              saving: x.dialog.savingLabel,
              saved: t("profile.saved"),
              checks: accountCheckMessages(t),
            }}
          />
        </section>
        <section className="card">
          <h2>{t("profile.employer")}</h2>
          <EmployerPicker
            current={employer ? { name: employer.name, uscc: employer.uscc, kindLabel: employerKind } : null}
            blockedBy={blockedBy}
            find={findEmployers}
            choose={chooseEmployer}
            texts={x.employerPicker}
          />
        </section>
      </div>
      <section className="card">
        <h2>{t("profile.portraits")}</h2>
        <p className="ap-muted mt-0">{t("profile.portraitsNote", { program: program.name })}</p>
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
          texts={x.portraits}
        />
      </section>
      <section className="card">
        <h2>{t("profile.certificatePreview")}</h2>
        <CertificatePreview
          programName={professionName(certProgram)}
          name={p.name}
          gender={domain(`gender.${p.gender}`)}
          birthDate={p.birthDate}
          registrationNo={reg?.registrationNo ?? null}
          employerName={reg?.employerName ?? employer?.name ?? null}
          specialty={reg ? (findSpecialty(certProgram, reg.specialtyCode)?.name ?? reg.specialtyCode) : null}
          validUntil={reg?.validTo ?? null}
          authority={certProgram.issuingAuthority}
          photoFileId={p.photoFileId}
          signatureFileId={p.signatureFileId}
          texts={x.certificatePreview}
        />
      </section>
    </>
  );
}
