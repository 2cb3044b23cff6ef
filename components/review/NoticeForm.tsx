"use client";

import { useActionState } from "react";
import { publishNoticeBatchAction } from "@/app/review/notices/actions";
import { FormError } from "./FormError";
import { submitWithoutReset } from "@/components/review/submit-without-reset";
import { SubmitButton } from "@/components/ui/Button";

type Candidate = {
  id: string;
  acceptanceNo: string | null;
  personName: string;
  label: string;
  outcome: "pass" | "fail" | null;
};

/** 发布公示: title, body, 公示截止日期 and the 公示中 applications it lists. */
export function NoticeForm({ candidates, defaultEndsOn }: { candidates: Candidate[]; defaultEndsOn: string }) {
  const [state, submit, pending] = useActionState(publishNoticeBatchAction, null);
  const fe = state?.fieldErrors ?? {};
  return (
    <form onSubmit={submitWithoutReset(submit)} className="form" noValidate aria-label="发布公示">
      <FormError state={state} />
      <div className="field">
        <label htmlFor="title">
          公示标题<span className="req">*</span>
        </label>
        <input
          id="title"
          name="title"
          className="input"
          maxLength={200}
          placeholder="如：关于二级造价工程师初始注册审查结果的公示"
          aria-invalid={fe.title ? true : undefined}
        />
        {fe.title ? <span className="field-error">{fe.title}</span> : null}
      </div>
      <div className="field">
        <label htmlFor="body">公示内容</label>
        <textarea
          id="body"
          name="body"
          className="textarea"
          rows={3}
          maxLength={5000}
          placeholder="公示期内如有异议，请以书面形式向本机构反映。"
        />
        {fe.body ? <span className="field-error">{fe.body}</span> : null}
      </div>
      <div className="field field-sm">
        <label htmlFor="endsOn">
          公示截止日期<span className="req">*</span>
        </label>
        <input
          id="endsOn"
          name="endsOn"
          type="date"
          className="input"
          defaultValue={defaultEndsOn}
          aria-invalid={fe.endsOn ? true : undefined}
        />
        {fe.endsOn ? <span className="field-error">{fe.endsOn}</span> : null}
      </div>
      <fieldset className="field">
        <legend className="label">
          列入公示的申请<span className="req">*</span>
        </legend>
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th>选择</th>
                <th>受理编号</th>
                <th>姓名</th>
                <th>申请事项</th>
                <th>公示结果</th>
              </tr>
            </thead>
            <tbody>
              {candidates.map((c) => (
                <tr key={c.id}>
                  <td>
                    <input
                      type="checkbox"
                      name="applicationIds"
                      value={c.id}
                      defaultChecked
                      aria-label={`选择 ${c.personName}`}
                    />
                  </td>
                  <td className="nowrap">{c.acceptanceNo ?? "—"}</td>
                  <td className="nowrap">{c.personName}</td>
                  <td>{c.label}</td>
                  <td>
                    {c.outcome === "fail" ? (
                      <span className="pill bad">不合格</span>
                    ) : (
                      <span className="pill ok">合格</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {fe.applicationIds ? <span className="field-error">{fe.applicationIds}</span> : null}
      </fieldset>
      <SubmitButton pending={pending} pendingLabel="正在发布…">
        发布公示
      </SubmitButton>
    </form>
  );
}
