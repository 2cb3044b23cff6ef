import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { getDb } from "@/db/client";
import { getTranslations } from "next-intl/server";
import { lookupCertificate, scannedIssue } from "@/lib/services/documents/verify-certificate";
import { CertificateFacts } from "@/components/verify/CertificateFacts";
import { StatusBadge } from "@/components/verify/StatusBadge";
import { STATUS_TONE } from "@/components/verify/status";
import { factLabels } from "@/components/verify/verify-words";
import styles from "@/components/verify/verify.module.css";
import {
  checkRegistrationNo,
  REGISTRATION_NO_EXAMPLE,
  registrationNoFromSegment,
  verifyPath,
} from "@/lib/domain/registration-no";

/** Results are personal data in the register: never indexed, never cached. */
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("public.verify");
  return {
    title: t("resultTitle"),
    robots: { index: false, follow: false, nocache: true, googleBot: { index: false, follow: false } },
  };
}
export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ registrationNo: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const queriedAt = () =>
  new Intl.DateTimeFormat("zh-CN", {
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
    timeZone: "Asia/Shanghai",
  })
    .format(new Date())
    .replace(/\//g, "-");

function Actions({ t }: { t: Awaited<ReturnType<typeof getTranslations<"public.verify">>> }) {
  return (
    <div className={styles.actions}>
      <Link className="btn btn-secondary" href="/verify">
        {t("otherNumber")}
      </Link>
      <Link className="btn btn-secondary" href="/verify#upload-title">
        {t("uploadHeading")}
      </Link>
    </div>
  );
}

/** 证书查验结果 — also the target of the QR code printed on every certificate (`?c=` is that issue's serial). */
export default async function VerifyResultPage({ params, searchParams }: Props) {
  await connection();
  const [{ registrationNo: segment }, query, t] = await Promise.all([
    params,
    searchParams,
    getTranslations("public.verify"),
  ]);
  const check = checkRegistrationNo(registrationNoFromSegment(segment));
  const rawSerial = Array.isArray(query.c) ? query.c[0] : query.c;
  const scannedSerial = rawSerial?.trim().toUpperCase().slice(0, 32) || null;

  const db = getDb();
  // The per-address allowance was spent (or refused with 429) in proxy.ts before this page rendered.
  const certificate = check.ok ? await lookupCertificate(db, check.value) : null;
  if (!certificate) {
    return (
      <div className={styles.page}>
        <section className={`card ${styles.notFound}`} data-testid="not-found">
          <h1 className="visually-hidden">{t("resultHeading")}</h1>
          <h2>{t("notFoundHeading")}</h2>
          <p>
            {t.rich("notFoundLead", {
              number: check.value || t("empty"),
              strong: (chunks) => <strong>{chunks}</strong>,
            })}
          </p>
          <ol>
            <li>{t("checkDigits", { example: REGISTRATION_NO_EXAMPLE })}</li>
            <li>{t("checkChars")}</li>
            <li>{t("checkNew")}</li>
          </ol>
          <p>{t("notFoundEnd")}</p>
          <Actions t={t} />
        </section>
      </div>
    );
  }

  const tone = STATUS_TONE[certificate.status];
  const label = t(`status.${certificate.status}`);
  const issue = scannedSerial === null ? null : await scannedIssue(db, certificate.registrationNo, scannedSerial);
  return (
    <div className={styles.page}>
      <h1 className="visually-hidden">{t("resultHeading")}</h1>
      <section className={`${styles.statusPanel} ${styles[`tone-${tone}`]}`} aria-label={t("statusLabel")}>
        <StatusBadge status={certificate.status} label={label} />
        <div className={styles.text}>
          <div className={styles.caption}>{t("registrationNo")}</div>
          <div className={styles.number} data-testid="registration-no">
            {certificate.registrationNo}
          </div>
          <div>{t(`explanation.${certificate.status}`)}</div>
        </div>
      </section>

      <div className={styles.stack}>
        {issue === "unrecognised" ? (
          <div className="alert alert-error" role="alert" data-testid="unrecognised-issue">
            <strong>{t("unrecognisedLead")}</strong>
            {t("unrecognised", { authority: certificate.issuingAuthority })}
          </div>
        ) : issue === "older" ? (
          <div className="alert alert-error" role="alert" data-testid="outdated-issue">
            <strong>{t("olderLead")}</strong>
            {t("older")}
          </div>
        ) : issue === "current" && certificate.status === "valid" ? (
          <div className="alert alert-success" data-testid="current-issue">
            {t("current")}
          </div>
        ) : null}
        {certificate.status === "superseded" && certificate.replacedBy ? (
          <div className="alert alert-warning">
            {t("supersededBefore")}{" "}
            <Link href={verifyPath(certificate.replacedBy)} prefetch={false}>
              {certificate.replacedBy}
            </Link>
            {t("supersededAfter")}
          </div>
        ) : null}
      </div>

      <section className="card" aria-labelledby="facts-title">
        <h2 id="facts-title">{t("factsHeading")}</h2>
        <CertificateFacts certificate={{ ...certificate, statusLabel: label }} labels={await factLabels()} />
        <p className={styles.footnote}>{t("queriedAt", { time: queriedAt() })}</p>
      </section>
      <Actions t={t} />
    </div>
  );
}
