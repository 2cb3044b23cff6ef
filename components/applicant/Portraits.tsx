"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { ActionResult as Outcome } from "@/lib/action-result";
import { Notice, Problem, UploadButton } from "./ui";

type Slot = { fileId: string | null; limits: string[]; accept: string };

/**
 * 照片、签名 (`003` §2.2, G4): read the 申报须知及个人承诺, tick it, upload a one-inch photo and a handwritten
 * signature. Each is checked and re-encoded on the server, then put on the record (setPortrait).
 */
export function Portraits(props: {
  photo: Slot;
  signature: Slot;
  save: (kind: "photo" | "signature", fileId: string) => Promise<Outcome>;
}) {
  const router = useRouter();
  const [agreed, setAgreed] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [problem, setProblem] = useState<Outcome | null>(null);
  const [version, setVersion] = useState(0);

  const after = (kind: "photo" | "signature") => async (u: { fileId: string }) => {
    setMessage(null);
    setProblem(null);
    const res = await props.save(kind, u.fileId);
    if (!res.ok) return setProblem(res);
    setMessage(kind === "photo" ? "一寸照片已保存。" : "手写签名已保存。");
    setVersion((v) => v + 1);
    router.refresh();
  };

  const slot = (kind: "photo" | "signature", title: string, s: Slot) => (
    <div className="ap-portrait" data-testid={`${kind}-slot`}>
      <strong>{title}</strong>
      <div className={`frame ${kind}`}>
        {s.fileId ? <img src={`/files/${s.fileId}?v=${version}`} alt={`当前${title}`} /> : <span>未上传</span>}
      </div>
      <ul className="ap-limits">
        {s.limits.map((l) => (
          <li key={l}>{l}</li>
        ))}
      </ul>
      <UploadButton
        kind={kind}
        label={s.fileId ? `重新上传${title}` : `上传${title}`}
        accept={s.accept}
        disabled={!agreed}
        onUploaded={after(kind)}
      />
    </div>
  );

  return (
    <div className="form">
      <div className="ap-letter ap-letter-full">
        <strong>申报须知及个人承诺</strong>
        <ol>
          <li>此照片、签名用于制作电子证照，格式与大小须符合下方要求。</li>
          <li>照片为一寸免冠证件照，正向上传，清晰可辨。</li>
          <li>签名白底黑字，文字横向，正向上传，清晰可辨。</li>
          <li>本人具有完全民事行为能力并承诺该事项为本人办理，提供的照片、签名信息及材料等真实、合法、有效。</li>
          <li>本人知悉并承诺遵守相关法律、法规，愿承担相应责任。</li>
        </ol>
      </div>
      <label className="ap-check">
        <input type="checkbox" checked={agreed} onChange={(e) => setAgreed(e.target.checked)} />
        <span>本人已阅读并作出上述承诺</span>
      </label>
      {!agreed ? <p className="ap-muted">请先勾选“本人已阅读并作出上述承诺”，再上传照片和签名。</p> : null}
      <div className="ap-portraits">
        {slot("photo", "一寸照片", props.photo)}
        {slot("signature", "手写签名", props.signature)}
      </div>
      <Problem
        error={problem && !problem.ok ? problem.error : null}
        conflict={problem && !problem.ok ? problem.conflict : false}
      />
      {message ? <Notice>{message}</Notice> : null}
    </div>
  );
}
