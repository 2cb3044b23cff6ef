/**
 * 办事指南: one page per program × application type, written entirely from the program's data (lib/domain/programs)
 * and the type's form description, so a change to a program (a file limit, a window, a review level) changes its
 * guide with no second copy to keep in step.
 */
import { APPLICATION_TYPE_LABELS, needsEmployerStep } from "./application-types";
import { describeForm, type FieldSpec } from "./form-specs";
import { periodLabel } from "./dates";
import {
  STATUTORY_REVIEW_WORKING_DAYS,
  type FileLimit,
  type Program,
  type ReviewLevel,
  type RouteCode,
} from "./programs/types";
import { CHANGE_SCOPE_LABELS, EMPLOYER_KIND_LABELS, type ApplicationType } from "./types";

export interface GuideSection {
  readonly heading: string;
  readonly items: readonly string[];
}

export interface Guide {
  readonly title: string;
  readonly programCode: string;
  readonly type: ApplicationType;
  readonly authority: string;
  readonly sections: readonly GuideSection[];
}

const KB = 1024;
function sizeLabel(bytes: number): string {
  return bytes >= 1024 * KB && bytes % (1024 * KB) === 0 ? `${bytes / (1024 * KB)}MB` : `${Math.round(bytes / KB)}KB`;
}

export function fileLimitLabel(limit: FileLimit): string {
  const formats = [...new Set(limit.formats.map((f) => (f === "jpeg" ? "jpg" : f).toUpperCase()))].join("、");
  const size = limit.minBytes
    ? `${sizeLabel(limit.minBytes)}至${sizeLabel(limit.maxBytes)}`
    : `不超过${sizeLabel(limit.maxBytes)}`;
  const px = limit.recommendedPx ? `，建议尺寸${limit.recommendedPx.width}×${limit.recommendedPx.height}像素` : "";
  return `${formats}格式，${size}${px}`;
}

const WHEN_LABELS = {
  always: "",
  overdue: "（逾期注册时提供）",
  forced_cancellation: "（强制注销时提供）",
  important_info_change: "（变更姓名或证件信息时提供）",
  basic_info_change: "（变更学历等基本信息时提供）",
} as const;

function whoMayFile(program: Program, type: ApplicationType): string[] {
  const employers = program.eligibleEmployerKinds.map((k) => EMPLOYER_KIND_LABELS[k]).join("、");
  const where = program.jurisdiction.kind === "provincial" ? `，在${program.jurisdiction.province}注册` : "";
  const base = {
    initial: `取得${program.name}执业资格证书、尚未在本专业注册的人员${where}`,
    add_specialty: `已取得${program.name}注册证书，又取得其他专业执业资格证书的注册人员`,
    extension: `${program.name}注册证书有效期即将届满、需要继续执业的注册人员`,
    change: `${program.name}注册有效期内变更聘用单位的注册人员`,
    cancellation: `不再执业或不再符合注册条件的${program.name}注册人员；聘用单位可依法申请强制注销`,
    reissue: `注册证书或执业印章遗失、污损需要补办的${program.name}注册人员`,
    suspension: `因故需要暂停执业的${program.name}注册人员`,
    resumption: `暂停执业期满或原因消除、需要恢复执业的${program.name}注册人员`,
    info_change: `姓名、证件或学历等个人信息发生变化的${program.name}注册人员`,
  }[type];
  const out = [base];
  if (type === "initial" || type === "change" || type === "add_specialty")
    out.push(`须受聘于以下单位之一：${employers}`);
  return out;
}

function conditions(program: Program, type: ApplicationType): string[] {
  const out: string[] = [];
  if (type === "initial" || type === "add_specialty") {
    const ce = program.overdueCe;
    const window = ce.window === "calendar_year" ? "申请当年" : "申请前12个月内";
    const split =
      ce.compulsoryHours || ce.electiveHours ? `（必修${ce.compulsoryHours}学时、选修${ce.electiveHours}学时）` : "";
    out.push(
      `自资格证书签发之日起${periodLabel(program.initialDeadline)}内申请；超过期限的属逾期注册，须提供${window}的继续教育${ce.totalHours}学时${split}`,
    );
  }
  if (type === "extension") {
    const ce = program.extensionCe;
    out.push(`注册有效期内每年完成继续教育必修${ce.compulsoryPerYear}学时、选修${ce.electivePerYear}学时`);
  }
  if (type === "change" && program.changeScopes.length) {
    out.push(`变更范围：${program.changeScopes.map((s) => CHANGE_SCOPE_LABELS[s]).join("、")}`);
  }
  if (program.options.refuseOutOfProvinceQualification && (type === "initial" || type === "add_specialty")) {
    out.push(
      `资格证书须在${program.jurisdiction.kind === "provincial" ? program.jurisdiction.province : "本地"}取得，外省取得的资格不予注册`,
    );
  }
  if (program.options.ageCap && (type === "initial" || type === "extension" || type === "change")) {
    const cap = program.options.ageCap;
    out.push(`年满${cap.age}周岁前${cap.blockWithinDays}日内不予受理；注册有效期最长至年满${cap.age}周岁`);
  }
  out.push(`同一注册项目同一时间只能有一项正在审批中的申请`);
  return out;
}

