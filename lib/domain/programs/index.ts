/**
 * Registry of programs: the built-in ones below, plus provinces an installation adds as reference data
 * (`registerProgram`, fed from JSON files at start — see lib/server/reference-files.ts). No code edit per province.
 */
import { cost1 } from "./cost1";
import { cost2Shanghai, cost2Zhejiang } from "./cost2";
import { architect1, surveyDesign } from "./mohurd";
import type { BuiltInProgramCode, Program } from "./types";

export * from "./types";
export { cost1, HONG_KONG_PROVINCE_CODE } from "./cost1";
export { cost2Shanghai, cost2Zhejiang, makeProvincialCost2Program } from "./cost2";

export const PROGRAMS = {
  cost1,
  "cost2-sh": cost2Shanghai,
  "cost2-zj": cost2Zhejiang,
  architect1,
  "survey-design": surveyDesign,
} as const satisfies Record<BuiltInProgramCode, Program>;

/** Programs added as data, keyed by code; process-wide so every request of the server sees them. */
const processGlobal = globalThis as { __portalPrograms?: Map<string, Program> };
processGlobal.__portalPrograms ??= new Map();
const registered = processGlobal.__portalPrograms;

/** Adds (or replaces) a program defined as reference data. A built-in code cannot be replaced. */
export function registerProgram(program: Program): void {
  if (Object.hasOwn(PROGRAMS, program.code)) throw new Error(`built-in program cannot be redefined: ${program.code}`);
  registered.set(program.code, program);
}

/** Every program: built-in first, then those registered as data. */
export function allPrograms(): Program[] {
  return [...Object.values(PROGRAMS), ...registered.values()];
}

export function findProgram(code: string): Program | undefined {
  return Object.hasOwn(PROGRAMS, code) ? PROGRAMS[code as BuiltInProgramCode] : registered.get(code);
}

/** Throws on an unknown code: callers pass codes read from the database, so an unknown one is a bug. */
export function getProgram(code: string): Program {
  const p = findProgram(code);
  if (!p) throw new Error(`unknown program: ${code}`);
  return p;
}

export function findSpecialty(program: Program, code: string) {
  return program.specialties.find((s) => s.code === code);
}

/** 项目 without its jurisdiction: 二级造价工程师（上海市） → 二级造价工程师 (form titles, F2 file names, certificates). */
export function professionName(program: Pick<Program, "name">): string {
  return program.name.replace(/（.*）$/, "");
}
