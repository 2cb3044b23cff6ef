import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHead } from "@/components/shell/AppShell";
import { ApplicationActions } from "@/components/applicant/ApplicationActions";
import { ApplicationFacts } from "@/components/review/ApplicationFacts";
import { VOIDED_FORM } from "@/lib/services/applications/transition";
import { acceptOf, limitLines, limitLinesEn } from "@/components/applicant/format";
import { kbText } from "@/components/applicant/size";
import { formatDateTime, orDash } from "@/components/ui/format";
import { getDb } from "@/db/client";
import { availableActions } from "@/lib/domain/transitions";
import { signedDocumentsAvailable } from "@/lib/domain/files";
import { applicantApplication } from "@/lib/queries/applicant-applications";
import { requireRole } from "@/lib/server/auth";
import { requestLocale } from "@/lib/server/locale";
import { getTranslations } from "next-intl/server";
import { messagesFor } from "@/lib/i18n/catalog";
import { attachmentLabel, itemText, outcomeText, professionText } from "@/lib/i18n/filing";
import { acceptanceNotice, applicationAction, submitCorrection } from "../actions";

export async function generateMetadata() {
  const t = await getTranslations("filing.detail");
  return { title: t("metaTitle") };
}

const FILE_KINDS = ["scan", "correction", "application_form", "acceptance_notice"] as const;

