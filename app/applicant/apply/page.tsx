import Link from "next/link";
import { PageHead } from "@/components/shell/AppShell";
import { StartButton } from "@/components/applicant/StartButton";
import { getDb } from "@/db/client";
import { APPLICATION_TYPE_LABELS } from "@/lib/domain/application-types";
import { eligibility, type EligibilityOption } from "@/lib/domain/eligibility";
import { getProgram } from "@/lib/domain/programs";
import { APPLICATION_TYPES } from "@/lib/domain/types";
import { applicantApplication, personProgramCodes } from "@/lib/queries/applicant-applications";
import { chinaDate } from "@/lib/server/clock";
import { requireRole } from "@/lib/server/auth";
import { applicantSnapshot } from "@/lib/queries/applicant-wizard";
import { startApplication } from "./actions";

export const metadata = { title: "新增注册申请 - 个人申报系统" };

function Option({ o, programCode }: { o: EligibilityOption; programCode: string }) {
  const label = o.specialtyName ? `${o.typeLabel}（${o.specialtyName}）` : o.typeLabel;
  const input = { programCode, type: o.type, specialtyCode: o.specialty };
  return (
    <div className="ap-option" data-testid="apply-option" data-type={o.type} data-allowed={o.allowed ? "yes" : "no"}>
      <div>
        {o.allowed ? (
          o.type === "info_change" ? (
            <div className="ap-inline">
              <StartButton
                label="基本信息变更"
                input={{ ...input, infoChangeKind: "basic" }}
                start={startApplication}
              />
              <StartButton
                label="重要信息变更"
                input={{ ...input, infoChangeKind: "important" }}
                start={startApplication}
              />
            </div>
          ) : (
            <StartButton label={label} input={input} start={startApplication} />
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
        {o.allowed ? <span className="pill ok">可申报</span> : <span className="pill bad">暂不能申报</span>}
        {o.reasons.length ? (
          <ul className="reasons">
            {o.reasons.map((r) => (
              <li key={r.message}>{r.message}</li>
            ))}
          </ul>
        ) : null}
        {o.notes.length ? (
          <ul className="notes">
            {o.notes.map((r) => (
              <li key={r.message}>{r.message}</li>
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
  const codes = await personProgramCodes(db, personId);
  const reports = await Promise.all(
    codes.map(async (code) => {
      const program = getProgram(code);
      const report = eligibility(await applicantSnapshot(db, personId, code), program, today);
      const blocking = report.blocking ? await applicantApplication(db, personId, report.blocking.id) : null;
      return { program, report, blocking };
    }),
  );
  return (
    <>
      <PageHead title="新增注册申请" crumb="各类业务申报 / 新增注册申请" />
      <p className="ap-muted mt-0">
        按钮为灰色（禁止点击）时表示当前不能申请该事项，右侧列出原因。同一注册项目同时只能有一项申请在办理。
      </p>
      {reports.length === 0 ? (
        <section className="card">
          <p className="empty">
            系统中没有您的资格证书或注册信息，暂不能申报注册业务。如已取得资格，请联系资格管理机构核实信息。
          </p>
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
            <h2>{program.name}</h2>
            {blocking ? (
              <div className="alert alert-warning mb-3" data-testid="blocking">
                您有一项「{blocking.typeLabel}
                {blocking.specialtyName ? `（${blocking.specialtyName}）` : ""}」申请正在办理，当前状态：
                {blocking.statusLabel}
                {blocking.app.acceptanceNo ? `，受理编号 ${blocking.app.acceptanceNo}` : ""}
                。办结或撤回后才能申报新的申请。{" "}
                <Link href={`/applicant/applications/${blocking.app.id}`}>查看该申请</Link>
              </div>
            ) : null}
            {common.filter((r) => r.rule !== "G2").length ? (
              <div className="alert alert-error mb-3">
                <ul className="alert-list">
                  {common
                    .filter((r) => r.rule !== "G2")
                    .map((r) => (
                      <li key={r.message}>
                        {r.message}
                        {r.rule === "G4" || r.rule === "G3" ? (
                          <>
                            {" "}
                            <Link href="/applicant/profile/edit">去完善个人信息</Link>
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
                    <h3 className="mt-3 mb-0">{APPLICATION_TYPE_LABELS[type]}</h3>
                    {options.map((o) => (
                      <Option
                        key={`${o.type}-${o.specialty}`}
                        programCode={program.code}
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
        办理前请先完善 <Link href="/applicant/records/work">工作经历</Link>、
        <Link href="/applicant/records/achievements">工作业绩</Link>、
        <Link href="/applicant/records/education">继续教育</Link>，申请表将自动带出。
      </p>
    </>
  );
}
