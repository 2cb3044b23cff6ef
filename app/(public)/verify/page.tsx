import type { Metadata } from "next";
import Form from "next/form";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { uploadVerifierWords } from "@/components/verify/verify-words";
import { UploadVerifier } from "@/components/verify/UploadVerifier";
import styles from "@/components/verify/verify.module.css";
import { checkRegistrationNo, REGISTRATION_NO_EXAMPLE, verifyPath } from "@/lib/domain/registration-no";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("public.verify");
  return { title: t("title"), description: t("description") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** 证书查验 (public, no sign-in): look a number up, or check an electronic certificate PDF. */
export default async function VerifyPage({ searchParams }: Props) {
  const [{ no: raw }, t] = await Promise.all([searchParams, getTranslations("public.verify")]);
  const typed = Array.isArray(raw) ? raw[0] : raw;
  let error: string | null = null;
  let value = "";
  if (typed !== undefined) {
    const check = checkRegistrationNo(typed);
    if (check.ok) redirect(verifyPath(check.value));
    error = t(check.value ? "badNumber" : "noNumber", { example: REGISTRATION_NO_EXAMPLE });
    value = typed.slice(0, 60);
  }

  return (
    <div className={styles.page}>
      <section className={styles.intro}>
        <h1>{t("heading")}</h1>
        <p>{t("intro")}</p>
      </section>
      <div className={styles.columns}>
        <section className="card" aria-labelledby="lookup-title">
          <h2 id="lookup-title">{t("lookupHeading")}</h2>
          <Form action="/verify" className="form">
            <div className="field">
              <label htmlFor="registration-no">{t("registrationNo")}</label>
              <div className={styles.lookupRow}>
                <input
                  id="registration-no"
                  name="no"
                  className="input"
                  defaultValue={value}
                  placeholder={t("example", { example: REGISTRATION_NO_EXAMPLE })}
                  autoComplete="off"
                  spellCheck={false}
                  maxLength={60}
                  required
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? "registration-no-error registration-no-help" : "registration-no-help"}
                />
                <button type="submit" className="btn">
                  {t("submit")}
                </button>
              </div>
              {error ? (
                <span className="error" id="registration-no-error" role="alert" data-testid="lookup-error">
                  {error}
                </span>
              ) : null}
              <span className="help" id="registration-no-help">
                {t("lookupHelp")}
              </span>
            </div>
          </Form>
          <ul className={styles.notes}>
            <li>{t("noteLive")}</li>
            <li>{t("noteQr")}</li>
          </ul>
        </section>
        <section className="card" aria-labelledby="upload-title">
          <h2 id="upload-title">{t("uploadHeading")}</h2>
          <UploadVerifier words={await uploadVerifierWords()} />
        </section>
      </div>
    </div>
  );
}
