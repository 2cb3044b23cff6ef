import { AnnouncementForm } from "@/components/admin/AnnouncementForm";
import { PageHead } from "@/components/shell/AppShell";
import { requireRole } from "@/lib/server/auth";
import "@/components/review/review.css";

export const metadata = { title: "发布通知公告 - 系统管理" };

export default async function NewNoticePage() {
  await requireRole("admin");
  return (
    <>
      <PageHead title="发布通知公告" crumb="系统管理 / 通知公告" />
      <section className="card">
        <AnnouncementForm />
      </section>
    </>
  );
}
