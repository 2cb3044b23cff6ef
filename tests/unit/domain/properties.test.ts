/**
 * Property-based tests: random sequences of actions by random actors on an in-memory model of the services
 * (create only when eligible, re-check eligibility before signing, apply effects on approval).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ACTION_NAMES,
  APPLICATION_TYPES,
  PROGRAMS,
  TRANSITIONS,
  applyAction,
  registrationNumber,
  sealNumber,
  availableActions,
  checkOption,
  effectsOfApproval,
  isInFlight,
  isInForce,
  isPerSpecialty,
  needsNewNumber,
  newApplication,
  type Action,
  type EngineActor,
  type Application,
  type ApplicationEvent,
  type OtherApplicationRef,
  type PersonSnapshot,
  type Program,
  type RegistrationRecord,
  type TransitionSpec,
} from "@/lib/domain";
import { GOOD_COMMITMENT } from "./fixtures";

const TODAY = "2026-06-30";
const PERSONS = ["p1", "p2"] as const;

type Command =
  | { kind: "create"; person: number; type: number; specialty: number; forced: boolean; important: boolean }
  | { kind: "switchEmployer"; person: number }
  | {
      kind: "act";
      app: number;
      action: Action;
      actor: number;
      level: number;
      formValid: boolean;
      eligibleFlag: boolean;
      fail: boolean;
      sealLost: boolean;
      /** Half the time pick among the actions the table offers, so runs reach deep states. */
      guided: boolean;
      /** Guided runs usually take the "happy path" action when one is offered. */
      happy: boolean;
      choice: number;
    };

const commandArb: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("create" as const),
      person: fc.nat(1),
      type: fc.nat(APPLICATION_TYPES.length - 1),
      specialty: fc.nat(12),
      forced: fc.boolean(),
      important: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("switchEmployer" as const), person: fc.nat(1) }) },
  {
    weight: 12,
    arbitrary: fc.record({
      kind: fc.constant("act" as const),
      app: fc.nat(30),
      action: fc.constantFrom(...ACTION_NAMES),
      actor: fc.nat(5),
      level: fc.integer({ min: 1, max: 2 }),
      formValid: fc.nat(3).map((n) => n > 0),
      eligibleFlag: fc.boolean(),
      fail: fc.nat(3).map((n) => n === 0),
      sealLost: fc.boolean(),
      guided: fc.nat(3).map((n) => n > 0),
      happy: fc.nat(2).map((n) => n > 0),
      choice: fc.nat(50),
    }),
  },
);

const reached = new Set<string>();
const HAPPY_PATH: readonly Action[] = [
  "sign",
  "countersign",
  "accept",
  "forward",
  "approve",
  "publish_notice",
  "conclude",
  "answer_correction",
  "save",
];

class Model {
  apps: Application[] = [];
  regs: RegistrationRecord[] = [];
  events: ApplicationEvent[] = [];
  stateChanges = 0;
  employerOf: Record<string, string> = { p1: "e1", p2: "e1" };
  serial = 1;
  constructor(readonly program: Program) {
    // p1 starts registered in the first specialty, inside every program's extension window (TODAY + 15 days).
    const first = program.specialties[0]!.code;
    const number = registrationNumber(program, {
      specialty: first,
      decisionDate: "2022-07-16",
      provinceCode: "11",
      serial: 900_000,
    });
    this.regs.push({
      id: "r-seed",
      personId: "p1",
      programCode: program.code,
      specialty: first,
      registrationNumber: number,
      sealNumber: sealNumber(number, 1),
      sealSequence: 1,
      employerId: "e1",
      employerProvinceCode: this.province(),
      status: "active",
      validFrom: "2022-07-16",
      validUntil: "2026-07-15",
    });
  }

  province(): string {
    return this.program.jurisdiction.kind === "provincial" ? this.program.jurisdiction.provinceCode : "11";
  }

  refs(personId: string, except?: string): OtherApplicationRef[] {
    return this.apps
      .filter((a) => a.personId === personId && a.id !== except)
      .map((a) => ({ id: a.id, programCode: a.programCode, type: a.type, specialty: a.specialty, status: a.status }));
  }

