import { PageHead } from "@/components/shell/AppShell";
import { orDash } from "@/components/ui/format";
import { getDb } from "@/db/client";
import { reviewHome } from "@/lib/queries/home-pages";
import { APPLICATION_STATUSES } from "@/lib/domain/types";
import { STATUS_LABELS } from "@/lib/domain/transitions";
import { requireRole } from "@/lib/server/auth";

export const metadata = { title: "首页 - 审批管理系统" };

const LEVEL_LABELS = {
  provincial: "省级注册管理机构",
  ministry: "国务院住房和城乡建设主管部门",
  hk_route: "香港地区受理机构",
  association: "行业协会",
} as const;
const SHOWN = [
  "pending_acceptance",
  "correction_requested",
  "under_review",
  "publicized",
  "approved",
  "rejected",
] as const;

export default async function ReviewHome() {
  const user = await requireRole("reviewer");
  const { authority, countsByStatus: byStatus } = await reviewHome(getDb(), user.authorityId!);
  const others = APPLICATION_STATUSES.filter((s) => !(SHOWN as readonly string[]).includes(s)).reduce(
    (sum, s) => sum + (byStatus.get(s) ?? 0),
    0,
  );
  return (
    <>
      <PageHead title={orDash(authority?.name)} crumb="审批管理系统 / 首页" />
      <section className="card">
        <h2>本机构业务统计</h2>
        <div className="stats" data-testid="status-counts">
          {SHOWN.map((s) => (
            <div className="stat" key={s}>
              <span className="num">{byStatus.get(s) ?? 0}</span>
              <span className="lbl">{STATUS_LABELS[s]}</span>
            </div>
          ))}
          <div className="stat">
            <span className="num">{others}</span>
            <span className="lbl">其他状态</span>
          </div>
        </div>
      </section>
      <section className="card">
        <h2>机构信息</h2>
        <dl className="facts">
          <div>
            <dt>机构名称</dt>
            <dd>{orDash(authority?.name)}</dd>
          </div>
          <div>
            <dt>机构层级</dt>
            <dd>{authority ? LEVEL_LABELS[authority.level] : "—"}</dd>
          </div>
          <div>
            <dt>联系电话</dt>
            <dd>{orDash(authority?.contactPhone)}</dd>
          </div>
          <div>
            <dt>当前用户</dt>
            <dd>{user.name}</dd>
          </div>
        </dl>
      </section>
    </>
  );
}
