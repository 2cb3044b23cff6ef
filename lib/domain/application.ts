/** The application record as the engine sees it, the actors that act on it, and applicant-facing labels (T). */
import { APPLICATION_TYPE_LABELS, isPerSpecialty } from "./application-types";
import type { Program, ProgramCode, ReviewLevel, RouteCode } from "./programs/types";
import type { ApplicationStatus, ApplicationType, InfoChangeKind } from "./types";

export interface Application {
  readonly id: string;
  readonly personId: string;
  readonly programCode: ProgramCode;
  readonly type: ApplicationType;
  /** Exactly one specialty for per-specialty types, null otherwise (G1). */
  readonly specialty: string | null;
  readonly route: RouteCode;
  /** The employer that countersigns (G3); null only for types without an employer step. */
  readonly employerId: string | null;
  /** K2 强制注销: skips the employer step and may be filed by the employer. */
  readonly forcedCancellation: boolean;
  /** K2: the employer filed this forced cancellation itself (the applicant cannot withdraw it). */
  readonly filedByEmployer: boolean;
  readonly infoChangeKind: InfoChangeKind | null;
  /** G6: shown to reviewers; the applicant must confirm it when signing. */
  readonly socialInsuranceAnomaly: boolean;
  readonly status: ApplicationStatus;
  /** 1-based index into the review chain while at an authority; 0 before and after. */
  readonly currentLevel: number;
  /** G8: the last save passed server validation. */
  readonly savedValid: boolean;
  readonly signedAt: string | null;
  readonly countersignedAt: string | null;
  /** W1: once any authority has accepted, the applicant can no longer withdraw. */
  readonly everAccepted: boolean;
  /** W4: what the authority asked for, and where the application returns after the answer. */
  readonly correction: {
    readonly content: string;
    readonly reason: string;
    readonly from: "pending_acceptance" | "under_review";
  } | null;
  /** W6: the published outcome and, for 不合格, its reasons. */
  readonly notice: { readonly outcome: "pass" | "fail"; readonly reasons: readonly string[] } | null;
  /** W5: reasons for 不予注册, kept so the applicant can correct and resubmit. */
  readonly rejectionReasons: readonly string[];
  /** Employer's reason for 退回个人 (`BJ`). */
  readonly returnReason: string | null;
  /** 浙江 / 上海 decisions taken without an authority review. */
  readonly decidedWithoutReview: boolean;
}

/**
 * Who acts on an application, as the engine sees it (a party to the application). Named apart from the services'
 * `Actor`, which is the signed-in user a session establishes.
 */
export type EngineActor =
  | { readonly kind: "applicant"; readonly personId: string }
  | { readonly kind: "employer"; readonly employerId: string }
  | { readonly kind: "authority"; readonly level: number }
  | { readonly kind: "system" };

/** G2: statuses in which an application is under approval and blocks new ones. */
export const IN_FLIGHT_STATUSES = [
  "signed",
  "pending_acceptance",
  "withdrawal_requested",
  "correction_requested",
  "under_review",
  "publicized",
] as const satisfies readonly ApplicationStatus[];

export function isInFlight(status: ApplicationStatus): boolean {
  return (IN_FLIGHT_STATUSES as readonly ApplicationStatus[]).includes(status);
}

/** T2: 历史申报 lists approved, rejected and withdrawn; the rest is 当前申报 (deleted is hidden). */
export function historyBucket(status: ApplicationStatus): "current" | "history" | "hidden" {
  if (status === "deleted") return "hidden";
  return status === "approved" || status === "rejected" || status === "withdrawn" ? "history" : "current";
}

/**
 * The authority levels this application passes. N2: basic information changes stop at the first (初审) level;
 * N3: important ones are decided at the top level only.
 */
export function reviewChainFor(
  app: Pick<Application, "type" | "route" | "infoChangeKind">,
  program: Program,
): readonly ReviewLevel[] {
  const chain = program.reviewRoutes[app.route] ?? program.reviewRoutes.default;
  if (app.type === "info_change" && chain.length > 1) {
    const level = app.infoChangeKind === "important" ? chain[chain.length - 1] : chain[0];
    return level ? [level] : chain;
  }
  return chain;
}

