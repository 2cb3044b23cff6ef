import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatDate } from "@/components/public/dates";
import { getDb } from "@/db/client";
import { publicityDetail } from "@/lib/queries/public-publicity";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const n = await publicityDetail(getDb(), (await params).id);
  return { title: `${n?.title ?? "公示公告"} - 执业注册平台` };
}

export default async function PublicityPage({ params }: Props) {
  const n = await publicityDetail(getDb(), (await params).id);
  if (!n) notFound();
  return (
    <article className="card">
      <p className="article-meta">
        <Link href="/publicity">公示公告</Link> / 正文
      </p>
      <h1>{n.title}</h1>
      <p className="article-meta">
        发布机构：{n.authorityName}　公示期：{formatDate(n.publishedAt)} 至 {n.endsOn ?? "—"}
      </p>
      {n.body ? <div className="article">{n.body}</div> : null}
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">公示名单（共 {n.items.length} 人）</caption>
          <thead>
            <tr>
              <th scope="col">序号</th>
              <th scope="col">姓名</th>
              <th scope="col">证件号码</th>
              <th scope="col">受理编号</th>
              <th scope="col">注册项目</th>
              <th scope="col">申请事项</th>
              <th scope="col">聘用单位</th>
              <th scope="col">审查结果</th>
            </tr>
          </thead>
          <tbody>
            {n.items.map((i, idx) => (
              <tr key={i.acceptanceNo ?? idx}>
                <td>{idx + 1}</td>
                <td>{i.name}</td>
                <td className="nowrap">{i.idNumber}</td>
                <td className="nowrap">{i.acceptanceNo ?? "—"}</td>
                <td>
                  {i.program}
                  {i.specialty ? `（${i.specialty}）` : ""}
                </td>
                <td>{i.type}</td>
                <td>{i.employerName ?? "—"}</td>
                <td>{i.outcome}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="help">共 {n.items.length} 人。为保护个人信息，姓名和证件号码已部分隐去。</p>
    </article>
  );
}
