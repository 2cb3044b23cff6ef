import Link from "next/link";
import { PageHead } from "@/components/shell/AppShell";
import { formatDateTime, orDash } from "@/components/ui/format";
import { Alert } from "@/components/ui/Alert";
import { ButtonLink } from "@/components/ui/Button";
import { Table } from "@/components/ui/Table";
import { PAGE_SIZE, Pagination, pageParam } from "@/components/ui/Pagination";
import { getDb } from "@/db/client";
import { applicantApplicationList } from "@/lib/queries/applicant-applications";
import { requireRole } from "@/lib/server/auth";

export const metadata = { title: "上报业务查询 - 个人申报系统" };

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
  const { rows, total } = await applicantApplicationList(getDb(), user.personId!, tab, page, PAGE_SIZE);
  return (
    <>
      <PageHead title="上报业务查询" crumb="上报业务查询">
        <ButtonLink href="/applicant/apply">新增注册申请</ButtonLink>
      </PageHead>
      {sp.deleted === "1" ? (
        <Alert tone="success" className="mb-3">
          申请已删除。
        </Alert>
      ) : null}
      <section className="card">
        <nav className="ap-tabs" aria-label="申报分类">
          <Link href="/applicant/applications" aria-current={tab === "current" ? "page" : undefined}>
            当前申报
          </Link>
          <Link href="/applicant/applications?tab=history" aria-current={tab === "history" ? "page" : undefined}>
            历史申报
          </Link>
        </nav>
        <Table
          rows={rows}
          rowKey={(a) => a.id}
          columns={[
            { header: "受理编号", cell: (a) => orDash(a.acceptanceNo) },
            { header: "业务类型", cell: (a) => a.typeLabel },
            {
              header: "注册项目 / 专业",
              cell: (a) => `${a.programName}${a.specialtyName ? ` / ${a.specialtyName}` : ""}`,
            },
            { header: "聘用单位", cell: (a) => orDash(a.employerName) },
            { header: "办理机构", cell: (a) => orDash(a.authorityName) },
            {
              header: "当前状态",
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
            { header: "填报时间", cell: (a) => formatDateTime(a.createdAt), className: "nowrap" },
            { header: "个人签名时间", cell: (a) => formatDateTime(a.signedAt), className: "nowrap" },
            {
              header: "操作",
              className: "nowrap",
              cell: (a) => (
                <>
                  <Link href={`/applicant/applications/${a.id}`}>查看审核进度</Link>
                  {a.status === "draft" || a.status === "returned" ? (
                    <>
                      {" · "}
                      <Link href={`/applicant/applications/${a.id}/edit`}>继续填写</Link>
                    </>
                  ) : null}
                  {a.correctionRequested ? (
                    <>
                      {" · "}
                      <Link href={`/applicant/applications/${a.id}`}>补正</Link>
                    </>
                  ) : null}
                </>
              ),
            },
          ]}
          empty={`${tab === "history" ? "暂无历史申报（已办结、不予注册、已撤回的申请显示在这里）。" : "暂无正在办理的申请。"}办理注册业务请点击“新增注册申请”。`}
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
