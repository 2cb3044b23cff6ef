import Link from "next/link";

const ENTRANCES = [
  { href: "/login/applicant", title: "个人登录", text: "注册人员办理初始、延续、变更、注销等注册业务，查询办理进度" },
  { href: "/login/employer", title: "单位登录", text: "聘用单位确认人员申报、查询已确认业务、维护单位信息" },
  { href: "/login/staff", title: "审批人员登录", text: "各级注册管理机构受理、审查、审批注册申请" },
  { href: "/login/staff", title: "管理员登录", text: "系统管理员维护用户账号、查看短信与审计日志" },
];

export default function HomePage() {
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
    </>
  );
}
