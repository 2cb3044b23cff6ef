"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import type { ActionResult as Outcome } from "@/lib/action-result";
import { Problem } from "../ui";

/** 申报须知: every 审批条件 ticked (全选 ticks them all), then 下一步 opens the 个人承诺书 (G5). */
export function ConditionsStep(props: {
  applicationId: string;
  conditions: string[];
  materials: string[];
  agree: (applicationId: string, allTicked: boolean) => Promise<Outcome>;
}) {
  const router = useRouter();
  const [ticked, setTicked] = useState<boolean[]>(props.conditions.map(() => false));
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Outcome | null>(null);
  const all = ticked.every(Boolean);
  return (
    <div className="form">
      <h3 className="m-0">审批条件</h3>
      <p className="ap-muted m-0">办理该业务，需满足以下申请条件才能进行业务办理，请自检是否满足，符合请打勾。</p>
      <label className="ap-check">
        <input type="checkbox" checked={all} onChange={(e) => setTicked(ticked.map(() => e.target.checked))} />
        <strong>全选</strong>
        <span className="ap-muted">请务必认真阅读完审批条件，这将影响您的审批</span>
      </label>
      <ul className="ap-conditions">
        {props.conditions.map((c, i) => (
          <li key={c}>
            <label>
              <input
                type="checkbox"
                checked={ticked[i]}
                onChange={(e) => setTicked(ticked.map((t, j) => (j === i ? e.target.checked : t)))}
              />
              <span>
                {i + 1}、{c}
              </span>
            </label>
          </li>
        ))}
      </ul>
      <h3 className="ap-subhead">收取材料</h3>
      {props.materials.length ? (
        <ul className="m-0">
          {props.materials.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      ) : (
        <p className="m-0">无</p>
      )}
      <Problem
        error={problem && !problem.ok ? problem.error : null}
        conflict={problem && !problem.ok ? problem.conflict : false}
      />
      <div className="form-actions">
        <button
          type="button"
          className="btn"
          disabled={!all || busy}
          onClick={async () => {
            setBusy(true);
            const res = await props.agree(props.applicationId, all);
            setBusy(false);
            if (!res.ok) return setProblem(res);
            router.refresh();
          }}
        >
          下一步
        </button>
        {!all ? <span className="ap-muted">请勾选全部审批条件后点击“下一步”。</span> : null}
      </div>
    </div>
  );
}

/** 个人承诺书: read for the required time (counted from when the server opened it), then commit or decline (G5). */
export function CommitmentStep(props: {
  applicationId: string;
  intro: string;
  items: string[];
  secondsLeft: number;
  commit: (applicationId: string, committed: boolean) => Promise<Outcome<{ cancelled: boolean; deleted: boolean }>>;
}) {
  const router = useRouter();
  const [left, setLeft] = useState(props.secondsLeft);
  const [choice, setChoice] = useState<"yes" | "no" | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Outcome | null>(null);
  useEffect(() => {
    if (left <= 0) return;
    const t = setTimeout(() => setLeft((l) => l - 1), 1000);
    return () => clearTimeout(t);
  }, [left]);
  return (
    <div className="form">
      <section
        className="ap-letter"
        aria-label="个人承诺书"
        // The letter scrolls; keyboard users must be able to focus it to scroll (axe: scrollable-region-focusable).
        // biome-ignore lint/a11y/noNoninteractiveTabindex: see the comment above
        tabIndex={0}
      >
        <p className="mt-0">{props.intro}</p>
        <ol>
          {props.items.map((i) => (
            <li key={i}>{i}</li>
          ))}
        </ol>
      </section>
      <div role="radiogroup" aria-label="是否作出承诺" className="ap-inline">
        <label className="ap-check">
          <input type="radio" name="commit" checked={choice === "yes"} onChange={() => setChoice("yes")} />
          本人做出上述承诺
        </label>
        <label className="ap-check">
          <input type="radio" name="commit" checked={choice === "no"} onChange={() => setChoice("no")} />
          本人不做出上述承诺
        </label>
      </div>
      <p className="ap-muted m-0">
        请仔细阅读“个人承诺书”，计时完成后，勾选“本人做出上述承诺”并点击“确认”进入申报页面；勾选“本人不做出上述承诺”则取消申报。
      </p>
      <Problem
        error={problem && !problem.ok ? problem.error : null}
        conflict={problem && !problem.ok ? problem.conflict : false}
      />
      <div className="form-actions">
        <button
          type="button"
          className="btn"
          disabled={left > 0 || !choice || busy}
          onClick={async () => {
            setBusy(true);
            const res = await props.commit(props.applicationId, choice === "yes");
            setBusy(false);
            if (!res.ok) return setProblem(res);
            if (res.cancelled) router.push("/applicant/apply?cancelled=1");
            else router.refresh();
          }}
        >
          确认<span className="ap-countdown">{left > 0 ? `（${left}秒）` : ""}</span>
        </button>
      </div>
    </div>
  );
}

/** G6: 社保缴纳情况异常 — 确定 (commit to sole employment) or 取消 (the filing is cancelled). */
export function SocialInsuranceStep(props: {
  applicationId: string;
  text: string;
  confirm: (applicationId: string, confirmed: boolean) => Promise<Outcome<{ cancelled: boolean; deleted: boolean }>>;
}) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Outcome | null>(null);
  const go = (yes: boolean) => async () => {
    setBusy(true);
    const res = await props.confirm(props.applicationId, yes);
    setBusy(false);
    if (!res.ok) return setProblem(res);
    if (res.cancelled) router.push("/applicant/apply?cancelled=1");
    else router.refresh();
  };
  return (
    <div className="form">
      <div className="alert alert-warning" role="alertdialog" aria-label="社保缴纳情况异常">
        {props.text}
      </div>
      <Problem
        error={problem && !problem.ok ? problem.error : null}
        conflict={problem && !problem.ok ? problem.conflict : false}
      />
      <div className="form-actions">
        <button type="button" className="btn btn-secondary" disabled={busy} onClick={go(false)}>
          取消
        </button>
        <button type="button" className="btn" disabled={busy} onClick={go(true)}>
          确定
        </button>
      </div>
    </div>
  );
}
