"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { ActionResult as Outcome } from "@/lib/action-result";
import { Problem } from "./ui";

/** 领证: generate the signed e-certificate (生成中 while it runs), then offer the download. */
export function ClaimButton(props: {
  registrationId: string;
  label: string;
  claim: (id: string) => Promise<Outcome<{ fileId: string }>>;
}) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [fileId, setFileId] = useState<string | null>(null);
  const [problem, setProblem] = useState<Outcome | null>(null);
  if (fileId)
    return (
      <a className="btn btn-sm" href={`/files/${fileId}?download=1`}>
        下载电子证书
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
        {busy ? "证书生成中…" : props.label}
      </button>
      <Problem
        error={problem && !problem.ok ? problem.error : null}
        conflict={problem && !problem.ok ? problem.conflict : false}
      />
    </div>
  );
}
