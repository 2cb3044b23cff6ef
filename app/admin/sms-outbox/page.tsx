import { notFound } from "next/navigation";
import { PageHead } from "@/components/shell/AppShell";
import { formatDateTime } from "@/components/ui/format";
import { getDb } from "@/db/client";
import { latestSmsOutbox } from "@/lib/queries/sms-outbox";
import { requireRole } from "@/lib/server/auth";
import { smsOutboxEnabled } from "@/lib/server/sms";

export const metadata = { title: "短信发件箱 - 系统管理" };

/** Only exists while the development SMS provider is in use (SMS_PROVIDER unset or "outbox"). */
export default async function SmsOutboxPage() {
  await requireRole("admin");
  if (!smsOutboxEnabled()) notFound();
  const rows = await latestSmsOutbox(getDb());
  return (
    <>
      <PageHead title="短信发件箱" crumb="系统管理 / 短信发件箱" />
      <div className="alert alert-info" style={{ marginBottom: 16 }}>
        当前未接入短信网关：系统发出的短信不会真正发送，而是记录在此（最近50条），供测试和演示使用。
      </div>
      <section className="card">
        {rows.length ? (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th style={{ width: "5em" }}>编号</th>
                  <th style={{ width: "9em" }}>手机号码</th>
                  <th>短信内容</th>
                  <th style={{ width: "11em" }}>时间</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((m) => (
                  <tr key={m.id}>
                    <td>{m.id}</td>
                    <td>{m.phone}</td>
                    <td>{m.body}</td>
                    <td>{formatDateTime(m.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="empty">暂无短信。</p>
        )}
      </section>
    </>
  );
}
