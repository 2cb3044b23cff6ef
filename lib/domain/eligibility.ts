/**
 * Who may file what, today (rules G, I, A, X, C, N, K, S, U, W). Input is a plain snapshot; output lists every
 * application type × specialty with plain-Chinese reasons naming the rule and the date or figure that matters.
 */
import { APPLICATION_TYPE_LABELS, isPerSpecialty } from "./application-types";
import {
  addYears,
  compareDates,
  periodLabel,
  subtractPeriod,
  addPeriod,
  addMonths,
  yearOf,
  type IsoDate,
} from "./dates";
import { deriveChangeScope } from "./filed-facts";
import { findSpecialty } from "./programs";
import type { CeRequirement, Program, RouteCode } from "./programs/types";
import {
  isInForce,
  registrationInForce,
  type CeRecord,
  type EmployerSnapshot,
  type Qualification,
  type RegistrationRecord,
} from "./registration";
import { describeBlocking, findBlockingApplication, type OtherApplicationRef } from "./transitions";
import { APPLICATION_TYPES, EMPLOYER_KIND_LABELS, type ApplicationType, type ChangeScope } from "./types";

export interface PersonSnapshot {
  readonly personId: string;
  readonly birthDate: IsoDate;
  readonly qualifications: readonly Qualification[];
  readonly registrations: readonly RegistrationRecord[];
  /** The person's applications (any status) — G2. */
  readonly applications: readonly OtherApplicationRef[];
  readonly ceRecords: readonly CeRecord[];
  readonly photoOnFile: boolean;
  readonly signatureOnFile: boolean;
  /** The current employer in the person's profile (for 变更注册: the new one). */
  readonly employer: EmployerSnapshot | null;
  /** G6 flag from the social-insurance check. */
  readonly socialInsuranceAnomaly: boolean;
  /** 一级造价 香港 applicants file on the `hk` route (`000`). */
  readonly route?: RouteCode;
  /**
   * 变更注册 picks its new employer in the form: before one is picked (the menu, a new draft) the checks that need it
   * wait; once picked, `employer` is the picked one.
   */
  readonly newEmployerPending?: boolean;
}

/**
 * Why an option is refused, or what it will require. `message` is the plain-Chinese text; `code` and `values` say the
 * same for other languages (issue 14 item 4): the `errors.eligibility.<code>` catalog message, its values data (dates,
 * numbers, names) or codes (`type`, `status`, `employerKind`) the reader's language names. lib/domain never translates.
 */
export interface Reason {
  readonly rule: string;
  readonly message: string;
  readonly code?: ReasonCode;
  readonly values?: Readonly<Record<string, string | number>>;
}
export type ReasonCode =
  | "overdueNote"
  | "overdueCe"
  | "noQualification"
  | "alreadyRegistered"
  | "outOfProvinceQualification"
  | "noEmployer"
  | "employerUnverified"
  | "employerKind"
  | "employerOutsideProvince"
  | "ageCap"
  | "notRegistered"
  | "registrationCancelled"
  | "registrationExpired"
  | "useAddSpecialty"
  | "addNeedsRegistration"
  | "extensionOpensOn"
  | "extensionClosed"
  | "extensionCe"
  | "sameEmployer"
  | "changeCrossNotOffered"
  | "changeLocalNotOffered"
  | "alreadySuspended"
  | "nothingToSuspend"
  | "notSuspended"
  | "contactDetailsDirect"
  | "infoChangeNeedsRegistration"
  | "typeNotOffered"
  | "oneSpecialty"
  | "blocking"
  | "suspendedBlocks"
  | "uploadPhoto"
  | "uploadSignature"
  | "uploadBoth"
  | "socialInsuranceNote";

export interface EligibilityOption {
  readonly type: ApplicationType;
  readonly typeLabel: string;
  readonly specialty: string | null;
  readonly specialtyName: string | null;
  readonly allowed: boolean;
  /** Why it is refused (empty when allowed). */
  readonly reasons: readonly Reason[];
  /** What the filing will require or show even though allowed (overdue CE, 社保 confirmation …). */
  readonly notes: readonly Reason[];
  /** I2/A1: past the initial-registration deadline → overdue CE rows required. */
  readonly overdue: boolean;
  /** C1: scope of a change of employer. */
  readonly changeScope: ChangeScope | null;
}

