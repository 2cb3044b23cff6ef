import type { Action, ActionInput } from "./transitions";

/**
 * Where a refused decision's missing input belongs on the form (W4 补正, W5 不予注册, W6 公示结果, M1 退回): the engine's
 * input checks decide whether a decision may go ahead and say why in one sentence; this names the field(s) left
 * empty, so the form can put a short message next to each. Only shape is looked at — the rule lives in the engine.
 */
const blank = (v: string | undefined) => !v || v.trim() === "";
const noReasons = (input: ActionInput) => !input.reasons?.some((r) => r.trim() !== "");

export function inputFieldErrors(action: Action, input: ActionInput): Record<string, string> {
  const out: Record<string, string> = {};
  switch (action) {
    case "request_correction":
      if (blank(input.correction?.content)) out.content = "请填写补正内容（需要申请人补充的材料）";
      if (blank(input.correction?.reason)) out.reason = "请填写补正原因";
      break;
    case "reject":
      if (noReasons(input)) out.reasons = "请填写不予注册的理由";
      break;
    case "publish_notice":
      if (input.noticeOutcome !== "pass" && input.noticeOutcome !== "fail") out.outcome = "请选择公示结果";
      else if (input.noticeOutcome === "fail" && noReasons(input)) out.reasons = "请填写不合格原因";
      break;
    case "employer_return":
      if (noReasons(input)) out.reason = "请填写退回原因";
      break;
  }
  return out;
}
