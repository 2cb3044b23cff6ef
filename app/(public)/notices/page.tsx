import type { Metadata } from "next";
import Form from "next/form";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { formatDate } from "@/components/public/dates";
import { Card } from "@/components/ui/Card";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { Pagination, pageParam } from "@/components/ui/Pagination";
import { Table } from "@/components/ui/Table";
import { getDb } from "@/db/client";
import { announcementPage } from "@/lib/queries/public-announcements";
import { firstValue } from "@/lib/queries/review-queues";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("public");
  return { title: t("titleSuffix", { title: t("notices.heading") }) };
}
const PAGE_SIZE = 15;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function NoticesPage({ searchParams }: Props) {
  const sp = await searchParams;
  const q = firstValue(sp.q)?.slice(0, 40) ?? "";
  const page = pageParam(sp.page);
  const [{ rows, total }, t] = await Promise.all([
    announcementPage(getDb(), { q, page, pageSize: PAGE_SIZE }),
    getTranslations("public.notices"),
  ]);
  return (
    <Card>
      <h1>{t("heading")}</h1>
      <Form action="/notices" className="toolbar">
        <Field name="q" label={t("search")} inputProps={{ defaultValue: q, maxLength: 40 }} />
        <Button type="submit">{t("submit")}</Button>
      </Form>
      <Table
        rows={rows}
        rowKey={(r) => r.id}
        columns={[
          { header: t("title"), cell: (r) => <Link href={`/notices/${r.id}`}>{r.title}</Link> },
          { header: t("published"), cell: (r) => formatDate(r.publishedAt), className: "nowrap" },
        ]}
        empty={q ? t("noMatch") : t("none")}
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
