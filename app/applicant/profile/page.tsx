import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHead } from "@/components/shell/AppShell";
import { orDash } from "@/components/ui/format";
import { getDb } from "@/db/client";
import { EMPLOYER_KIND_LABELS, ID_DOCUMENT_TYPE_LABELS, type EmployerKind } from "@/lib/domain/types";
import { applicantProfile } from "@/lib/queries/applicant";
import { GENDER_LABELS, REGISTRATION_STATUS_LABELS } from "@/lib/queries/labels";
import { requireRole } from "@/lib/server/auth";

export const metadata = { title: "基本信息查看 - 个人申报系统" };

function Facts({ items }: { items: [string, string | number | null | undefined][] }) {
  return (
    <dl className="facts">
      {items.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{orDash(v)}</dd>
        </div>
      ))}
    </dl>
  );
}

export default async function ProfilePage() {
  const user = await requireRole("applicant");
  const profile = await applicantProfile(getDb(), user.personId!);
  if (!profile) notFound();
  const { person: p, employer: e } = profile;
  return (
    <>
      <PageHead title="基本信息查看" crumb="信息查询 / 基本信息查看">
        <Link className="btn btn-secondary" href="/applicant/profile/edit">
          修改手机号码、通讯地址
        </Link>
      </PageHead>
      <section className="card">
        <h2>个人基本信息</h2>
        <Facts
          items={[
            ["姓名", p.name],
            ["性别", GENDER_LABELS[p.gender]],
            ["出生日期", p.birthDate],
            ["证件类型", ID_DOCUMENT_TYPE_LABELS[p.idType]],
            ["证件号码", p.idNumber],
            ["手机号码", p.phone],
            ["通讯地址", p.address],
            ["电子邮箱", p.email],
            ["学历", p.education],
            ["学位", p.degree],
            ["毕业院校", p.school],
            ["所学专业", p.major],
            ["毕业时间", p.graduationDate],
            ["专业技术职务", p.title],
            ["专业工作年限", p.yearsOfExperience === null ? null : `${p.yearsOfExperience}年`],
          ]}
        />
      </section>
      <section className="card">
        <h2>聘用单位</h2>
        {e ? (
          <Facts
            items={[
              ["单位名称", e.name],
              ["统一社会信用代码", e.uscc],
              ["单位类型", EMPLOYER_KIND_LABELS[e.kind as EmployerKind] ?? e.kind],
              ["资质证书号", e.qualificationCertNo],
              ["单位地址", e.address],
              ["聘用开始时间", p.employmentStart],
            ]}
          />
        ) : (
          <p className="empty">暂无聘用单位信息。</p>
        )}
      </section>
      <section className="card">
        <h2>资格证书</h2>
        {profile.qualifications.length ? (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th>注册项目</th>
                  <th>专业</th>
                  <th>资格证书管理号</th>
                  <th>证书编号</th>
                  <th>批准日期</th>
                  <th>取得方式</th>
                </tr>
              </thead>
              <tbody>
                {profile.qualifications.map((q) => (
                  <tr key={q.id}>
                    <td>{q.programName}</td>
                    <td>{orDash(q.specialtyName)}</td>
                    <td>{q.managementNo}</td>
                    <td>{orDash(q.certificateNo)}</td>
                    <td>{q.approvalDate}</td>
                    <td>{q.obtainedBy}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="empty">暂无资格证书信息。</p>
        )}
      </section>
      <section className="card">
        <h2>注册信息</h2>
        {profile.registrations.length ? (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th>注册项目</th>
                  <th>专业</th>
                  <th>注册证书编号</th>
                  <th>执业印章号</th>
                  <th>注册单位</th>
                  <th>有效期</th>
                  <th>状态</th>
                </tr>
              </thead>
              <tbody>
                {profile.registrations.map((r) => (
                  <tr key={r.id}>
                    <td>{r.programName}</td>
                    <td>{orDash(r.specialtyName)}</td>
                    <td>{r.registrationNo}</td>
                    <td>{r.sealNo}</td>
                    <td>{r.employerName}</td>
                    <td>
                      {r.validFrom} 至 {r.validTo}
                    </td>
                    <td>
                      <span className={`pill ${r.status === "active" ? "ok" : "warn"}`}>
                        {REGISTRATION_STATUS_LABELS[r.status]}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="empty">尚未注册。取得资格证书后可通过“各类业务申报”办理初始注册。</p>
        )}
      </section>
      <p className="help">姓名、证件号码等信息如需更正，请办理信息变更业务。</p>
    </>
  );
}
