import { getTranslations } from "next-intl/server";
import { AnomalyTimeline } from "@/components/appeals/AnomalyTimeline";
import { AppealForm, type AppealFormTexts } from "@/components/appeals/AppealForm";
import { Alert } from "@/components/ui/Alert";
import { Card } from "@/components/ui/Card";
import { PageHeader } from "@/components/ui/PageHeader";
import { getDb } from "@/db/client";
import { personAnomaliesWithAppeals } from "@/lib/queries/appeals";
import { requireRole } from "@/lib/server/auth";

export async function generateMetadata() {
  const t = await getTranslations("applicant");
  return { title: t("pageTitle", { page: t("menu.appeals") }) };
}

/** 我的申辩 (T3, `003` §2.6): the anomalies flagged on the person, their appeals and the authority's decisions. */
export default async function AppealsPage({ searchParams }: { searchParams: Promise<{ done?: string }> }) {
  const user = await requireRole("applicant");
  const { done } = await searchParams;
  const [anomalies, t] = await Promise.all([
    personAnomaliesWithAppeals(getDb(), user.personId!),
    getTranslations("applicant"),
  ]);
  const steps = {
    flagged: t("appeals.step.flagged"),
    appealed: t("appeals.step.appealed"),
    accepted: t("appeals.step.accepted"),
    dismissed: t("appeals.step.dismissed"),
  };
  // Filled on the client with the anomaly's name (components/ui/fill.ts).
  const form: AppealFormTexts = {
    label: t.raw("appeals.form.label") as string,
    statement: t("appeals.form.statement"),
    statementHelp: t("appeals.form.statementHelp"),
    proof: t("appeals.form.proof"),
    proofHelp: t("appeals.form.proofHelp"),
    submitting: t("appeals.form.submitting"),
    submit: t("appeals.form.submit"),
    refresh: t("appeals.form.refresh"),
  };
  return (
    <>
      <PageHeader title={t("menu.appeals")} crumb={t("menu.appeals")} />
      {done === "filed" ? <Alert tone="success">{t("appeals.filed")}</Alert> : null}
      {anomalies.length === 0 ? (
        <Card>
          <p>{t("appeals.none")}</p>
        </Card>
      ) : null}
      {anomalies.map((a) => {
        const label = t(`appeals.kind.${a.kind}`);
        return (
          <Card
            key={a.id}
            title={t("appeals.cardTitle", { label, status: t(`appeals.anomalyStatus.${a.status}`) })}
            testId="anomaly"
          >
            <p>{t("appeals.reasonLine", { source: t(`appeals.source.${a.source}`), reason: a.reason })}</p>
            {a.status === "open" ? (
              <Alert tone="warning" role="note">
                {t("appeals.openWarning")}
              </Alert>
            ) : null}
            {a.appeals.map((p) => (
              <div key={p.id} className="help">
                {t("appeals.appealLine", { status: t(`appeals.appealStatus.${p.status}`), statement: p.statement })}
                {p.reply ? t("appeals.replyLine", { reply: p.reply }) : ""}
              </div>
            ))}
            <AnomalyTimeline steps={a.events} stepLabels={steps} label={t("appeals.timeline")} />
            {a.status === "open" && !a.pending ? <AppealForm anomalyId={a.id} label={label} texts={form} /> : null}
          </Card>
        );
      })}
    </>
  );
}
