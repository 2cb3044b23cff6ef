import Link from "next/link";
import { connection } from "next/server";
import { NewsList } from "@/components/public/NewsList";
import { getDb } from "@/db/client";
import { latestAnnouncements } from "@/lib/queries/public-announcements";
import { latestPublicity } from "@/lib/queries/public-publicity";

const ENTRANCES = [
  { href: "/login/applicant", title: "个人登录", text: "注册人员办理初始、延续、变更、注销等注册业务，查询办理进度" },
  { href: "/login/employer", title: "单位登录", text: "聘用单位确认人员申报、查询已确认业务、维护单位信息" },
  { href: "/login/staff", title: "审批人员登录", text: "各级注册管理机构受理、审查、审批注册申请" },
  { href: "/login/staff", title: "管理员登录", text: "系统管理员维护用户账号、查看短信与审计日志" },
];

export default async function HomePage() {
  await connection();
  const db = getDb();
  const [news, publicity] = await Promise.all([latestAnnouncements(db, 6), latestPublicity(db, 6)]);
  return (
    <>
      <section className="hero">
        <h1>执业注册网上办理</h1>
        <p>注册造价工程师（一级、二级）、一级注册建筑师、勘察设计注册工程师</p>
      </section>
      <nav className="entrances" aria-label="登录入口">
        {ENTRANCES.map((e) => (
          <Link key={e.title} href={e.href} className="entrance">
            <strong>{e.title}</strong>
            <span>{e.text}</span>
          </Link>
        ))}
      </nav>
      <section className="verify-banner" aria-label="证书查验">
        <div>
          <strong>注册证书查验</strong>
          <div className="help">输入证书编号或扫描电子证书二维码，核验注册证书的真实性与有效状态。</div>
        </div>
        <Link className="btn btn-secondary" href="/verify">
          证书查验
        </Link>
      </section>
      <div className="home-columns">
        <section className="card" aria-labelledby="home-notices">
          <h2 id="home-notices">通知公告</h2>
          <NewsList
            items={news.map((n) => ({ href: `/notices/${n.id}`, title: n.title, when: n.publishedAt }))}
            empty="暂无通知公告。"
          />
          <Link className="more-link" href="/notices">
            更多通知公告
          </Link>
        </section>
        <section className="card" aria-labelledby="home-publicity">
          <h2 id="home-publicity">公示公告</h2>
          <NewsList
            items={publicity.map((n) => ({ href: `/publicity/${n.id}`, title: n.title, when: n.publishedAt }))}
            empty="暂无公示。"
          />
          <Link className="more-link" href="/publicity">
            更多公示公告
          </Link>
        </section>
        <section className="card" aria-labelledby="home-guide">
          <h2 id="home-guide">办事服务</h2>
          <ul className="news-list">
            <li>
              <Link href="/guide">办事指南</Link>
              <span className="when">各类注册业务的条件、材料、流程与时限</span>
            </li>
            <li>
              <Link href="/faq">常见问题</Link>
              <span className="when">填报、签名、领证等问题解答</span>
            </li>
            <li>
              <Link href="/contacts">联系方式</Link>
              <span className="when">各注册管理机构咨询电话与地址</span>
            </li>
          </ul>
        </section>
      </div>
    </>
  );
}
