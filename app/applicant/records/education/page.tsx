import { PageHead } from "@/components/shell/AppShell";
import { RecordEditor } from "@/components/applicant/RecordEditor";
import { getDb } from "@/db/client";
import { getProgram } from "@/lib/domain/programs";
import { portraitProgramCode } from "@/lib/queries/applicant-applications";
import { ceTotals, continuingEducationOf } from "@/lib/queries/applicant-records";
import { chinaDate } from "@/lib/server/clock";
import { requireRole } from "@/lib/server/auth";
import { CE_CATEGORY_LABELS } from "@/lib/domain/record-inputs";
import { removeRecord, saveRecord } from "../actions";

export const metadata = { title: "继续教育 - 个人申报系统" };

export default async function EducationPage() {
  const user = await requireRole("applicant");
  const db = getDb();
  const [rows, programCode] = await Promise.all([
    continuingEducationOf(db, user.personId!),
    portraitProgramCode(db, user.personId!),
  ]);
  const program = getProgram(programCode);
  const totals = ceTotals(rows);
  const specialtyName = (code: string | null) =>
    code ? (program.specialties.find((s) => s.code === code)?.name ?? code) : "各专业通用";
  return (
    <>
      <PageHead title="继续教育" crumb="各类业务申报 / 继续教育填写" />
      <section className="card">
        <h2>继续教育学时</h2>
        <p className="ap-muted mt-0">
          填写每年参加继续教育的课程和学时。在继续教育平台参加的学习由系统自动关联，无需填写（不能修改）。延续注册须每年完成必修
          {program.extensionCe.compulsoryPerYear} 学时、选修 {program.extensionCe.electivePerYear}{" "}
          学时；逾期初始注册须在规定期限内完成 {program.overdueCe.totalHours} 学时。
        </p>
        <RecordEditor
          kind="ce"
          noun="继续教育记录"
          currentYear={Number(chinaDate(new Date()).slice(0, 4))}
          defaults={{ programCode, category: "required", specialtyCode: "" }}
          columns={["培训日期", "类别", "学时", "课程名称", "专业", "培训机构", "来源"]}
          rows={rows.map((r) => ({
            id: r.id,
            cells: [
              r.trainingDate,
              CE_CATEGORY_LABELS[r.category],
              String(r.hours),
              r.courseName ?? "",
              specialtyName(r.specialtyCode),
              r.provider,
              r.source === "ceca" ? "平台关联" : "本人填写",
            ],
            values: {
              category: r.category,
              hours: String(r.hours),
              courseName: r.courseName ?? "",
              trainingDate: r.trainingDate,
              provider: r.provider,
              specialtyCode: r.specialtyCode ?? "",
            },
            readOnly: r.source === "ceca" ? "平台关联，不可修改" : undefined,
          }))}
          fields={[
            { name: "trainingDate", label: "培训日期", type: "date", required: true },
            {
              name: "category",
              label: "类别",
              type: "select",
              required: true,
              options: [
                { value: "required", label: "必修" },
                { value: "elective", label: "选修" },
              ],
            },
            { name: "hours", label: "学时", type: "number", required: true },
            { name: "courseName", label: "课程名称", type: "text", required: true },
            {
              name: "specialtyCode",
              label: "专业",
              type: "select",
              options: [
                { value: "", label: "各专业通用" },
                ...program.specialties.map((s) => ({ value: s.code, label: s.name })),
              ],
            },
            { name: "provider", label: "培训机构", type: "text", required: true },
          ]}
          save={saveRecord}
          remove={removeRecord}
        />
      </section>
      <section className="card">
        <h2>学时汇总</h2>
        {totals.years.length ? (
          <div className="table-wrap">
            <table className="table" data-testid="ce-totals">
              <thead>
                <tr>
                  <th>年度</th>
                  <th>必修（学时）</th>
                  <th>选修（学时）</th>
                  <th>合计（学时）</th>
                  <th>是否达到年度要求</th>
                </tr>
              </thead>
              <tbody>
                {totals.years.map((t) => {
                  const ok =
                    t.required >= program.extensionCe.compulsoryPerYear &&
                    t.elective >= program.extensionCe.electivePerYear;
                  return (
                    <tr key={t.year}>
                      <td>{t.year}</td>
                      <td>{t.required}</td>
                      <td>{t.elective}</td>
                      <td>{t.total}</td>
                      <td>
                        <span className={`pill ${ok ? "ok" : "warn"}`}>
                          {ok
                            ? "已达到"
                            : `未达到（须必修${program.extensionCe.compulsoryPerYear}、` +
                              `选修${program.extensionCe.electivePerYear}）`}
                        </span>
                      </td>
                    </tr>
                  );
                })}
                <tr>
                  <th>合计</th>
                  <th>{totals.all.required}</th>
                  <th>{totals.all.elective}</th>
                  <th>{totals.all.total}</th>
                  <th />
                </tr>
              </tbody>
            </table>
          </div>
        ) : (
          <p className="empty">暂无继续教育学时。</p>
        )}
      </section>
    </>
  );
}
