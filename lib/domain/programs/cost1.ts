/** 一级造价工程师 — national program run by CECA (中价协) for MOHURD. Sources: `000`, `001`, rules.md §P. */
import {
  CECA_SCAN,
  COMMON_ATTACHMENTS,
  COST_EMPLOYER_KINDS,
  BJ_OVERDUE_CE,
  MINISTRY_LEVEL,
  MOHURD_PHOTO,
  MOHURD_SIGNATURE,
  PROVINCIAL_LEVEL,
} from "./common";
import type { Program, Specialty } from "./types";

/** R1 specialty digits 1–4 (`BJ`, rules.md §P). */
export const COST_SPECIALTIES: readonly Specialty[] = [
  { code: "1", name: "土木建筑工程", numberDigits: "1" },
  { code: "2", name: "交通运输工程", numberDigits: "2" },
  { code: "3", name: "水利工程", numberDigits: "3" },
  { code: "4", name: "安装工程", numberDigits: "4" },
];

/** GB/T 2260 code used in numbers issued on the 香港 route. */
export const HONG_KONG_PROVINCE_CODE = "81";

export const cost1: Program = {
  code: "cost1",
  name: "一级造价工程师",
  profession: "cost_engineer",
  jurisdiction: { kind: "national" },
  issuingAuthority: "中华人民共和国住房和城乡建设部",
  specialties: COST_SPECIALTIES,
  applicationTypes: [
    "initial",
    "extension",
    "change",
    "add_specialty",
    "cancellation",
    "reissue",
    "suspension",
    "resumption",
    "info_change",
  ],
  changeScopes: ["within_province", "cross_province"], // `001` §三.4; 香港 route uses 机构内变更 (`000` §三.4)
  reviewRoutes: {
    default: [PROVINCIAL_LEVEL, { ...MINISTRY_LEVEL, name: "住房和城乡建设部（中价协承办）" }],
    // `000` §三.1 / rules.md §P: 香港测量师学会工料测量组 collects, 中价协 checks and forwards, 住建部 decides.
    // Each level is an authority queue; the order here is the whole route (no code branches on it).
    hk: [
      { level: "hk_route", name: "香港地区（香港测量师学会工料测量组）", short: "香港地区", stage: "初审" },
      { level: "association", name: "中国建设工程造价管理协会（中价协）", short: "中价协", stage: "初审" },
      { ...MINISTRY_LEVEL, name: "住房和城乡建设部" },
    ],
  },
  // `000` §三.1: members of the Hong Kong institute file through the 香港地区 route.
  routeByIdType: { hk_surveyor_mutual: "hk" },
  validityYears: 4, // `000` §三.2
  extensionWindow: { opens: { months: 3 }, source: "000 §三.2" },
  initialDeadline: { months: 18 }, // rules.md §P (`004` 答疑8), the only source stating a deadline
  overdueCe: BJ_OVERDUE_CE,
  extensionCe: { compulsoryPerYear: 15, electivePerYear: 15, source: "BJ" },
  files: { photo: MOHURD_PHOTO, signature: MOHURD_SIGNATURE, scan: CECA_SCAN, correction: CECA_SCAN },
  attachments: COMMON_ATTACHMENTS,
  numbering: {
    prefix: "建[造]",
    levelDigit: "1",
    provinceCode: null, // the 初审 province of the filing; 81 on the 香港 route
    authorityCode: "00",
    pattern: /^建\[造\]1[1-4]\d{12}$/,
    acceptanceOfficeCode: "100",
  },
  eligibleEmployerKinds: COST_EMPLOYER_KINDS,
  options: {
    ageCap: null,
    refuseOutOfProvinceQualification: false,
    autoApproveOnEmployerSeal: [],
    cancellationCompletesOnEmployerSignature: false,
    withdrawalNeedsEmployerConsent: false, // `000` §三.6(3): withdraw freely until the authority reviews
    publicNotice: true, // `000` §三.1(9)(10): 公示 then 公告
    noChangeRegistrationAdvice: null,
    // `000` §三.1(9)(10), §三.2(9): 受理 and 初审 are the 初审机构's, 审批 the ministry's — the duties are already split
    // between two authorities by the review chain; the seed names no separate 受理 clerk inside either.
    acceptorMayDecide: true,
  },
  labels: { signed: "个人已上报（待单位确认）", countersign: "单位确认上报", countersigned: "单位已上报" },
};
