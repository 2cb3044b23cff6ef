import type { Metadata } from "next";
import { connection } from "next/server";
import { getDb } from "@/db/client";
import { authorityContacts } from "@/lib/queries/public-info";

export const metadata: Metadata = { title: "联系方式 - 执业注册平台" };

export default async function ContactsPage() {
  await connection();
  const list = await authorityContacts(getDb());
  return (
    <section className="card">
      <h1>联系方式</h1>
      <p className="help">办理中的问题请先咨询受理您申请的注册管理机构。</p>
      <div className="contacts">
        {list.map((a) => (
          <section key={a.id} className="card" aria-labelledby={`contact-${a.id}`}>
            <h2 id={`contact-${a.id}`}>{a.name}</h2>
            <dl>
              <dt>咨询电话</dt>
              <dd>{a.phone ?? "暂未公布"}</dd>
              <dt>咨询时间</dt>
              <dd>{a.hours ?? "暂未公布"}</dd>
              <dt>办公地址</dt>
              <dd>{a.address ?? "暂未公布"}</dd>
            </dl>
          </section>
        ))}
      </div>
    </section>
  );
}
