import Link from "next/link";
import { PageHead } from "@/components/shell/AppShell";
import { Card } from "@/components/ui/Card";
import { formatDateTime, orDash } from "@/components/ui/format";
import { Alert } from "@/components/ui/Alert";
import { Table } from "@/components/ui/Table";
import { NoticeForm } from "@/components/review/NoticeForm";
import { getDb } from "@/db/client";
import { addDays } from "@/lib/domain/dates";
import { authorityNotices, unlistedPublicized } from "@/lib/queries/review-notices";
import { requireRole } from "@/lib/server/auth";
import { chinaDate } from "@/lib/server/clock";

export const metadata = { title: "公示公告 - 审批管理系统" };

export default async function ReviewNoticesPage({ searchParams }: { searchParams: Promise<{ done?: string }> }) {
  const user = await requireRole("reviewer");
  const q = await searchParams;
  const db = getDb();
  const [list, candidates] = await Promise.all([
    authorityNotices(db, user.authorityId!),
    unlistedPublicized(db, user.authorityId!),
  ]);
  return (
    <>
      <PageHead title="公示公告" crumb="注册审批 / 公示公告" />
      {q.done === "published" ? (
        <Alert tone="success" className="mb-4">
          公示已发布。公示期满后，请在各申请的审查办理页面办理“公示期满办结”。
        </Alert>
      ) : null}
      <Card title="发布公示">
        {candidates.length ? (
          <NoticeForm candidates={candidates} defaultEndsOn={addDays(chinaDate(new Date()), 7)} />
        ) : (
          <p className="help">
            暂无待列入公示的申请。在申请的审查办理页面办理“公示”后，申请会出现在这里，可批量发布公示。
          </p>
        )}
      </Card>
      <Card title="已发布的公示">
        <Table
          testId="notices-table"
          rows={list}
          rowKey={(n) => n.id}
          columns={[
            {
              header: "标题",
              cell: (n) => (
                <>
                  {n.title}
                  {n.body ? <div className="help">{n.body}</div> : null}
                </>
              ),
            },
            { header: "发布时间", cell: (n) => formatDateTime(n.publishedAt), className: "nowrap" },
            { header: "公示截止", cell: (n) => orDash(n.endsOn), className: "nowrap" },
            { header: "人数", cell: (n) => n.items },
            { header: "名单", cell: (n) => orDash(n.names) },
          ]}
          empty="本机构尚未发布公示。"
        />
        <p className="help">
          查看公示中的申请请到 <Link href="/review/reviewing?status=publicized">审查中（公示中）</Link>。
        </p>
      </Card>
    </>
  );
}
