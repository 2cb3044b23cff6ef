import { getTranslations } from "next-intl/server";
import { PageHead } from "@/components/shell/AppShell";
import { RecordEditor } from "@/components/applicant/RecordEditor";
import { accountTitle, recordCheckMessages, recordEditorTexts } from "@/components/account/texts";
import { getDb } from "@/db/client";
import { getProgram } from "@/lib/domain/programs";
import { portraitProgramCode } from "@/lib/queries/applicant-applications";
import { ceTotals, continuingEducationOf } from "@/lib/queries/applicant-records";
import { chinaDate } from "@/lib/server/clock";
import { requireRole } from "@/lib/server/auth";
import { removeRecord, saveRecord } from "../actions";

export const generateMetadata = () => accountTitle("records.ce.title", "applicant");

export default async function EducationPage() {
  const user = await requireRole("applicant");
  const db = getDb();
  const [rows, programCode, t, sh] = await Promise.all([
    continuingEducationOf(db, user.personId!),
    portraitProgramCode(db, user.personId!),
    getTranslations("account"),
    getTranslations("shell"),
  ]);
  const program = getProgram(programCode);
  const totals = ceTotals(rows);
  const specialtyName = (code: string | null) =>
    code ? (program.specialties.find((s) => s.code === code)?.name ?? code) : t("records.ce.anySpecialty");
  const category = { required: t("records.ce.required"), elective: t("records.ce.elective") };
  const label = {
    trainingDate: t("records.ce.trainingDate"),
    category: t("records.ce.category"),
    hours: t("records.ce.hours"),
    courseName: t("records.ce.courseName"),
    specialty: t("records.ce.specialty"),
    provider: t("records.ce.provider"),
  };
  const yearly = {
    compulsory: program.extensionCe.compulsoryPerYear,
    elective: program.extensionCe.electivePerYear,
  };
  return (
    <>
      <PageHead title={t("records.ce.title")} crumb={t("records.ce.crumb")} />
      <section className="card">
        <h2>{t("records.ce.heading")}</h2>
        <p className="ap-muted mt-0">{t("records.ce.intro", { ...yearly, overdue: program.overdueCe.totalHours })}</p>
        <RecordEditor
          kind="ce"
          texts={recordEditorTexts(t, sh, "ce")}
          checks={recordCheckMessages(t)}
          currentYear={Number(chinaDate(new Date()).slice(0, 4))}
          defaults={{ programCode, category: "required", specialtyCode: "" }}
          columns={[
            label.trainingDate,
            label.category,
            label.hours,
            label.courseName,
            label.specialty,
            label.provider,
            t("records.ce.source"),
          ]}
          rows={rows.map((r) => ({
            id: r.id,
            cells: [
              r.trainingDate,
              category[r.category],
              String(r.hours),
              r.courseName ?? "",
              specialtyName(r.specialtyCode),
              r.provider,
              r.source === "ceca" ? t("records.ce.fromPlatform") : t("records.ce.ownEntry"),
            ],
            values: {
              category: r.category,
              hours: String(r.hours),
              courseName: r.courseName ?? "",
              trainingDate: r.trainingDate,
              provider: r.provider,
              specialtyCode: r.specialtyCode ?? "",
            },
            readOnly: r.source === "ceca" ? t("records.ce.platformReadOnly") : undefined,
          }))}
          fields={[
            { name: "trainingDate", label: label.trainingDate, type: "date", required: true },
            {
              name: "category",
              label: label.category,
              type: "select",
              required: true,
              options: [
                { value: "required", label: category.required },
                { value: "elective", label: category.elective },
              ],
            },
            { name: "hours", label: label.hours, type: "number", required: true },
            { name: "courseName", label: label.courseName, type: "text", required: true },
            {
              name: "specialtyCode",
              label: label.specialty,
              type: "select",
              options: [
                { value: "", label: t("records.ce.anySpecialty") },
                ...program.specialties.map((s) => ({ value: s.code, label: s.name })),
              ],
            },
            { name: "provider", label: label.provider, type: "text", required: true },
          ]}
          save={saveRecord}
          remove={removeRecord}
        />
      </section>
      <section className="card">
        <h2>{t("records.ce.totals")}</h2>
        {totals.years.length ? (
          <div className="table-wrap">
            <table className="table" data-testid="ce-totals">
              <thead>
                <tr>
                  <th>{t("records.ce.year")}</th>
                  <th>{t("records.ce.requiredHours")}</th>
                  <th>{t("records.ce.electiveHours")}</th>
                  <th>{t("records.ce.totalHours")}</th>
                  <th>{t("records.ce.met")}</th>
                </tr>
              </thead>
              <tbody>
                {totals.years.map((y) => {
                  const ok = y.required >= yearly.compulsory && y.elective >= yearly.elective;
                  return (
                    <tr key={y.year}>
                      <td>{y.year}</td>
                      <td>{y.required}</td>
                      <td>{y.elective}</td>
                      <td>{y.total}</td>
                      <td>
                        <span className={`pill ${ok ? "ok" : "warn"}`}>
                          {ok ? t("records.ce.yes") : t("records.ce.no", yearly)}
                        </span>
                      </td>
                    </tr>
                  );
                })}
                <tr>
                  <th>{t("records.ce.total")}</th>
                  <th>{totals.all.required}</th>
                  <th>{totals.all.elective}</th>
                  <th>{totals.all.total}</th>
                  <th />
                </tr>
              </tbody>
            </table>
          </div>
        ) : (
          <p className="empty">{t("records.ce.noHours")}</p>
        )}
      </section>
    </>
  );
}
