/**
 * Numbers (rules.md §R). Pure: the database allocates serials (unique per program/prefix/year/province),
 * these functions only format them, so two approvals can never produce the same number (R1).
 */
import { monthOf, yearOf, type IsoDate } from "./dates";
import { findSpecialty } from "./programs";
import type { Program } from "./programs/types";

const pad = (n: number, width: number) => String(n).padStart(width, "0");

export interface RegistrationNumberInput {
  readonly specialty: string;
  readonly decisionDate: IsoDate;
  /** Two-digit province code when the program does not fix one (national programs: 初审 province; 香港 route: 81). */
  readonly provinceCode?: string;
  /** 1..999999, allocated by the database. */
  readonly serial: number;
}

/**
 * R1 (cost engineers): `建[造]` + level(1|2) + specialty(1–4) + yy + province(2) + authority(2) + serial(6).
 * 建筑师 / 勘察设计 use the same layout with their own prefix (docs/engine.md): `建[筑]1…`, `建[勘]` + specialty(2) + ….
 */
export function registrationNumber(program: Program, input: RegistrationNumberInput): string {
  const rule = program.numbering;
  const specialty = findSpecialty(program, input.specialty);
  if (!specialty) throw new Error(`unknown specialty ${input.specialty} for ${program.code}`);
  const province = rule.provinceCode ?? input.provinceCode;
  if (!province || !/^\d{2}$/.test(province)) throw new Error("a two-digit province code is required");
  if (!Number.isInteger(input.serial) || input.serial < 1 || input.serial > 999_999)
    throw new Error(`serial out of range: ${input.serial}`);
  const yy = pad(yearOf(input.decisionDate) % 100, 2);
  const parts = [rule.prefix, rule.levelDigit, specialty.numberDigits, yy, province, rule.authorityCode];
  const number = `${parts.join("")}${pad(input.serial, 6)}`;
  if (!rule.pattern.test(number)) throw new Error(`generated number ${number} does not match ${rule.pattern}`);
  return number;
}

export interface ParsedRegistrationNumber {
  readonly levelDigit: string;
  readonly specialtyDigits: string;
  readonly year: string;
  readonly provinceCode: string;
  readonly authorityCode: string;
  readonly serial: number;
}

export function parseRegistrationNumber(program: Program, number: string): ParsedRegistrationNumber | null {
  const rule = program.numbering;
  if (!rule.pattern.test(number) || !number.startsWith(rule.prefix)) return null;
  const digits = number.slice(rule.prefix.length);
  const levelDigit = digits.slice(0, rule.levelDigit.length);
  const rest = digits.slice(rule.levelDigit.length);
  const specWidth = rest.length - 12;
  return {
    levelDigit,
    specialtyDigits: rest.slice(0, specWidth),
    year: rest.slice(specWidth, specWidth + 2),
    provinceCode: rest.slice(specWidth + 2, specWidth + 4),
    authorityCode: rest.slice(specWidth + 4, specWidth + 6),
    serial: Number(rest.slice(specWidth + 6)),
  };
}

/** 执业印章号: the registration number plus a two-digit issue sequence; a new seal (C3, S1) bumps the sequence. */
export function sealNumber(registrationNo: string, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 99)
    throw new Error(`seal sequence out of range: ${sequence}`);
  return `${registrationNo}-${pad(sequence, 2)}`;
}

/** R2: 网上受理编号 = `W` + yyyyMM + office code + serial(4), e.g. W2021100330001 (`002`). */
export function acceptanceNumber(program: Program, filedOn: IsoDate, serial: number): string {
  if (!Number.isInteger(serial) || serial < 1 || serial > 9999) throw new Error(`serial out of range: ${serial}`);
  return `W${yearOf(filedOn)}${pad(monthOf(filedOn), 2)}${program.numbering.acceptanceOfficeCode}${pad(serial, 4)}`;
}

export const ACCEPTANCE_NUMBER_PATTERN = /^W\d{6}\d{3}\d{4}$/;
