import { PageHead } from "@/components/shell/AppShell";
import { ReviewerForm } from "@/components/admin/ReviewerForm";
import { getDb } from "@/db/client";
import { AUTHORITY_LEVEL_LABELS, listAuthorities } from "@/lib/queries/admin";
import { requireRole } from "@/lib/server/auth";
import { createReviewerAction } from "../actions";

export const metadata = { title: "新建审批人员 - 系统管理" };

export default async function NewReviewerPage() {
  await requireRole("admin");
  const authorities = (await listAuthorities(getDb())).filter((a) => !a.disabled);
  return (
    <>
      <PageHead title="新建审批人员" crumb="系统管理 / 用户管理 / 新建审批人员" />
      <section className="card">
        <ReviewerForm
          action={createReviewerAction}
          authorities={authorities.map((a) => ({ id: a.id, label: `${a.name}（${AUTHORITY_LEVEL_LABELS[a.level]}）` }))}
        />
      </section>
    </>
  );
}