  snapshot(personId: string, except?: string): PersonSnapshot {
    const p = this.program;
    return {
      personId,
      birthDate: "1980-01-01",
      qualifications: p.specialties.map((s) => ({
        programCode: p.code,
        specialty: s.code,
        issuedOn: "2025-06-01",
        provinceCode: null,
      })),
      registrations: this.regs.filter((r) => r.personId === personId),
      applications: this.refs(personId, except),
      ceRecords: [2022, 2023, 2024, 2025, 2026].map((y) => ({
        date: `${y}-01-15`,
        compulsoryHours: 40,
        electiveHours: 40,
        specialty: null,
      })),
      photoOnFile: true,
      signatureOnFile: true,
      employer: {
        id: this.employerOf[personId]!,
        name: this.employerOf[personId]!,
        kind: "survey_design",
        provinceCode: this.province(),
        verified: true,
      },
      socialInsuranceAnomaly: false,
    };
  }

  actor(cmd: Extract<Command, { kind: "act" }>, app: Application): EngineActor {
    switch (cmd.actor) {
      case 0:
        return { kind: "applicant", personId: app.personId };
      case 1:
        return { kind: "applicant", personId: app.personId === "p1" ? "p2" : "p1" };
      case 2:
        return { kind: "employer", employerId: app.employerId ?? "e1" };
      case 3:
        return { kind: "employer", employerId: app.employerId === "e1" ? "e2" : "e1" };
      case 4:
        return { kind: "authority", level: cmd.level };
      default:
        return { kind: "system" };
    }
  }

  run(cmd: Command): void {
    const p = this.program;
    if (cmd.kind === "switchEmployer") {
      const id = PERSONS[cmd.person]!;
      this.employerOf[id] = this.employerOf[id] === "e1" ? "e2" : "e1";
      return;
    }
    if (cmd.kind === "create") {
      const personId = PERSONS[cmd.person]!;
      const type = APPLICATION_TYPES[cmd.type]!;
      const specialty = isPerSpecialty(type) ? p.specialties[cmd.specialty % p.specialties.length]!.code : null;
      // services create only what eligibility allows
      if (!checkOption(this.snapshot(personId), p, type, specialty, TODAY).allowed) return;
      const r = newApplication(p, {
        id: `a${this.apps.length}`,
        personId,
        type,
        specialty,
        employerId: this.employerOf[personId]!,
        forcedCancellation: cmd.forced,
        infoChangeKind: cmd.important ? "important" : "basic",
      });
      if (r.ok) this.apps.push(r.value);
      return;
    }
    if (this.apps.length === 0) return;
    const index = cmd.app % this.apps.length;
    const app = this.apps[index]!;
    let actor = this.actor(cmd, app);
    let action = cmd.action;
    if (cmd.guided) {
      const offers = [0, 2, 4, 5].flatMap((k) => {
        const a = this.actor({ ...cmd, actor: k, level: app.currentLevel || 1 }, app);
        return availableActions(app, a, p).map((x) => [x, a] as const);
      });
      const rank = (x: Action) => (HAPPY_PATH.includes(x) ? HAPPY_PATH.indexOf(x) : Infinity);
      const best = [...offers].sort((a, b) => rank(a[0]) - rank(b[0]))[0];
      const happy = cmd.happy && best && rank(best[0]) < Infinity ? best : undefined;
      const pick = happy ?? offers[cmd.choice % Math.max(offers.length, 1)];
      if (pick) [action, actor] = pick;
    }
    // services re-check eligibility before the applicant signs — except G2, which the engine's sign guard must enforce
    // alone
    if (
      action === "sign" &&
      checkOption(this.snapshot(app.personId, app.id), p, app.type, app.specialty, TODAY).reasons.some(
        (r) => r.rule !== "G2",
      )
    )
      return;
    const result = applyAction(app, action, actor, p, {
      at: `${TODAY}T10:00:00+08:00`,
      formErrors: cmd.formValid ? [] : ["x"],
      commitment: GOOD_COMMITMENT,
      otherApplications: this.refs(app.personId, app.id),
      employerOpinionTicked: true,
      systemJudgedEligible: cmd.eligibleFlag,
      reasons: ["原因"],
      correction: { content: "内容", reason: "原因" },
      files: ["f"],
      noticeOutcome: cmd.fail ? "fail" : "pass",
      noticePeriod: { endsOn: "2000-01-01", today: TODAY },
    });
    const specs = (TRANSITIONS[app.status] as readonly TransitionSpec[]).filter(
      (t) => t.action === action && t.by === actor.kind,
    );
    if (!result.ok) return;
    // no action by an actor the table does not allow; the target is one the table lists
    expect(specs.length).toBeGreaterThan(0);
    expect(specs.some((s) => s.to.includes(result.next.status))).toBe(true);
    expect([result.event.from, result.event.to, result.event.applicationId]).toEqual([
      app.status,
      result.next.status,
      app.id,
    ]);
    if (result.next.status === "approved") {
      const formData = { reason: cmd.sealLost ? "seal_lost" : "certificate_lost", education: "本科", newName: "新名" };
      const employerId = app.employerId ?? "e1";
      const effects = effectsOfApproval(result.next, p, {
        decisionDate: TODAY,
        birthDate: "1980-01-01",
        registrations: this.regs.filter((r) => r.personId === app.personId),
        employer: { id: employerId, provinceCode: this.province() },
        formData,
        ...(needsNewNumber(app, formData) ? { serial: this.serial++ } : {}),
      });
      if (!effects.ok) return; // the service's transaction rolls the approval back
      const e = effects.effects;
      if (e.createRegistration) this.regs.push({ id: `r${this.regs.length}`, ...e.createRegistration });
      for (const u of e.updateRegistrations)
        this.regs = this.regs.map((r) => (r.id === u.registrationId ? { ...r, ...u.changes } : r));
    }
    this.apps[index] = result.next;
    this.events.push(result.event);
    this.stateChanges++;
    reached.add(result.next.status);
    if (result.next.status === "approved") reached.add(`approved:${app.type}`);
  }

