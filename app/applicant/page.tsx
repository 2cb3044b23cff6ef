import Link from "next/link";
import { PageHead } from "@/components/shell/AppShell";
import { formatDateTime } from "@/components/ui/format";
import { getDb } from "@/db/client";
import { APPLICATION_TYPE_LABELS } from "@/lib/domain/application-types";
import { STATUS_LABELS } from "@/lib/domain/transitions";
import { applicantApplications, applicantProfile, userMessages } from "@/lib/queries/applicant";
import { REGISTRATION_STATUS_LABELS } from "@/lib/queries/labels";
import { requireRole } from "@/lib/server/auth";
import { chinaDate } from "@/lib/server/clock";

export const metadata = { title: "首页 - 个人申报系统" };

export default async function ApplicantHome() {
  const user = await requireRole("applicant");
  const db = getDb();
  const [profile, apps, msgs] = await Promise.all([
    applicantProfile(db, user.personId!),
    applicantApplications(db, user.personId!, 1, 5),
    userMessages(db, user.id, 1, 5),
  ]);
  const unread = msgs.rows.filter((m) => !m.readAt).length;
  const todayChina = chinaDate(new Date());
  return (
    <>
      <PageHead title={`您好，${user.name}`} crumb="个人申报系统 / 首页" />
      <div className="stats mb-4">
        <div className="stat">
          <span className="num">{profile?.qualifications.length ?? 0}</span>
          <span className="lbl">资格证书</span>
        </div>
        <div className="stat">
          <span className="num">{profile?.registrations.filter((r) => r.status === "active").length ?? 0}</span>
          <span className="lbl">有效注册</span>
        </div>
        <div className="stat">
          <span className="num">{apps.total}</span>
          <span className="lbl">上报业务</span>
        </div>
        <div className="stat">
          <span className="num">{unread}</span>
          <span className="lbl">未读消息</span>
        </div>
      </div>
      {profile?.registrations.length ? (
        <section className="card">
          <h2>我的注册</h2>
          <ul>
            {profile.registrations.map((r) => (
              <li key={r.id}>
                {r.programName}
                {r.specialtyName ? `（${r.specialtyName}）` : ""} 注册证书 {r.registrationNo}，有效期至 {r.validTo}，
                {REGISTRATION_STATUS_LABELS[r.status]}
                {r.status === "active" && r.daysToExpiry >= 0 ? (
                  <div
                    className={r.daysToExpiry <= 30 ? "alert alert-warning" : "help"}
                    data-testid="registration-expiry"
                  >
                    距有效期届满还有 {r.daysToExpiry} 天。
                    {r.extensionOpensOn <= todayChina
                      ? "现已可以申请延续注册。"
                      : `延续注册自 ${r.extensionOpensOn} 起可以申请。`}
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section className="card">
        <h2>最近上报业务</h2>
        {apps.rows.length ? (
          <ul>
            {apps.rows.map((a) => (
              <li key={a.id}>
                {APPLICATION_TYPE_LABELS[a.type]} · {a.programName} · {STATUS_LABELS[a.status]} ·{" "}
                {formatDateTime(a.createdAt)}
              </li>
            ))}
          </ul>
        ) : (
          <p className="help">暂无上报业务。需办理注册业务时，请使用左侧“各类业务申报 / 新增注册申请”。</p>
        )}
        <Link href="/applicant/applications">查看全部上报业务 →</Link>
      </section>
      <section className="card">
        <h2>办理提示</h2>
        <ul>
          <li>
            首次办理业务前，请先在“基本信息查看”中核对个人信息；手机号码和通讯地址可在“基本信息修改”中直接修改，其他信息请办理信息变更。
          </li>
          <li>为保障账号安全，30分钟无操作将自动退出登录。</li>
        </ul>
      </section>
    </>
  );
}
