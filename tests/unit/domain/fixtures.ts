/** Builders shared by the domain tests. */
import {
  applyAction,
  newApplication,
  type Action,
  type ActionInput,
  type EngineActor,
  type Application,
  type NewApplicationInput,
  type PersonSnapshot,
  type Program,
  type RegistrationRecord,
} from "@/lib/domain";

const AT = "2026-05-10T10:00:00+08:00";
export const applicant = (personId = "p1"): EngineActor => ({ kind: "applicant", personId });
export const employer = (employerId = "e1"): EngineActor => ({ kind: "employer", employerId });
export const authority = (level: number): EngineActor => ({ kind: "authority", level });
export const system: EngineActor = { kind: "system" };

export const GOOD_COMMITMENT = { conditionsTicked: true, committed: true, readingSeconds: 60 };

export function draft(program: Program, over: Partial<NewApplicationInput> = {}): Application {
  const r = newApplication(program, {
    id: "a1",
    personId: "p1",
    type: "initial",
    specialty: program.specialties[0]!.code,
    employerId: "e1",
    ...over,
  });
  if (!r.ok) throw new Error(r.reason);
  return r.value;
}

/** Default inputs that satisfy every input check, so tests only vary what they are about. */
export function okInput(over: Partial<ActionInput> = {}): ActionInput {
  return {
    at: AT,
    formErrors: [],
    commitment: GOOD_COMMITMENT,
    otherApplications: [],
    employerOpinionTicked: true,
    reasons: ["材料不全"],
    correction: { content: "补充社保证明", reason: "社保缴纳单位与聘用单位不一致" },
    files: ["f1"],
    noticeOutcome: "pass",
    noticePeriod: { endsOn: "2026-05-01", today: "2026-05-10" },
    ...over,
  };
}

export function act(
  app: Application,
  action: Action,
  actor: EngineActor,
  program: Program,
  input: Partial<ActionInput> = {},
): Application {
  const r = applyAction(app, action, actor, program, okInput(input));
  if (!r.ok) throw new Error(`${action} refused: ${r.reason}`);
  return r.next;
}

/** Runs a scripted path; each step is [action, actor]. */
export function run(
  app: Application,
  program: Program,
  steps: ReadonlyArray<readonly [Action, EngineActor, Partial<ActionInput>?]>,
): Application {
  return steps.reduce((a, [action, actor, input]) => act(a, action, actor, program, input), app);
}

/** draft → saved → signed → countersigned: at the first authority level. */
export function atFirstAuthority(program: Program, over: Partial<NewApplicationInput> = {}): Application {
  return run(draft(program, over), program, [
    ["save", applicant()],
    ["sign", applicant()],
    ["countersign", employer()],
  ]);
}

export function reg(over: Partial<RegistrationRecord> = {}): RegistrationRecord {
  return {
    id: "r1",
    personId: "p1",
    programCode: "cost2-sh",
    specialty: "1",
    registrationNumber: "建[造]21223101000001",
    sealNumber: "建[造]21223101000001-01",
    sealSequence: 1,
    employerId: "e1",
    employerProvinceCode: "31",
    status: "active",
    validFrom: "2022-07-20",
    validUntil: "2026-07-19",
    ...over,
  };
}

export function person(over: Partial<PersonSnapshot> = {}): PersonSnapshot {
  return {
    personId: "p1",
    birthDate: "1980-03-15",
    qualifications: [{ programCode: "cost2-sh", specialty: "1", issuedOn: "2025-06-01", provinceCode: "31" }],
    registrations: [],
    applications: [],
    ceRecords: [],
    photoOnFile: true,
    signatureOnFile: true,
    employer: {
      id: "e1",
      name: "上海建和工程咨询有限公司",
      kind: "cost_consulting",
      provinceCode: "31",
      verified: true,
    },
    socialInsuranceAnomaly: false,
    ...over,
  };
}

/** 15 + 15 hours a year for the four years before `until` — enough for an extension (X3). */
export function fullCe(specialty: string | null, years: readonly number[]) {
  return years.map((y) => ({ date: `${y}-09-01`, compulsoryHours: 15, electiveHours: 15, specialty }));
}
