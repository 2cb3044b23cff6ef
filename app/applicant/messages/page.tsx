import { PageHead } from "@/components/shell/AppShell";
import { formatDateTime } from "@/components/ui/format";
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
            <button className="btn btn-secondary btn-sm" type="submit">
              全部标为已读
            </button>
          </form>
        ) : null}
      </PageHead>
      <section className="card">
        {rows.length ? (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th style={{ width: "9em" }}>状态</th>
                  <th>消息</th>
                  <th style={{ width: "11em" }}>时间</th>
                  <th style={{ width: "7em" }}>操作</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((m) => (
                  <tr key={m.id} className={m.readAt ? undefined : "unread"}>
                    <td>{m.readAt ? <span className="pill">已读</span> : <span className="pill bad">未读</span>}</td>
                    <td>
                      <div>{m.title}</div>
                      <div className="help" style={{ fontWeight: 400 }}>
                        {m.body}
                      </div>
                    </td>
                    <td>{formatDateTime(m.createdAt)}</td>
                    <td>
                      {m.readAt ? null : (
                        <form action={markRead}>
                          <input type="hidden" name="id" value={m.id} />
                          <button className="btn-link" type="submit">
                            标为已读
                          </button>
                        </form>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="empty">暂无消息。业务受理、补正、审批结果等通知将显示在这里。</p>
        )}
        <Pagination page={page} total={total} href={(p) => `/applicant/messages?page=${p}`} />
      </section>
    </>
  );
}
