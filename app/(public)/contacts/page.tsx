import type { Metadata } from "next";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { authorityContacts } from "@/lib/queries/public-info";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("public");
  return { title: t("titleSuffix", { title: t("contacts.heading") }) };
}

export default async function ContactsPage() {
  await connection();
  const [list, t] = await Promise.all([authorityContacts(getDb()), getTranslations("public.contacts")]);
  return (
    <section className="card">
      <h1>{t("heading")}</h1>
      <p className="help">{t("intro")}</p>
      <div className="contacts">
        {list.map((a) => (
          <section key={a.id} className="card" aria-labelledby={`contact-${a.id}`}>
            <h2 id={`contact-${a.id}`}>{a.name}</h2>
            <dl>
              <dt>{t("phone")}</dt>
              <dd>{a.phone ?? t("notPublished")}</dd>
              <dt>{t("hours")}</dt>
              <dd>{a.hours ?? t("notPublished")}</dd>
              <dt>{t("address")}</dt>
              <dd>{a.address ?? t("notPublished")}</dd>
            </dl>
          </section>
        ))}
      </div>
    </section>
  );
}
