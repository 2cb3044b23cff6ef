import type { Metadata } from "next";
import Form from "next/form";
import Link from "next/link";
import { formatDate } from "@/components/public/dates";
import { Card } from "@/components/ui/Card";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { Pagination, pageParam } from "@/components/ui/Pagination";
import { Table } from "@/components/ui/Table";
import { getDb } from "@/db/client";
import { announcementPage } from "@/lib/queries/public-announcements";
import { firstValue } from "@/lib/queries/review-queues";

export const metadata: Metadata = { title: "通知公告 - 执业注册平台" };
const PAGE_SIZE = 15;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function NoticesPage({ searchParams }: Props) {
  const sp = await searchParams;
  const q = firstValue(sp.q)?.slice(0, 40) ?? "";
  const page = pageParam(sp.page);
  const { rows, total } = await announcementPage(getDb(), { q, page, pageSize: PAGE_SIZE });
  return (
    <Card>
      <h1>通知公告</h1>
      <Form action="/notices" className="toolbar">
        <Field name="q" label="标题或内容" inputProps={{ defaultValue: q, maxLength: 40 }} />
        <Button type="submit">查询</Button>
      </Form>
      <Table
        rows={rows}
        rowKey={(r) => r.id}
        columns={[
          { header: "标题", cell: (r) => <Link href={`/notices/${r.id}`}>{r.title}</Link> },
          { header: "发布日期", cell: (r) => formatDate(r.publishedAt), className: "nowrap" },
        ]}
        empty={q ? "没有符合条件的通知公告，请换个关键词再查。" : "暂无通知公告。"}
      />
      <Pagination
        page={page}
        total={total}
        pageSize={PAGE_SIZE}
        href={(p) => `/notices?${new URLSearchParams({ ...(q ? { q } : {}), page: String(p) })}`}
      />
    </Card>
  );
}
