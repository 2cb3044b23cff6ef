import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHead } from "@/components/shell/AppShell";
import { formatDateTime, orDash } from "@/components/ui/format";
import { ApplicationFacts } from "@/components/review/ApplicationFacts";
import { DocumentViewer } from "@/components/review/DocumentViewer";
import { ReviewActions, type ReviewActionName } from "@/components/review/ReviewActions";
import { Timeline } from "@/components/review/Timeline";
import { getDb } from "@/db/client";
import { reviewChainFor, statusLabel } from "@/lib/domain/application";
import { anomalyNotice } from "@/lib/domain/anomalies";
import { outcomeLines } from "@/lib/domain/filed-facts";
import { APPLICATION_TYPE_LABELS, DECISION_LABELS } from "@/lib/domain/application-types";
import { findSpecialty } from "@/lib/domain/programs";
import { ACTIONS, availableActions } from "@/lib/domain/transitions";
import { applicationDetail, reviewerMayTake } from "@/lib/queries/review-detail";
import { noticeListing } from "@/lib/queries/review-notices";
import { requireRole } from "@/lib/server/auth";

export const metadata = { title: "审查办理 - 审批管理系统" };

const REVIEWER_ACTIONS: readonly ReviewActionName[] = [
  "accept",
  "request_correction",
  "reject",
  "forward",
  "approve",
  "publish_notice",
  "conclude",
];

