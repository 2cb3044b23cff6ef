import { getTranslations } from "next-intl/server";
import { PageHead } from "@/components/shell/AppShell";
import { RecordEditor } from "@/components/applicant/RecordEditor";
import { accountTitle, recordCheckMessages, recordEditorTexts } from "@/components/account/texts";
import { getDb } from "@/db/client";
import { workExperiencesOf } from "@/lib/queries/applicant-records";
import { chinaDate } from "@/lib/server/clock";
import { requireRole } from "@/lib/server/auth";
import { removeRecord, saveRecord } from "../actions";

export const generateMetadata = () => accountTitle("records.work.title", "applicant");

export default async function WorkExperiencePage() {
  const user = await requireRole("applicant");
  const [rows, t, sh] = await Promise.all([
    workExperiencesOf(getDb(), user.personId!),
    getTranslations("account"),
    getTranslations("shell"),
  ]);
  const label = {
    startDate: t("records.work.startDate"),
    endDate: t("records.work.endDate"),
    organization: t("records.work.organization"),
    position: t("records.work.position"),
    duties: t("records.work.duties"),
  };
  return (
    <>
      <PageHead title={t("records.work.title")} crumb={t("records.work.crumb")} />
      <section className="card">
        <h2>{t("records.work.heading")}</h2>
        <p className="ap-muted mt-0">{t("records.work.intro")}</p>
        <RecordEditor
          kind="work"
          texts={recordEditorTexts(t, sh, "work")}
          checks={recordCheckMessages(t)}
          currentYear={Number(chinaDate(new Date()).slice(0, 4))}
          columns={[label.startDate, label.endDate, label.organization, label.position, label.duties]}
          rows={rows.map((r) => ({
            id: r.id,
            cells: [
              r.startDate,
              r.endDate ?? t("records.work.ongoing"),
              r.organization,
              r.position ?? "",
              r.duties ?? "",
            ],
            values: {
              startDate: r.startDate,
              endDate: r.endDate ?? "",
              organization: r.organization,
              position: r.position ?? "",
              duties: r.duties ?? "",
            },
          }))}
          fields={[
            { name: "startDate", label: label.startDate, type: "date", required: true },
            { name: "endDate", label: label.endDate, type: "date", help: t("records.work.endDateHelp") },
            { name: "organization", label: label.organization, type: "text", required: true },
            { name: "position", label: label.position, type: "text", required: true },
            { name: "duties", label: label.duties, type: "textarea" },
          ]}
          save={saveRecord}
          remove={removeRecord}
        />
      </section>
    </>
  );
}
