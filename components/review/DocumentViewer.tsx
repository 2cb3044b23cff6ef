"use client";

import { useState } from "react";
import type { DocumentItem } from "@/lib/queries/review-detail";

/** The application's documents beside the form: a list and an embedded viewer (PDF in a frame, images inline). */
export function DocumentViewer({ documents }: { documents: DocumentItem[] }) {
  const [selected, setSelected] = useState<string | null>(documents[0]?.fileId ?? null);
  const current = documents.find((d) => d.fileId === selected) ?? null;
  if (documents.length === 0) return <p className="help">该申请没有可查看的材料。</p>;
  return (
    <div className="docviewer">
      <ul className="doclist" aria-label="申请材料">
        {documents.map((d) => (
          <li key={d.fileId}>
            <button
              type="button"
              className={`doclink${d.fileId === selected ? " active" : ""}`}
              aria-pressed={d.fileId === selected}
              onClick={() => setSelected(d.fileId)}
            >
              <span>{d.label}</span>
              <span className="doctype">{d.mimeType === "application/pdf" ? "PDF" : "图片"}</span>
            </button>
            <a href={`/files/${d.fileId}`} target="_blank" rel="noreferrer" className="docopen">
              新窗口打开
            </a>
          </li>
        ))}
      </ul>
      {current ? (
        <div className="docframe" data-testid="document-frame">
          <div className="docframe-title">{current.label}</div>
          {current.mimeType === "application/pdf" ? (
            <iframe key={current.fileId} src={`/files/${current.fileId}`} title={current.label} />
          ) : (
            // eslint-disable-next-line @next/next/no-img-element -- authorized file route, not a static asset
            <img key={current.fileId} src={`/files/${current.fileId}`} alt={current.label} />
          )}
        </div>
      ) : null}
    </div>
  );
}