export interface EligibilityReport {
  readonly programCode: string;
  readonly date: IsoDate;
  /** G2: the application that blocks new filings, if any. */
  readonly blocking: OtherApplicationRef | null;
  readonly options: readonly EligibilityOption[];
}

// --- helpers ---------------------------------------------------------------------------------------------

const r = (rule: string, message: string, code?: ReasonCode, values?: Record<string, string | number>): Reason => ({
  rule,
  message,
  code,
  values,
});

function specialtyName(program: Program, code: string): string {
  return findSpecialty(program, code)?.name ?? code;
}

function programRegs(p: PersonSnapshot, program: Program): RegistrationRecord[] {
  return p.registrations.filter((x) => x.programCode === program.code);
}

/** Latest registration of a specialty (any status), to explain why it cannot be used. */
function latestRegistration(p: PersonSnapshot, program: Program, specialty: string): RegistrationRecord | undefined {
  return programRegs(p, program)
    .filter((x) => x.specialty === specialty)
    .sort((a, b) => compareDates(b.validUntil, a.validUntil))[0];
}

export interface CeTotals {
  readonly compulsory: number;
  readonly elective: number;
  readonly total: number;
}

/** The CE records that count for `specialty` between two dates (X3: the same ones the form pre-fills). */
export function countedCeRecords(
  records: readonly CeRecord[],
  specialty: string | null,
  from: IsoDate,
  to: IsoDate,
): CeRecord[] {
  return records.filter(
    (c) =>
      !(specialty !== null && c.specialty !== null && c.specialty !== specialty) &&
      compareDates(c.date, from) >= 0 &&
      compareDates(c.date, to) <= 0,
  );
}

function sumCe(records: readonly CeRecord[], specialty: string | null, from: IsoDate, to: IsoDate): CeTotals {
  let compulsory = 0;
  let elective = 0;
  for (const c of countedCeRecords(records, specialty, from, to)) {
    compulsory += c.compulsoryHours;
    elective += c.electiveHours;
  }
  return { compulsory, elective, total: compulsory + elective };
}

function ceWindow(req: CeRequirement, today: IsoDate): { from: IsoDate; to: IsoDate; label: string } {
  if (req.window === "calendar_year") {
    const y = yearOf(today);
    return { from: `${y}-01-01`, to: today, label: `${y}年内` };
  }
  const from = addMonths(today, -12);
  return { from, to: today, label: `${from}至${today}期间` };
}

function meets(req: CeRequirement, t: CeTotals): boolean {
  return t.total >= req.totalHours && t.compulsory >= req.compulsoryHours && t.elective >= req.electiveHours;
}

function describeRequirement(req: CeRequirement): string {
  return req.compulsoryHours || req.electiveHours
    ? `${req.totalHours}学时（必修${req.compulsoryHours}、选修${req.electiveHours}）`
    : `${req.totalHours}学时`;
}

/** The date of the `age`th birthday (29 Feb → 28 Feb in non-leap years). */
export function birthdayAt(birthDate: IsoDate, age: number): IsoDate {
  return addYears(birthDate, age);
}

// --- rule groups ----------------------------------------------------------------------------------------

