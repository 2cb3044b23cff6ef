import { getTranslations } from "next-intl/server";
import { PageHead } from "@/components/shell/AppShell";
import { RecordEditor } from "@/components/applicant/RecordEditor";
import { accountTitle, recordCheckMessages, recordEditorTexts } from "@/components/account/texts";
import { getDb } from "@/db/client";
import { achievementsOf } from "@/lib/queries/applicant-records";
import { chinaDate } from "@/lib/server/clock";
import { requireRole } from "@/lib/server/auth";
import { achievementYearsWanted, missingAchievementYears } from "@/lib/domain/record-inputs";
import { removeRecord, saveRecord } from "../actions";

export const generateMetadata = () => accountTitle("records.achievement.title", "applicant");

export default async function AchievementsPage() {
  const user = await requireRole("applicant");
  const [rows, t, sh] = await Promise.all([
    achievementsOf(getDb(), user.personId!),
    getTranslations("account"),
    getTranslations("shell"),
  ]);
  const today = chinaDate(new Date());
  const wanted = achievementYearsWanted(today);
  const missing = missingAchievementYears(
    rows.map((r) => r.year),
    today,
  );
  // Years go in as text: ICU would group a number's digits (2,025).
  const years = (list: number[], each: (y: number) => string) =>
    list.map(each).join(t("records.achievement.yearSeparator"));
  const label = {
    year: t("records.achievement.yearLabel"),
    projectName: t("records.achievement.projectName"),
    role: t("records.achievement.role"),
    description: t("records.achievement.description"),
    completedOn: t("records.achievement.completedOn"),
  };
  return (
    <>
      <PageHead title={t("records.achievement.title")} crumb={t("records.achievement.crumb")} />
      <section className="card">
        <h2>{t("records.achievement.heading")}</h2>
        <p className="ap-muted mt-0">
          {t("records.achievement.intro", { from: String(wanted[0]), to: String(wanted[2]) })}
        </p>
        {missing.length ? (
          <p className="alert alert-warning" data-testid="missing-years">
            {t("records.achievement.missing", {
              years: years(missing, (year) => t("records.achievement.year", { year: String(year) })),
            })}
          </p>
        ) : (
          <p className="alert alert-success" data-testid="missing-years">
            {t("records.achievement.complete", { years: years(wanted, String) })}
          </p>
        )}
        <RecordEditor
          kind="achievement"
          texts={recordEditorTexts(t, sh, "achievement")}
          checks={recordCheckMessages(t)}
          currentYear={Number(today.slice(0, 4))}
          defaults={{ year: String(missing[0] ?? wanted[2]) }}
          columns={[label.year, label.projectName, label.role, label.description, label.completedOn]}
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
            { name: "year", label: label.year, type: "number", required: true },
            { name: "projectName", label: label.projectName, type: "text", required: true },
            { name: "role", label: label.role, type: "text", required: true },
            { name: "completedOn", label: label.completedOn, type: "date" },
            { name: "description", label: label.description, type: "textarea" },
          ]}
          save={saveRecord}
          remove={removeRecord}
        />
      </section>
    </>
  );
}
