import { PageHead } from "@/components/shell/AppShell";
import { RecordEditor } from "@/components/applicant/RecordEditor";
import { getDb } from "@/db/client";
import { achievementsOf } from "@/lib/queries/applicant-records";
import { chinaDate } from "@/lib/server/clock";
import { requireRole } from "@/lib/server/auth";
import { achievementYearsWanted, missingAchievementYears } from "@/lib/domain/record-inputs";
import { removeRecord, saveRecord } from "../actions";

export const metadata = { title: "工作业绩 - 个人申报系统" };

export default async function AchievementsPage() {
  const user = await requireRole("applicant");
  const rows = await achievementsOf(getDb(), user.personId!);
  const today = chinaDate(new Date());
  const wanted = achievementYearsWanted(today);
  const missing = missingAchievementYears(
    rows.map((r) => r.year),
    today,
  );
  return (
    <>
      <PageHead title="工作业绩" crumb="各类业务申报 / 工作业绩填写" />
      <section className="card">
        <h2>主要工作业绩</h2>
        <p className="ap-muted mt-0">
          工作业绩应填写本人近三年（{wanted[0]}–{wanted[2]}年）的主要业绩，每年不少于一项。申请表按此处记录自动带出。
        </p>
        {missing.length ? (
          <p className="alert alert-warning" data-testid="missing-years">
            以下年度尚无工作业绩：{missing.map((y) => `${y}年`).join("、")}
            。请补充后再申报，否则申请表保存时将提示不完整。
          </p>
        ) : (
          <p className="alert alert-success" data-testid="missing-years">
            近三年（{wanted.join("、")}年）每年均已填写工作业绩。
          </p>
        )}
        <RecordEditor
          kind="achievement"
          noun="工作业绩"
          currentYear={Number(today.slice(0, 4))}
          defaults={{ year: String(missing[0] ?? wanted[2]) }}
          columns={["年度", "项目名称", "本人承担的工作", "业绩说明", "完成时间"]}
          rows={rows.map((r) => ({
            id: r.id,
            cells: [`${r.year}`, r.projectName, r.role ?? "", r.description ?? "", r.completedOn ?? ""],
            values: {
              year: String(r.year),
              projectName: r.projectName,
              role: r.role ?? "",
              description: r.description ?? "",
              completedOn: r.completedOn ?? "",
            },
          }))}
          fields={[
            { name: "year", label: "年度", type: "number", required: true },
            { name: "projectName", label: "项目名称", type: "text", required: true },
            { name: "role", label: "本人承担的工作", type: "text", required: true },
            { name: "completedOn", label: "完成时间", type: "date" },
            { name: "description", label: "业绩说明", type: "textarea" },
          ]}
          save={saveRecord}
          remove={removeRecord}
        />
      </section>
    </>
  );
}
