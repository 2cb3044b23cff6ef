/**
 * What an approved application changes (rules X4, C3, K3, S1, U1, N3, I4, R1). Pure: returns a description that a
 * database service applies in one transaction. Serials for new numbers are allocated by the database and passed in.
 */
import type { Application } from "./application";
import { BASIC_INFO_FIELDS, IMPORTANT_INFO_FIELDS } from "./form-specs";
import type { ApplicationFormValues } from "./form-validation";
import { addDays, addYears, compareDates, minDate, type IsoDate } from "./dates";
import { birthdayAt } from "./eligibility";
import { HONG_KONG_PROVINCE_CODE } from "./programs";
import type { Program, ProgramCode } from "./programs/types";
import { registrationNumber, sealNumber } from "./numbering";
import type { RegistrationRecord } from "./registration";
import type { RegistrationStatus, ReissueReason } from "./types";

export interface NewRegistration {
  readonly personId: string;
  readonly programCode: ProgramCode;
  readonly specialty: string;
  readonly registrationNumber: string;
  readonly sealNumber: string;
  readonly sealSequence: number;
  readonly employerId: string;
  readonly employerProvinceCode: string;
  readonly status: "active";
  readonly validFrom: IsoDate;
  readonly validUntil: IsoDate;
}

export interface RegistrationChanges {
  readonly registrationNumber?: string;
  readonly sealNumber?: string;
  readonly sealSequence?: number;
  readonly employerId?: string;
  readonly employerProvinceCode?: string;
  readonly status?: RegistrationStatus;
  readonly validFrom?: IsoDate;
  readonly validUntil?: IsoDate;
  /** S1 certificate-only loss: same number, a reissued certificate. */
  readonly certificateReissuedOn?: IsoDate;
}

export interface RegistrationUpdate {
  readonly registrationId: string;
  readonly changes: RegistrationChanges;
}

/** N3/N2: person fields to overwrite. Keys are the person record's field names. */
export type PersonUpdate = Readonly<Record<string, string>>;

export interface ApprovalEffects {
  readonly createRegistration?: NewRegistration;
  readonly updateRegistrations: readonly RegistrationUpdate[];
  readonly updatePerson?: PersonUpdate;
  /** S1: numbers that must never be used again (kept for lookups of old certificates). */
  readonly voidedNumbers: readonly string[];
  /** Plain-Chinese summary for the timeline and messages. */
  readonly summary: string;
}

export interface ApprovalContext {
  readonly decisionDate: IsoDate;
  readonly birthDate: IsoDate;
  /** The person's registrations in this program. */
  readonly registrations: readonly RegistrationRecord[];
  /** The employer the application was filed with (new employer for 变更注册). */
  readonly employer: { readonly id: string; readonly provinceCode: string };
  /** Application form data: reissue reason, information-change fields. */
  readonly formData: ApplicationFormValues;
  /** Serial for a new registration number, allocated by the database (see `needsNewNumber`). */
  readonly serial?: number;
}

export type EffectsResult =
  | { readonly ok: true; readonly effects: ApprovalEffects }
  | { readonly ok: false; readonly reason: string };

function reissueReason(data: ApplicationFormValues): ReissueReason | null {
  const v = data.reason;
  return v === "seal_lost" || v === "seal_and_certificate_lost" || v === "certificate_lost" ? v : null;
}

/** Whether approval issues a new registration number, so the service allocates a serial first (R1). */
export function needsNewNumber(app: Pick<Application, "type">, formData: ApplicationFormValues): boolean {
  if (app.type === "initial" || app.type === "add_specialty") return true;
  if (app.type === "reissue") return reissueReason(formData) !== "certificate_lost"; // S1
  return false;
}

/** Validity capped at the age-cap birthday where the program sets one (`BJ`). */
function capValidity(program: Program, birthDate: IsoDate, until: IsoDate): IsoDate {
  const cap = program.options.ageCap;
  return cap ? minDate(until, birthdayAt(birthDate, cap.age)) : until;
}

/** Initial validity: decision date + N years − 1 day (`BJ`), capped. */
export function initialValidUntil(program: Program, decisionDate: IsoDate, birthDate: IsoDate): IsoDate {
  return capValidity(program, birthDate, addDays(addYears(decisionDate, program.validityYears), -1));
}

/** X4: new expiry = old expiry + validity period, capped. */
export function extendedValidUntil(program: Program, oldValidUntil: IsoDate, birthDate: IsoDate): IsoDate {
  return capValidity(program, birthDate, addYears(oldValidUntil, program.validityYears));
}

function provinceFor(app: Application, ctx: ApprovalContext): string {
  return app.route === "hk" ? HONG_KONG_PROVINCE_CODE : ctx.employer.provinceCode;
}

