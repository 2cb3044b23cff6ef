import { deleteFaqAction } from "@/app/admin/site-actions";
import { ConfirmActionButton } from "@/components/admin/ConfirmActionButton";
import { FaqForm } from "@/components/admin/FaqForm";
import { PageHead } from "@/components/shell/AppShell";
import { getDb } from "@/db/client";
import { faqList } from "@/lib/queries/public-info";
import { requireRole } from "@/lib/server/auth";
import "@/components/review/review.css";

export const metadata = { title: "常见问题 - 系统管理" };

const DONE = { added: "已新增，网站“常见问题”中已可看到。", saved: "修改已保存。", deleted: "已删除。" } as const;

export default async function AdminFaqPage({ searchParams }: { searchParams: Promise<{ done?: string }> }) {
  await requireRole("admin");
  const { done } = await searchParams;
  const entries = await faqList(getDb());
  const categories = [...new Set(entries.map((e) => e.category))];
  const message = done && done in DONE ? DONE[done as keyof typeof DONE] : null;
  return (
    <>
      <PageHead title="常见问题" crumb="系统管理 / 网站内容" />
      {message ? (
        <div className="alert alert-success" role="status">
          {message}
        </div>
      ) : null}
      <section className="card" aria-labelledby="faq-new-title">
        <h2 id="faq-new-title">新增常见问题</h2>
        <FaqForm categories={categories} />
      </section>
      {entries.map((e) => (
        <section key={e.id} className="card" aria-label={e.question}>
          <details>
            <summary>
              <strong>{e.category}</strong>：{e.question}
            </summary>
            <FaqForm entry={e} categories={categories} />
            <ConfirmActionButton
              action={deleteFaqAction}
              fields={{ id: e.id }}
              label="删除"
              confirm={`确定删除“${e.question}”吗？`}
              danger
            />
          </details>
        </section>
      ))}
    </>
  );
}