/** I2 / A1: overdue initial registration needs the program's CE hours. Returns [overdue, reasons, notes]. */
function overdueCheck(
  p: PersonSnapshot,
  program: Program,
  q: Qualification,
  today: IsoDate,
  rule: string,
): { overdue: boolean; reasons: Reason[]; notes: Reason[] } {
  const deadline = addPeriod(q.issuedOn, program.initialDeadline);
  if (compareDates(today, deadline) <= 0) return { overdue: false, reasons: [], notes: [] };
  const req = program.overdueCe;
  const w = ceWindow(req, today);
  const t = sumCe(p.ceRecords, q.specialty, w.from, w.to);
  const head = `资格证书签发于 ${q.issuedOn}，超过${periodLabel(program.initialDeadline)}（${deadline}）未初始注册，属逾期注册`;
  if (meets(req, t))
    return {
      overdue: true,
      reasons: [],
      notes: [r(rule, `${head}，须填写继续教育信息`, "overdueNote", { issuedOn: q.issuedOn, deadline })],
    };
  return {
    overdue: true,
    reasons: [
      r(
        rule,
        `${head}：须在${w.label}完成继续教育${describeRequirement(req)}，` +
          `现有${t.total}学时（必修${t.compulsory}、选修${t.elective}）：请在「继续教育」中补录学时后再申报`,
        "overdueCe",
        { issuedOn: q.issuedOn, deadline, total: t.total, compulsory: t.compulsory, elective: t.elective },
      ),
    ],
    notes: [],
  };
}

function qualificationChecks(
  p: PersonSnapshot,
  program: Program,
  specialty: string,
  today: IsoDate,
  rule: "I1" | "A1",
) {
  const name = specialtyName(program, specialty);
  const reasons: Reason[] = [];
  const notes: Reason[] = [];
  let overdue = false;
  const q = p.qualifications.find((x) => x.programCode === program.code && x.specialty === specialty);
  if (!q)
    reasons.push(
      r(rule, `未取得${program.name}「${name}」专业执业资格`, "noQualification", {
        program: program.name,
        specialty: name,
      }),
    );
  const current = registrationInForce(p.registrations, program.code, specialty, today);
  if (current)
    reasons.push(
      r(
        "I1",
        `已在「${name}」专业注册（注册号 ${current.registrationNumber}，有效期至 ${current.validUntil}），不能重复注册`,
        "alreadyRegistered",
        { specialty: name, no: current.registrationNumber, validUntil: current.validUntil },
      ),
    );
  if (
    q &&
    program.options.refuseOutOfProvinceQualification &&
    program.jurisdiction.kind === "provincial" &&
    q.provinceCode !== null &&
    q.provinceCode !== program.jurisdiction.provinceCode
  )
    reasons.push(
      r(
        "P",
        `外省取得的二级造价工程师资格暂不能注册到${program.jurisdiction.province}企业（资格取得地代码 ${q.provinceCode}）`,
        "outOfProvinceQualification",
        { province: program.jurisdiction.province, code: q.provinceCode },
      ),
    );
  if (q && !current) {
    // I2 only matters when a registration can actually be made.
    const o = overdueCheck(p, program, q, today, rule === "A1" ? "A1" : "I2");
    overdue = o.overdue;
    reasons.push(...o.reasons);
    notes.push(...o.notes);
  }
  return { reasons, notes, overdue };
}

function employerChecks(p: PersonSnapshot, program: Program, type: ApplicationType): Reason[] {
  if (type === "info_change") return [];
  const e = p.employer;
  if (!e) return [r("G3", "须有且只有一个聘用单位：请先在「基本信息修改」中选择聘用单位", "noEmployer")];
  if (!["initial", "add_specialty", "extension", "change"].includes(type)) return [];
  const out: Reason[] = [];
  if (!e.verified)
    out.push(
      r(
        "G3",
        `聘用单位「${e.name}」未通过验证（须在系统中存在并核验统一社会信用代码）：请在「基本信息修改」中用“验证企业名称”重新查找并选择聘用单位`,
        "employerUnverified",
        { name: e.name },
      ),
    );
  if (!program.eligibleEmployerKinds.includes(e.kind))
    out.push(
      r(
        "G3",
        `聘用单位类型「${EMPLOYER_KIND_LABELS[e.kind]}」不能注册${program.name}：请更换为可注册本项目的聘用单位`,
        "employerKind",
        { employerKind: e.kind, program: program.name },
      ),
    );
  if (
    program.jurisdiction.kind === "provincial" &&
    type !== "change" &&
    e.provinceCode !== program.jurisdiction.provinceCode
  )
    out.push(
      r(
        "G3",
        `聘用单位「${e.name}」不在${program.jurisdiction.province}，不能在本地注册：请选择${program.jurisdiction.province}的聘用单位`,
        "employerOutsideProvince",
        { name: e.name, province: program.jurisdiction.province },
      ),
    );
  return out;
}