export default async function ReviewApplicationPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ done?: string }>;
}) {
  const user = await requireRole("reviewer");
  const [{ id }, q] = await Promise.all([params, searchParams]);
  const d = await applicationDetail(getDb(), id);
  // Reviewers see only what their own authority holds or decided; anything else does not exist for them.
  if (!d || !user.authorityId || d.row.authorityId !== user.authorityId) notFound();

  const chain = reviewChainFor(d.app, d.program);
  const level = d.row.currentLevel > 0 ? chain[d.row.currentLevel - 1] : undefined;
  const offered =
    d.row.currentLevel > 0
      ? availableActions(d.app, { kind: "authority", level: d.row.currentLevel }, d.program).filter(
          (a): a is ReviewActionName => (REVIEWER_ACTIONS as readonly string[]).includes(a),
        )
      : [];
  const { allowed: actions, withheld } = await reviewerMayTake(getDb(), user.id, d, offered);
  const status = statusLabel(d.app, d.program);
  const typeLabel = APPLICATION_TYPE_LABELS[d.row.type];
  const specialty = d.row.specialtyCode
    ? (findSpecialty(d.program, d.row.specialtyCode)?.name ?? d.row.specialtyCode)
    : null;
  const done = q.done && q.done in ACTIONS ? ACTIONS[q.done as keyof typeof ACTIONS] : null;
  const reg = d.issuedRegistration;
  const listing = d.row.status === "publicized" ? await noticeListing(getDb(), d.row.id) : null;
  return (
    <>
      <PageHead title={`${d.person.name} · ${typeLabel}`} crumb={`注册审批 / 审查办理 / ${orDash(d.row.acceptanceNo)}`}>
        <Link
          href={
            d.row.status === "approved" || d.row.status === "rejected"
              ? "/review/done"
              : d.row.status === "pending_acceptance"
                ? "/review/pending"
                : "/review/reviewing"
          }
          className="btn btn-secondary"
        >
          返回列表
        </Link>
      </PageHead>
      {done ? (
        <div className="alert alert-success mb-4" role="status" data-testid="review-done">
          已
          {done.label === "公示"
            ? "公示"
            : `办理「${q.done === "approve" || q.done === "reject" ? DECISION_LABELS[d.row.type][q.done] : done.label}」`}
          。当前状态：{status}。
        </div>
      ) : null}
      {d.row.outcome ? (
        <section className="card issued" data-testid="issued-registration">
          <h2>办结结果</h2>
          <ul>
            {outcomeLines(d.row.outcome).map((line) => (
              <li key={line}>{line}</li>
            ))}
            {outcomeLines(d.row.outcome).length === 0 ? <li>{d.row.outcome.summary}</li> : null}
          </ul>
        </section>
      ) : reg ? (
        <section className="card issued" data-testid="issued-registration">
          <h2>注册结果</h2>
          <dl className="facts">
            <div>
              <dt>注册证书编号</dt>
              <dd>
                <strong>{reg.registrationNo}</strong>
              </dd>
            </div>
            <div>
              <dt>执业印章号</dt>
              <dd>{reg.sealNo}</dd>
            </div>
            <div>
              <dt>有效期</dt>
              <dd className="nowrap-dates">
                {reg.validFrom} 至 {reg.validTo}
              </dd>
            </div>
            <div>
              <dt>聘用单位</dt>
              <dd>{reg.employerName}</dd>
            </div>
          </dl>
        </section>
      ) : null}

      <div className="review-grid">
        <div className="review-main">
          <section className="card">
            <h2>申请概况</h2>
            <dl className="facts">
              <div>
                <dt>受理编号</dt>
                <dd data-testid="acceptance-no">{orDash(d.row.acceptanceNo)}</dd>
              </div>
              <div>
                <dt>注册项目</dt>
                <dd>
                  {d.program.name}
                  {specialty ? ` / ${specialty}` : ""}
                </dd>
              </div>
              <div>
                <dt>申请类型</dt>
                <dd>{typeLabel}</dd>
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
                <dt>审批环节</dt>
                <dd>{level ? `${level.name}（${level.stage}）` : "—"}</dd>
              </div>
              <div>
                <dt>提交时间</dt>
                <dd>{formatDateTime(d.row.submittedAt)}</dd>
              </div>
              <div>
                <dt>受理时间</dt>
                <dd>{formatDateTime(d.row.acceptedAt)}</dd>
              </div>
              <div>
                <dt>办结时间</dt>
                <dd>{formatDateTime(d.row.decidedAt)}</dd>
              </div>
              <div>
                <dt>社保与人员核查</dt>
                <dd>
                  {d.row.socialInsuranceAnomaly ? (
                    <span className="pill bad">{anomalyNotice(d.openAnomalies)}（申请人已确认）</span>
                  ) : (
                    "正常"
                  )}
                </dd>
              </div>
            </dl>
            {d.row.correction ? (
              <div className="alert alert-warning mt-3" data-testid="correction">
                <strong>待申请人补正</strong>
                <br />
                补正内容：{d.row.correction.content}
                <br />
                补正原因：{d.row.correction.reason}
              </div>
            ) : null}
            {d.row.notice ? (
              <div className={`alert ${d.row.notice.outcome === "pass" ? "alert-info" : "alert-warning"} mt-3`}>
                公示结果：{d.row.notice.outcome === "pass" ? "合格" : "不合格"}
                {d.row.notice.reasons.length ? `；原因：${d.row.notice.reasons.join("；")}` : ""}
              </div>
            ) : null}
            {d.row.status === "rejected" && d.row.rejectionReasons.length ? (
              <div className="alert alert-error mt-3">不予注册理由：{d.row.rejectionReasons.join("；")}</div>
            ) : null}
          </section>

          <section className="card" aria-labelledby="actions-title">
            <h2 id="actions-title">审查办理</h2>
            {d.row.status === "publicized" ? (
              <p className={`alert ${listing ? "alert-info" : "alert-warning"} mt-0`} data-testid="notice-listing">
                {listing ? (
                  <>
                    已列入公示《{listing.title}》，公示截止日期 {listing.endsOn}。公示期满后方可办理公示期满办结。
                  </>
                ) : (
                  <>
                    尚未列入公示公告。请到 <Link href="/review/notices">公示公告</Link> 发布公示，公示期满后方可办结。
                  </>
                )}
              </p>
            ) : null}
            {withheld ? (
              <p className="alert alert-info mt-0" data-testid="duties-withheld">
                {withheld}
              </p>
            ) : null}
            <ReviewActions applicationId={d.row.id} version={d.row.version} actions={actions} type={d.row.type} />
          </section>

          <ApplicationFacts d={d} />

          <section className="card">
            <h2>审核进度</h2>
            <Timeline items={d.timeline} />
          </section>
        </div>
        <aside className="review-docs" aria-label="申请材料">
          <section className="card sticky">
            <h2>申请材料</h2>
            <DocumentViewer documents={d.documents} />
          </section>
        </aside>
      </div>
    </>
  );
}
