/**
 * A program = profession × jurisdiction. Everything the sources disagree on is a field here (rules.md §P),
 * so the engine code never branches on a program code.
 */
import type { Period } from "../dates";
import type { ApplicationType, AuthorityLevel, ChangeScope, EmployerKind, FileKind } from "../types";

export const BUILT_IN_PROGRAM_CODES = ["cost1", "cost2-sh", "cost2-zj", "architect1", "survey-design"] as const;
export type BuiltInProgramCode = (typeof BUILT_IN_PROGRAM_CODES)[number];
/** Provinces added through `makeProvincialCost2Program` get `cost2-<suffix>` codes. */
export type ProgramCode = BuiltInProgramCode | `cost2-${string}`;

export type Profession = "cost_engineer" | "architect" | "survey_design_engineer";

export interface Specialty {
  /** Stable code stored in the database. Cost engineers use the R1 digit itself ("1"–"4"). */
  readonly code: string;
  readonly name: string;
  /** Digits written into the registration number (R1 specialty digit; 2 digits for 勘察设计). */
  readonly numberDigits: string;
  /** Grouping for display, e.g. 注册土木工程师 for 岩土. */
  readonly group?: string;
}

/** One authority level of a review chain; level 1 is the first after the employer. */
export interface ReviewLevel {
  readonly level: AuthorityLevel;
  /** Full name shown to reviewers, e.g. 省级注册初审机构. */
  readonly name: string;
  /** Short prefix of applicant-facing labels: 省级未受理, 部级未受理 (T). */
  readonly short: string;
  /** What this level does: 初审 before a higher level, 审批 at the top. */
  readonly stage: "初审" | "审批";
  /** 办理时限 at this level in working days; absent = the statutory 20 (STATUTORY_REVIEW_WORKING_DAYS). */
  readonly workingDays?: number;
}

/** 行政许可法第四十二条: a licensing decision within 20 working days of acceptance unless a law says otherwise. */
export const STATUTORY_REVIEW_WORKING_DAYS = 20;

/** Review routes: every program has `default`; 一级造价 also has the 香港地区 route (`000` §三.1). */
export interface ReviewRoutes {
  readonly default: readonly ReviewLevel[];
  readonly hk?: readonly ReviewLevel[];
}
export type RouteCode = keyof ReviewRoutes;

export interface FileLimit {
  readonly maxBytes: number;
  readonly minBytes?: number;
  /** Lower-case extensions without dot. */
  readonly formats: readonly string[];
  /** Recommended pixel size (width × height), advisory only (`003` §2.2). */
  readonly recommendedPx?: { readonly width: number; readonly height: number };
  readonly source: string;
}

export type AttachmentCondition =
  | "always"
  | "overdue"
  | "forced_cancellation"
  | "important_info_change"
  | "basic_info_change";

export interface AttachmentSpec {
  readonly code: string;
  readonly label: string;
  /** When the attachment is required; optional attachments use `required: false`. */
  readonly required: boolean;
  readonly when: AttachmentCondition;
}

/** Continuing-education requirement. `window` says which records count. */
export interface CeRequirement {
  readonly totalHours: number;
  readonly compulsoryHours: number;
  readonly electiveHours: number;
  /** calendar_year: records dated in the filing year (`004`); last_12_months: the 12 months before filing (`BJ`). */
  readonly window: "calendar_year" | "last_12_months";
  readonly source: string;
}

export interface NumberingRule {
  /** Prefix of the registration number: 建[造] (R1), 建[筑], 建[勘] (our documented formats). */
  readonly prefix: string;
  /**
   * Level digit for cost engineers (1|2) and architects (1); empty for 勘察设计 where the specialty digits carry the
   * level.
   */
  readonly levelDigit: string;
  /**
   * Two-digit province code (GB/T 2260) fixed by a provincial program; null = taken from the filing (employer
   * province / 81 for 香港).
   */
  readonly provinceCode: string | null;
  /** Two-digit code of the issuing authority. */
  readonly authorityCode: string;
  /** Regex of a complete number, used by tests and by services to validate imports. */
  readonly pattern: RegExp;
  /** Office code of the online acceptance number (R2: W + yyyyMM + office + serial). */
  readonly acceptanceOfficeCode: string;
}

