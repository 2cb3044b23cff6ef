import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHead } from "@/components/shell/AppShell";
import { ApplicationActions } from "@/components/applicant/ApplicationActions";
import { ApplicationFacts } from "@/components/review/ApplicationFacts";
import { VOIDED_FORM } from "@/lib/services/applications/transition";
import { acceptOf, limitLines } from "@/components/applicant/format";
import { kbText } from "@/components/applicant/size";
import { formatDateTime, orDash } from "@/components/ui/format";
import { getDb } from "@/db/client";
import { outcomeLines } from "@/lib/domain/filed-facts";
import { availableActions } from "@/lib/domain/transitions";
import { signedDocumentsAvailable } from "@/lib/domain/files";
import { professionName } from "@/lib/domain/programs";
import { applicantApplication } from "@/lib/queries/applicant-applications";
import { requireRole } from "@/lib/server/auth";
import { acceptanceNotice, applicationAction, submitCorrection } from "../actions";

export const metadata = { title: "申请详情 - 个人申报系统" };

const FILE_KIND_LABELS: Record<string, string> = {
  scan: "申报材料",
  correction: "补正材料",
  application_form: "已签名申请表",
  acceptance_notice: "行政审批受理通知书",
};

export default async function ApplicationDetailPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ signed?: string }>;
}) {
  const [{ id }, sp] = await Promise.all([params, searchParams]);
  const user = await requireRole("applicant");
  const d = await applicantApplication(getDb(), user.personId!, id);
  if (!d) notFound();
  const { app, program, domain } = d;
  const actions = availableActions(domain, { kind: "applicant", personId: user.personId! }, program);
  const attachmentLabels = new Map((program.attachments[app.type] ?? []).map((a) => [a.code, a.label]));
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
  return (
    <>
      <PageHead
        title={`${d.typeLabel}${d.specialtyName ? `（${d.specialtyName}）` : ""}`}
        crumb="上报业务查询 / 申请详情"
      >
        <Link className="btn btn-secondary" href="/applicant/applications">
          返回上报业务查询
        </Link>
      </PageHead>
      {sp.signed === "1" && app.status !== "draft" ? (
        <div className="alert alert-success mb-4" role="status">
          当前{professionName(program)}
          {d.typeLabel}申请表，已完成个人PDF电子签名。网上受理编号：{orDash(app.acceptanceNo)}，签名时间：
          {formatDateTime(app.applicantSignedAt)}。请通知聘用单位进行数字签名，完成该申请事项的受理。
        </div>
      ) : null}
      <section className="card">
        <h2>办理状态</h2>
        <dl className="facts">
          <div>
            <dt>当前状态</dt>
            <dd>
              <span className="pill warn" data-testid="status-label">
                {d.statusLabel}
              </span>
            </dd>
          </div>
          <div>
            <dt>网上受理编号</dt>
            <dd>{orDash(app.acceptanceNo)}</dd>
          </div>
          <div>
            <dt>注册项目</dt>
            <dd>{program.name}</dd>
          </div>
          <div>
            <dt>聘用单位</dt>
            <dd>{orDash(d.facts.employer?.name)}</dd>
          </div>
          <div>
            <dt>办理机构</dt>
            <dd>{orDash(d.authority?.name)}</dd>
          </div>
          <div>
            <dt>填报时间</dt>
            <dd>{formatDateTime(app.createdAt)}</dd>
          </div>
          {d.expectedDecision ? (
            <div>
              <dt>预计办结日期</dt>
              <dd data-testid="expected-decision">
                {d.expectedDecision.on}
                {d.expectedDecision.workingDaysLeft >= 0
                  ? `（还有${d.expectedDecision.workingDaysLeft}个工作日）`
                  : "（已超过预计办结日期，审批机构正在办理）"}
              </dd>
            </div>
          ) : null}
          <div>
            <dt>个人签名时间</dt>
            <dd>{formatDateTime(app.applicantSignedAt)}</dd>
          </div>
          <div>
            <dt>企业签名时间</dt>
            <dd>{formatDateTime(app.employerSignedAt)}</dd>
          </div>
        </dl>
        {app.returnReason && app.status === "returned" ? (
          <p className="alert alert-warning">聘用单位退回原因：{app.returnReason}</p>
        ) : null}
        {app.rejectionReasons.length && app.status === "rejected" ? (
          <p className="alert alert-error">
            不予注册原因：{app.rejectionReasons.join("；")}。可点击“修改后重新申报”修改后再次上报。
          </p>
        ) : null}
        {d.correctionDueOn ? (
          <p className="alert alert-warning" data-testid="correction-due">
            请于 {d.correctionDueOn} 前提交补正材料。逾期未补正的，将不予注册。
          </p>
        ) : null}
        {app.outcome ? (
          <div className="alert alert-success" data-testid="outcome">
            办结结果：{app.outcome.summary}
            {outcomeLines(app.outcome).map((line) => (
              <div key={line}>{line}</div>
            ))}
          </div>
        ) : null}
        {pending ? <p className="alert alert-info">您已申请撤回，待聘用单位同意。</p> : null}
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
          uploadLimits={limitLines(program.files.correction)}
          uploadAccept={acceptOf(program.files.correction)}
          run={applicationAction}
          submitCorrection={submitCorrection}
          acceptanceNotice={acceptanceNotice}
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
          <h2>审核进度</h2>
          <ol className="ap-timeline" data-testid="timeline">
            {d.timeline.map((e) => (
              <li key={e.id}>
                <div className="when">
                  {formatDateTime(e.at)} · {e.actorLabel}
                </div>
                <div className="what">{e.title}</div>
                {e.statusLabel ? <div className="ap-muted">状态：{e.statusLabel}</div> : null}
                {e.correction ? (
                  <div className="opinion">
                    补正内容：{e.correction.content}
                    <br />
                    补正原因：{e.correction.reason}
                  </div>
                ) : null}
                {e.opinion && !e.correction ? <div className="opinion">意见：{e.opinion}</div> : null}
                {e.fileCount ? <div className="ap-muted">附补正材料 {e.fileCount} 份</div> : null}
              </li>
            ))}
            {d.expectedDecision ? (
              <li className="ap-muted" data-testid="timeline-expected">
                <div className="what">预计 {d.expectedDecision.on} 前办结</div>
                <div className="ap-muted">自受理之日起按工作日计算，法定节假日顺延。</div>
              </li>
            ) : null}
          </ol>
        </section>
        <section className="card">
          <h2>申请文件</h2>
          <ul className="ap-docs" data-testid="documents">
            {formPdf ? (
              <li>
                已签名申请表：
                <a href={`/files/${formPdf.id}`} target="_blank" rel="noopener">
                  {formPdf.originalName ?? "申请表.pdf"}
                </a>{" "}
                <a href={`/files/${formPdf.id}?download=1`}>下载</a>
              </li>
            ) : (
              <li className="ap-muted">申请表尚未签名。</li>
            )}
            {voidedForms.map((f) => (
              <li key={f.id} className="ap-muted" data-testid="voided-form">
                <span className="pill bad">已作废</span> 原签名申请表：
                <a href={`/files/${f.id}`} target="_blank" rel="noopener">
                  {f.originalName ?? "申请表.pdf"}
                </a>
              </li>
            ))}
            {notice ? (
              <li>
                行政审批受理通知书：
                <a href={`/files/${notice.id}`} target="_blank" rel="noopener">
                  {notice.originalName ?? "受理通知书.pdf"}
                </a>
              </li>
            ) : app.employerSignedAt && app.submittedAt ? (
              <li className="ap-muted">行政审批受理通知书：点击上方“打印行政审批受理通知书”即可生成并打印。</li>
            ) : (
              <li className="ap-muted">行政审批受理通知书：申请人和聘用单位均完成签名并上报审批机构后可打印。</li>
            )}
            {uploads.map((f) => (
              <li key={f.id}>
                {FILE_KIND_LABELS[f.kind] ?? f.kind}
                {f.purpose && attachmentLabels.get(f.purpose) ? `（${attachmentLabels.get(f.purpose)}）` : ""}：
                <a href={`/files/${f.id}`} target="_blank" rel="noopener">
                  {f.originalName ?? "文件"}
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
