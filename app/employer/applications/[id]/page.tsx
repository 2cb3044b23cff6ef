import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHead } from "@/components/shell/AppShell";
import { formatDateTime, orDash } from "@/components/ui/format";
import { CountersignPanel } from "@/components/employer/CountersignPanel";
import { WithdrawalButtons } from "@/components/employer/WithdrawalButtons";
import { ApplicationFacts } from "@/components/review/ApplicationFacts";
import { Timeline } from "@/components/review/Timeline";
import { getDb } from "@/db/client";
import { statusLabel } from "@/lib/domain/application";
import { APPLICATION_TYPE_LABELS } from "@/lib/domain/application-types";
import { applicationDetail } from "@/lib/queries/review-detail";
import { requireRole } from "@/lib/server/auth";

export const metadata = { title: "签名确认 - 企业管理系统" };

export default async function EmployerApplicationPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ done?: string; notice?: string }>;
}) {
  const user = await requireRole("employer");
  const [{ id }, q] = await Promise.all([params, searchParams]);
  const d = await applicationDetail(getDb(), id);
  // Deny by default: only this employer's staff, and only once the applicant has signed (G9).
  if (!d || d.row.employerId !== user.employerId || !d.row.applicantSignedAt) notFound();

  const typeLabel = APPLICATION_TYPE_LABELS[d.row.type];
  const status = statusLabel(d.app, d.program);
  const form = d.documents.find((x) => x.group === "form");
  const attachments = d.documents.filter((x) => x.group === "attachment" || x.group === "correction");
  const noticeReady = !!d.row.employerSignedAt && !!d.row.submittedAt;
  return (
    <>
      <PageHead
        title={`${typeLabel} ${d.row.status === "signed" ? "申请事项签名确认" : "申请事项审核进度"}`}
        crumb={`人员类办事 / ${d.row.status === "signed" ? "待企业确认" : "企业已确认查询"} / ${d.person.name}`}
      >
        <Link
          href={
            d.row.forcedCancellation
              ? "/employer/forced-cancellation"
              : d.row.employerSignedAt
                ? "/employer/confirmed"
                : "/employer/pending"
          }
          className="btn btn-secondary"
        >
          返回列表
        </Link>
      </PageHead>

      {q.done === "countersigned" && d.row.employerSignedAt ? (
        <div className="alert alert-success mb-4" role="status" data-testid="countersign-done">
          <strong>当前{typeLabel}申请表，已完成企业PDF电子签名。</strong>
          <br />
          网上受理编号：{orDash(d.row.acceptanceNo)}　签名时间：{formatDateTime(d.row.employerSignedAt)}
          {form?.name ? (
            <>
              <br />
              申请表文件名称：{form.name}
            </>
          ) : null}
          <br />
          {d.row.status === "approved"
            ? `办理结果：${status}。`
            : d.authority
              ? `已上报 ${d.authority.name}，当前状态：${status}。`
              : `当前状态：${status}。`}
        </div>
      ) : null}
      {q.done === "forced" && d.row.filedByEmployer ? (
        <div className="alert alert-success mb-4" role="status" data-testid="forced-done">
          <strong>强制注销已申报，申请表已完成本单位PDF电子签名。</strong>
          <br />
          网上受理编号：{orDash(d.row.acceptanceNo)}　申报时间：{formatDateTime(d.row.employerSignedAt)}
          <br />
          {d.authority ? `已上报 ${d.authority.name}，当前状态：${status}。` : `当前状态：${status}。`}
        </div>
      ) : null}
      {q.notice === "unavailable" ? (
        <div className="alert alert-warning mb-4" role="status">
          受理通知书在申请人和聘用单位均完成签名、申请上报至审批机构后生成；本申请暂不能打印受理通知书。
        </div>
      ) : null}

      <section className="card">
        <h2>办理情况</h2>
        <dl className="facts">
          <div>
            <dt>注册类别</dt>
            <dd>
              {d.program.name}
              {typeLabel}
            </dd>
          </div>
          <div>
            <dt>受理编号</dt>
            <dd data-testid="acceptance-no">{orDash(d.row.acceptanceNo)}</dd>
          </div>
          <div>
            <dt>当前状态</dt>
            <dd>
              <span className="pill" data-testid="status-label">
                {status}
              </span>
            </dd>
          </div>
          <div>
            <dt>办理机构</dt>
            <dd>{orDash(d.authority?.name)}</dd>
          </div>
          <div>
            <dt>{d.row.filedByEmployer ? "单位申报时间" : "个人签名时间"}</dt>
            <dd>{formatDateTime(d.row.applicantSignedAt)}</dd>
          </div>
          <div>
            <dt>企业签名时间</dt>
            <dd>{formatDateTime(d.row.employerSignedAt)}</dd>
          </div>
        </dl>
        {d.row.forcedCancellation ? (
          <p className="alert alert-info mt-3 mb-0" data-testid="forced-note">
            本申请为强制注销（{d.row.filedByEmployer ? "由本单位申报" : "由申请人本人申报"}
            ），无需本单位签名确认，已直接上报审批机构。本单位仅可查看，不能签名确认或退回。
          </p>
        ) : null}
        {d.row.status === "signed" ? (
          <p className="alert alert-info mt-3 mb-0">
            注意：企业查看个人填报的申请信息，无法修改。如需修改请退回个人，由申请人修改后重新签名。
          </p>
        ) : null}
      </section>

      <section className="card">
        <h2>申请表及附件</h2>
        <ul className="filelinks">
          {form ? (
            <li>
              <a href={`/files/${form.fileId}`} target="_blank" rel="noreferrer">
                {form.label}
                {form.name ? `：${form.name}` : ""}
              </a>
            </li>
          ) : null}
          {noticeReady ? (
            <li>
              <a href={`/employer/applications/${d.row.id}/notice`} target="_blank" rel="noreferrer">
                打印行政审批受理通知书
              </a>
            </li>
          ) : null}
          {attachments.map((a) => (
            <li key={a.fileId}>
              <a href={`/files/${a.fileId}`} target="_blank" rel="noreferrer">
                {a.label}
              </a>
            </li>
          ))}
        </ul>
        {!form && attachments.length === 0 ? <p className="help">没有可查看的文件。</p> : null}
      </section>

      <ApplicationFacts d={d} />

      {d.row.status === "signed" ? (
        <CountersignPanel
          applicationId={d.row.id}
          version={d.row.version}
          employerName={d.employer?.name ?? "本单位"}
          personName={d.person.name}
          typeLabel={typeLabel}
        />
      ) : null}
      {d.row.status === "withdrawal_requested" ? (
        <section className="card">
          <h2>撤回申请待单位同意</h2>
          <p className="help">申请人已申请撤回该申请。该申请已上报审批机构但尚未受理，撤回须经本单位同意。</p>
          <WithdrawalButtons applicationId={d.row.id} version={d.row.version} personName={d.person.name} />
        </section>
      ) : null}

      <section className="card">
        <h2>审核进度</h2>
        <Timeline items={d.timeline} />
      </section>
    </>
  );
}