export function effectsOfApproval(app: Application, program: Program, ctx: ApprovalContext): EffectsResult {
  if (app.status !== "approved") return { ok: false, reason: "申请尚未准予，不能生效" };
  const regs = ctx.registrations.filter((x) => x.programCode === program.code && x.personId === app.personId);
  const today = ctx.decisionDate;
  const inForce = (x: RegistrationRecord) =>
    (x.status === "active" || x.status === "suspended") && compareDates(x.validUntil, today) >= 0;
  const target = app.specialty === null ? undefined : regs.find((x) => x.specialty === app.specialty && inForce(x));
  const none: ApprovalEffects = { updateRegistrations: [], voidedNumbers: [], summary: "" };

  switch (app.type) {
    case "initial":
    case "add_specialty": {
      if (app.specialty === null) return { ok: false, reason: "缺少注册专业" };
      if (target) return { ok: false, reason: `该专业已有有效注册 ${target.registrationNumber}` };
      if (ctx.serial === undefined) return { ok: false, reason: "缺少注册编号流水号" };
      const number = registrationNumber(program, {
        specialty: app.specialty,
        decisionDate: today,
        provinceCode: provinceFor(app, ctx),
        serial: ctx.serial,
      });
      const reg: NewRegistration = {
        personId: app.personId,
        programCode: program.code,
        specialty: app.specialty,
        registrationNumber: number,
        sealNumber: sealNumber(number, 1),
        sealSequence: 1,
        employerId: ctx.employer.id,
        employerProvinceCode: provinceFor(app, ctx),
        status: "active",
        validFrom: today,
        validUntil: initialValidUntil(program, today, ctx.birthDate),
      };
      return {
        ok: true,
        effects: {
          ...none,
          createRegistration: reg,
          summary: `准予注册，注册编号 ${number}，有效期至 ${reg.validUntil}`,
        },
      };
    }
    case "extension": {
      if (!target) return { ok: false, reason: "没有可延续的有效注册" };
      const validUntil = extendedValidUntil(program, target.validUntil, ctx.birthDate);
      return {
        ok: true,
        effects: {
          ...none,
          updateRegistrations: [
            { registrationId: target.id, changes: { validFrom: addDays(target.validUntil, 1), validUntil } },
          ],
          summary: `延续注册，有效期至 ${validUntil}`,
        },
      };
    }
    case "change": {
      if (!target) return { ok: false, reason: "没有可变更的有效注册" };
      // C3 + G3: one employer per person — every in-force registration of the program moves, each with a new
      // seal number.
      const moving = regs.filter(inForce);
      return {
        ok: true,
        effects: {
          ...none,
          updateRegistrations: moving.map((x) => ({
            registrationId: x.id,
            changes: {
              employerId: ctx.employer.id,
              employerProvinceCode: provinceFor(app, ctx),
              sealSequence: x.sealSequence + 1,
              sealNumber: sealNumber(x.registrationNumber, x.sealSequence + 1),
            },
          })),
          voidedNumbers: moving.map((x) => x.sealNumber),
          summary: "变更注册，证书记载新聘用单位并换发执业印章，有效期不变",
        },
      };
    }
    case "cancellation": {
      if (!target) return { ok: false, reason: "没有可注销的有效注册" };
      // K3: only the certificate is cancelled; qualifications are untouched (I4).
      return {
        ok: true,
        effects: {
          ...none,
          updateRegistrations: [{ registrationId: target.id, changes: { status: "cancelled" } }],
          summary: `注册证书 ${target.registrationNumber} 已注销，执业资格保留`,
        },
      };
    }
    case "reissue": {
      if (!target) return { ok: false, reason: "没有可补办的有效注册" };
      const reason = reissueReason(ctx.formData);
      if (!reason) return { ok: false, reason: "请选择更改/补办原因" };
      if (reason === "certificate_lost")
        return {
          ok: true,
          effects: {
            ...none,
            updateRegistrations: [{ registrationId: target.id, changes: { certificateReissuedOn: today } }],
            summary: `补办注册证书，注册编号 ${target.registrationNumber} 不变`,
          },
        };
      if (ctx.serial === undefined) return { ok: false, reason: "缺少注册编号流水号" };
      // S1: seal lost → the old certificate and seal numbers are void; new numbers are issued.
      const number = registrationNumber(program, {
        specialty: target.specialty,
        decisionDate: today,
        provinceCode: target.employerProvinceCode ?? provinceFor(app, ctx),
        serial: ctx.serial,
      });
      return {
        ok: true,
        effects: {
          ...none,
          updateRegistrations: [
            {
              registrationId: target.id,
              changes: {
                registrationNumber: number,
                sealNumber: sealNumber(number, 1),
                sealSequence: 1,
                certificateReissuedOn: today,
              },
            },
          ],
          voidedNumbers: [target.registrationNumber, target.sealNumber],
          summary: `原注册编号 ${target.registrationNumber} 及执业印章号作废，新注册编号 ${number}`,
        },
      };
    }
    case "suspension":
    case "resumption": {
      // U1: practice is suspended/resumed for the whole registration in the program.
      const from: RegistrationStatus = app.type === "suspension" ? "active" : "suspended";
      const to: RegistrationStatus = app.type === "suspension" ? "suspended" : "active";
      const affected = regs.filter((x) => x.status === from && inForce(x));
      return {
        ok: true,
        effects: {
          ...none,
          updateRegistrations: affected.map((x) => ({ registrationId: x.id, changes: { status: to } })),
          summary: app.type === "suspension" ? "已暂停执业" : "已恢复执业",
        },
      };
    }
    case "info_change": {
      const fields = app.infoChangeKind === "important" ? IMPORTANT_INFO_FIELDS : BASIC_INFO_FIELDS;
      const target: Record<string, string> = {};
      for (const k of fields) {
        const v = ctx.formData[k];
        if (typeof v === "string" && v.trim() !== "") {
          // newName → name, newIdType → idType, newIdNumber → idNumber (N3)
          const key = k.startsWith("new") ? k.charAt(3).toLowerCase() + k.slice(4) : k;
          target[key] = v.trim();
        }
      }
      return { ok: true, effects: { ...none, updatePerson: target, summary: "信息变更已生效" } };
    }
  }
}
