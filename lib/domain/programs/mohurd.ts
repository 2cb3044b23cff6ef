/**
 * MOHURD programs filed through 全国一级注册建筑师、注册工程师注册管理信息系统 (`003`):
 * applicant → employer → 住建部, statuses 个人已上报 → 企业已上报 → 部级未受理 → …
 */
import {
  COMMON_ATTACHMENTS,
  CECA_SCAN,
  MINISTRY_LEVEL,
  MOHURD_CORRECTION,
  MOHURD_EMPLOYER_KINDS,
  BJ_OVERDUE_CE,
  MOHURD_PHOTO,
  MOHURD_SIGNATURE,
} from "./common";
import type { Program, ProgramOptions, Specialty } from "./types";
import type { ApplicationType } from "../types";

/** `003` offers 初始, 变更, 延续, 更改补办, 注销 and 信息更正 (§2.7, §3). */
const MOHURD_TYPES: readonly ApplicationType[] = [
  "initial",
  "extension",
  "change",
  "reissue",
  "cancellation",
  "info_change",
];

const MOHURD_OPTIONS: ProgramOptions = {
  ageCap: { age: 70, blockWithinDays: 90 }, // optional rule from `BJ`, enabled for the national MOHURD programs
  refuseOutOfProvinceQualification: false,
  autoApproveOnEmployerSeal: [],
  cancellationCompletesOnEmployerSignature: false,
  withdrawalNeedsEmployerConsent: true, // W2, `003` §5
  publicNotice: true, // MOHURD publishes 拟批准注册人员名单 before the decision
  noChangeRegistrationAdvice: null,
  // `003` §3.1, §4: the ministry is both 受理部门 and deciding body; the seed shows one 审核进度 per application and
  // no separate acceptance desk, so one reviewer may accept and decide (回避 still applies, see segregation-of-duties).
  acceptorMayDecide: true,
};

const MOHURD_LABELS: Program["labels"] = {
  signed: "个人已上报",
  countersign: "企业确认上报",
  countersigned: "企业已上报",
};

export const architect1: Program = {
  code: "architect1",
  name: "一级注册建筑师",
  profession: "architect",
  jurisdiction: { kind: "national" },
  issuingAuthority: "全国注册建筑师管理委员会",
  specialties: [{ code: "architecture", name: "建筑", numberDigits: "" }],
  applicationTypes: MOHURD_TYPES,
  changeScopes: ["within_province", "cross_province"],
  reviewRoutes: {
    default: [{ ...MINISTRY_LEVEL, name: "住房和城乡建设部（全国注册建筑师管理委员会）" }],
  },
  // ARC 第十七条 sets two years; the portal may differ (rules.md §P) — change it here, not in code.
  validityYears: 2,
  extensionWindow: { opens: { months: 6 }, source: "003 §3.3.1 注1" },
  initialDeadline: { months: 36 }, // assumption: 3 years, as for 勘察设计 (建设部令第137号)
  overdueCe: BJ_OVERDUE_CE,
  extensionCe: { compulsoryPerYear: 15, electivePerYear: 15, source: "BJ" },
  files: { photo: MOHURD_PHOTO, signature: MOHURD_SIGNATURE, scan: CECA_SCAN, correction: MOHURD_CORRECTION },
  attachments: COMMON_ATTACHMENTS,
  numbering: {
    // Our documented format (docs/engine.md): 建[筑] + 1 + yy + province + authority + serial(6).
    prefix: "建[筑]",
    levelDigit: "1",
    provinceCode: null, // employer's province
    authorityCode: "00",
    pattern: /^建\[筑\]1\d{12}$/,
    acceptanceOfficeCode: "101",
  },
  eligibleEmployerKinds: MOHURD_EMPLOYER_KINDS,
  options: MOHURD_OPTIONS,
  labels: MOHURD_LABELS,
};

const g = (code: string, name: string, numberDigits: string, group: string): Specialty => ({
  code,
  name,
  numberDigits,
  group,
});

/** rules.md §P; the two number digits are ours: first = profession, second = branch (一/二级 for 结构). */
const SURVEY_DESIGN_SPECIALTIES: readonly Specialty[] = [
  g("structural1", "一级注册结构工程师", "11", "注册结构工程师"),
  g("structural2", "二级注册结构工程师", "12", "注册结构工程师"),
  g("geotechnical", "注册土木工程师（岩土）", "21", "注册土木工程师"),
  g("port_waterway", "注册土木工程师（港口与航道工程）", "22", "注册土木工程师"),
  g("water_hydropower", "注册土木工程师（水利水电工程）", "23", "注册土木工程师"),
  g("road", "注册土木工程师（道路工程）", "24", "注册土木工程师"),
  g("power_generation", "注册电气工程师（发输变电）", "31", "注册电气工程师"),
  g("power_supply", "注册电气工程师（供配电）", "32", "注册电气工程师"),
  g("water_supply_drainage", "注册公用设备工程师（给水排水）", "41", "注册公用设备工程师"),
  g("hvac", "注册公用设备工程师（暖通空调）", "42", "注册公用设备工程师"),
  g("power_engineering", "注册公用设备工程师（动力）", "43", "注册公用设备工程师"),
  g("chemical", "注册化工工程师", "51", "注册化工工程师"),
  g("environmental", "注册环保工程师", "61", "注册环保工程师"),
];

export const surveyDesign: Program = {
  code: "survey-design",
  name: "勘察设计注册工程师",
  profession: "survey_design_engineer",
  jurisdiction: { kind: "national" },
  issuingAuthority: "中华人民共和国住房和城乡建设部",
  specialties: SURVEY_DESIGN_SPECIALTIES,
  applicationTypes: MOHURD_TYPES,
  changeScopes: ["within_province", "cross_province"],
  reviewRoutes: { default: [MINISTRY_LEVEL] },
  validityYears: 3, // 《勘察设计注册工程师管理规定》(建设部令第137号)
  extensionWindow: { opens: { months: 6 }, source: "003 §3.3.1 注1" },
  initialDeadline: { months: 36 }, // 建设部令第137号: 自资格证书签发之日起三年内
  overdueCe: BJ_OVERDUE_CE,
  extensionCe: { compulsoryPerYear: 15, electivePerYear: 15, source: "BJ" },
  files: { photo: MOHURD_PHOTO, signature: MOHURD_SIGNATURE, scan: CECA_SCAN, correction: MOHURD_CORRECTION },
  attachments: COMMON_ATTACHMENTS,
  numbering: {
    // Our documented format: 建[勘] + specialty(2) + yy + province + authority + serial(6).
    prefix: "建[勘]",
    levelDigit: "",
    provinceCode: null,
    authorityCode: "00",
    pattern: /^建\[勘\]\d{14}$/,
    acceptanceOfficeCode: "102",
  },
  eligibleEmployerKinds: MOHURD_EMPLOYER_KINDS,
  options: MOHURD_OPTIONS,
  labels: MOHURD_LABELS,
};
