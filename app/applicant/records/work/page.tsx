import { PageHead } from "@/components/shell/AppShell";
import { RecordEditor } from "@/components/applicant/RecordEditor";
import { getDb } from "@/db/client";
import { workExperiencesOf } from "@/lib/queries/applicant-records";
import { chinaDate } from "@/lib/server/clock";
import { requireRole } from "@/lib/server/auth";
import { removeRecord, saveRecord } from "../actions";

export const metadata = { title: "工作经历 - 个人申报系统" };

export default async function WorkExperiencePage() {
  const user = await requireRole("applicant");
  const rows = await workExperiencesOf(getDb(), user.personId!);
  return (
    <>
      <PageHead title="工作经历" crumb="各类业务申报 / 工作经历填写" />
      <section className="card">
        <h2>从事造价工作经历</h2>
        <p className="ap-muted mt-0">
          填写本人从事造价（或本专业）工作的经历。申请初始注册、延续注册时，申请表的“从事工作经历”按此处记录自动带出，带出后仍可在申请表中修改。
        </p>
        <RecordEditor
          kind="work"
          noun="工作经历"
          currentYear={Number(chinaDate(new Date()).slice(0, 4))}
          columns={["起始时间", "终止时间", "工作单位", "从事工作及职务", "主要工作内容"]}
          rows={rows.map((r) => ({
            id: r.id,
            cells: [r.startDate, r.endDate ?? "至今", r.organization, r.position ?? "", r.duties ?? ""],
            values: {
              startDate: r.startDate,
              endDate: r.endDate ?? "",
              organization: r.organization,
              position: r.position ?? "",
              duties: r.duties ?? "",
            },
          }))}
          fields={[
            { name: "startDate", label: "起始时间", type: "date", required: true },
            { name: "endDate", label: "终止时间", type: "date", help: "仍在职请留空（至今）。" },
            { name: "organization", label: "工作单位", type: "text", required: true },
            { name: "position", label: "从事工作及职务", type: "text", required: true },
            { name: "duties", label: "主要工作内容", type: "textarea" },
          ]}
          save={saveRecord}
          remove={removeRecord}
        />
      </section>
    </>
  );
}