  checkInvariants(): void {
    for (const personId of PERSONS) {
      const mine = this.apps.filter((a) => a.personId === personId);
      // at most one in-flight application per person (hence per person and specialty)
      expect(mine.filter((a) => isInFlight(a.status)).length).toBeLessThanOrEqual(1);
      // never two active registration numbers for one specialty
      for (const s of this.program.specialties) {
        const active = this.regs.filter(
          (r) => r.personId === personId && r.specialty === s.code && isInForce(r, TODAY),
        );
        expect(active.length).toBeLessThanOrEqual(1);
      }
    }
    const numbers = this.regs.map((r) => r.registrationNumber);
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const n of numbers) expect(n).toMatch(this.program.numbering.pattern);
    // every state change produced exactly one event
    expect(this.events.length).toBe(this.stateChanges);
  }
}

describe("properties of the engine over random action sequences", () => {
  const invariantsHold = fc.property(
    fc.constantFrom(...Object.values(PROGRAMS)),
    fc.array(commandArb, { minLength: 30, maxLength: 120 }),
    (program, commands) => {
      const model = new Model(program);
      for (const c of commands) {
        model.run(c);
        model.checkInvariants();
      }
    },
  );

  it("T1/G2: invariants hold for every program over random sequences of actions by random actors", () => {
    fc.assert(invariantsHold, { numRuns: 200 });
  });

  it("T1: the model is not vacuous — with a fixed seed the runs reach every interesting state", () => {
    reached.clear();
    fc.assert(invariantsHold, { numRuns: 200, seed: 20260630 });
    for (const s of [
      "signed",
      "returned",
      "pending_acceptance",
      "under_review",
      "publicized",
      "approved",
      "rejected",
      "withdrawn",
      "correction_requested",
      "withdrawal_requested",
      "deleted",
      "approved:initial",
      "approved:extension",
      "approved:cancellation",
      "approved:change",
    ])
      expect(reached, s).toContain(s);
  });

  it("T: an action the table does not list for (state, actor kind) is always refused", () => {
    const actors: EngineActor[] = [
      { kind: "applicant", personId: "p1" },
      { kind: "employer", employerId: "e1" },
      { kind: "authority", level: 1 },
      { kind: "system" },
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.values(PROGRAMS)),
        fc.constantFrom(...(Object.keys(TRANSITIONS) as Array<keyof typeof TRANSITIONS>)),
        fc.constantFrom(...ACTION_NAMES),
        fc.constantFrom(...actors),
        fc.integer({ min: 0, max: 2 }),
        (program, status, action, actor, level) => {
          const base = newApplication(program, {
            id: "x",
            personId: "p1",
            type: "initial",
            specialty: program.specialties[0]!.code,
            employerId: "e1",
          });
          if (!base.ok) throw new Error(base.reason);
          const app: Application = { ...base.value, status, currentLevel: level, savedValid: true };
          const listed = (TRANSITIONS[status] as readonly TransitionSpec[]).some(
            (t) => t.action === action && t.by === actor.kind,
          );
          const r = applyAction(app, action, actor, program, {
            at: "2026-01-01T00:00:00Z",
            commitment: GOOD_COMMITMENT,
            otherApplications: [],
            employerOpinionTicked: true,
            reasons: ["r"],
            correction: { content: "c", reason: "r" },
            files: ["f"],
            noticeOutcome: "pass",
          });
          if (!listed) expect(r.ok).toBe(false);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
