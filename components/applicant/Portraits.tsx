"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { ActionResult as Outcome } from "@/lib/action-result";
import { fill } from "@/components/ui/fill";
import { Notice, Problem, UploadButton, type UploadTexts } from "./ui";

type Slot = { fileId: string | null; limits: string[]; accept: string };

/** The panel's words from the server (applicantComponentTexts().portraits); Chinese by default. */
export type PortraitsTexts = {
  commitmentTitle: string;
  commitments: string[];
  agree: string;
  agreeFirst: string;
  photo: string;
  signature: string;
  notUploaded: string;
  current: string;
  upload: string;
  uploadAgain: string;
  photoSaved: string;
  signatureSaved: string;
  refresh: string;
  uploads: UploadTexts;
};

const ZH: PortraitsTexts = {
  commitmentTitle: "申报须知及个人承诺",
  commitments: [
    "此照片、签名用于制作电子证照，格式与大小须符合下方要求。",
    "照片为一寸免冠证件照，正向上传，清晰可辨。",
    "签名白底黑字，文字横向，正向上传，清晰可辨。",
    "本人具有完全民事行为能力并承诺该事项为本人办理，提供的照片、签名信息及材料等真实、合法、有效。",
    "本人知悉并承诺遵守相关法律、法规，愿承担相应责任。",
  ],
  agree: "本人已阅读并作出上述承诺",
  agreeFirst: "请先勾选“本人已阅读并作出上述承诺”，再上传照片和签名。",
  photo: "一寸照片",
  signature: "手写签名",
  notUploaded: "未上传",
  current: "当前{title}",
  upload: "上传{title}",
  uploadAgain: "重新上传{title}",
  photoSaved: "一寸照片已保存。",
  signatureSaved: "手写签名已保存。",
  refresh: "刷新",
  uploads: {
    busy: "正在上传…",
    failed: "上传失败（{status}），请稍后重试。",
    offline: "网络连接中断，文件未上传。请检查网络后重新上传。",
  },
};

/**
 * 照片、签名 (`003` §2.2, G4): read the 申报须知及个人承诺, tick it, upload a one-inch photo and a handwritten
 * signature. Each is checked and re-encoded on the server, then put on the record (setPortrait).
 */
export function Portraits(props: {
  photo: Slot;
  signature: Slot;
  save: (kind: "photo" | "signature", fileId: string) => Promise<Outcome>;
  texts?: PortraitsTexts;
}) {
  const t = props.texts ?? ZH;
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
    setMessage(kind === "photo" ? t.photoSaved : t.signatureSaved);
    setVersion((v) => v + 1);
    router.refresh();
  };

  const slot = (kind: "photo" | "signature", title: string, s: Slot) => (
    <div className="ap-portrait" data-testid={`${kind}-slot`}>
      <strong>{title}</strong>
      <div className={`frame ${kind}`}>
        {s.fileId ? (
          <img src={`/files/${s.fileId}?v=${version}`} alt={fill(t.current, { title })} />
        ) : (
          <span>{t.notUploaded}</span>
        )}
      </div>
      <ul className="ap-limits">
        {s.limits.map((l) => (
          <li key={l}>{l}</li>
        ))}
      </ul>
      <UploadButton
        kind={kind}
        label={fill(s.fileId ? t.uploadAgain : t.upload, { title })}
        accept={s.accept}
        disabled={!agreed}
        onUploaded={after(kind)}
        texts={t.uploads}
      />
    </div>
  );

  return (
    <div className="form">
      <div className="ap-letter ap-letter-full">
        <strong>{t.commitmentTitle}</strong>
        <ol>
          {t.commitments.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ol>
      </div>
      <label className="ap-check">
        <input type="checkbox" checked={agreed} onChange={(e) => setAgreed(e.target.checked)} />
        <span>{t.agree}</span>
      </label>
      {!agreed ? <p className="ap-muted">{t.agreeFirst}</p> : null}
      <div className="ap-portraits">
        {slot("photo", t.photo, props.photo)}
        {slot("signature", t.signature, props.signature)}
      </div>
      <Problem
        error={problem && !problem.ok ? problem.error : null}
        conflict={problem && !problem.ok ? problem.conflict : false}
        refreshLabel={t.refresh}
      />
      {message ? <Notice>{message}</Notice> : null}
    </div>
  );
}
