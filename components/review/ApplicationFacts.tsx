/**
 * The application as filed, read-only (G9: the employer and the reviewer never edit it): every field of its type
 * with the labels of FORM_FIELDS, identity from the verified account (G10), the employer, the qualification, the
 * current registrations (A2) and the 社保 anomaly flag (G6).
 */
import { formatDateTime, orDash } from "@/components/ui/format";
import { type AnomalyKind, anomalyFindings, anomalyNotice } from "@/lib/domain/anomalies";
import { FORM_FIELDS, type FieldSpec } from "@/lib/domain/form-specs";
import { localizeField, specialtyText, typeText } from "@/lib/i18n/filing";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translate";
import type { ApplicationDetail } from "@/lib/queries/review-detail";

/** What the component reads: the applicant's, the employer's and the reviewer's read models all provide it. */
export type FiledApplicationView = Pick<
  ApplicationDetail,
  "row" | "program" | "qualification" | "facts" | "filedValues" | "person"
> & { openAnomalies?: readonly AnomalyKind[] };

type FactsText = ReturnType<typeof translator<"filing">>;

function display(spec: FieldSpec, raw: unknown, t: FactsText): string {
  if (raw === undefined || raw === null || raw === "") return "—";
  if (typeof raw === "boolean")
    return spec.name === "applicantOpinion"
      ? t(raw ? "facts.ticked" : "facts.notTicked")
      : t(raw ? "facts.yes" : "facts.no");
  const option = spec.options?.find((o) => o.value === raw);
  return option?.label ?? String(raw);
}

/**
 * The value shown for one field: identity, employer, registration and derived fields as filed (the snapshot taken
 * at signing — never the person's live registration), the rest from the form as saved.
 */
function filedValue(d: FiledApplicationView, spec: FieldSpec, locale: Locale): unknown {
  const form = d.row.formData;
  if (spec.name === "specialty") {
    const code = (form.specialty as string | undefined) ?? d.row.specialtyCode;
    return code ? specialtyText(locale, d.program, code) : null;
  }
  if (spec.name === "qualificationNumber") return form.qualificationNumber ?? d.qualification?.managementNo;
  if (spec.name === "qualificationApprovedOn") return form.qualificationApprovedOn ?? d.qualification?.approvalDate;
  if (spec.name === "employerPhone") return form.employerPhone ?? d.facts.employer?.contactPhone;
  if (spec.kind === "employer")
    return d.facts.employer ? `${d.facts.employer.name}（${d.facts.employer.uscc}）` : undefined;
  if (spec.deriveFrom) return spec.deriveFrom.values[String(form[spec.deriveFrom.field])];
  if (spec.source !== "input")
    return filedInLanguage(d, spec.name, locale) ?? d.filedValues[spec.name] ?? form[spec.name];
  return form[spec.name];
}

/** Filed values that are domain codes (gender, ID document type), named in a reader's language other than Chinese. */
function filedInLanguage(d: FiledApplicationView, name: string, locale: Locale): string | undefined {
  if (locale === DEFAULT_LOCALE) return undefined;
  const domain = translator(locale, "domain");
  if (name === "gender") return domain(`gender.${d.facts.identity.gender}`);
  if (name === "idType") return domain(`idType.${d.facts.identity.idType}`);
  return undefined;
}

