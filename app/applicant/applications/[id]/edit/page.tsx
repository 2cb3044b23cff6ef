import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { PageHead } from "@/components/shell/AppShell";
import { acceptOf, limitLines } from "@/components/applicant/format";
import { ApplicationForm } from "@/components/applicant/wizard/ApplicationForm";
import { CommitmentStep, ConditionsStep, SocialInsuranceStep } from "@/components/applicant/wizard/PreSteps";
import {
  applicantOpinionText,
  approvalConditions,
  commitmentLetter,
  socialInsuranceText,
} from "@/components/applicant/wizard/texts";
import { getDb } from "@/db/client";
import { applicationPdfName } from "@/lib/domain/files";
import { professionName } from "@/lib/domain/programs";
import { applicantApplication } from "@/lib/queries/applicant-applications";
import { wizardForm } from "@/lib/queries/applicant-wizard";
import { chinaDate } from "@/lib/server/clock";
import { requireRole } from "@/lib/server/auth";
import { maskPhone } from "@/lib/server/sms";
import { commitmentReadingSeconds, wizardState } from "@/lib/services/people/filing-commitment";
import { agreeConditions, commit, confirmInsurance, saveForm, sendCode, sign } from "../../actions";
import { findEmployers } from "../../../profile/actions";

export const metadata = { title: "申报 - 个人申报系统" };

/** Beijing time as a local ISO date-time (F2 file names use the time there). */
function localNow(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 19);
}

type Step = "conditions" | "commitment" | "insurance" | "form";

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
    { key: "conditions", label: "申报须知" },
    { key: "commitment", label: "个人承诺书" },
    ...(anomaly ? [{ key: "insurance" as const, label: "社保确认" }] : []),
    { key: "form", label: "申报信息" },
    { key: "sign", label: "个人数字签名" },
  ];
  const current = steps.findIndex((s) => s.key === step);
  const title = `${professionName(program)}${d.typeLabel}${d.specialtyName ? `（${d.specialtyName}）` : ""}`;
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
      <PageHead title={title} crumb="各类业务申报 / 新增注册申请 / 申报">
        <Link className="btn btn-secondary" href={`/applicant/applications/${id}`}>
          查看申请详情
        </Link>
      </PageHead>
      <ol className="ap-steps" aria-label="申报步骤">
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
            <h2>申报须知</h2>
            <ConditionsStep
              applicationId={id}
              conditions={approvalConditions(program, app.type)}
              materials={(program.attachments[app.type] ?? [])
                .filter((a) => a.when === "always")
                .map((a) => `${a.label}${a.required ? "" : "（选填）"}`)}
              agree={agreeConditions}
            />
          </>
        ) : step === "commitment" ? (
          <>
            <h2>个人承诺书</h2>
            <CommitmentStep
              applicationId={id}
              secondsLeft={secondsLeft}
              commit={commit}
              {...commitmentLetter(
                program,
                { name: person.name, idNumber: person.idNumber, maskedPhone: maskPhone(person.phone) },
                d.facts.employer?.name ?? null,
                d.typeLabel,
              )}
            />
          </>
        ) : step === "insurance" ? (
          <>
            <h2>社保缴纳情况确认</h2>
            <SocialInsuranceStep applicationId={id} text={socialInsuranceText(program)} confirm={confirmInsurance} />
          </>
        ) : form ? (
          <>
            <h2>申报信息</h2>
            <p className="ap-muted mt-0">
              个人基本信息和企业基本信息由系统自动生成，如发现问题，请返回
              <Link href="/applicant/profile/edit">个人信息</Link>修改。工作经历、工作业绩按
              <Link href="/applicant/records/work">工作经历</Link>、
              <Link href="/applicant/records/achievements">工作业绩</Link>记录带出。
            </p>
            {form.notes.length ? (
              <div className="alert alert-info mb-3">
                {form.notes.map((n) => (
                  <div key={n}>{n}</div>
                ))}
              </div>
            ) : null}
            <ApplicationForm
              applicationId={id}
              version={app.version}
              savedValid={app.savedValid && app.status === "draft"}
              formSaved={Object.keys(app.formData ?? {}).some((k) => k !== "_wizard")}
              fields={form.fields}
              readOnly={form.readOnly}
              values={form.values}
              attachments={form.attachments}
              scanLimits={limitLines(program.files.scan)}
              scanAccept={acceptOf(program.files.scan)}
              opinionText={applicantOpinionText(program, d.facts.employer?.name ?? null)}
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
