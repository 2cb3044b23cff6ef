import Link from "next/link";
import { PageHead } from "@/components/shell/AppShell";
import { formatDateTime, orDash } from "@/components/ui/format";
import { Alert } from "@/components/ui/Alert";
import { ButtonLink } from "@/components/ui/Button";
import { Table } from "@/components/ui/Table";
import { PAGE_SIZE, Pagination, pageParam } from "@/components/ui/Pagination";
import { getDb } from "@/db/client";
import { applicantApplicationList } from "@/lib/queries/applicant-applications";
import { getTranslations } from "next-intl/server";
import { requireRole } from "@/lib/server/auth";
import { requestLocale } from "@/lib/server/locale";

export async function generateMetadata() {
  const t = await getTranslations("filing.list");
  return { title: t("metaTitle") };
}

/** 上报业务查询 (T2): 当前申报 (in progress, drafts) and 历史申报 (approved, rejected, withdrawn). */
export default async function ApplicationsPage({
  searchParams,
}: {
  searchParams: Promise<{ page?: string; tab?: string; deleted?: string }>;
}) {
  const user = await requireRole("applicant");
  const sp = await searchParams;
  const tab = sp.tab === "history" ? "history" : "current";
  const page = pageParam(sp.page);
  const [locale, t] = await Promise.all([requestLocale(), getTranslations("filing.list")]);
  const { rows, total } = await applicantApplicationList(getDb(), user.personId!, tab, page, PAGE_SIZE, locale);
  return (
    <>
      <PageHead title={t("title")} crumb={t("title")}>
        <ButtonLink href="/applicant/apply">{t("newApplication")}</ButtonLink>
      </PageHead>
      {sp.deleted === "1" ? (
        <Alert tone="success" className="mb-3">
          {t("deleted")}
        </Alert>
      ) : null}
      <section className="card">
        <nav className="ap-tabs" aria-label={t("tabs")}>
          <Link href="/applicant/applications" aria-current={tab === "current" ? "page" : undefined}>
            {t("current")}
          </Link>
          <Link href="/applicant/applications?tab=history" aria-current={tab === "history" ? "page" : undefined}>
            {t("history")}
          </Link>
        </nav>
        <Table
          rows={rows}
          rowKey={(a) => a.id}
          columns={[
            { header: t("acceptanceNo"), cell: (a) => orDash(a.acceptanceNo) },
            { header: t("type"), cell: (a) => a.typeLabel },
            {
              header: t("programSpecialty"),
              cell: (a) => `${a.programName}${a.specialtyName ? ` / ${a.specialtyName}` : ""}`,
            },
            { header: t("employer"), cell: (a) => orDash(a.employerName) },
            { header: t("authority"), cell: (a) => orDash(a.authorityName) },
            {
              header: t("status"),
              cell: (a) => (
                <span
                  className={`pill ${
                    a.status === "approved" ? "ok" : a.status === "rejected" || a.correctionRequested ? "bad" : "warn"
                  }`}
                >
                  {a.statusLabel}
                </span>
              ),
            },
            { header: t("createdAt"), cell: (a) => formatDateTime(a.createdAt), className: "nowrap" },
            { header: t("signedAt"), cell: (a) => formatDateTime(a.signedAt), className: "nowrap" },
            {
              header: t("actions"),
              className: "nowrap",
              cell: (a) => (
                <>
                  <Link href={`/applicant/applications/${a.id}`}>{t("progress")}</Link>
                  {a.status === "draft" || a.status === "returned" ? (
                    <>
                      {" · "}
                      <Link href={`/applicant/applications/${a.id}/edit`}>{t("continue")}</Link>
                    </>
                  ) : null}
                  {a.correctionRequested ? (
                    <>
                      {" · "}
                      <Link href={`/applicant/applications/${a.id}`}>{t("correction")}</Link>
                    </>
                  ) : null}
                </>
              ),
            },
          ]}
          empty={`${tab === "history" ? t("emptyHistory") : t("emptyCurrent")}${t("emptyHint")}`}
        />
        <Pagination
          page={page}
          total={total}
          href={(p) => `/applicant/applications?${tab === "history" ? "tab=history&" : ""}page=${p}`}
        />
      </section>
    </>
  );
}