function ageCheck(p: PersonSnapshot, program: Program, type: ApplicationType, today: IsoDate): Reason[] {
  const cap = program.options.ageCap;
  if (!cap || !(type === "initial" || type === "extension" || type === "change")) return [];
  const birthday = birthdayAt(p.birthDate, cap.age);
  const from = subtractPeriod(birthday, { days: cap.blockWithinDays });
  if (compareDates(today, from) < 0) return [];
  return [
    r(
      "P",
      `年满${cap.age}周岁之日为 ${birthday}，自 ${from} 起（前${cap.blockWithinDays}日内）不能申报${APPLICATION_TYPE_LABELS[type]}（年龄上限）`,
      "ageCap",
      { age: cap.age, birthday, from, type },
    ),
  ];
}

function inForceOrExplain(
  p: PersonSnapshot,
  program: Program,
  specialty: string,
  today: IsoDate,
  rule: string,
  purpose: string,
  type: ApplicationType,
): { reg?: RegistrationRecord; reasons: Reason[] } {
  const name = specialtyName(program, specialty);
  const reg = registrationInForce(p.registrations, program.code, specialty, today);
  if (reg) return { reg, reasons: [] };
  const last = latestRegistration(p, program, specialty);
  if (!last)
    return {
      reasons: [r(rule, `未在「${name}」专业注册，不能申报${purpose}`, "notRegistered", { specialty: name, type })],
    };
  if (last.status === "cancelled")
    return {
      reasons: [
        r("I4", `「${name}」专业注册已注销；重新执业须申请初始注册`, "registrationCancelled", { specialty: name }),
      ],
    };
  const expired = `「${name}」专业注册有效期已于 ${last.validUntil} 届满，不能申报${purpose}`;
  return { reasons: [r(rule, expired, "registrationExpired", { specialty: name, validUntil: last.validUntil, type })] };
}

// --- per type -----------------------------------------------------------------------------------------

interface Partial_ {
  reasons: Reason[];
  notes: Reason[];
  overdue?: boolean;
  changeScope?: ChangeScope | null;
}

