import Link from "next/link";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { NewsList } from "@/components/public/NewsList";
import { getDb } from "@/db/client";
import { latestAnnouncements } from "@/lib/queries/public-announcements";
import { latestPublicity } from "@/lib/queries/public-publicity";

const ENTRANCES = [
  { href: "/login/applicant", key: "applicant" },
  { href: "/login/employer", key: "employer" },
  { href: "/login/staff", key: "reviewer" },
  { href: "/login/staff", key: "admin" },
] as const;

export default async function HomePage() {
  await connection();
  const db = getDb();
  const [news, publicity, t] = await Promise.all([
    latestAnnouncements(db, 6),
    latestPublicity(db, 6),
    getTranslations("public.home"),
  ]);
  const tNav = await getTranslations("public.nav");
  return (
    <>
      <section className="hero">
        <h1>{t("heading")}</h1>
        <p>{t("lead")}</p>
      </section>
      <nav className="entrances" aria-label={t("entrancesLabel")}>
        {ENTRANCES.map((e) => (
          <Link key={e.key} href={e.href} className="entrance">
            <strong>{t(`${e.key}Title`)}</strong>
            <span>{t(`${e.key}Text`)}</span>
          </Link>
        ))}
      </nav>
      <section className="verify-banner" aria-label={t("verifyLabel")}>
        <div>
          <strong>{t("verifyTitle")}</strong>
          <div className="help">{t("verifyText")}</div>
        </div>
        <Link className="btn btn-secondary" href="/verify">
          {t("verifyButton")}
        </Link>
      </section>
      <div className="home-columns">
        <section className="card" aria-labelledby="home-notices">
          <h2 id="home-notices">{t("noticesHeading")}</h2>
          <NewsList
            items={news.map((n) => ({ href: `/notices/${n.id}`, title: n.title, when: n.publishedAt }))}
            empty={t("noNotices")}
          />
          <Link className="more-link" href="/notices">
            {t("moreNotices")}
          </Link>
        </section>
        <section className="card" aria-labelledby="home-publicity">
          <h2 id="home-publicity">{t("publicityHeading")}</h2>
          <NewsList
            items={publicity.map((n) => ({ href: `/publicity/${n.id}`, title: n.title, when: n.publishedAt }))}
            empty={t("noPublicity")}
          />
          <Link className="more-link" href="/publicity">
            {t("morePublicity")}
          </Link>
        </section>
        <section className="card" aria-labelledby="home-guide">
          <h2 id="home-guide">{t("servicesHeading")}</h2>
          <ul className="news-list">
            <li>
              <Link href="/guide">{tNav("guide")}</Link>
              <span className="when note">{t("guideText")}</span>
            </li>
            <li>
              <Link href="/faq">{tNav("faq")}</Link>
              <span className="when note">{t("faqText")}</span>
            </li>
            <li>
              <Link href="/contacts">{tNav("contacts")}</Link>
              <span className="when note">{t("contactsText")}</span>
            </li>
          </ul>
        </section>
      </div>
    </>
  );
}
