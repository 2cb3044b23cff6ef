/**
 * 二级造价工程师 — one program per province. A province is added by calling `makeProvincialCost2Program`
 * with its data (`002` 上海, `004` 浙江, `001` CECA defaults).
 */
import {
  CECA_SCAN,
  COMMON_ATTACHMENTS,
  COST_EMPLOYER_KINDS,
  BJ_OVERDUE_CE,
  MOHURD_PHOTO,
  MOHURD_SIGNATURE,
  ZJ_IMAGE,
  ZJ_OVERDUE_CE,
} from "./common";
import { COST_SPECIALTIES } from "./cost1";
import type { CeRequirement, FileLimit, Program, ProgramOptions, ReviewLevel } from "./types";
import type { ApplicationType, ChangeScope } from "../types";

/** 二级 offers 土木建筑工程 and 安装工程 only (`002`, `004`); codes keep the R1 digits 1 and 4. */
const COST2_SPECIALTIES = COST_SPECIALTIES.filter((s) => s.code === "1" || s.code === "4");

const ALL_COST2_TYPES: readonly ApplicationType[] = [
  "initial",
  "extension",
  "change",
  "add_specialty",
  "cancellation",
  "reissue",
  "suspension",
  "resumption",
  "info_change",
];

export interface ProvincialCost2Input {
  /** Code suffix: `sh` → program code `cost2-sh`. */
  readonly suffix: string;
  readonly province: string;
  /** GB/T 2260 two-digit code, written into R1 numbers. */
  readonly provinceCode: string;
  /** Issuing authority, e.g. 上海市住房和城乡建设管理委员会. */
  readonly authority: string;
  readonly authorityCode?: string;
  /** Office code in acceptance numbers (R2). */
  readonly acceptanceOfficeCode: string;
  readonly applicationTypes?: readonly ApplicationType[];
  readonly changeScopes?: readonly ChangeScope[];
  readonly extensionWindowDays?: number;
  readonly initialDeadlineMonths?: number;
  readonly overdueCe?: CeRequirement;
  readonly photo?: FileLimit;
  readonly signature?: FileLimit;
  readonly options?: Partial<ProgramOptions>;
  readonly labels?: Partial<Program["labels"]>;
}

export function makeProvincialCost2Program(input: ProvincialCost2Input): Program {
  const level: ReviewLevel = {
    level: "provincial",
    name: `${input.province}二级造价工程师注册管理机构`,
    short: "省级",
    stage: "审批",
  };
  const authorityCode = input.authorityCode ?? "01";
  return {
    code: `cost2-${input.suffix}`,
    name: `二级造价工程师（${input.province}）`,
    profession: "cost_engineer",
    jurisdiction: { kind: "provincial", province: input.province, provinceCode: input.provinceCode },
    issuingAuthority: input.authority,
    specialties: COST2_SPECIALTIES,
    applicationTypes: input.applicationTypes ?? ALL_COST2_TYPES,
    changeScopes: input.changeScopes ?? ["within_province", "cross_province"], // `001` §三.4
    reviewRoutes: { default: [level] }, // applicant → employer → 省级管理机构 (rules.md §P)
    validityYears: 4, // `001` §三.2, `004` 答疑8
    extensionWindow: { opens: { days: input.extensionWindowDays ?? 30 }, source: "001 §三.2" },
    initialDeadline: { months: input.initialDeadlineMonths ?? 18 }, // `004` 答疑8
    overdueCe: input.overdueCe ?? BJ_OVERDUE_CE,
    extensionCe: { compulsoryPerYear: 15, electivePerYear: 15, source: "BJ" },
    files: {
      photo: input.photo ?? MOHURD_PHOTO,
      signature: input.signature ?? MOHURD_SIGNATURE,
      scan: CECA_SCAN,
      correction: CECA_SCAN,
    },
    attachments: COMMON_ATTACHMENTS,
    numbering: {
      prefix: "建[造]",
      levelDigit: "2",
      provinceCode: input.provinceCode,
      authorityCode,
      pattern: new RegExp(`^建\\[造\\]2[14]\\d{2}${input.provinceCode}${authorityCode}\\d{6}$`),
      acceptanceOfficeCode: input.acceptanceOfficeCode,
    },
    eligibleEmployerKinds: COST_EMPLOYER_KINDS,
    options: {
      ageCap: null,
      refuseOutOfProvinceQualification: false,
      autoApproveOnEmployerSeal: [],
      cancellationCompletesOnEmployerSignature: false,
      withdrawalNeedsEmployerConsent: false,
      publicNotice: false,
      noChangeRegistrationAdvice: null,
      // `001` §三.1(5)(9), `002` §3.4.1.10: one 省级管理机构 window both accepts and decides (`002` calls the same
      // step 窗口受理 and 窗口审批). A province that splits the duties sets this to false in its reference file.
      acceptorMayDecide: true,
      ...input.options,
    },
    labels: {
      signed: "个人已签名（待企业签名）",
      countersign: "企业签名确认",
      countersigned: "企业已签名",
      ...input.labels,
    },
  };
}

/** 上海 (`002`): both parties sign digitally; cancellation ends on the employer's signature; no 变更注册 (§3.5). */
export const cost2Shanghai = makeProvincialCost2Program({
  suffix: "sh",
  province: "上海市",
  provinceCode: "31",
  authority: "上海市住房和城乡建设管理委员会",
  acceptanceOfficeCode: "033", // W2021100330001 = W + 202110 + 033 + 0001 (`002`)
  applicationTypes: ALL_COST2_TYPES.filter((t) => t !== "change"),
  changeScopes: [],
  options: {
    cancellationCompletesOnEmployerSignature: true,
    noChangeRegistrationAdvice:
      "上海市二级造价工程师不设变更注册：更换聘用企业请先办理注销注册，再以新企业申请初始注册。",
  },
});

/** 浙江 (`004`): auto issue after the employer seals; out-of-province qualifications refused; 50 KB JPG images. */
export const cost2Zhejiang = makeProvincialCost2Program({
  suffix: "zj",
  province: "浙江省",
  provinceCode: "33",
  authority: "浙江省住房和城乡建设厅",
  acceptanceOfficeCode: "330",
  overdueCe: ZJ_OVERDUE_CE,
  photo: ZJ_IMAGE,
  signature: ZJ_IMAGE,
  options: {
    refuseOutOfProvinceQualification: true,
    autoApproveOnEmployerSeal: ["initial", "add_specialty"], // `004` 第三步: 初始(增项)注册
  },
  labels: { countersign: "单位加盖公章", countersigned: "单位已盖章" },
});
