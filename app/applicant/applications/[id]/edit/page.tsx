import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { PageHead } from "@/components/shell/AppShell";
import { acceptOf, limitLines, limitLinesEn } from "@/components/applicant/format";
import { ApplicationForm } from "@/components/applicant/wizard/ApplicationForm";
import { CommitmentStep, ConditionsStep, SocialInsuranceStep } from "@/components/applicant/wizard/PreSteps";
import {
  applicantOpinionText,
  approvalConditions,
  commitmentLetter,
  socialInsuranceText,
} from "@/components/applicant/wizard/texts";
import {
  applicantOpinionTextEn,
  approvalConditionsEn,
  commitmentLetterEn,
  socialInsuranceTextEn,
} from "@/components/applicant/wizard/texts-en";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { applicationPdfName } from "@/lib/domain/files";
import { applicantApplication } from "@/lib/queries/applicant-applications";
import { wizardForm } from "@/lib/queries/applicant-wizard";
import { chinaDate } from "@/lib/server/clock";
import { requireRole } from "@/lib/server/auth";
import { maskPhone } from "@/lib/server/sms";
import { requestLocale } from "@/lib/server/locale";
import { messagesFor } from "@/lib/i18n/catalog";
import {
  attachmentLabel,
  changeScopeText,
  itemText,
  localizeField,
  professionText,
  reasonText,
  specialtyText,
  typeText,
} from "@/lib/i18n/filing";
import { commitmentReadingSeconds, wizardState } from "@/lib/services/people/filing-commitment";
import { agreeConditions, commit, confirmInsurance, saveForm, sendCode, sign } from "../../actions";
import { findEmployers } from "../../../profile/actions";

export async function generateMetadata() {
  const t = await getTranslations("filing.wizard");
  return { title: t("metaTitle") };
}

/** Beijing time as a local ISO date-time (F2 file names use the time there). */
function localNow(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 19);
}

type Step = "conditions" | "commitment" | "insurance" | "form";

/** The Chinese letter's signature, aligned with the English one (which takes the names already in English). */
const commitmentLetterZh = (
  program: Parameters<typeof commitmentLetter>[0],
  _names: unknown,
  ...rest: [Parameters<typeof commitmentLetter>[1], string | null, string]
) => commitmentLetter(program, ...rest);

/**
 * The filing wizard (`003` §3.1.1, `002` §3.1.1): 申报须知 → 个人承诺书 → (社保确认) → 申报信息 → 个人数字签名.
 * Which step shows is decided by what the server recorded, so a reload or a new sign-in resumes where the applicant
 * was.
 */
