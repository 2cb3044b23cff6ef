/**
 * Application types: their Chinese names, what a decision on each is called, and which steps each type goes
 * through. The forms of the types are in form-specs.ts, their validation in form-validation.ts.
 */
import { APPLICATION_TYPES, type ApplicationType } from "./types";

export const APPLICATION_TYPE_LABELS = {
  initial: "初始注册",
  extension: "延续注册",
  change: "变更注册",
  add_specialty: "增项注册",
  cancellation: "注销注册",
  reissue: "证书补办（更改补办）",
  suspension: "暂停执业",
  resumption: "恢复执业",
  info_change: "信息变更",
} as const satisfies Record<ApplicationType, string>;

/** What a decision is called on the reviewer's button and in the timeline, per type (准予延续注册, 准予暂停执业 …). */
export const DECISION_LABELS = {
  initial: { approve: "准予注册", reject: "不予注册" },
  extension: { approve: "准予延续注册", reject: "不予延续注册" },
  change: { approve: "准予变更注册", reject: "不予变更注册" },
  add_specialty: { approve: "准予增项注册", reject: "不予增项注册" },
  cancellation: { approve: "准予注销注册", reject: "不予注销注册" },
  reissue: { approve: "准予补办", reject: "不予补办" },
  suspension: { approve: "准予暂停执业", reject: "不予暂停执业" },
  resumption: { approve: "准予恢复执业", reject: "不予恢复执业" },
  info_change: { approve: "准予信息变更", reject: "不予信息变更" },
} as const satisfies Record<ApplicationType, { approve: string; reject: string }>;

/** Types filed for one specialty (G1); the others concern the person's whole registration in the program. */
const PER_SPECIALTY_TYPES: readonly ApplicationType[] = [
  "initial",
  "extension",
  "change",
  "add_specialty",
  "cancellation",
  "reissue",
];
export function isPerSpecialty(type: ApplicationType): boolean {
  return PER_SPECIALTY_TYPES.includes(type);
}

/** Types that skip the employer step: information corrections go straight to the authority (`003` §2.7). */
export function needsEmployerStep(type: ApplicationType, forcedCancellation: boolean): boolean {
  if (type === "info_change") return false;
  if (type === "cancellation" && forcedCancellation) return false; // K2 (`BJ`)
  return true;
}

export function isApplicationType(value: unknown): value is ApplicationType {
  return typeof value === "string" && (APPLICATION_TYPES as readonly string[]).includes(value);
}
