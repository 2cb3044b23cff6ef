import { connection } from "next/server";
import { BarChart, MonthChart } from "@/components/review/charts";
import { PageHead } from "@/components/shell/AppShell";
import { getDb } from "@/db/client";
import { STATUTORY_REVIEW_WORKING_DAYS } from "@/lib/domain/programs";
import { authorityStats } from "@/lib/queries/review-stats";
import { requireRole } from "@/lib/server/auth";
import { chinaDate } from "@/lib/server/clock";

export const metadata = { title: "统计 - 审批管理系统" };

function CountTable({ caption, rows }: { caption: string; rows: { label: string; count: number }[] }) {
  return (
    <table className="table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{caption.replace(/^按/, "")}</th>
          <th scope="col">件数</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.label}>
            <td>{r.label}</td>
            <td>{r.count}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** 统计 of the reviewer's own authority (never another's). */
export default async function ReviewStatsPage() {
  await connection();
  const user = await requireRole("reviewer");
  const s = await authorityStats(getDb(), user.authorityId!, chinaDate(new Date()));
  return (
    <>
      <PageHead title="统计" crumb="注册审批 / 统计" />
      <section className="card" aria-labelledby="stats-summary">
        <h2 id="stats-summary">概况</h2>
        <dl className="stat-tiles">
          <div>
            <dt>申请总数</dt>
            <dd data-testid="stat-total">{s.total}</dd>
          </div>
          <div>
            <dt>办理中（待受理、审查中）</dt>
            <dd data-testid="stat-in-progress">{s.inProgress}</dd>
          </div>
          <div>
            <dt>超过办理时限</dt>
            <dd data-testid="stat-overdue">{s.overdue}</dd>
          </div>
          <div>
            <dt>办结用时中位数</dt>
            <dd data-testid="stat-median">{s.medianDaysToDecision === null ? "—" : `${s.medianDaysToDecision} 天`}</dd>
          </div>
        </dl>
        <p className="help">
          办理时限按各注册项目审批层级的工作日计算（未另行规定的为{STATUTORY_REVIEW_WORKING_DAYS}
          个工作日，自申报之日起算，补正期间不计）；办结用时中位数统计已办结的
          {s.decidedCount} 件，自申报至办结的自然日。
        </p>
      </section>
      <section className="card" aria-labelledby="stats-month">
        <h2 id="stats-month">近12个月申报与办结</h2>
        <MonthChart title="近12个月申报与办结" data={s.byMonth} />
        <table className="table">
          <caption className="visually-hidden">近12个月申报与办结件数</caption>
          <thead>
            <tr>
              <th scope="col">月份</th>
              {s.byMonth.map((m) => (
                <th key={m.month} scope="col">
                  {m.month}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">申报</th>
              {s.byMonth.map((m) => (
                <td key={m.month}>{m.submitted}</td>
              ))}
            </tr>
            <tr>
              <th scope="row">办结</th>
              {s.byMonth.map((m) => (
                <td key={m.month}>{m.decided}</td>
              ))}
            </tr>
          </tbody>
        </table>
      </section>
      <div className="stats-columns">
        <section className="card" aria-labelledby="stats-type">
          <h2 id="stats-type">按申请事项</h2>
          <BarChart title="按申请事项" data={s.byType} />
          <CountTable caption="按申请事项" rows={s.byType} />
        </section>
        <section className="card" aria-labelledby="stats-status">
          <h2 id="stats-status">按办理状态</h2>
          <BarChart title="按办理状态" data={s.byStatus} />
          <CountTable caption="按办理状态" rows={s.byStatus} />
        </section>
      </div>
    </>
  );
}
