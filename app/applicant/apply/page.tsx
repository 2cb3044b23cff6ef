import Link from "next/link";
import { PageHead } from "@/components/shell/AppShell";
import { StartButton } from "@/components/applicant/StartButton";
import { getDb } from "@/db/client";
import { eligibility, type EligibilityOption, type Reason } from "@/lib/domain/eligibility";
import { getProgram } from "@/lib/domain/programs";
import { APPLICATION_TYPES } from "@/lib/domain/types";
import { applicantApplication, personProgramCodes } from "@/lib/queries/applicant-applications";
import { chinaDate } from "@/lib/server/clock";
import { requireRole } from "@/lib/server/auth";
import { applicantSnapshot } from "@/lib/queries/applicant-wizard";
import { getTranslations } from "next-intl/server";
import { requestLocale } from "@/lib/server/locale";
import type { Locale } from "@/lib/i18n/locales";
import { itemText, programName, reasonText, specialtyText, typeText } from "@/lib/i18n/filing";
import type { Program } from "@/lib/domain/programs";
import { startApplication } from "./actions";

export async function generateMetadata() {
  const t = await getTranslations("filing.apply");
  return { title: t("metaTitle") };
}

type Texts = Awaited<ReturnType<typeof getTranslations<"filing.apply">>>;

function Option({ o, program, locale, t }: { o: EligibilityOption; program: Program; locale: Locale; t: Texts }) {
  const programCode = program.code;
  const label = itemText(
    locale,
    typeText(locale, o.type),
    o.specialty ? specialtyText(locale, program, o.specialty) : null,
  );
  const say = (r: Reason) => reasonText(locale, program, r);
  const input = { programCode, type: o.type, specialtyCode: o.specialty };
  return (
    <div className="ap-option" data-testid="apply-option" data-type={o.type} data-allowed={o.allowed ? "yes" : "no"}>
      <div>
        {o.allowed ? (
          o.type === "info_change" ? (
            <div className="ap-inline">
              <StartButton
                label={t("basicChange")}
                busyLabel={t("starting")}
                input={{ ...input, infoChangeKind: "basic" }}
                start={startApplication}
              />
              <StartButton
                label={t("importantChange")}
                busyLabel={t("starting")}
                input={{ ...input, infoChangeKind: "important" }}
                start={startApplication}
              />
            </div>
          ) : (
            <StartButton label={label} busyLabel={t("starting")} input={input} start={startApplication} />
          )
        ) : (
          <button
            type="button"
            className="btn btn-sm"
            disabled
            aria-describedby={`why-${programCode}-${o.type}-${o.specialty ?? "x"}`}
          >
            {label}
          </button>
        )}
      </div>
      <div id={`why-${programCode}-${o.type}-${o.specialty ?? "x"}`}>
        {o.allowed ? (
          <span className="pill ok">{t("allowed")}</span>
        ) : (
          <span className="pill bad">{t("notAllowed")}</span>
        )}
        {o.reasons.length ? (
          <ul className="reasons">
            {o.reasons.map((r) => (
              <li key={r.message}>{r.rule === "" ? t("seeAbove") : say(r)}</li>
            ))}
          </ul>
        ) : null}
        {o.notes.length ? (
          <ul className="notes">
            {o.notes.map((r) => (
              <li key={r.message}>{say(r)}</li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}

export default async function ApplyPage() {
  const user = await requireRole("applicant");
  const db = getDb();
  const personId = user.personId!;
  const today = chinaDate(new Date());
  const [locale, t] = await Promise.all([requestLocale(), getTranslations("filing.apply")]);
  const codes = await personProgramCodes(db, personId);
  const reports = await Promise.all(
    codes.map(async (code) => {
      const program = getProgram(code);
      const report = eligibility(await applicantSnapshot(db, personId, code), program, today);
      const blocking = report.blocking ? await applicantApplication(db, personId, report.blocking.id, locale) : null;
      return { program, report, blocking };
    }),
  );
  return (
    <>
      <PageHead title={t("title")} crumb={t("crumb")} />
      <p className="ap-muted mt-0">{t("intro")}</p>
      {reports.length === 0 ? (
        <section className="card">
          <p className="empty">{t("none")}</p>
        </section>
      ) : null}
      {reports.map(({ program, report, blocking }) => {
        // Reasons every option shares (photo missing, an application in flight …) are said once, above the list.
        // Person-level reasons (G2 in flight, G3 employer, G4 photo, G7 suspended) repeat on many options: said once.
        const seen = new Map<string, { rule: string; message: string; n: number }>();
        for (const o of report.options)
          for (const r of o.reasons)
            if (["G2", "G3", "G4", "G7"].includes(r.rule))
              seen.set(r.message, { ...r, n: (seen.get(r.message)?.n ?? 0) + 1 });
        const common = [...seen.values()].filter((r) => r.n >= 2);
        const commonSet = new Set(common.map((r) => r.message));
        return (
          <section className="card" key={program.code} data-testid={`program-${program.code}`}>
            <h2>{programName(locale, program)}</h2>
            {blocking ? (
              <div className="alert alert-warning mb-3" data-testid="blocking">
                {t("blocking", {
                  item: itemText(locale, blocking.typeText, blocking.specialtyText),
                  status: blocking.statusLabel,
                  acceptance: blocking.app.acceptanceNo ? t("acceptanceNo", { no: blocking.app.acceptanceNo }) : "",
                })}{" "}
                <Link href={`/applicant/applications/${blocking.app.id}`}>{t("viewBlocking")}</Link>
              </div>
            ) : null}
            {common.filter((r) => r.rule !== "G2").length ? (
              <div className="alert alert-error mb-3">
                <ul className="alert-list">
                  {common
                    .filter((r) => r.rule !== "G2")
                    .map((r) => (
                      <li key={r.message}>
                        {reasonText(locale, program, r)}
                        {r.rule === "G4" || r.rule === "G3" ? (
                          <>
                            {" "}
                            <Link href="/applicant/profile/edit">{t("completeProfile")}</Link>
                          </>
                        ) : null}
                      </li>
                    ))}
                </ul>
              </div>
            ) : null}
            <div className="ap-options">
              {APPLICATION_TYPES.map((type) => {
                const options = report.options.filter((o) => o.type === type);
                if (options.length === 0) return null;
                return (
                  <div key={type}>
                    <h3 className="mt-3 mb-0">{typeText(locale, type)}</h3>
                    {options.map((o) => (
                      <Option
                        key={`${o.type}-${o.specialty}`}
                        program={program}
                        locale={locale}
                        t={t}
                        o={{
                          ...o,
                          reasons: o.reasons.filter((r) => !commonSet.has(r.message)).length
                            ? o.reasons.filter((r) => !commonSet.has(r.message))
                            : o.reasons.length
                              ? [{ rule: "", message: "见上方提示。" }]
                              : [],
                        }}
                      />
                    ))}
                  </div>
                );
              })}
            </div>
          </section>
        );
      })}
      <p className="ap-muted">
        {t.rich("records", {
          work: (c) => <Link href="/applicant/records/work">{c}</Link>,
          achievements: (c) => <Link href="/applicant/records/achievements">{c}</Link>,
          education: (c) => <Link href="/applicant/records/education">{c}</Link>,
        })}
      </p>
    </>
  );
}
