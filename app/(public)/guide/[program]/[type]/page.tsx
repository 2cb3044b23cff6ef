import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { isApplicationType } from "@/lib/domain/application-types";
import { buildGuide } from "@/lib/domain/guide";
import { findProgram } from "@/lib/domain/programs";

type Props = { params: Promise<{ program: string; type: string }> };

async function guideOf(params: Props["params"]) {
  const { program, type } = await params;
  const p = findProgram(program);
  return p && isApplicationType(type) ? buildGuide(p, type) : undefined;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const g = await guideOf(params);
  return { title: `${g ? `${g.title}办事指南` : "办事指南"} - 执业注册平台` };
}

export default async function GuidePage({ params }: Props) {
  const g = await guideOf(params);
  if (!g) notFound();
  return (
    <article className="card guide">
      <p className="article-meta">
        <Link href="/guide">办事指南</Link> / {g.title}
      </p>
      <h1>{g.title}办事指南</h1>
      <dl>
        {g.sections.map((s) => (
          <div key={s.heading}>
            <dt>{s.heading}</dt>
            <dd>
              <ul>
                {s.items.map((i) => (
                  <li key={i}>{i}</li>
                ))}
              </ul>
            </dd>
          </div>
        ))}
      </dl>
      <p className="form-actions">
        <Link className="btn" href="/login/applicant">
          立即办理
        </Link>
      </p>
    </article>
  );
}
