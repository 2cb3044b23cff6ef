import { describe, expect, it } from "vitest";
import { allPrograms, cost2Shanghai, type Program } from "@/lib/domain/programs";
import {
  SOD_ACCEPTED_HERE,
  SOD_INVOLVED,
  segregationOfDutiesProblem,
  type DutyFacts,
} from "@/lib/domain/segregation-of-duties";
import { ruleIdsIn } from "../copy/rule-ids";

const facts = (over: Partial<DutyFacts> = {}): DutyFacts => ({
  actorUserId: "rev",
  actorPersonId: null,
  applicantPersonId: "p-applicant",
  partyUserIds: ["u-applicant", "u-employer"],
  partyPersonIds: [],
  acceptedByUserIds: [],
  ...over,
});
const separated: Program = { ...cost2Shanghai, options: { ...cost2Shanghai.options, acceptorMayDecide: false } };

describe("segregation of duties (ASVS V4.1.x / V11.1.x, issue 9 item 9)", () => {
  it("V4.1.3 a reviewer linked to the applicant may not act on the application", () => {
    expect(segregationOfDutiesProblem("accept", cost2Shanghai, facts({ actorPersonId: "p-applicant" }))).toBe(
      SOD_INVOLVED,
    );
  });

  it("V4.1.3 M2: a reviewer linked to the person behind the countersigning employer account may not act", () => {
    expect(
      segregationOfDutiesProblem(
        "accept",
        cost2Shanghai,
        facts({ actorPersonId: "p-clerk", partyPersonIds: ["p-clerk"] }),
      ),
    ).toBe(SOD_INVOLVED);
  });

  it("V4.1.3 an account that signed as a party may not review it either", () => {
    expect(segregationOfDutiesProblem("approve", cost2Shanghai, facts({ actorUserId: "u-employer" }))).toBe(
      SOD_INVOLVED,
    );
  });

  it("V4.1.3 an uninvolved reviewer, linked or not, may act", () => {
    expect(segregationOfDutiesProblem("accept", cost2Shanghai, facts())).toBeNull();
    expect(segregationOfDutiesProblem("accept", cost2Shanghai, facts({ actorPersonId: "p-other" }))).toBeNull();
  });

  it("V11.1.x where the program separates 受理 and 审批, the acceptor may not decide; another reviewer may", () => {
    for (const action of ["approve", "reject", "publish_notice"]) {
      expect(segregationOfDutiesProblem(action, separated, facts({ acceptedByUserIds: ["rev"] }))).toBe(
        SOD_ACCEPTED_HERE,
      );
      expect(segregationOfDutiesProblem(action, separated, facts({ acceptedByUserIds: ["other"] }))).toBeNull();
    }
    // Asking for 补正 or forwarding is not the decision.
    expect(
      segregationOfDutiesProblem("request_correction", separated, facts({ acceptedByUserIds: ["rev"] })),
    ).toBeNull();
    expect(segregationOfDutiesProblem("approve", cost2Shanghai, facts({ acceptedByUserIds: ["rev"] }))).toBeNull();
  });

  it("every program states the setting, and the messages are plain Chinese without rule IDs", () => {
    for (const p of allPrograms()) expect(typeof p.options.acceptorMayDecide).toBe("boolean");
    expect(ruleIdsIn(SOD_INVOLVED + SOD_ACCEPTED_HERE)).toEqual([]);
  });
});
