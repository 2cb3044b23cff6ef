import { z } from "zod";
import { m } from "./messages";
import { text, uuid } from "./common";

/** 申辩证明材料: the posted file input, required — an appeal without proof cannot be decided. */
const proof = z
  .unknown()
  .refine((v) => v instanceof File && v.size > 0, m("appealProof"))
  .transform((v) => v as File);

/** 我的申辩 (T3): the anomaly contested, the explanation and its proof. */
export const fileAppealSchema = z.object({
  anomalyId: uuid,
  statement: text(1000).min(5, m("appealStatement")),
  proof,
});

/** 申辩处理 (T3): 采纳 or 不采纳, with the opinion the person will read. */
export const decideAppealSchema = z.object({
  appealId: uuid,
  decision: z.enum(["accepted", "dismissed"], "请选择采纳或不采纳。"),
  reply: text(500).min(2, "请填写处理意见，说明决定的理由。"),
});

/** 标记异常 (G6, T3): a reviewer flags a person found by 证件号码. */
export const flagAnomalySchema = z.object({
  idNumber: text(32).min(4, "请输入人员的证件号码。"),
  kind: z.enum(["social_insurance", "duplicate_registration"], "请选择异常类型。"),
  reason: text(500).min(2, "请填写异常情况说明，申请人将看到此说明。"),
});