function materials(program: Program, type: ApplicationType): string[] {
  const form = describeForm(program, type);
  const typed = form.fields
    .filter((f: FieldSpec) => f.source === "input")
    .map((f) => f.label + (f.required ? "" : "（选填）"));
  const out: string[] = [];
  if (typed.length) out.push(`在线填写：${typed.join("、")}（个人身份信息由实名账号带出，无需填写）`);
  if (type === "initial" || type === "add_specialty" || type === "extension" || type === "change") {
    out.push(`个人照片：${fileLimitLabel(program.files.photo)}`);
    out.push(`签名图片：${fileLimitLabel(program.files.signature)}`);
  }
  for (const a of form.attachments) {
    out.push(`${a.label}${a.required ? "" : "（选填）"}${WHEN_LABELS[a.when]}：${fileLimitLabel(program.files.scan)}`);
  }
  out.push(`补正材料：${fileLimitLabel(program.files.correction)}`);
  return out;
}

function windows(program: Program, type: ApplicationType): string[] {
  if (type === "extension") {
    const w = program.extensionWindow;
    return [
      `注册有效期届满前${periodLabel(w.opens)}起可申请${w.closes ? `，届满前${periodLabel(w.closes)}截止` : "，有效期届满前均可申请"}`,
    ];
  }
  if (type === "initial") return [`资格证书签发后${periodLabel(program.initialDeadline)}内为正常注册，之后为逾期注册`];
  return ["全年可在线申请"];
}

function levelTime(level: ReviewLevel): string {
  return `${level.name}${level.stage}：${level.workingDays ?? STATUTORY_REVIEW_WORKING_DAYS}个工作日`;
}

function routes(program: Program): [RouteCode, readonly ReviewLevel[]][] {
  return (Object.entries(program.reviewRoutes) as [RouteCode, readonly ReviewLevel[] | undefined][]).filter(
    (e): e is [RouteCode, readonly ReviewLevel[]] => Boolean(e[1]),
  );
}

function chain(program: Program, type: ApplicationType): string[] {
  const employer = needsEmployerStep(type, false);
  return routes(program).map(([code, levels]) => {
    const steps = ["个人在线填报并保存", "个人数字签名"];
    if (employer) steps.push(program.labels.countersign);
    if (type === "cancellation" && program.options.cancellationCompletesOnEmployerSignature) {
      steps.push("注销办结");
    } else if (program.options.autoApproveOnEmployerSeal.includes(type)) {
      steps.push("系统校验符合条件后自动办结");
    } else {
      steps.push(...levels.map((l) => `${l.name}${l.stage}`));
      if (program.options.publicNotice) steps.push("公示", "公告");
      steps.push("办结");
    }
    if (type !== "cancellation" && type !== "suspension") steps.push("领证");
    const prefix = code === "hk" ? "香港地区申报：" : routes(program).length > 1 ? "内地申报：" : "";
    return prefix + steps.join(" → ");
  });
}

function timeLimits(program: Program, type: ApplicationType): string[] {
  if (program.options.autoApproveOnEmployerSeal.includes(type)) return ["单位盖章后即时办结"];
  if (type === "cancellation" && program.options.cancellationCompletesOnEmployerSignature)
    return ["单位签名确认后即时办结"];
  const levels = routes(program).flatMap(([, l]) => l);
  const unique = [...new Map(levels.map((l) => [l.name + l.stage, l])).values()];
  return [...unique.map(levelTime), "补正期间不计入办理时限", `注册证书有效期${program.validityYears}年`];
}

/** The guide of one program × type; undefined when the program does not offer the type. */
export function buildGuide(program: Program, type: ApplicationType): Guide | undefined {
  if (!program.applicationTypes.includes(type)) return undefined;
  const sections: GuideSection[] = [
    { heading: "申请对象", items: whoMayFile(program, type) },
    { heading: "申请条件", items: conditions(program, type) },
    { heading: "申请材料", items: materials(program, type) },
    { heading: "办理时间", items: windows(program, type) },
    { heading: "办理流程", items: chain(program, type) },
    { heading: "办理时限", items: timeLimits(program, type) },
    { heading: "审批机关", items: [program.issuingAuthority] },
  ];
  if (program.options.noChangeRegistrationAdvice && type === "cancellation") {
    sections.push({ heading: "温馨提示", items: [program.options.noChangeRegistrationAdvice] });
  }
  return {
    title: `${program.name}${APPLICATION_TYPE_LABELS[type]}`,
    programCode: program.code,
    type,
    authority: program.issuingAuthority,
    sections,
  };
}
