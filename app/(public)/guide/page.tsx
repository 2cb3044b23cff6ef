import type { Metadata } from "next";
import Link from "next/link";
import { APPLICATION_TYPE_LABELS } from "@/lib/domain/application-types";
import { PROGRAMS } from "@/lib/domain/programs";

export const metadata: Metadata = { title: "办事指南 - 执业注册平台" };

/** Index of every program × application type the programs offer (the list follows the program data). */
export default function GuideIndexPage() {
  return (
    <section className="card">
      <h1>办事指南</h1>
      <p className="help">选择注册项目和办理事项，查看申请对象、条件、材料、流程与办理时限。</p>
      <div className="guide-index">
        {Object.values(PROGRAMS).map((p) => (
          <section key={p.code} aria-labelledby={`guide-${p.code}`}>
            <h2 id={`guide-${p.code}`}>{p.name}</h2>
            <ul>
              {p.applicationTypes.map((t) => (
                <li key={t}>
                  <Link href={`/guide/${p.code}/${t}`}>{APPLICATION_TYPE_LABELS[t]}</Link>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </section>
  );
}
