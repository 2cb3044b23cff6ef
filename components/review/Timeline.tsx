/** 审核进度 (T1): every state change with who, when, the resulting status and the opinion. */
import { formatDateTime } from "@/components/ui/format";
import type { TimelineItem } from "@/lib/queries/review-detail";

export function Timeline({ items }: { items: TimelineItem[] }) {
  if (items.length === 0) return <p className="help">暂无办理记录。</p>;
  return (
    <ol className="timeline" data-testid="timeline">
      {items.map((e) => (
        <li key={e.seq}>
          <div className="timeline-head">
            <strong>{e.title}</strong>
            <span className="timeline-time">{formatDateTime(e.occurredAt)}</span>
          </div>
          <div className="timeline-meta">
            {e.actorLabel && e.actorLabel !== e.actorName ? `${e.actorLabel} · ` : ""}
            {e.actorName}
            {e.statusLabel ? <span className="pill">{e.statusLabel}</span> : null}
          </div>
          {e.correction ? (
            <div className="timeline-opinion">
              补正内容：{e.correction.content}
              <br />
              补正原因：{e.correction.reason}
            </div>
          ) : e.reasons.length > 1 ? (
            <ul className="timeline-opinion">
              {e.reasons.map((r, i) => (
                // Recorded reasons, in order, may repeat; never reordered.
                // biome-ignore lint/suspicious/noArrayIndexKey: see the comment above
                <li key={i}>{r}</li>
              ))}
            </ul>
          ) : e.opinion ? (
            <div className="timeline-opinion">意见：{e.opinion}</div>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