function checkType(
  p: PersonSnapshot,
  program: Program,
  type: ApplicationType,
  specialty: string | null,
  today: IsoDate,
): Partial_ {
  const regs = programRegs(p, program);
  const inForce = regs.filter((x) => isInForce(x, today));
  switch (type) {
    case "initial": {
      const s = specialty as string;
      const q = qualificationChecks(p, program, s, today, "I1");
      const others = inForce.filter((x) => x.specialty !== s);
      if (program.applicationTypes.includes("add_specialty") && others.length > 0)
        q.reasons.push(
          r(
            "A1",
            `您已在本项目有效注册（注册号 ${others[0]?.registrationNumber}），新增专业请申请增项注册`,
            "useAddSpecialty",
            { no: others[0]?.registrationNumber ?? "" },
          ),
        );
      return q;
    }
    case "add_specialty": {
      const s = specialty as string;
      const q = qualificationChecks(p, program, s, today, "A1");
      if (!inForce.some((x) => x.specialty !== s))
        q.reasons.unshift(r("A1", "增项注册须已有有效注册；首次注册请申请初始注册", "addNeedsRegistration"));
      return q;
    }
    case "extension": {
      const s = specialty as string;
      const { reg, reasons } = inForceOrExplain(
        p,
        program,
        s,
        today,
        "X2",
        "延续注册，请通过初始注册或增项注册申请",
        "extension",
      );
      if (!reg) return { reasons, notes: [] };
      const opens = subtractPeriod(reg.validUntil, program.extensionWindow.opens);
      const window = periodLabel(program.extensionWindow.opens);
      if (compareDates(today, opens) < 0)
        reasons.push(
          r(
            "X1",
            `延续注册自 ${opens} 起可申报（有效期届满前${window}内，有效期至 ${reg.validUntil}）`,
            "extensionOpensOn",
            { opens, validUntil: reg.validUntil },
          ),
        );
      const closesBy = program.extensionWindow.closes;
      if (closesBy) {
        const closes = subtractPeriod(reg.validUntil, closesBy);
        if (compareDates(today, closes) > 0)
          reasons.push(
            r("X1", `延续注册申报已于 ${closes} 截止（有效期届满前${periodLabel(closesBy)}）`, "extensionClosed", {
              closes,
            }),
          );
      }
      // X3: CE of this specialty over the current registration period.
      const years = program.validityYears;
      const needC = program.extensionCe.compulsoryPerYear * years;
      const needE = program.extensionCe.electivePerYear * years;
      const t = sumCe(p.ceRecords, s, reg.validFrom, today);
      if (t.compulsory < needC || t.elective < needE)
        reasons.push(
          r(
            "X3",
            `「${specialtyName(program, s)}」专业本注册期（${reg.validFrom} 起）须完成继续教育必修${needC}学时、` +
              `选修${needE}学时，现有必修${t.compulsory}、选修${t.elective}学时：请在「继续教育」中补录学时后再申报`,
            "extensionCe",
            {
              specialty: specialtyName(program, s),
              from: reg.validFrom,
              needC,
              needE,
              compulsory: t.compulsory,
              elective: t.elective,
            },
          ),
        );
      return { reasons, notes: [] };
    }
    case "change": {
      const s = specialty as string;
      const { reg, reasons } = inForceOrExplain(p, program, s, today, "C2", "变更注册", "change");
      if (!reg || !p.employer || p.newEmployerPending) return { reasons, notes: [], changeScope: null };
      if (p.employer.id === reg.employerId)
        reasons.push(
          r(
            "C2",
            `新聘用单位须与原聘用单位不同（当前均为「${p.employer.name}」）；请在申请表中选择新的聘用单位`,
            "sameEmployer",
            { name: p.employer.name },
          ),
        );
      // C1 (`000` §三.4)
      const { scope, allowed } = deriveChangeScope(program, p.route, reg.employerProvinceCode, p.employer.provinceCode);
      if (!allowed)
        reasons.push(
          r(
            "C1",
            `${program.name}不办理${scope === "cross_province" ? "跨省或跨部门" : "本省"}变更`,
            scope === "cross_province" ? "changeCrossNotOffered" : "changeLocalNotOffered",
            { program: program.name },
          ),
        );
      return { reasons, notes: [], changeScope: scope };
    }
    case "cancellation": {
      const { reasons } = inForceOrExplain(p, program, specialty as string, today, "K1", "注销注册", "cancellation");
      return { reasons, notes: [] };
    }
    case "reissue": {
      const { reasons } = inForceOrExplain(p, program, specialty as string, today, "S1", "证书补办", "reissue");
      return { reasons, notes: [] };
    }
    case "suspension":
      if (inForce.some((x) => x.status === "active")) return { reasons: [], notes: [] };
      // A suspended person does hold a registration: telling them they have none would be wrong.
      return inForce.some((x) => x.status === "suspended")
        ? { reasons: [r("U1", "已处于暂停执业状态，无需再次申请暂停执业", "alreadySuspended")], notes: [] }
        : { reasons: [r("U1", "没有有效的注册，无需暂停执业", "nothingToSuspend")], notes: [] };
    case "resumption":
      return inForce.some((x) => x.status === "suspended")
        ? { reasons: [], notes: [] }
        : { reasons: [r("U1", "未处于暂停执业状态，无需恢复执业", "notSuspended")], notes: [] };
    case "info_change":
      return inForce.length > 0
        ? {
            reasons: [],
            notes: [r("N1", "手机号码、通讯地址请在「基本信息修改」中直接修改，无需申报", "contactDetailsDirect")],
          }
        : {
            reasons: [
              r("N2", `信息变更适用于已在${program.name}注册的人员`, "infoChangeNeedsRegistration", {
                program: program.name,
              }),
            ],
            notes: [],
          };
  }
}

