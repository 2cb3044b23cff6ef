"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { ActionResult as Outcome } from "@/lib/action-result";
import { Problem } from "./ui";

/** ClaimButton's words beside its label (证书生成中…, 下载电子证书, 刷新), from the server; Chinese by default. */
export type ClaimTexts = { busy: string; download: string; refresh: string };
const ZH: ClaimTexts = { busy: "证书生成中…", download: "下载电子证书", refresh: "刷新" };

/** 领证: generate the signed e-certificate (生成中 while it runs), then offer the download. */
export function ClaimButton(props: {
  registrationId: string;
  label: string;
  texts?: ClaimTexts;
  claim: (id: string) => Promise<Outcome<{ fileId: string }>>;
}) {
  const texts = props.texts ?? ZH;
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [fileId, setFileId] = useState<string | null>(null);
  const [problem, setProblem] = useState<Outcome | null>(null);
  if (fileId)
    return (
      <a className="btn btn-sm" href={`/files/${fileId}?download=1`}>
        {texts.download}
      </a>
    );
  return (
    <div>
      <button
        type="button"
        className="btn btn-sm"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          setProblem(null);
          const res = await props.claim(props.registrationId);
          setBusy(false);
          if (!res.ok) return setProblem(res);
          setFileId(res.fileId);
          router.refresh();
        }}
      >
        {busy ? texts.busy : props.label}
      </button>
      <Problem
        error={problem && !problem.ok ? problem.error : null}
        conflict={problem && !problem.ok ? problem.conflict : false}
        refreshLabel={texts.refresh}
      />
    </div>
  );
}
