import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHead } from "@/components/shell/AppShell";
import { orDash } from "@/components/ui/format";
import { getDb } from "@/db/client";
import { EMPLOYER_KIND_LABELS, type EmployerKind } from "@/lib/domain/types";
import { applicantProfile } from "@/lib/queries/applicant";
import { requireRole } from "@/lib/server/auth";

export async function generateMetadat() {
  const t = await getTranslations("applicant");
  return { title: t("pageTitle", { page: t("menu.profile") }) };
}

/** 取得方式 is stored as the Chinese word; the two known ones are named in the reader's language. */
const OBTAINED_BY = { 考试: "obtainedByExam", 互认: "obtainedByMutual" } as const;

function Facts({ items }: { items: [string, string | number | null | undefined][] }) {
  return (
    <dl className="facts">
      {items.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{orDash(v)}</dd>
        </div>
      ))}
    </dl>
  );
}

export default async function ProfilePage() {
  const user = await requireRole("applicant");
  const [profile, t, d] = await Promise.all([
    applicantProfile(getDb(), user.personId!, user.locale),
    getTranslations("applicant"),
    getTranslations("domain"),
  ]);
  if (!profile) notFound();
  const { person: p, employer: e } = profile;
  const kind = e ? (e.kind in EMPLOYER_KIND_LABELS ? d(`employerKind.${e.kind as EmployerKind}`) : e.kind) : null;
  const obtainedBy = (v: string) => (v in OBTAINED_BY ? t(`profile.${OBTAINED_BY[v as keyof typeof OBTAINED_BY]}`) : v);
  return (
    <>
      <PageHead title={t("menu.profile")} crumb={t("crumb", { group: t("menu.infoGroup"), page: t("menu.profile") })}>
        <Link className="btn btn-secondary" href="/applicant/profile/edit">
          {t("profile.editContact")}
        </Link>
      </PageHead>
      <section className="card">
        <h2>{t("profile.personal")}</h2>
        <Facts
          items={[
            [t("profile.name"), p.name],
            [t("profile.gender"), d(`gender.${p.gender}`)],
            [t("profile.birthDate"), p.birthDate],
            [t("profile.idType"), d(`idType.${p.idType}`)],
            [t("profile.idNumber"), p.idNumber],
            [t("profile.phone"), p.phone],
            [t("profile.address"), p.address],
            [t("profile.email"), p.email],
            [t("profile.education"), p.education],
            [t("profile.degree"), p.degree],
            [t("profile.school"), p.school],
            [t("profile.major"), p.major],
            [t("profile.graduationDate"), p.graduationDate],
            [t("profile.title"), p.title],
            [
              t("profile.years"),
              p.yearsOfExperience === null ? null : t("profile.yearsValue", { years: p.yearsOfExperience }),
            ],
          ]}
        />
      </section>
      <section className="card">
        <h2>{t("profile.employer")}</h2>
        {e ? (
          <Facts
            items={[
              [t("profile.employerName"), e.name],
              [t("profile.uscc"), e.uscc],
              [t("profile.employerKind"), kind],
              [t("profile.qualificationCertNo"), e.qualificationCertNo],
              [t("profile.employerAddress"), e.address],
              [t("profile.employmentStart"), p.employmentStart],
            ]}
          />
        ) : (
          <p className="empty">{t("profile.noEmployer")}</p>
        )}
      </section>
      <section className="card">
        <h2>{t("profile.qualifications")}</h2>
        {profile.qualifications.length ? (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th>{t("profile.program")}</th>
                  <th>{t("profile.specialty")}</th>
                  <th>{t("profile.managementNo")}</th>
                  <th>{t("profile.certificateNo")}</th>
                  <th>{t("profile.approvalDate")}</th>
                  <th>{t("profile.obtainedBy")}</th>
                </tr>
              </thead>
              <tbody>
                {profile.qualifications.map((q) => (
                  <tr key={q.id}>
                    <td>{q.programName}</td>
                    <td>{orDash(q.specialtyName)}</td>
                    <td>{q.managementNo}</td>
                    <td>{orDash(q.certificateNo)}</td>
                    <td>{q.approvalDate}</td>
                    <td>{obtainedBy(q.obtainedBy)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="empty">{t("profile.noQualifications")}</p>
        )}
      </section>
      <section className="card">
        <h2>{t("profile.registrations")}</h2>
        {profile.registrations.length ? (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th>{t("profile.program")}</th>
                  <th>{t("profile.specialty")}</th>
                  <th>{t("profile.registrationNo")}</th>
                  <th>{t("profile.sealNo")}</th>
                  <th>{t("profile.registeredEmployer")}</th>
                  <th>{t("profile.validity")}</th>
                  <th>{t("profile.status")}</th>
                </tr>
              </thead>
              <tbody>
                {profile.registrations.map((r) => (
                  <tr key={r.id}>
                    <td>{r.programName}</td>
                    <td>{orDash(r.specialtyName)}</td>
                    <td>{r.registrationNo}</td>
                    <td>{r.sealNo}</td>
                    <td>{r.employerName}</td>
                    <td>{t("profile.validRange", { from: r.validFrom, to: r.validTo })}</td>
                    <td>
                      <span className={`pill ${r.status === "active" ? "ok" : "warn"}`}>
                        {d(`registrationStatus.${r.status}`)}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="empty">{t("profile.noRegistrations")}</p>
        )}
      </section>
      <p className="help">{t("profile.correctionHint")}</p>
    </>
  );
}
