/**
 * The application as filed, read-only (G9: the employer and the reviewer never edit it): every field of its type
 * with the labels of FORM_FIELDS, identity from the verified account (G10), the employer, the qualification, the
 * current registrations (A2) and the 社保 anomaly flag (G6).
 */
import { formatDateTime, orDash } from "@/components/ui/format";
import { type AnomalyKind, anomalyFindings, anomalyNotice } from "@/lib/domain/anomalies";
import { APPLICATION_TYPE_LABELS } from "@/lib/domain/application-types";
import { FORM_FIELDS, type FieldSpec } from "@/lib/domain/form-specs";
import { findSpecialty } from "@/lib/domain/programs";
import type { ApplicationDetail } from "@/lib/queries/review-detail";

/** What the component reads: the applicant's, the employer's and the reviewer's read models all provide it. */
export type FiledApplicationView = Pick<
  ApplicationDetail,
  "row" | "program" | "qualification" | "facts" | "filedValues" | "person"
> & { openAnomalies?: readonly AnomalyKind[] };

function display(spec: FieldSpec, raw: unknown): string {
  if (raw === undefined || raw === null || raw === "") return "—";
  if (typeof raw === "boolean")
    return spec.name === "applicantOpinion" ? (raw ? "已勾选" : "未勾选") : raw ? "是" : "否";
  const option = spec.options?.find((o) => o.value === raw);
  return option?.label ?? String(raw);
}

/**
 * The value shown for one field: identity, employer, registration and derived fields as filed (the snapshot taken
 * at signing — never the person's live registration), the rest from the form as saved.
 */
function filedValue(d: FiledApplicationView, spec: FieldSpec): unknown {
  const form = d.row.formData;
  if (spec.name === "specialty") {
    const code = (form.specialty as string | undefined) ?? d.row.specialtyCode;
    return code ? (findSpecialty(d.program, code)?.name ?? code) : null;
  }
  if (spec.name === "qualificationNumber") return form.qualificationNumber ?? d.qualification?.managementNo;
  if (spec.name === "qualificationApprovedOn") return form.qualificationApprovedOn ?? d.qualification?.approvalDate;
  if (spec.name === "employerPhone") return form.employerPhone ?? d.facts.employer?.contactPhone;
  if (spec.kind === "employer")
    return d.facts.employer ? `${d.facts.employer.name}（${d.facts.employer.uscc}）` : undefined;
  if (spec.deriveFrom) return spec.deriveFrom.values[String(form[spec.deriveFrom.field])];
  if (spec.source !== "input") return d.filedValues[spec.name] ?? form[spec.name];
  return form[spec.name];
}

function TableValue({ spec, value }: { spec: FieldSpec; value: unknown }) {
  const rows = Array.isArray(value) ? (value as Record<string, unknown>[]) : [];
  if (rows.length === 0) return <p className="help">（未填写）</p>;
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
                <td key={c.name}>{display(c, r?.[c.name])}</td>
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
}: {
  d: FiledApplicationView;
  audience?: "applicant" | "review";
}) {
  const fields = FORM_FIELDS[d.row.type];
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
        <h2>{APPLICATION_TYPE_LABELS[d.row.type]} 申请表</h2>
        <dl className="facts">
          {plain.map((f) => (
            <div key={f.name}>
              <dt>{f.label}</dt>
              <dd>{display(f, filedValue(d, f))}</dd>
            </div>
          ))}
        </dl>
        {tables.map((t) => (
          <div key={t.name} className="mt-4">
            <h3 className="subhead">{t.label}</h3>
            <TableValue spec={t} value={filedValue(d, t)} />
          </div>
        ))}
      </section>
      {d.qualification ? (
        <section className="card">
          <h2>申请注册专业 / 资格信息</h2>
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th>注册专业</th>
                  <th>资格证书管理号</th>
                  <th>资格证书编号</th>
                  <th>批准日期</th>
                  <th>获取方式</th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  <td>
                    {findSpecialty(d.program, d.qualification.specialtyCode)?.name ?? d.qualification.specialtyCode}
                  </td>
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
          <h2>申报时注册证书信息</h2>
          {d.facts.registration || d.facts.registeredSpecialties.length ? (
            <dl className="facts">
              <div>
                <dt>注册号</dt>
                <dd>{orDash(d.facts.registration?.registrationNumber)}</dd>
              </div>
              <div>
                <dt>执业印章号</dt>
                <dd>{orDash(d.facts.registration?.sealNumber)}</dd>
              </div>
              <div>
                <dt>已注册专业</dt>
                <dd>{orDash(d.facts.registeredSpecialties.join("、"))}</dd>
              </div>
              <div>
                <dt>有效期</dt>
                <dd>
                  {d.facts.registration
                    ? `${d.facts.registration.validFrom} 至 ${d.facts.registration.validUntil}`
                    : "—"}
                </dd>
              </div>
              <div>
                <dt>注册聘用单位</dt>
                <dd>{orDash(d.facts.registration?.employerName)}</dd>
              </div>
            </dl>
          ) : (
            <p className="help">申报时申请人在本注册项目下没有有效注册。</p>
          )}
        </section>
      ) : null}
      <section className="card">
        <h2>申请人基本信息</h2>
        <dl className="facts">
          <div>
            <dt>学历 / 学位</dt>
            <dd>
              {orDash(d.person.education)}
              {d.person.degree ? ` / ${d.person.degree}` : ""}
            </dd>
          </div>
          <div>
            <dt>毕业院校</dt>
            <dd>{orDash(d.person.school)}</dd>
          </div>
          <div>
            <dt>所学专业</dt>
            <dd>{orDash(d.person.major)}</dd>
          </div>
          <div>
            <dt>现任技术职务</dt>
            <dd>{orDash(d.person.title)}</dd>
          </div>
          <div>
            <dt>聘用单位</dt>
            <dd>{orDash(d.facts.employer?.name)}</dd>
          </div>
          <div>
            <dt>个人签名时间</dt>
            <dd>{formatDateTime(d.row.applicantSignedAt)}</dd>
          </div>
        </dl>
      </section>
    </>
  );
}
