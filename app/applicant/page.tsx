import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHead } from "@/components/shell/AppShell";
import { formatDateTime } from "@/components/ui/format";
import { getDb } from "@/db/client";
import { applicantApplications, applicantProfile, userMessages } from "@/lib/queries/applicant";
import { requireRole } from "@/lib/server/auth";
import { chinaDate } from "@/lib/server/clock";

export async function generateMetadata() {
  const t = await getTranslations("applicant");
  return { title: t("pageTitle", { page: t("menu.home") }) };
}

export default async function ApplicantHome() {
  const user = await requireRole("applicant");
  const db = getDb();
  const [profile, apps, msgs, t, d] = await Promise.all([
    applicantProfile(db, user.personId!, user.locale),
    applicantApplications(db, user.personId!, 1, 5, user.locale),
    userMessages(db, user.id, 1, 5),
    getTranslations("applicant"),
    getTranslations("domain"),
  ]);
  const unread = msgs.rows.filter((m) => !m.readAt).length;
  const todayChina = chinaDate(new Date());
  return (
    <>
      <PageHead
        title={t("home.greeting", { name: user.name })}
        crumb={t("crumb", { group: t("system"), page: t("menu.home") })}
      />
      <div className="stats mb-4">
        <div className="stat">
          <span className="num">{profile?.qualifications.length ?? 0}</span>
          <span className="lbl">{t("home.stats.qualifications")}</span>
        </div>
        <div className="stat">
          <span className="num">{profile?.registrations.filter((r) => r.status === "active").length ?? 0}</span>
          <span className="lbl">{t("home.stats.activeRegistrations")}</span>
        </div>
        <div className="stat">
          <span className="num">{apps.total}</span>
          <span className="lbl">{t("home.stats.applications")}</span>
        </div>
        <div className="stat">
          <span className="num">{unread}</span>
          <span className="lbl">{t("home.stats.unread")}</span>
        </div>
      </div>
      {profile?.registrations.length ? (
        <section className="card">
          <h2>{t("home.registrations")}</h2>
          <ul>
            {profile.registrations.map((r) => (
              <li key={r.id}>
                {t("home.registrationLine", {
                  program: r.specialtyName
                    ? t("home.programWithSpecialty", { program: r.programName, specialty: r.specialtyName })
                    : r.programName,
                  registrationNo: r.registrationNo,
                  validTo: r.validTo,
                  status: d(`registrationStatus.${r.status}`),
                })}
                {r.status === "active" && r.daysToExpiry >= 0 ? (
                  <div
                    className={r.daysToExpiry <= 30 ? "alert alert-warning" : "help"}
                    data-testid="registration-expiry"
                  >
                    {t("home.daysToExpiry", { days: r.daysToExpiry })}
                    {r.extensionOpensOn <= todayChina
                      ? t("home.extensionOpen")
                      : t("home.extensionOpensOn", { date: r.extensionOpensOn })}
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section className="card">
        <h2>{t("home.recent")}</h2>
        {apps.rows.length ? (
          <ul>
            {apps.rows.map((a) => (
              <li key={a.id}>
                {d(`type.${a.type}`)} · {a.programName} · {d(`status.${a.status}`)} · {formatDateTime(a.createdAt)}
              </li>
            ))}
          </ul>
        ) : (
          <p className="help">{t("home.noApplications")}</p>
        )}
        <Link href="/applicant/applications">{t("home.allApplications")}</Link>
      </section>
      <section className="card">
        <h2>{t("home.tips")}</h2>
        <ul>
          <li>{t("home.tipProfile")}</li>
          <li>{t("home.tipIdle")}</li>
        </ul>
      </section>
    </>
  );
}
