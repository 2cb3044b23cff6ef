import type { Metadata } from "next";
import Form from "next/form";
import { redirect } from "next/navigation";
import { UploadVerifier } from "@/components/verify/UploadVerifier";
import styles from "@/components/verify/verify.module.css";
import { checkRegistrationNo, REGISTRATION_NO_EXAMPLE, verifyPath } from "@/lib/domain/registration-no";

export const metadata: Metadata = {
  title: "注册证书查验 - 执业注册平台",
  description: "输入注册编号或上传电子证书，核验注册证书的真实性与有效状态。",
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** 证书查验 (public, no sign-in): look a number up, or check an electronic certificate PDF. */
export default async function VerifyPage({ searchParams }: Props) {
  const raw = (await searchParams).no;
  const typed = Array.isArray(raw) ? raw[0] : raw;
  let error: string | null = null;
  let value = "";
  if (typed !== undefined) {
    const check = checkRegistrationNo(typed);
    if (check.ok) redirect(verifyPath(check.value));
    error = check.error;
    value = typed.slice(0, 60);
  }

  return (
    <div className={styles.page}>
      <section className={styles.intro}>
        <h1>注册证书查验</h1>
        <p>无需登录。可按注册编号查询证书状态，或上传电子证书核验其真实性。</p>
      </section>
      <div className={styles.columns}>
        <section className="card" aria-labelledby="lookup-title">
          <h2 id="lookup-title">证书查询</h2>
          <Form action="/verify" className="form">
            <div className="field">
              <label htmlFor="registration-no">注册编号</label>
              <div className={styles.lookupRow}>
                <input
                  id="registration-no"
                  name="no"
                  className="input"
                  defaultValue={value}
                  placeholder={`如 ${REGISTRATION_NO_EXAMPLE}`}
                  autoComplete="off"
                  spellCheck={false}
                  maxLength={60}
                  required
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? "registration-no-error registration-no-help" : "registration-no-help"}
                />
                <button type="submit" className="btn">
                  查询
                </button>
              </div>
              {error ? (
                <span className="error" id="registration-no-error" role="alert" data-testid="lookup-error">
                  {error}
                </span>
              ) : null}
              <span className="help" id="registration-no-help">
                按证书上的“注册编号”输入，全角括号【】或［］会自动识别。
              </span>
            </div>
          </Form>
          <ul className={styles.notes}>
            <li>查询结果为注册库中的实时信息，仅显示姓名（部分隐去）、性别、注册专业、聘用企业、有效期和发证机关。</li>
            <li>扫描电子证书上的二维码，也会直接打开该证书的查询结果。</li>
          </ul>
        </section>
        <section className="card" aria-labelledby="upload-title">
          <h2 id="upload-title">上传电子证书核验</h2>
          <UploadVerifier />
        </section>
      </div>
    </div>
  );
}