export interface ProgramOptions {
  /** No new initial/extension/change within `blockWithinDays` of the `age`th birthday; validity capped at it (`BJ`). */
  readonly ageCap: { readonly age: number; readonly blockWithinDays: number } | null;
  /** 浙江: qualifications obtained in another province cannot be registered here (`004` 答疑7). */
  readonly refuseOutOfProvinceQualification: boolean;
  /**
   * 浙江: types issued automatically once the employer has sealed and the system judges the applicant eligible
   * (`004` 第三步5).
   */
  readonly autoApproveOnEmployerSeal: readonly ApplicationType[];
  /** 上海: cancellation completes on the employer's signature, no authority review (`002` §3.4.1.10). */
  readonly cancellationCompletesOnEmployerSignature: boolean;
  /** W2: withdrawal after reaching the authority (not yet accepted) needs the employer's consent (`003` §5). */
  readonly withdrawalNeedsEmployerConsent: boolean;
  /** Decisions are published (公示/公告) before they conclude (`000` §三.1(9)(10)). */
  readonly publicNotice: boolean;
  /** C4: shown when the program does not offer 变更注册. */
  readonly noChangeRegistrationAdvice: string | null;
  /**
   * Segregation of duties (issue 9 item 9): may the reviewer who accepted (受理) an application also decide it
   * (准予/不予注册, 公示)? False makes the engine refuse the acceptor's decision, so a second reviewer must decide.
   */
  readonly acceptorMayDecide: boolean;
}

export interface Program {
  readonly code: ProgramCode;
  readonly name: string;
  readonly profession: Profession;
  readonly jurisdiction:
    | { readonly kind: "national" }
    | { readonly kind: "provincial"; readonly province: string; readonly provinceCode: string };
  /** Who issues the certificate (R3 issuing authority). */
  readonly issuingAuthority: string;
  readonly specialties: readonly Specialty[];
  readonly applicationTypes: readonly ApplicationType[];
  /** C1 scopes offered for 变更注册 on the default route; the 香港 route always uses 机构内变更. */
  readonly changeScopes: readonly ChangeScope[];
  readonly reviewRoutes: ReviewRoutes;
  /** Which identity documents file through a route other than `default` (香港测量师互认证号 → hk). */
  readonly routeByIdType?: Readonly<Record<string, RouteCode>>;
  readonly validityYears: number;
  /** X1: the extension window opens `opens` before expiry and (optionally) closes `closes` before it. */
  readonly extensionWindow: { readonly opens: Period; readonly closes?: Period; readonly source: string };
  /** Reminders before a registration expires, each sent once (issue 11); unset → 6 months, 3 months, 30 days. */
  readonly expiryReminders?: readonly Period[];
  /** 补正 deadline after the request, and the reminder before it (issue 11); unset → DEFAULT_CORRECTION_DEADLINE. */
  readonly correctionDeadline?: { readonly days: number; readonly remindDaysBefore: number };
  /** Expected decision: working days after 受理 (issue 11); unset → DEFAULT_DECISION_WORKING_DAYS. */
  readonly decisionWorkingDays?: number;
  /** I2: initial registration after this period from qualification needs overdue CE. */
  readonly initialDeadline: Period;
  readonly overdueCe: CeRequirement;
  /** X3: CE hours per year of the registration period, per specialty. */
  readonly extensionCe: {
    readonly compulsoryPerYear: number;
    readonly electivePerYear: number;
    readonly source: string;
  };
  readonly files: Readonly<Record<FileKind, FileLimit>>;
  readonly attachments: Readonly<Partial<Record<ApplicationType, readonly AttachmentSpec[]>>>;
  readonly numbering: NumberingRule;
  readonly eligibleEmployerKinds: readonly EmployerKind[];
  readonly options: ProgramOptions;
  /** Applicant-facing label of `signed` (个人已签名 vs 个人已上报, T) and the employer step's event name. */
  readonly labels: { readonly signed: string; readonly countersign: string; readonly countersigned: string };
}
