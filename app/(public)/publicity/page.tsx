import type { Metadata } from "next";
import Form from "next/form";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
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

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("public");
  return { title: t("titleSuffix", { title: t("publicity.heading") }) };
}
const PAGE_SIZE = 15;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PublicityListPage({ searchParams }: Props) {
  const sp = await searchParams;
  const q = firstValue(sp.q)?.slice(0, 40) ?? "";
  const authority = firstValue(sp.authority) ?? "";
  const page = pageParam(sp.page);
  const db = getDb();
  const [{ rows, total }, authorities, t] = await Promise.all([
    publicityPage(db, { q, authority, page, pageSize: PAGE_SIZE }),
    publicityAuthorities(db),
    getTranslations("public.publicity"),
  ]);
  const params = (p: number) =>
    new URLSearchParams({ ...(q ? { q } : {}), ...(authority ? { authority } : {}), page: String(p) });
  return (
    <Card>
      <h1>{t("heading")}</h1>
      <p className="help">{t("intro")}</p>
      <Form action="/publicity" className="toolbar">
        <Field name="q" label={t("search")} inputProps={{ defaultValue: q, maxLength: 40 }} />
        <Field name="authority" label={t("authority")}>
          {(c) => (
            <Select
              {...c}
              options={authorities.map((a) => ({ value: a.id, label: a.name }))}
              placeholder={t("all")}
              defaultValue={authority}
            />
          )}
        </Field>
        <Button type="submit">{t("submit")}</Button>
      </Form>
      <Table
        rows={rows}
        rowKey={(r) => r.id}
        columns={[
          { header: t("title"), cell: (r) => <Link href={`/publicity/${r.id}`}>{r.title}</Link> },
          { header: t("authority"), cell: (r) => r.authorityName },
          { header: t("people"), cell: (r) => r.items },
          {
            header: t("period"),
            cell: (r) => t("periodValue", { from: formatDate(r.publishedAt), to: r.endsOn ?? "—" }),
            className: "nowrap",
          },
        ]}
        empty={q || authority ? t("noMatch") : t("none")}
      />
      <Pagination page={page} total={total} pageSize={PAGE_SIZE} href={(p) => `/publicity?${params(p)}`} />
    </Card>
  );
}
