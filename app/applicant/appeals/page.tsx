import { AnomalyTimeline } from "@/components/appeals/AnomalyTimeline";
import { AppealForm } from "@/components/appeals/AppealForm";
import { ANOMALY_SOURCE, ANOMALY_STATUS, APPEAL_STATUS } from "@/components/appeals/labels";
import { Alert } from "@/components/ui/Alert";
import { Card } from "@/components/ui/Card";
import { PageHeader } from "@/components/ui/PageHeader";
import { getDb } from "@/db/client";
import { personAnomaliesWithAppeals } from "@/lib/queries/appeals";
import { requireRole } from "@/lib/server/auth";

export const metadata = { title: "我的申辩 - 个人申报系统" };

/** 我的申辩 (T3, `003` §2.6): the anomalies flagged on the person, their appeals and the authority's decisions. */
export default async function AppealsPage({ searchParams }: { searchParams: Promise<{ done?: string }> }) {
  const user = await requireRole("applicant");
  const { done } = await searchParams;
  const anomalies = await personAnomaliesWithAppeals(getDb(), user.personId!);
  return (
    <>
      <PageHeader title="我的申辩" crumb="我的申辩" />
      {done === "filed" ? <Alert tone="success">申辩已提交，审批机构处理后将通过“我的消息”告知结果。</Alert> : null}
      {anomalies.length === 0 ? (
        <Card>
          <p>您目前没有社保异常或人员查重异常记录，无需申辩。</p>
        </Card>
      ) : null}
      {anomalies.map((a) => (
        <Card key={a.id} title={`${a.label}（${ANOMALY_STATUS[a.status]}）`} testId="anomaly">
          <p>
            {ANOMALY_SOURCE[a.source]}：{a.reason}
          </p>
          {a.status === "open" ? (
            <Alert tone="warning" role="note">
              异常解除前，您申报时须确认只受聘于本单位并在本单位缴纳社保。
            </Alert>
          ) : null}
          {a.appeals.map((p) => (
            <div key={p.id} className="help">
              申辩（{APPEAL_STATUS[p.status]}）：{p.statement}
              {p.reply ? `；处理意见：${p.reply}` : ""}
            </div>
          ))}
          <AnomalyTimeline steps={a.events} />
          {a.status === "open" && !a.pending ? <AppealForm anomalyId={a.id} label={a.label} /> : null}
        </Card>
      ))}
    </>
  );
}
