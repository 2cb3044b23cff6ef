import { notFound } from "next/navigation";
import { PageHead } from "@/components/shell/AppShell";
import { Card } from "@/components/ui/Card";
import { formatDateTime } from "@/components/ui/format";
import { Alert } from "@/components/ui/Alert";
import { Table } from "@/components/ui/Table";
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
      <Alert tone="info" className="mb-4">
        当前未接入短信网关：系统发出的短信不会真正发送，而是记录在此（最近50条），供测试和演示使用。
      </Alert>
      <Card>
        <Table
          rows={rows}
          rowKey={(m) => String(m.id)}
          columns={[
            { header: "编号", cell: (m) => m.id, width: "5em" },
            { header: "手机号码", cell: (m) => m.phone, width: "9em" },
            { header: "短信内容", cell: (m) => m.body },
            { header: "时间", cell: (m) => formatDateTime(m.createdAt), width: "11em" },
          ]}
          empty="暂无短信。"
        />
      </Card>
    </>
  );
}
