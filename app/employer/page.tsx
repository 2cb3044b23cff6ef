import { ButtonLink } from "@/components/ui/Button";
import { notFound } from "next/navigation";
import { PageHead } from "@/components/shell/AppShell";
import { orDash } from "@/components/ui/format";
import { getDb } from "@/db/client";
import { employerHome } from "@/lib/queries/home-pages";
import { EMPLOYER_KIND_LABELS, type EmployerKind } from "@/lib/domain/types";
import { requireRole } from "@/lib/server/auth";

export const metadata = { title: "单位信息 - 企业管理系统" };

export default async function EmployerHome() {
  const user = await requireRole("employer");
  const { employer: e, staffCount, registeredCount } = await employerHome(getDb(), user.employerId!);
  if (!e) notFound();
  const facts: [string, string | null][] = [
    ["单位名称", e.name],
    ["统一社会信用代码", e.uscc],
    ["单位类型", EMPLOYER_KIND_LABELS[e.kind as EmployerKind] ?? e.kind],
    ["资质证书号", e.qualificationCertNo],
    ["联系电话", e.contactPhone],
    ["单位地址", e.address],
  ];
  return (
    <>
      <PageHead title="单位信息" crumb="企业管理系统 / 单位信息" />
      <div className="stats mb-4">
        <div className="stat">
          <span className="num">{staffCount}</span>
          <span className="lbl">本单位人员</span>
        </div>
        <div className="stat">
          <span className="num">{registeredCount}</span>
          <span className="lbl">在本单位注册</span>
        </div>
      </div>
      <section className="card">
        <h2>单位基本信息</h2>
        <dl className="facts">
          {facts.map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{orDash(v)}</dd>
            </div>
          ))}
        </dl>
        <p className="help mt-3">单位名称等信息以登记信息为准；如有变更，请按规定办理单位名称变更。</p>
        <p>
          <ButtonLink variant="secondary" href="/employer/name-change">
            办理单位名称变更
          </ButtonLink>
        </p>
      </section>
    </>
  );
}
