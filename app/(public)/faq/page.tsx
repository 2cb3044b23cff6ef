import type { Metadata } from "next";
import { connection } from "next/server";
import { getDb } from "@/db/client";
import { faqByCategory } from "@/lib/queries/public-info";

export const metadata: Metadata = { title: "常见问题 - 执业注册平台" };

export default async function FaqPage() {
  await connection();
  const groups = await faqByCategory(getDb());
  return (
    <section className="card faq">
      <h1>常见问题</h1>
      {groups.length ? (
        groups.map((g) => (
          <section key={g.category} aria-labelledby={`faq-${g.category}`}>
            <h2 id={`faq-${g.category}`}>{g.category}</h2>
            {g.entries.map((e) => (
              <details key={e.id}>
                <summary>{e.question}</summary>
                <div className="answer">{e.answer}</div>
              </details>
            ))}
          </section>
        ))
      ) : (
        <p className="help">暂无常见问题。</p>
      )}
    </section>
  );
}