export default async function EditApplicationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireRole("applicant");
  const db = getDb();
  const d = await applicantApplication(db, user.personId!, id);
  if (!d) notFound();
  if (d.app.status !== "draft" && d.app.status !== "returned") redirect(`/applicant/applications/${id}`);
  const { app, program, person } = d;
  const locale = await requestLocale();
  const en = locale !== "zh-CN";
  const t = await getTranslations("filing.wizard");
  const text = messagesFor(locale).filing.client;
  const typeLabel = typeText(locale, app.type);
  const specialtyName = app.specialtyCode ? specialtyText(locale, program, app.specialtyCode) : null;
  const profession = professionText(locale, program);
  const employerKinds = messagesFor(locale).domain.employerKind;
  const names = {
    profession,
    employerKinds: program.eligibleEmployerKinds.map((k) => employerKinds[k].toLowerCase()).join(", "),
  };
  const w = wizardState(app.formData);
  const anomaly = app.socialInsuranceAnomaly || person.socialInsuranceAnomaly;
  const step: Step = !w.conditionsTickedAt
    ? "conditions"
    : !w.committedAt
      ? "commitment"
      : anomaly && !w.socialInsuranceConfirmedAt
        ? "insurance"
        : "form";
  const steps: { key: Step | "sign"; label: string }[] = [
    { key: "conditions", label: t("stepConditions") },
    { key: "commitment", label: t("stepCommitment") },
    ...(anomaly ? [{ key: "insurance" as const, label: t("stepInsurance") }] : []),
    { key: "form", label: t("stepForm") },
    { key: "sign", label: t("stepSign") },
  ];
  const current = steps.findIndex((s) => s.key === step);
  const title = t("title", {
    profession,
    type: typeLabel,
    specialty: specialtyName ? t("specialty", { name: specialtyName }) : "",
  });
  const today = chinaDate(new Date());
  const form = step === "form" ? await wizardForm(db, d, today) : null;
  const secondsLeft = w.commitmentOpenedAt
    ? Math.max(
        0,
        commitmentReadingSeconds() - Math.floor((Date.now() - new Date(w.commitmentOpenedAt).getTime()) / 1000),
      )
    : commitmentReadingSeconds();

  return (
    <>
      <PageHead title={title} crumb={t("crumb")}>
        <Link className="btn btn-secondary" href={`/applicant/applications/${id}`}>
          {t("viewDetail")}
        </Link>
      </PageHead>
      <ol className="ap-steps" aria-label={t("stepsLabel")}>
        {steps.map((s, i) => (
          <li
            key={s.key}
            aria-current={i === current ? "step" : undefined}
            className={i < current ? "done" : undefined}
          >
            {i + 1} {s.label}
          </li>
        ))}
      </ol>
      <section className="card">
        {step === "conditions" ? (
          <>
            <h2>{t("stepConditions")}</h2>
            <ConditionsStep
              applicationId={id}
              conditions={en ? approvalConditionsEn(program, app.type, names) : approvalConditions(program, app.type)}
              materials={(program.attachments[app.type] ?? [])
                .filter((a) => a.when === "always")
                .map((a) => `${attachmentLabel(locale, app.type, a.code, a.label)}${a.required ? "" : t("optional")}`)}
              agree={agreeConditions}
              text={text.conditions}
            />
          </>
        ) : step === "commitment" ? (
          <>
            <h2>{t("stepCommitment")}</h2>
            <CommitmentStep
              applicationId={id}
              secondsLeft={secondsLeft}
              commit={commit}
              text={text.commitment}
              {...(en ? commitmentLetterEn : commitmentLetterZh)(
                program,
                names,
                { name: person.name, idNumber: person.idNumber, maskedPhone: maskPhone(person.phone) },
                d.facts.employer?.name ?? null,
                en ? itemText(locale, typeLabel, specialtyName) : d.typeLabel,
              )}
            />
          </>
        ) : step === "insurance" ? (
          <>
            <h2>{t("insuranceHeading")}</h2>
            <SocialInsuranceStep
              applicationId={id}
              text={en ? socialInsuranceTextEn(names) : socialInsuranceText(program)}
              labels={text.insurance}
              confirm={confirmInsurance}
            />
          </>
        ) : form ? (
          <>
            <h2>{t("stepForm")}</h2>
            <p className="ap-muted mt-0">
              {t.rich("formIntro", {
                profile: (c) => <Link href="/applicant/profile/edit">{c}</Link>,
                work: (c) => <Link href="/applicant/records/work">{c}</Link>,
                achievements: (c) => <Link href="/applicant/records/achievements">{c}</Link>,
              })}
            </p>
            {form.noteReasons.length ? (
              <div className="alert alert-info mb-3">
                {form.noteReasons.map((n) => (
                  <div key={n.message}>{reasonText(locale, program, n)}</div>
                ))}
              </div>
            ) : null}
            <ApplicationForm
              applicationId={id}
              version={app.version}
              savedValid={app.savedValid && app.status === "draft"}
              formSaved={Object.keys(app.formData ?? {}).some((k) => k !== "_wizard")}
              fields={form.fields.map((f) => localizeField(locale, app.type, f))}
              readOnly={
                en
                  ? {
                      ...form.readOnly,
                      specialty: specialtyName ?? "",
                      gender: messagesFor(locale).domain.gender[d.facts.identity.gender],
                      idType: messagesFor(locale).domain.idType[d.facts.identity.idType] ?? form.readOnly.idType ?? "",
                      scope: d.facts.changeScope
                        ? changeScopeText(locale, d.facts.changeScope, form.readOnly.scope ?? "")
                        : "",
                    }
                  : form.readOnly
              }
              values={form.values}
              attachments={form.attachments.map((a) => ({
                ...a,
                label: attachmentLabel(locale, app.type, a.code, a.label),
              }))}
              scanLimits={(en ? limitLinesEn : limitLines)(program.files.scan)}
              scanAccept={acceptOf(program.files.scan)}
              opinionText={
                en
                  ? applicantOpinionTextEn(names, d.facts.employer?.name ?? null)
                  : applicantOpinionText(program, d.facts.employer?.name ?? null)
              }
              text={{ form: text.form, table: text.table, attachments: text.attachments, sign: text.sign }}
              fileName={applicationPdfName(program, d.typeLabel, localNow())}
              returnReason={app.status === "returned" ? app.returnReason : null}
              carriedOver={form.carriedOver}
              findEmployers={findEmployers}
              save={saveForm}
              sendCode={sendCode}
              sign={sign}
            />
          </>
        ) : null}
      </section>
    </>
  );
}
