import type { Metadata } from "next";
import Form from "next/form";
import Link from "next/link";
import { formatDate } from "@/components/public/dates";
import { Card } from "@/components/ui/Card";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { Select } from "@/components/ui/Select";
import { Pagination, pageParam } from "@/components/ui/Pagination";
import { Table } from "@/components/ui/Table";
import { getDb } from "@/db/client";
import { publicityAuthorities, publicityPage } from "@/lib/queries/public-publicity";
import { firstValue } from "@/lib/queries/review-queues";

export const metadata: Metadata = { title: "公示公告 - 执业注册平台" };
const PAGE_SIZE = 15;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PublicityListPage({ searchParams }: Props) {
  const sp = await searchParams;
  const q = firstValue(sp.q)?.slice(0, 40) ?? "";
  const authority = firstValue(sp.authority) ?? "";
  const page = pageParam(sp.page);
  const db = getDb();
  const [{ rows, total }, authorities] = await Promise.all([
    publicityPage(db, { q, authority, page, pageSize: PAGE_SIZE }),
    publicityAuthorities(db),
  ]);
  const params = (p: number) =>
    new URLSearchParams({ ...(q ? { q } : {}), ...(authority ? { authority } : {}), page: String(p) });
  return (
    <Card>
      <h1>公示公告</h1>
      <p className="help">各注册管理机构对注册审查结果的公示。公示期内对公示结果有异议的，请向发布机构反映。</p>
      <Form action="/publicity" className="toolbar">
        <Field name="q" label="标题或受理编号" inputProps={{ defaultValue: q, maxLength: 40 }} />
        <Field name="authority" label="发布机构">
          {(c) => (
            <Select
              {...c}
              options={authorities.map((a) => ({ value: a.id, label: a.name }))}
              placeholder="全部"
              defaultValue={authority}
            />
          )}
        </Field>
        <Button type="submit">查询</Button>
      </Form>
      <Table
        rows={rows}
        rowKey={(r) => r.id}
        columns={[
          { header: "公示标题", cell: (r) => <Link href={`/publicity/${r.id}`}>{r.title}</Link> },
          { header: "发布机构", cell: (r) => r.authorityName },
          { header: "人数", cell: (r) => r.items },
          { header: "公示期", cell: (r) => `${formatDate(r.publishedAt)} 至 ${r.endsOn ?? "—"}`, className: "nowrap" },
        ]}
        empty={q || authority ? "没有符合条件的公示，请调整查询条件。" : "暂无公示。"}
      />
      <Pagination page={page} total={total} pageSize={PAGE_SIZE} href={(p) => `/publicity?${params(p)}`} />
    </Card>
  );
}