export default async function ApplicationDetailPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ signed?: string }>;
}) {
  const [{ id }, sp] = await Promise.all([params, searchParams]);
  const user = await requireRole("applicant");
  const [locale, t] = await Promise.all([requestLocale(), getTranslations("filing.detail")]);
  const d = await applicantApplication(getDb(), user.personId!, id, locale);
  if (!d) notFound();
  const { app, program, domain } = d;
  const fileKind = (kind: string) =>
    (FILE_KINDS as readonly string[]).includes(kind) ? t(`kind_${kind as (typeof FILE_KINDS)[number]}`) : kind;
  const actions = availableActions(domain, { kind: "applicant", personId: user.personId! }, program);
  const attachmentLabels = new Map(
    (program.attachments[app.type] ?? []).map((a) => [a.code, attachmentLabel(locale, app.type, a.code, a.label)]),
  );
  const formPdf = app.formPdfFileId ? d.files.find((f) => f.id === app.formPdfFileId) : undefined;
  const notice = d.files.find((f) => f.kind === "acceptance_notice");
  // A signed form that was voided (修改申请表 after signing, or reopened to resubmit) stays listed, marked, never current.
  const voidedForms = d.files.filter(
    (f) => f.kind === "application_form" && f.purpose === VOIDED_FORM && f.id !== app.formPdfFileId,
  );
  const attached = new Set(Object.values((app.formData.attachments ?? {}) as Record<string, string | string[]>).flat());
  const uploads = d.files.filter(
    (f) => f.state === "kept" && ((f.kind === "scan" && attached.has(f.id)) || f.kind === "correction"),
  );
  const pending = app.status === "withdrawal_requested";
  const outcome = app.outcome ? outcomeText(locale, app.type, app.outcome) : null;
  return (
    <>
      <PageHead title={itemText(locale, d.typeText, d.specialtyText)} crumb={t("crumb")}>
        <Link className="btn btn-secondary" href="/applicant/applications">
          {t("back")}
        </Link>
      </PageHead>
      {sp.signed === "1" && app.status !== "draft" ? (
        <div className="alert alert-success mb-4" role="status">
          {t("signed", {
            profession: professionText(locale, program),
            type: d.typeText,
            no: orDash(app.acceptanceNo),
            at: formatDateTime(app.applicantSignedAt),
          })}
        </div>
      ) : null}
      <section className="card">
        <h2>{t("statusHeading")}</h2>
        <dl className="facts">
          <div>
            <dt>{t("status")}</dt>
            <dd>
              <span className="pill warn" data-testid="status-label">
                {d.statusLabel}
              </span>
            </dd>
          </div>
          <div>
            <dt>{t("acceptanceNo")}</dt>
            <dd>{orDash(app.acceptanceNo)}</dd>
          </div>
          <div>
            <dt>{t("program")}</dt>
            <dd>{d.programText}</dd>
          </div>
          <div>
            <dt>{t("employer")}</dt>
            <dd>{orDash(d.facts.employer?.name)}</dd>
          </div>
          <div>
            <dt>{t("authority")}</dt>
            <dd>{orDash(d.authority?.name)}</dd>
          </div>
          <div>
            <dt>{t("createdAt")}</dt>
            <dd>{formatDateTime(app.createdAt)}</dd>
          </div>
          {d.expectedDecision ? (
            <div>
              <dt>{t("expected")}</dt>
              <dd data-testid="expected-decision">
                {d.expectedDecision.on}
                {d.expectedDecision.workingDaysLeft >= 0
                  ? t("daysLeft", { n: d.expectedDecision.workingDaysLeft })
                  : t("overdue")}
              </dd>
            </div>
          ) : null}
          <div>
            <dt>{t("signedAt")}</dt>
            <dd>{formatDateTime(app.applicantSignedAt)}</dd>
          </div>
          <div>
            <dt>{t("employerSignedAt")}</dt>
            <dd>{formatDateTime(app.employerSignedAt)}</dd>
          </div>
        </dl>
        {app.returnReason && app.status === "returned" ? (
          <p className="alert alert-warning">{t("returnReason", { reason: app.returnReason })}</p>
        ) : null}
        {app.rejectionReasons.length && app.status === "rejected" ? (
          <p className="alert alert-error">{t("rejected", { reasons: app.rejectionReasons.join("；") })}</p>
        ) : null}
        {d.correctionDueOn ? (
          <p className="alert alert-warning" data-testid="correction-due">
            {t("correctionDue", { date: d.correctionDueOn })}
          </p>
        ) : null}
        {outcome ? (
          <div className="alert alert-success" data-testid="outcome">
            {t("outcome", { summary: outcome.summary })}
            {outcome.lines.map((line) => (
              <div key={line}>{line}</div>
            ))}
          </div>
        ) : null}
        {pending ? <p className="alert alert-info">{t("withdrawPending")}</p> : null}
        <ApplicationActions
          applicationId={app.id}
          version={app.version}
          actions={actions}
          withdrawNeedsConsent={
            program.options.withdrawalNeedsEmployerConsent &&
            (app.status === "pending_acceptance" || app.status === "correction_requested")
          }
          correction={app.correction ? { content: app.correction.content, reason: app.correction.reason } : null}
          noticeReasons={app.notice?.reasons ?? []}
          uploadLimits={(locale === "zh-CN" ? limitLines : limitLinesEn)(program.files.correction)}
          uploadAccept={acceptOf(program.files.correction)}
          run={applicationAction}
          submitCorrection={submitCorrection}
          acceptanceNotice={acceptanceNotice}
          text={messagesFor(locale).filing.actions}
          showNotice={
            !notice &&
            !!app.formPdfFileId &&
            signedDocumentsAvailable({ signedAt: domain.signedAt, countersignedAt: domain.countersignedAt }) &&
            !!app.submittedAt
          }
        />
      </section>
      {app.applicantSignedAt ? (
        <ApplicationFacts
          audience="applicant"
          locale={locale}
          d={{
            row: app,
            program,
            qualification: d.qualification,
            facts: d.facts,
            filedValues: d.filedValues,
            person: d.person,
          }}
        />
      ) : null}
      <div className="ap-grid-2">
        <section className="card">
          <h2>{t("timeline")}</h2>
          <ol className="ap-timeline" data-testid="timeline">
            {d.timeline.map((e) => (
              <li key={e.id}>
                <div className="when">
                  {formatDateTime(e.at)} · {e.actorLabel}
                </div>
                <div className="what">{e.title}</div>
                {e.statusLabel ? <div className="ap-muted">{t("statusLine", { status: e.statusLabel })}</div> : null}
                {e.correction ? (
                  <div className="opinion">
                    {t("correctionContent", { text: e.correction.content })}
                    <br />
                    {t("correctionReason", { text: e.correction.reason })}
                  </div>
                ) : null}
                {e.opinion && !e.correction ? <div className="opinion">{t("opinion", { text: e.opinion })}</div> : null}
                {e.fileCount ? <div className="ap-muted">{t("files", { n: e.fileCount })}</div> : null}
              </li>
            ))}
            {d.expectedDecision ? (
              <li className="ap-muted" data-testid="timeline-expected">
                <div className="what">{t("expectedBy", { date: d.expectedDecision.on })}</div>
                <div className="ap-muted">{t("workingDays")}</div>
              </li>
            ) : null}
          </ol>
        </section>
        <section className="card">
          <h2>{t("documents")}</h2>
          <ul className="ap-docs" data-testid="documents">
            {formPdf ? (
              <li>
                {t("signedForm")}
                <a href={`/files/${formPdf.id}`} target="_blank" rel="noopener">
                  {formPdf.originalName ?? t("formPdf")}
                </a>{" "}
                <a href={`/files/${formPdf.id}?download=1`}>{t("download")}</a>
              </li>
            ) : (
              <li className="ap-muted">{t("notSigned")}</li>
            )}
            {voidedForms.map((f) => (
              <li key={f.id} className="ap-muted" data-testid="voided-form">
                <span className="pill bad">{t("voided")}</span>
                {t("voidedForm")}
                <a href={`/files/${f.id}`} target="_blank" rel="noopener">
                  {f.originalName ?? t("formPdf")}
                </a>
              </li>
            ))}
            {notice ? (
              <li>
                {t("notice")}
                <a href={`/files/${notice.id}`} target="_blank" rel="noopener">
                  {notice.originalName ?? t("noticePdf")}
                </a>
              </li>
            ) : app.employerSignedAt && app.submittedAt ? (
              <li className="ap-muted">{t("noticePrint")}</li>
            ) : (
              <li className="ap-muted">{t("noticeLater")}</li>
            )}
            {uploads.map((f) => (
              <li key={f.id}>
                {fileKind(f.kind)}
                {f.purpose && attachmentLabels.get(f.purpose)
                  ? locale === "zh-CN"
                    ? `（${attachmentLabels.get(f.purpose)}）`
                    : ` (${attachmentLabels.get(f.purpose)})`
                  : ""}
                {locale === "zh-CN" ? "：" : ": "}
                <a href={`/files/${f.id}`} target="_blank" rel="noopener">
                  {f.originalName ?? t("file")}
                </a>{" "}
                <span className="ap-muted">{kbText(f.byteSize)}</span>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </>
  );
}
