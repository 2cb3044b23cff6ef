import type { Action, ActionInput } from "./transitions";

/**
 * How a decision refused for missing input is shown on its form (W4 补正, W5 不予注册, W6 公示结果, M1 退回): the engine's
 * input checks decide whether a decision may go ahead; this says, in the form's words, what to fill in and next to
 * which field. Only emptiness is looked at — the rule itself lives in the engine, and this is its only wording.
 */
export type InputProblem = { message: string; fieldErrors: Record<string, string> };

const blank = (v: string | undefined) => !v || v.trim() === "";
const noReasons = (input: ActionInput) => !input.reasons?.some((r) => r.trim() !== "");

export function inputProblem(action: Action, input: ActionInput): InputProblem | null {
  switch (action) {
    case "request_correction": {
      const fieldErrors: Record<string, string> = {};
      if (blank(input.correction?.content)) fieldErrors.content = "请填写补正内容（需要申请人补充的材料）";
      if (blank(input.correction?.reason)) fieldErrors.reason = "请填写补正原因";
      return Object.keys(fieldErrors).length
        ? { message: "要求补正须同时填写补正内容和补正原因。", fieldErrors }
        : null;
    }
    case "reject":
      return noReasons(input)
        ? {
            message: "不予注册须写明至少一条理由，申请人将据此修改后重新申报。",
            fieldErrors: { reasons: "请填写不予注册的理由" },
          }
        : null;
    case "publish_notice":
      if (input.noticeOutcome !== "pass" && input.noticeOutcome !== "fail") {
        return { message: "请选择公示结果（合格或不合格）。", fieldErrors: { outcome: "请选择公示结果" } };
      }
      return input.noticeOutcome === "fail" && noReasons(input)
        ? {
            message: "公示结果为不合格时须写明不合格原因，申请人可在公示期内据此补正。",
            fieldErrors: { reasons: "请填写不合格原因" },
          }
        : null;
    case "employer_return":
      return noReasons(input)
        ? { message: "请填写退回原因，告知申请人需要修改的内容。", fieldErrors: { reason: "请填写退回原因" } }
        : null;
    default:
      return null;
  }
}
