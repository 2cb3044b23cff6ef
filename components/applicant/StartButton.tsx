"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { ActionResult as Outcome } from "@/lib/action-result";
import { Problem } from "./ui";

/** An allowed option of 新增注册申请: creates (or resumes) the draft and opens its 申报须知. */
export type StartInput = {
  programCode: string;
  type: string;
  specialtyCode: string | null;
  infoChangeKind?: "basic" | "important" | null;
};

/** The button's own words from the server (applicantComponentTexts().start); Chinese by default. */
export type StartTexts = { busy: string; refresh: string };
const ZH: StartTexts = { busy: "正在进入…", refresh: "刷新" };

export function StartButton(props: {
  label: string;
  texts?: StartTexts;
  input: StartInput;
  start: (input: StartInput) => Promise<Outcome<{ applicationId: string; resumed: boolean }>>;
}) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Outcome | null>(null);
  return (
    <div>
      <button
        type="button"
        className="btn btn-sm"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          setProblem(null);
          const res = await props.start(props.input);
          if (!res.ok) {
            setBusy(false);
            setProblem(res);
            return;
          }
          router.push(`/applicant/applications/${res.applicationId}/edit`);
        }}
      >
        {busy ? (props.texts ?? ZH).busy : props.label}
      </button>
      <Problem
        error={problem && !problem.ok ? problem.error : null}
        conflict={problem && !problem.ok ? problem.conflict : false}
        refreshLabel={(props.texts ?? ZH).refresh}
      />
    </div>
  );
}
