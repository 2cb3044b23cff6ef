import { PageHead } from "@/components/shell/AppShell";
import { formatDateTime } from "@/components/ui/format";
import { Button } from "@/components/ui/Button";
import { Table } from "@/components/ui/Table";
import { PAGE_SIZE, Pagination, pageParam } from "@/components/ui/Pagination";
import { getDb } from "@/db/client";
import { userMessages } from "@/lib/queries/applicant";
import { requireRole } from "@/lib/server/auth";
import { markRead } from "./actions";

export const metadata = { title: "我的消息 - 个人申报系统" };

export default async function MessagesPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const user = await requireRole("applicant");
  const page = pageParam((await searchParams).page);
  const { rows, total } = await userMessages(getDb(), user.id, page, PAGE_SIZE);
  const hasUnread = rows.some((m) => !m.readAt);
  return (
    <>
      <PageHead title="我的消息" crumb="我的消息">
        {hasUnread ? (
          <form action={markRead}>
            <input type="hidden" name="all" value="1" />
            <Button variant="secondary" size="sm" type="submit">
              全部标为已读
            </Button>
          </form>
        ) : null}
      </PageHead>
      <section className="card">
        <Table
          rows={rows}
          rowKey={(m) => m.id}
          rowClassName={(m) => (m.readAt ? undefined : "unread")}
          columns={[
            {
              header: "状态",
              cell: (m) => (m.readAt ? <span className="pill">已读</span> : <span className="pill bad">未读</span>),
              width: "9em",
            },
            {
              header: "消息",
              cell: (m) => (
                <>
                  <div>{m.title}</div>
                  <div className="help message-body">{m.body}</div>
                </>
              ),
            },
            { header: "时间", cell: (m) => formatDateTime(m.createdAt), width: "11em" },
            {
              header: "操作",
              width: "7em",
              cell: (m) =>
                m.readAt ? null : (
                  <form action={markRead}>
                    <input type="hidden" name="id" value={m.id} />
                    <Button variant="link" type="submit">
                      标为已读
                    </Button>
                  </form>
                ),
            },
          ]}
          empty="暂无消息。业务受理、补正、审批结果等通知将显示在这里。"
        />
        <Pagination page={page} total={total} href={(p) => `/applicant/messages?page=${p}`} />
      </section>
    </>
  );
}