/** One option: may this person file `type` (for `specialty`) in `program` on `today`? */
export function checkOption(
  p: PersonSnapshot,
  program: Program,
  type: ApplicationType,
  specialty: string | null,
  today: IsoDate,
): EligibilityOption {
  const base = {
    type,
    typeLabel: APPLICATION_TYPE_LABELS[type],
    specialty,
    specialtyName: specialty === null ? null : specialtyName(program, specialty),
  };
  if (!program.applicationTypes.includes(type)) {
    const msg =
      type === "change" && program.options.noChangeRegistrationAdvice
        ? program.options.noChangeRegistrationAdvice
        : `${program.name}不办理${APPLICATION_TYPE_LABELS[type]}`;
    return {
      ...base,
      allowed: false,
      reasons: [r(type === "change" ? "C4" : "P", msg, "typeNotOffered", { program: program.name, type })],
      notes: [],
      overdue: false,
      changeScope: null,
    };
  }
  if (isPerSpecialty(type) !== (specialty !== null) || (specialty !== null && !findSpecialty(program, specialty)))
    return {
      ...base,
      allowed: false,
      reasons: [
        r("G1", `每次申请须选择且只能选择一个${program.name}注册专业`, "oneSpecialty", { program: program.name }),
      ],
      notes: [],
      overdue: false,
      changeScope: null,
    };

  const reasons: Reason[] = [];
  const notes: Reason[] = [];
  const blocking = findBlockingApplication({ id: "", programCode: program.code }, p.applications);
  if (blocking)
    reasons.push(
      r("G2", describeBlocking(blocking, APPLICATION_TYPE_LABELS[blocking.type]), "blocking", {
        type: blocking.type,
        status: blocking.status,
      }),
    );
  const suspended = programRegs(p, program).some((x) => x.status === "suspended" && isInForce(x, today));
  if (suspended && type !== "resumption")
    reasons.push(r("G7", "暂停执业期间不能申报其他业务，请先申请恢复执业", "suspendedBlocks"));
  if (!p.photoOnFile || !p.signatureOnFile)
    reasons.push(
      r(
        "G4",
        `请先在「基本信息修改」中上传${[!p.photoOnFile && "一寸照片", !p.signatureOnFile && "手写签名"].filter(Boolean).join("和")}`,
        !p.photoOnFile && !p.signatureOnFile ? "uploadBoth" : p.photoOnFile ? "uploadSignature" : "uploadPhoto",
      ),
    );
  reasons.push(...employerChecks(p, program, type));
  reasons.push(...ageCheck(p, program, type, today));
  const specific = checkType(p, program, type, specialty, today);
  reasons.push(...specific.reasons);
  notes.push(...specific.notes);
  if (p.socialInsuranceAnomaly)
    notes.push(
      r(
        "G6",
        "您的社保缴纳情况异常：申报时须确认只受聘于本单位并在本单位缴纳社保，审批机构可见此异常",
        "socialInsuranceNote",
      ),
    );
  return {
    ...base,
    allowed: reasons.length === 0,
    reasons,
    notes,
    overdue: specific.overdue ?? false,
    changeScope: specific.changeScope ?? null,
  };
}

/** Every application type × specialty of the program, in a stable order (types as in APPLICATION_TYPES). */
export function eligibility(p: PersonSnapshot, program: Program, today: IsoDate): EligibilityReport {
  const options: EligibilityOption[] = [];
  for (const type of APPLICATION_TYPES) {
    if (isPerSpecialty(type))
      for (const s of program.specialties) options.push(checkOption(p, program, type, s.code, today));
    else options.push(checkOption(p, program, type, null, today));
  }
  return {
    programCode: program.code,
    date: today,
    blocking: findBlockingApplication({ id: "", programCode: program.code }, p.applications) ?? null,
    options,
  };
}

/** Convenience for services: the option for one (type, specialty), e.g. before `newApplication`. */
export function findOption(
  report: EligibilityReport,
  type: ApplicationType,
  specialty: string | null,
): EligibilityOption | undefined {
  return report.options.find((o) => o.type === type && o.specialty === specialty);
}
