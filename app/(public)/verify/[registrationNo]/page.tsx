import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { getDb } from "@/db/client";
import { lookupCertificate, PUBLIC_STATUS_LABELS, scannedIssue } from "@/lib/services/documents/verify-certificate";
import { CertificateFacts } from "@/components/verify/CertificateFacts";
import { StatusBadge } from "@/components/verify/StatusBadge";
import { STATUS_EXPLANATION, STATUS_TONE } from "@/components/verify/status";
import styles from "@/components/verify/verify.module.css";
import {
  checkRegistrationNo,
  REGISTRATION_NO_EXAMPLE,
  registrationNoFromSegment,
  verifyPath,
} from "@/lib/domain/registration-no";

/** Results are personal data in the register: never indexed, never cached. */
export const metadata: Metadata = {
  title: "证书查验结果 - 执业注册平台",
  robots: { index: false, follow: false, nocache: true, googleBot: { index: false, follow: false } },
};
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

function Actions() {
  return (
    <div className={styles.actions}>
      <Link className="btn btn-secondary" href="/verify">
        查询其他注册编号
      </Link>
      <Link className="btn btn-secondary" href="/verify#upload-title">
        上传电子证书核验
      </Link>
    </div>
  );
}

/** 证书查验结果 — also the target of the QR code printed on every certificate (`?c=` is that issue's serial). */
export default async function VerifyResultPage({ params, searchParams }: Props) {
  await connection();
  const [{ registrationNo: segment }, query] = await Promise.all([params, searchParams]);
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
          <h1 className="visually-hidden">证书查验结果</h1>
          <h2>未查询到该注册编号</h2>
          <p>
            您查询的注册编号“<strong>{check.value || "（空）"}</strong>”在注册库中不存在。请检查：
          </p>
          <ol>
            <li>注册编号是否与证书上印制的完全一致、没有漏位或多位（示例：{REGISTRATION_NO_EXAMPLE}）；</li>
            <li>“建[造]”“建[筑]”“建[勘]”中的汉字和方括号是否输入正确，数字中是否混入了字母 O、l 等；</li>
            <li>若证书刚刚审批通过，请以平台“信息查询”中的注册编号为准。</li>
          </ol>
          <p>核对无误仍查询不到的，该证书可能不是本平台签发的，请向证书上所列发证机关核实。</p>
          <Actions />
        </section>
      </div>
    );
  }

  const tone = STATUS_TONE[certificate.status];
  const label = PUBLIC_STATUS_LABELS[certificate.status];
  const issue = scannedSerial === null ? null : await scannedIssue(db, certificate.registrationNo, scannedSerial);
  return (
    <div className={styles.page}>
      <h1 className="visually-hidden">证书查验结果</h1>
      <section className={`${styles.statusPanel} ${styles[`tone-${tone}`]}`} aria-label="注册状态">
        <StatusBadge status={certificate.status} label={label} />
        <div className={styles.text}>
          <div className={styles.caption}>注册编号</div>
          <div className={styles.number} data-testid="registration-no">
            {certificate.registrationNo}
          </div>
          <div>{STATUS_EXPLANATION[certificate.status]}</div>
        </div>
      </section>

      <div className={styles.stack}>
        {issue === "unrecognised" ? (
          <div className="alert alert-error" role="alert" data-testid="unrecognised-issue">
            <strong>无法识别您扫描的证书：</strong>
            二维码中的证书编码不是本平台为该注册编号签发的任何一版电子证书。该证书可能是伪造或被篡改的，也可能二维码与证书不符。请以本页显示的注册库信息为准，并向发证机关（
            {certificate.issuingAuthority}）核实。
          </div>
        ) : issue === "older" ? (
          <div className="alert alert-error" role="alert" data-testid="outdated-issue">
            <strong>注意：您扫描的这份证书不是最新版本。</strong>
            该注册的证书信息在此证书打印或下载之后已发生变更（或已换发），此份纸质/电子证书上的内容可能已过时，请以本页显示的注册库信息为准，并请持证人领取最新电子证书。
          </div>
        ) : issue === "current" && certificate.status === "valid" ? (
          <div className="alert alert-success" data-testid="current-issue">
            您扫描的证书为该注册当前最新版本的证书。
          </div>
        ) : null}
        {certificate.status === "superseded" && certificate.replacedBy ? (
          <div className="alert alert-warning">
            该证书已换发，新的注册编号为{" "}
            <Link href={verifyPath(certificate.replacedBy)} prefetch={false}>
              {certificate.replacedBy}
            </Link>
            ，请查询新证书的状态。
          </div>
        ) : null}
      </div>

      <section className="card" aria-labelledby="facts-title">
        <h2 id="facts-title">证书公开信息</h2>
        <CertificateFacts certificate={{ ...certificate, statusLabel: label }} />
        <p className={styles.footnote}>
          查询时间：{queriedAt()}
          。以上为注册库实时信息；为保护个人信息，姓名部分隐去，不显示身份证件号码、出生日期和联系方式。
        </p>
      </section>
      <Actions />
    </div>
  );
}
