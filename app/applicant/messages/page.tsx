import { getTranslations } from "next-intl/server";
import { PageHead } from "@/components/shell/AppShell";
import { pagerTexts } from "@/components/shell/texts";
import { formatDateTime } from "@/components/ui/format";
import { Button } from "@/components/ui/Button";
import { Table } from "@/components/ui/Table";
import { PAGE_SIZE, Pagination, pageParam } from "@/components/ui/Pagination";
import { getDb } from "@/db/client";
import { userMessages } from "@/lib/queries/applicant";
import { requireRole } from "@/lib/server/auth";
import { markRead } from "./actions";

export async function generateMetadata() {
  const t = await getTranslations("applicant");
  return { title: t("pageTitle", { page: t("menu.messages") }) };
}

/** 我的消息: each message is shown in the language it was written in (the reader's, when it was written). */
export default async function MessagesPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const user = await requireRole("applicant");
  const page = pageParam((await searchParams).page);
  const [{ rows, total }, t, pager] = await Promise.all([
    userMessages(getDb(), user.id, page, PAGE_SIZE),
    getTranslations("applicant"),
    pagerTexts(),
  ]);
  const hasUnread = rows.some((m) => !m.readAt);
  return (
    <>
      <PageHead title={t("menu.messages")} crumb={t("menu.messages")}>
        {hasUnread ? (
          <form action={markRead}>
            <input type="hidden" name="all" value="1" />
            <Button variant="secondary" size="sm" type="submit">
              {t("messages.markAllRead")}
            </Button>
          </form>
        ) : null}
      </PageHead>
      <section className="card">
        <Table
          rows={rows}
          rowKey={(m) => m.id}
          rowClassName={(m) => (m.readAt ? undefined : "unread")}
          columns={[
            {
              header: t("messages.status"),
              cell: (m) =>
                m.readAt ? (
                  <span className="pill">{t("messages.read")}</span>
                ) : (
                  <span className="pill bad">{t("messages.unread")}</span>
                ),
              width: "9em",
            },
            {
              header: t("messages.message"),
              cell: (m) => (
                <>
                  <div>{m.title}</div>
                  <div className="help message-body">{m.body}</div>
                </>
              ),
            },
            { header: t("messages.time"), cell: (m) => formatDateTime(m.createdAt), width: "11em" },
            {
              header: t("messages.actions"),
              width: "7em",
              cell: (m) =>
                m.readAt ? null : (
                  <form action={markRead}>
                    <input type="hidden" name="id" value={m.id} />
                    <Button variant="link" type="submit">
                      {t("messages.markRead")}
                    </Button>
                  </form>
                ),
            },
          ]}
          empty={t("messages.empty")}
        />
        <Pagination page={page} total={total} href={(p) => `/applicant/messages?page=${p}`} texts={pager} />
      </section>
    </>
  );
}
