import { formatDateTime } from "@/components/ui/format";
import { ANOMALY_STEP } from "./labels";

type Step = { id: number; action: keyof typeof ANOMALY_STEP; actorName: string; note: string | null; occurredAt: Date };

/**
 * The anomaly's timeline (T3): who did what, when, with the explanation or opinion given. The applicant's page passes
 * the step names and the list's name in the reader's language; Chinese by default.
 */
export function AnomalyTimeline({
  steps,
  stepLabels = ANOMALY_STEP,
  label = "办理过程",
}: {
  steps: readonly Step[];
  stepLabels?: Record<keyof typeof ANOMALY_STEP, string>;
  label?: string;
}) {
  return (
    <ol className="ap-timeline" aria-label={label}>
      {steps.map((e) => (
        <li key={e.id}>
          <strong>{stepLabels[e.action]}</strong> · {e.actorName} · {formatDateTime(e.occurredAt)}
          {e.note ? <div className="help">{e.note}</div> : null}
        </li>
      ))}
    </ol>
  );
}