export interface NewApplicationInput {
  readonly id: string;
  readonly personId: string;
  readonly type: ApplicationType;
  readonly specialty: string | null;
  readonly route?: RouteCode;
  readonly employerId: string | null;
  readonly forcedCancellation?: boolean;
  /** K2: only a forced cancellation may be filed by the employer. */
  readonly filedByEmployer?: boolean;
  readonly infoChangeKind?: InfoChangeKind | null;
  readonly socialInsuranceAnomaly?: boolean;
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

/**
 * Creates a draft. Checks only what the record itself must satisfy (type offered, G1, route); whether the person
 * may file at all is `eligibility()`'s job and services must call it first.
 */
export function newApplication(program: Program, input: NewApplicationInput): Result<Application> {
  if (!program.applicationTypes.includes(input.type)) {
    if (input.type === "change" && program.options.noChangeRegistrationAdvice)
      return { ok: false, reason: program.options.noChangeRegistrationAdvice }; // C4
    return { ok: false, reason: `${program.name}不办理${APPLICATION_TYPE_LABELS[input.type]}` };
  }
  if (isPerSpecialty(input.type)) {
    // G1: one specialty per application.
    if (input.specialty === null || !program.specialties.some((s) => s.code === input.specialty))
      return { ok: false, reason: `每次申请须选择且只能选择一个${program.name}注册专业` };
  } else if (input.specialty !== null) {
    return { ok: false, reason: `${APPLICATION_TYPE_LABELS[input.type]}不按专业申请` };
  }
  const route = input.route ?? "default";
  if (!program.reviewRoutes[route]) return { ok: false, reason: `${program.name}没有「${route}」申报途径` };
  if (input.type === "info_change" && !input.infoChangeKind)
    return { ok: false, reason: "请选择基本信息变更或重要信息变更" };
  const forced = input.type === "cancellation" && input.forcedCancellation === true;
  if (input.filedByEmployer && !forced) return { ok: false, reason: "聘用单位只能申报强制注销" };
  if (input.employerId === null && input.type !== "info_change")
    return { ok: false, reason: "须有聘用单位：请先在「基本信息修改」中选择聘用单位" };
  return {
    ok: true,
    value: {
      id: input.id,
      personId: input.personId,
      programCode: program.code,
      type: input.type,
      specialty: input.specialty,
      route,
      employerId: input.employerId,
      forcedCancellation: forced,
      filedByEmployer: input.filedByEmployer === true,
      infoChangeKind: input.type === "info_change" ? (input.infoChangeKind ?? null) : null,
      socialInsuranceAnomaly: input.socialInsuranceAnomaly ?? false,
      status: "draft",
      currentLevel: 0,
      savedValid: false,
      signedAt: null,
      countersignedAt: null,
      everAccepted: false,
      correction: null,
      notice: null,
      rejectionReasons: [],
      returnReason: null,
      decidedWithoutReview: false,
    },
  };
}

/** What `statusLabel` reads; lists select just these columns instead of loading whole rows. */
export type StatusLabelFields = Pick<Application, "status" | "type" | "route" | "infoChangeKind" | "currentLevel"> & {
  readonly correction: Pick<NonNullable<Application["correction"]>, "from"> | null;
  readonly notice: Pick<NonNullable<Application["notice"]>, "outcome"> | null;
};

function levelAt(app: StatusLabelFields, program: Program): ReviewLevel | undefined {
  return reviewChainFor(app, program)[app.currentLevel - 1];
}

/** T1: the plain-language status the applicant sees (省级未受理, 部级审批中 …). */
export function statusLabel(app: StatusLabelFields, program: Program): string {
  const level = levelAt(app, program);
  const short = level?.short ?? "";
  switch (app.status) {
    case "draft":
      return "未申报（草稿）";
    case "signed":
      return program.labels.signed;
    case "returned":
      return "企业已退回，待修改";
    case "pending_acceptance":
      return `${short}未受理`;
    case "withdrawal_requested":
      return `${short}未受理（撤回待单位同意）`;
    case "correction_requested":
      return app.correction?.from === "under_review"
        ? `${short}${level?.stage ?? "审查"}中（待补正）`
        : `${short}未受理（待补正）`;
    case "under_review":
      return `${short}${level?.stage ?? "审查"}中`;
    case "publicized":
      return app.notice?.outcome === "fail" ? "公示中（不合格，可补正）" : "公示中";
    case "approved":
      if (app.type === "cancellation") return "已办结（准予注销）";
      return ["initial", "extension", "change", "add_specialty"].includes(app.type)
        ? "已办结（准予注册）"
        : `已办结（准予${APPLICATION_TYPE_LABELS[app.type]}）`;
    case "rejected":
      return "不予注册（可修改后重新申报）";
    case "withdrawn":
      return "已撤回";
    case "deleted":
      return "已删除";
  }
}
