import { DecideAppealForm } from "@/components/appeals/DecideAppealForm";
import { FlagAnomalyForm } from "@/components/appeals/FlagAnomalyForm";
import { Alert } from "@/components/ui/Alert";
import { Card } from "@/components/ui/Card";
import { formatDateTime } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/PageHeader";
import { getDb } from "@/db/client";
import { pendingAppeals } from "@/lib/queries/appeals";
import { requireRole } from "@/lib/server/auth";

export const metadata = { title: "异常与申辩 - 审批管理系统" };

const DONE: Record<string, string> = {
  flagged: "已标记异常，申请人已收到通知。",
  accepted: "已采纳申辩，异常已解除，申请人已收到通知。",
  dismissed: "已不采纳申辩，异常保留，申请人已收到通知。",
};

/** 异常与申辩 (G6, T3): flag 社保异常 / 人员查重异常 on a person, and decide the appeals people filed. */
export default async function ReviewAppealsPage({ searchParams }: { searchParams: Promise<{ done?: string }> }) {
  const user = await requireRole("reviewer");
  const { done } = await searchParams;
  const appeals = await pendingAppeals(getDb(), user.authorityId!);
  return (
    <>
      <PageHeader title="异常与申辩" crumb="注册审批 / 异常与申辩" />
      {done && DONE[done] ? <Alert tone="success">{DONE[done]}</Alert> : null}
      <Card title="待处理的申辩">
        {appeals.length === 0 ? <p>目前没有待处理的申辩。</p> : null}
        {appeals.map((a) => (
          <section key={a.id} className="card" data-testid="pending-appeal">
            <h3>
              {a.personName}（{a.idNumber}）— {a.label}
            </h3>
            <p>异常情况：{a.reason}</p>
            <p>
              申辩理由：{a.statement}（{formatDateTime(a.createdAt)}）
            </p>
            {a.proofFileId ? (
              <p>
                <a href={`/files/${a.proofFileId}`} target="_blank" rel="noreferrer">
                  查看证明材料
                </a>
              </p>
            ) : null}
            <DecideAppealForm appealId={a.id} personName={a.personName} />
          </section>
        ))}
      </Card>
      <Card title="标记人员异常">
        <FlagAnomalyForm />
      </Card>
    </>
  );
}