function TableValue({ spec, value, t }: { spec: FieldSpec; value: unknown; t: FactsText }) {
  const rows = Array.isArray(value) ? (value as Record<string, unknown>[]) : [];
  if (rows.length === 0) return <p className="help">{t("facts.notFilled")}</p>;
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            {spec.columns?.map((c) => (
              <th key={c.name}>{c.label}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: read-only rows of a filed form, never reordered.
            <tr key={i}>
              {spec.columns?.map((c) => (
                <td key={c.name}>{display(c, r?.[c.name], t)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ApplicationFacts({
  d,
  audience = "review",
  locale = DEFAULT_LOCALE,
}: {
  d: FiledApplicationView;
  audience?: "applicant" | "review";
  /** The reader's language: the applicant's own view follows their choice; reviewers and employers read Chinese. */
  locale?: Locale;
}) {
  const t = translator(locale, "filing");
  const fields = FORM_FIELDS[d.row.type].map((f) => localizeField(locale, d.row.type, f));
  const plain = fields.filter((f) => f.kind !== "table");
  const tables = fields.filter((f) => f.kind === "table");
  const showRegistrations = d.row.type !== "initial";
  // Read models that do not load the person's anomalies show the 社保 confirmation the applicant made at filing.
  const anomalies = d.openAnomalies ?? (["social_insurance"] as const);
  return (
    <>
      {d.row.socialInsuranceAnomaly && audience === "review" ? (
        <div className="alert alert-warning mb-4" role="note" data-testid="si-anomaly">
          <strong>{anomalyNotice(anomalies)}：</strong>
          {anomalyFindings(anomalies)}，申请人已在申报时确认只受聘于本单位并在本单位缴纳社保。请审核时予以核实。
        </div>
      ) : null}
      <section className="card">
        <h2>{t("facts.formTitle", { type: typeText(locale, d.row.type) })}</h2>
        <dl className="facts">
          {plain.map((f) => (
            <div key={f.name}>
              <dt>{f.label}</dt>
              <dd>{display(f, filedValue(d, f, locale), t)}</dd>
            </div>
          ))}
        </dl>
        {tables.map((table) => (
          <div key={table.name} className="mt-4">
            <h3 className="subhead">{table.label}</h3>
            <TableValue spec={table} value={filedValue(d, table, locale)} t={t} />
          </div>
        ))}
      </section>
      {d.qualification ? (
        <section className="card">
          <h2>{t("facts.qualificationTitle")}</h2>
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th>{t("facts.specialty")}</th>
                  <th>{t("facts.managementNo")}</th>
                  <th>{t("facts.certificateNo")}</th>
                  <th>{t("facts.approvalDate")}</th>
                  <th>{t("facts.obtainedBy")}</th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  <td>{specialtyText(locale, d.program, d.qualification.specialtyCode)}</td>
                  <td>{d.qualification.managementNo}</td>
                  <td>{orDash(d.qualification.certificateNo)}</td>
                  <td>{d.qualification.approvalDate}</td>
                  <td>{d.qualification.obtainedBy}</td>
                </tr>
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
      {showRegistrations ? (
        <section className="card" data-testid="current-registration">
          <h2>{t("facts.registrationTitle")}</h2>
          {d.facts.registration || d.facts.registeredSpecialties.length ? (
            <dl className="facts">
              <div>
                <dt>{t("facts.registrationNo")}</dt>
                <dd>{orDash(d.facts.registration?.registrationNumber)}</dd>
              </div>
              <div>
                <dt>{t("facts.sealNo")}</dt>
                <dd>{orDash(d.facts.registration?.sealNumber)}</dd>
              </div>
              <div>
                <dt>{t("facts.registeredSpecialties")}</dt>
                <dd>{orDash(d.facts.registeredSpecialties.join("、"))}</dd>
              </div>
              <div>
                <dt>{t("facts.validity")}</dt>
                <dd>
                  {d.facts.registration
                    ? t("facts.validityRange", {
                        from: d.facts.registration.validFrom,
                        to: d.facts.registration.validUntil,
                      })
                    : "—"}
                </dd>
              </div>
              <div>
                <dt>{t("facts.registrationEmployer")}</dt>
                <dd>{orDash(d.facts.registration?.employerName)}</dd>
              </div>
            </dl>
          ) : (
            <p className="help">{t("facts.noRegistration")}</p>
          )}
        </section>
      ) : null}
      <section className="card">
        <h2>{t("facts.applicantTitle")}</h2>
        <dl className="facts">
          <div>
            <dt>{t("facts.education")}</dt>
            <dd>
              {orDash(d.person.education)}
              {d.person.degree ? ` / ${d.person.degree}` : ""}
            </dd>
          </div>
          <div>
            <dt>{t("facts.school")}</dt>
            <dd>{orDash(d.person.school)}</dd>
          </div>
          <div>
            <dt>{t("facts.major")}</dt>
            <dd>{orDash(d.person.major)}</dd>
          </div>
          <div>
            <dt>{t("facts.title")}</dt>
            <dd>{orDash(d.person.title)}</dd>
          </div>
          <div>
            <dt>{t("facts.employer")}</dt>
            <dd>{orDash(d.facts.employer?.name)}</dd>
          </div>
          <div>
            <dt>{t("facts.signedAt")}</dt>
            <dd>{formatDateTime(d.row.applicantSignedAt)}</dd>
          </div>
        </dl>
      </section>
    </>
  );
}
