"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import type { ActionResult as Outcome } from "@/lib/action-result";
import type { Messages } from "@/lib/i18n/catalog";
import { fill } from "@/lib/i18n/fill";
import { Problem } from "../ui";

/** The wizard texts in the reader's language, passed by the page (client components never import next-intl). */
type Texts = Messages["filing"]["client"];

/** 申报须知: every 审批条件 ticked (全选 ticks them all), then 下一步 opens the 个人承诺书 (G5). */
export function ConditionsStep(props: {
  applicationId: string;
  conditions: string[];
  materials: string[];
  agree: (applicationId: string, allTicked: boolean) => Promise<Outcome>;
  text: Texts["conditions"];
}) {
  const tx = props.text;
  const router = useRouter();
  const [ticked, setTicked] = useState<boolean[]>(props.conditions.map(() => false));
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Outcome | null>(null);
  const all = ticked.every(Boolean);
  return (
    <div className="form">
      <h3 className="m-0">{tx.heading}</h3>
      <p className="ap-muted m-0">{tx.intro}</p>
      <label className="ap-check">
        <input type="checkbox" checked={all} onChange={(e) => setTicked(ticked.map(() => e.target.checked))} />
        <strong>{tx.all}</strong>
        <span className="ap-muted">{tx.allHint}</span>
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
              <span>{fill(tx.item, { n: i + 1, text: c })}</span>
            </label>
          </li>
        ))}
      </ul>
      <h3 className="ap-subhead">{tx.materials}</h3>
      {props.materials.length ? (
        <ul className="m-0">
          {props.materials.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      ) : (
        <p className="m-0">{tx.none}</p>
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
          {tx.next}
        </button>
        {!all ? <span className="ap-muted">{tx.tickAll}</span> : null}
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
  text: Texts["commitment"];
}) {
  const tx = props.text;
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
        aria-label={tx.letter}
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
      <div role="radiogroup" aria-label={tx.choice} className="ap-inline">
        <label className="ap-check">
          <input type="radio" name="commit" checked={choice === "yes"} onChange={() => setChoice("yes")} />
          {tx.yes}
        </label>
        <label className="ap-check">
          <input type="radio" name="commit" checked={choice === "no"} onChange={() => setChoice("no")} />
          {tx.no}
        </label>
      </div>
      <p className="ap-muted m-0">{tx.hint}</p>
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
          {tx.confirm}
          <span className="ap-countdown">{left > 0 ? fill(tx.seconds, { n: left }) : ""}</span>
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
  labels: Texts["insurance"];
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
      <div className="alert alert-warning" role="alertdialog" aria-label={props.labels.label}>
        {props.text}
      </div>
      <Problem
        error={problem && !problem.ok ? problem.error : null}
        conflict={problem && !problem.ok ? problem.conflict : false}
      />
      <div className="form-actions">
        <button type="button" className="btn btn-secondary" disabled={busy} onClick={go(false)}>
          {props.labels.cancel}
        </button>
        <button type="button" className="btn" disabled={busy} onClick={go(true)}>
          {props.labels.ok}
        </button>
      </div>
    </div>
  );
}
