import { formatDateTime } from "@/components/ui/format";
import { ANOMALY_STEP } from "./labels";

type Step = { id: number; action: keyof typeof ANOMALY_STEP; actorName: string; note: string | null; occurredAt: Date };

/** The anomaly's timeline (T3): who did what, when, with the explanation or opinion given. */
export function AnomalyTimeline({ steps }: { steps: readonly Step[] }) {
  return (
    <ol className="ap-timeline" aria-label="办理过程">
      {steps.map((e) => (
        <li key={e.id}>
          <strong>{ANOMALY_STEP[e.action]}</strong> · {e.actorName} · {formatDateTime(e.occurredAt)}
          {e.note ? <div className="help">{e.note}</div> : null}
        </li>
      ))}
    </ol>
  );
}
